import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { type CheckIn, type CheckInInput, useSaveCheckIn } from '../../api/value';
import { Button, Input, Textarea } from '../../design';
import { formatNumber, formatPercent } from './value-common';

/**
 * Add a check-in, or edit one (sent with its version as If-Match). When someone else changed it
 * first (412), both versions are shown and the user keeps theirs or takes the server's.
 */
export function CheckInForm({
  keyResultId,
  unit,
  editing,
  onDone,
}: {
  keyResultId: string;
  unit: string;
  editing?: CheckIn;
  onDone?: () => void;
}) {
  const save = useSaveCheckIn(keyResultId);
  const [date, setDate] = useState(editing?.date ?? new Date().toISOString().slice(0, 10));
  const [value, setValue] = useState(editing ? String(editing.value) : '');
  const [confidence, setConfidence] = useState(editing ? String(Math.round(editing.confidence * 100)) : '70');
  const [note, setNote] = useState(editing?.note ?? '');
  const [version, setVersion] = useState(editing?.version);
  const [theirs, setTheirs] = useState<CheckIn | null>(null);
  const [done, setDone] = useState('');

  const fieldError = (field: string) =>
    isApiError(save.error) ? save.error.errors.find((e) => e.field === field)?.message : undefined;
  const numberError = value !== '' && !Number.isFinite(Number(value)) ? 'Enter a number' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(version);
  };

  // "Keep mine" re-sends the edit on top of their version.
  const send = (basedOn: number | undefined) => {
    const input: CheckInInput = {
      date,
      value: Number(value),
      confidence: Number(confidence) / 100,
      note: note.trim() === '' ? (editing ? null : undefined) : note.trim(),
    };
    setDone('');
    save.mutate(editing ? { id: editing.id, version: basedOn, input } : { input }, {
      onSuccess: (saved) => {
        setTheirs(null);
        setVersion(saved.version);
        setDone(editing ? 'Check-in updated.' : 'Check-in added.');
        if (!editing) setValue('');
        onDone?.();
      },
      onError: (error) => {
        if (isApiError(error, 'precondition_failed')) setTheirs(error.current as CheckIn);
      },
    });
  };

  const takeTheirs = () => {
    if (!theirs) return;
    setDate(theirs.date);
    setValue(String(theirs.value));
    setConfidence(String(Math.round(theirs.confidence * 100)));
    setNote(theirs.note ?? '');
    setVersion(theirs.version);
    setTheirs(null);
    save.reset();
  };

  return (
    <form className="stack" onSubmit={submit} aria-label={editing ? 'Edit check-in' : 'Add a check-in'}>
      <div className="row">
        <Input
          label="Date"
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={fieldError('date')}
        />
        <Input
          label={`Value (${unit})`}
          inputMode="decimal"
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={numberError ?? fieldError('value')}
        />
        <Input
          label="Confidence (%)"
          type="number"
          min={0}
          max={100}
          required
          value={confidence}
          onChange={(e) => setConfidence(e.target.value)}
          error={fieldError('confidence')}
        />
      </div>
      <Textarea label="Note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      {theirs && (
        <div role="alert" className="t-error">
          <p>
            Someone else changed this check-in while you were editing. Theirs: {formatNumber(theirs.value)}{' '}
            {unit}, confidence {formatPercent(theirs.confidence)}, {theirs.date}
            {theirs.note ? ` — ${theirs.note}` : ''}. Yours: {value} {unit}, confidence {confidence}%.
          </p>
          <div className="row">
            <Button variant="primary" onClick={() => send(theirs.version)}>
              Keep mine
            </Button>
            <Button onClick={takeTheirs}>Take theirs</Button>
          </div>
        </div>
      )}
      {save.isError && !theirs && !isApiError(save.error, 'validation_failed') && (
        <p role="alert" className="t-field__error">
          {save.error.message}
        </p>
      )}
      <div className="row">
        <Button type="submit" variant="primary" disabled={save.isPending || Boolean(numberError)}>
          {editing ? 'Save check-in' : 'Add check-in'}
        </Button>
        {done && (
          <span role="status" className="muted">
            {done}
          </span>
        )}
      </div>
    </form>
  );
}
