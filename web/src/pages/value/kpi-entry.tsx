import { type FormEvent, useEffect, useState } from 'react';
import { isApiError } from '../../api/client';
import { type Kpi, useAddMeasurement, useImportMeasurements } from '../../api/value';
import { Button, Input, Textarea } from '../../design';
import { ConflictDialog } from '../conflict-dialog';
import { changedFields, useVersionedSave } from './versioned-save';

/** Manual entry of one measurement (a date already measured is overwritten). */
export function MeasurementForm({ kpi }: { kpi: Kpi }) {
  const add = useAddMeasurement(kpi.id);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { date, value: Number(value), ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: () => setValue('') },
    );
  };
  const bad = value !== '' && !Number.isFinite(Number(value));
  return (
    <form className="stack" onSubmit={submit} aria-label="Record a measurement">
      <div className="row">
        <Input label="Date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <Input
          label={`Value (${kpi.unit})`}
          inputMode="decimal"
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={bad ? 'Enter a number' : undefined}
        />
        <Input label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
        <Button type="submit" variant="primary" disabled={add.isPending || bad}>
          Record
        </Button>
      </div>
      {add.isSuccess && (
        <p role="status" className="muted">
          {add.data.created ? 'Measurement recorded.' : 'Measurement of that day replaced.'}
        </p>
      )}
      {add.isError && (
        <p role="alert" className="t-field__error">
          {add.error.message}
        </p>
      )}
    </form>
  );
}

/** CSV import: a header naming date and value (note optional); all rows or none are written. */
export function CsvImport({ kpi }: { kpi: Kpi }) {
  const run = useImportMeasurements(kpi.id);
  const [text, setText] = useState('');
  const errors = isApiError(run.error) ? run.error.errors : [];
  return (
    <form
      className="stack"
      aria-label="Import measurements from CSV"
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate(text);
      }}
    >
      <Input
        label="CSV file"
        type="file"
        accept=".csv,text/csv"
        hint="Columns date (YYYY-MM-DD), value and optionally note, in any order. Re-importing a day overwrites it."
        onChange={(e) => void e.target.files?.[0]?.text().then(setText)}
      />
      <Textarea label="Or paste CSV" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <Button type="submit" variant="primary" disabled={!text.trim() || run.isPending}>
          Import
        </Button>
      </div>
      {run.isSuccess && (
        <p role="status" className="muted">
          Imported: {run.data.created} new, {run.data.updated} replaced.
        </p>
      )}
      {run.isError && (
        <div role="alert" className="t-error">
          <p>
            Nothing was imported. {errors.length === 0 ? run.error.message : 'Fix these rows and try again:'}
          </p>
          <ul>
            {errors.map((e) => (
              <li key={`${e.field}-${e.message}`}>
                {e.field}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

/**
 * Move the target: the old target and threshold are kept as history ending the day the new one
 * starts. Saved with If-Match on the version the form holds; a 412 opens the conflict dialog, and
 * "keep my change" rebuilds the history on their version so their change to it is not lost.
 */
export function TargetChange({ kpi }: { kpi: Kpi }) {
  // The version edited: as opened, then as last saved here (not remounted on every refresh, so a
  // conflict found on save stays on screen). Until the user types, it follows the KPI as it changes.
  const [base, setBase] = useState(kpi);
  const [touched, setTouched] = useState(false);
  const save = useVersionedSave('kpis', base);
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10));
  const [target, setTarget] = useState(kpi.target === null ? '' : String(kpi.target));
  const [threshold, setThreshold] = useState(kpi.threshold === null ? '' : String(kpi.threshold));
  const [saved, setSaved] = useState(false);
  const show = (k: Kpi) => {
    setBase(k);
    setTarget(k.target === null ? '' : String(k.target));
    setThreshold(k.threshold === null ? '' : String(k.threshold));
  };
  useEffect(() => {
    if (!touched && kpi.version > base.version) show(kpi);
  });
  const toNumber = (s: string) => (s.trim() === '' ? null : Number(s));
  const targetsOf = (k: Kpi) => ({
    target: k.target,
    threshold: k.threshold,
    targetHistory: k.targetHistory ?? [],
  });
  const changeOn = (k: Kpi) => {
    const history = [...(k.targetHistory ?? [])];
    if (k.target !== null) history.push({ until: from, target: k.target, threshold: k.threshold });
    return { target: toNumber(target), threshold: toNumber(threshold), targetHistory: history };
  };
  const done = (record: Kpi) => {
    setBase(record);
    setTouched(false);
    setSaved(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.submit(changeOn(base), targetsOf(base), done);
  };
  const takeTheirs = () => {
    const theirs = save.conflict?.theirs;
    if (!theirs) return;
    show(theirs);
    setTouched(false);
    save.dismiss();
  };
  // "Keep my change" on their version: what I changed (compared with the version I edited), with
  // the history rebuilt from theirs; a field I left alone keeps their value.
  const rebase = (theirs: Kpi) => changedFields(changeOn(theirs), targetsOf(base));
  const message = (name: string) =>
    Object.entries(save.errors).find(([field]) => field.startsWith(name))?.[1];
  return (
    <form className="stack" onSubmit={submit} aria-label="Change the target">
      <div className="row">
        <Input
          label="New target from"
          type="date"
          required
          value={from}
          onChange={(e) => {
            setTouched(true);
            setFrom(e.target.value);
          }}
        />
        <Input
          label="New target"
          inputMode="decimal"
          value={target}
          onChange={(e) => {
            setTouched(true);
            setTarget(e.target.value);
          }}
          error={message('target')}
        />
        <Input
          label="New threshold"
          inputMode="decimal"
          value={threshold}
          onChange={(e) => {
            setTouched(true);
            setThreshold(e.target.value);
          }}
          error={message('threshold')}
        />
        <Button type="submit" disabled={save.pending}>
          Change target
        </Button>
      </div>
      {saved && (
        <p role="status" className="muted">
          Target changed; the previous one is kept in the history.
        </p>
      )}
      {save.errors.form && !message('target') && !message('threshold') && (
        <p role="alert" className="t-field__error">
          {save.errors.form}
        </p>
      )}
      <ConflictDialog
        open={save.conflict !== undefined}
        mine={save.conflict?.mine ?? {}}
        theirs={save.conflict?.theirs}
        labels={{ target: 'Target', threshold: 'Threshold', targetHistory: 'Earlier targets' }}
        onKeepMine={() => save.keepMine(done, rebase)}
        onTakeTheirs={takeTheirs}
      />
    </form>
  );
}
