import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { type Kpi, useAddMeasurement, useImportMeasurements, useSaveValueRecord } from '../../api/value';
import { Button, Input, Textarea } from '../../design';

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

/** Move the target: the old target and threshold are kept as history ending the day the new one starts. */
export function TargetChange({ kpi }: { kpi: Kpi }) {
  const save = useSaveValueRecord('kpis');
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10));
  const [target, setTarget] = useState(kpi.target === null ? '' : String(kpi.target));
  const [threshold, setThreshold] = useState(kpi.threshold === null ? '' : String(kpi.threshold));
  const toNumber = (s: string) => (s.trim() === '' ? null : Number(s));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const history = [...(kpi.targetHistory ?? [])];
    if (kpi.target !== null) history.push({ until: from, target: kpi.target, threshold: kpi.threshold });
    save.mutate({
      id: kpi.id,
      version: kpi.version,
      body: { target: toNumber(target), threshold: toNumber(threshold), targetHistory: history },
    });
  };
  const fieldError = (name: string) =>
    isApiError(save.error) ? save.error.errors.find((e) => e.field.startsWith(name))?.message : undefined;
  return (
    <form className="stack" onSubmit={submit} aria-label="Change the target">
      <div className="row">
        <Input
          label="New target from"
          type="date"
          required
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Input
          label="New target"
          inputMode="decimal"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={fieldError('target')}
        />
        <Input
          label="New threshold"
          inputMode="decimal"
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          error={fieldError('threshold')}
        />
        <Button type="submit" disabled={save.isPending}>
          Change target
        </Button>
      </div>
      {save.isSuccess && (
        <p role="status" className="muted">
          Target changed; the previous one is kept in the history.
        </p>
      )}
      {save.isError && !fieldError('target') && !fieldError('threshold') && (
        <p role="alert" className="t-field__error">
          {isApiError(save.error, 'precondition_failed')
            ? 'Someone else changed this KPI meanwhile; the page now shows their version. Try again.'
            : save.error.message}
        </p>
      )}
    </form>
  );
}
