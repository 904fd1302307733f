import { type ReactNode, useState } from 'react';
import { Button, Input, type Option, Select, Textarea } from '../design';

type Kind =
  | { kind: 'text' }
  | { kind: 'number' }
  | { kind: 'textarea' }
  | { kind: 'select'; options: Option[] };

/**
 * A value that turns into an input when activated (click, Enter or Space). Enter saves (except in
 * multi-line text), Escape cancels; focus returns to the value afterwards.
 *
 * With live updates the record can change while the user is typing: the draft is kept, a notice
 * says someone else changed it, and the save is sent against the version the edit started from,
 * so the server answers 412 and the page shows both versions instead of silently overwriting.
 */
export function InlineField({
  label,
  value,
  display,
  version,
  onSave,
  ...kind
}: Kind & {
  label: string;
  /** The raw value as text ('' for none). */
  value: string;
  display?: ReactNode;
  /** The record's version; a change of it while editing shows the notice. */
  version?: number;
  /** Called with the draft and the version the edit started from. */
  onSave: (value: string, baseVersion: number | undefined) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState<{ value: string; version: number | undefined }>({ value, version });
  const start = () => {
    setDraft(value);
    setBase({ value, version });
    setEditing(true);
  };
  const save = () => {
    setEditing(false);
    if (draft !== base.value) onSave(draft, base.version);
  };
  const changedElsewhere = editing && (version !== base.version || value !== base.value);

  if (!editing) {
    return (
      <div className="t-inline">
        <button type="button" className="t-inline__value" onClick={start}>
          <span className="visually-hidden">Edit {label}: </span>
          {display ?? (value || <span className="muted">None</span>)}
        </button>
      </div>
    );
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setEditing(false);
    } else if (event.key === 'Enter' && kind.kind !== 'textarea') {
      event.preventDefault();
      save();
    }
  };
  const common = {
    label,
    hideLabel: true,
    autoFocus: true,
    value: draft,
    onKeyDown,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
  };
  return (
    <div className="t-inline t-inline--editing">
      {changedElsewhere && (
        <p role="status" className="t-inline__notice">
          Changed by someone else while you were editing
          {value !== base.value ? <>; it is now “{display ?? (value || 'none')}”</> : null}. Your draft is
          kept; saving shows both versions.
        </p>
      )}
      {kind.kind === 'select' ? (
        <Select {...common} options={kind.options} placeholder="None" />
      ) : kind.kind === 'textarea' ? (
        <Textarea {...common} />
      ) : (
        <Input {...common} type={kind.kind === 'number' ? 'number' : 'text'} />
      )}
      <Button size="sm" variant="primary" onClick={save}>
        Save
      </Button>
      <Button size="sm" onClick={() => setEditing(false)}>
        Cancel
      </Button>
    </div>
  );
}
