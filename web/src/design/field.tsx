import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldProps {
  label: string;
  /** Keep the label for screen readers but do not show it (toolbars with obvious context). */
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
}

function Field({
  label,
  hideLabel,
  hint,
  error,
  children,
}: FieldProps & { children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="t-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 't-field__label'}>
        {label}
      </label>
      {children(id, describedBy)}
      {hint && (
        <span id={hintId} className="t-field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="t-field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function Input({
  label,
  hideLabel,
  hint,
  error,
  ref,
  ...rest
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error}>
      {(id, describedBy) => (
        <input
          ref={ref}
          id={id}
          className="t-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        />
      )}
    </Field>
  );
}

export function Textarea({
  label,
  hideLabel,
  hint,
  error,
  ...rest
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error}>
      {(id, describedBy) => (
        <textarea
          id={id}
          className="t-textarea"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select({
  label,
  hideLabel,
  hint,
  error,
  options,
  placeholder,
  ref,
  ...rest
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: readonly Option[];
    /** Adds a first option with an empty value ("Any", "None"). */
    placeholder?: string;
    ref?: Ref<HTMLSelectElement>;
  }) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error}>
      {(id, describedBy) => (
        <select
          ref={ref}
          id={id}
          className="t-select"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Options from a list of words: `on_hold` → "On hold". */
export function optionsOf(values: readonly string[]): Option[] {
  return values.map((value) => ({ value, label: humanise(value) }));
}

/** Options from records (portfolios, teams, people …): the id as value, the name as label. */
export function recordOptions(records: readonly { id: string; name: string }[] | undefined): Option[] {
  return (records ?? []).map((r) => ({ value: r.id, label: r.name }));
}

export function humanise(value: string): string {
  const words = value.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
