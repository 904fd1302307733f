import { type ReactNode, useId } from 'react';
import { Button } from '../../design';

// Building blocks of the structured template editor: an ordered list of items, each a named group
// with move up / move down / remove, and a group of checkboxes for picking keys.

export function ItemList<T>({
  label,
  items,
  itemLabel,
  render,
  onMove,
  onRemove,
  onAdd,
  addLabel,
  error,
  empty = 'None yet.',
  compact = false,
}: {
  /** What the list holds, for screen readers and the buttons ("Phases"). */
  label: string;
  items: readonly T[];
  /** The name of one item's group, e.g. "Phase 2: Planning". */
  itemLabel: (item: T, index: number) => string;
  render: (item: T, index: number) => ReactNode;
  onMove: (index: number, delta: number) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
  addLabel: string;
  error?: string | undefined;
  empty?: string;
  /** One row per item, the buttons beside the inputs and the group's name for screen readers only. */
  compact?: boolean;
}) {
  const errorId = useId();
  return (
    <div className={`item-list${compact ? ' item-list--compact' : ''}`}>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol aria-label={label} aria-describedby={error ? errorId : undefined}>
          {items.map((item, index) => {
            const name = itemLabel(item, index);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place, keys too; the position is the identity here
              <li key={index}>
                <fieldset className="item-list__item">
                  <legend className={compact ? 'visually-hidden' : undefined}>{name}</legend>
                  {compact && <div className="item-list__body">{render(item, index)}</div>}
                  <div className="row item-list__controls">
                    <Button
                      size="sm"
                      disabled={index === 0}
                      onClick={() => onMove(index, -1)}
                      aria-label={`Move ${name} up`}
                    >
                      Up
                    </Button>
                    <Button
                      size="sm"
                      disabled={index === items.length - 1}
                      onClick={() => onMove(index, 1)}
                      aria-label={`Move ${name} down`}
                    >
                      Down
                    </Button>
                    <Button size="sm" onClick={() => onRemove(index)} aria-label={`Remove ${name}`}>
                      Remove
                    </Button>
                  </div>
                  {!compact && render(item, index)}
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {error && (
        <p id={errorId} className="t-field__error" role="alert">
          {label}: {error}
        </p>
      )}
      <Button size="sm" onClick={onAdd}>
        {addLabel}
      </Button>
    </div>
  );
}

/** Picks any number of keys from a list of options (approver roles, required artefacts). */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (value: string, on: boolean) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const errorId = useId();
  return (
    <fieldset className="checkbox-group" aria-describedby={error ? errorId : undefined}>
      <legend className="t-field__label">{legend}</legend>
      {options.length === 0 && <p className="muted">{hint ?? 'Nothing to choose from yet.'}</p>}
      {options.map((o) => (
        <label key={o.value} className="t-check">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(o.value, e.target.checked)}
          />{' '}
          {o.label}
        </label>
      ))}
      {/* Keys the options no longer hold (a removed role) stay visible until unticked. */}
      {value
        .filter((v) => !options.some((o) => o.value === v))
        .map((v) => (
          <label key={v} className="t-check">
            <input type="checkbox" checked onChange={() => onChange(v, false)} />{' '}
            <span className="mono">{v}</span> (unknown)
          </label>
        ))}
      {error && (
        <span id={errorId} className="t-field__error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
