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
 */
export function InlineField({
  label,
  value,
  display,
  onSave,
  ...kind
}: Kind & {
  label: string;
  /** The raw value as text ('' for none). */
  value: string;
  display?: ReactNode;
  onSave: (value: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const start = () => {
    setDraft(value);
    setEditing(true);
  };
  const save = () => {
    setEditing(false);
    if (draft !== value) onSave(draft);
  };

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
    <div className="t-inline">
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
