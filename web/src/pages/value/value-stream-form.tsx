import { type FormEvent, useState } from 'react';
import { VALUE_STREAM_KINDS } from '../../../../core/value/vocabulary';
import { useEverything } from '../../api/resources';
import type { ValueStream } from '../../api/value';
import { Dialog, Input, optionsOf, recordOptions, Select, Textarea } from '../../design';
import { useDraftForm } from '../draft-form';
import { DeleteRecord } from './delete-record';
import { SaveConflict, SaveFooter } from './save-controls';
import { useVersionedSave } from './versioned-save';

const LABELS: Record<string, string> = {
  name: 'Name',
  kind: 'Kind',
  description: 'Description',
  portfolioId: 'Portfolio',
  ownerId: 'Owner',
  projectIds: 'Products (projects)',
  teamIds: 'Teams',
};

interface StreamDraft {
  name: string;
  kind: string;
  description: string;
  portfolioId: string;
  ownerId: string;
  projectIds: string[];
  teamIds: string[];
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const toDraft = (s: ValueStream | undefined): StreamDraft => ({
  name: s?.name ?? '',
  kind: s?.kind ?? 'operational',
  description: s?.description ?? '',
  portfolioId: s?.portfolioId ?? '',
  ownerId: s?.ownerId ?? '',
  projectIds: [...(s?.projectIds ?? [])],
  teamIds: [...(s?.teamIds ?? [])],
});
// Member ids sorted, so the same set in another order is no change.
const toBody = (d: StreamDraft) => ({
  name: d.name.trim(),
  kind: d.kind,
  description: orNull(d.description),
  portfolioId: orNull(d.portfolioId),
  ownerId: orNull(d.ownerId),
  projectIds: [...d.projectIds].sort(),
  teamIds: [...d.teamIds].sort(),
});

/** Creates a value stream (`record` absent) or edits one with If-Match: kind, owner, the products and teams serving it. */
export function ValueStreamFormDialog({ record, onClose }: { record?: ValueStream; onClose: () => void }) {
  const [base] = useState(record);
  const save = useVersionedSave('value-streams', base);
  const portfolios = useEverything('portfolios');
  const projects = useEverything('projects');
  const teams = useEverything('teams');
  const people = useEverything('people');
  const { draft, set, errors, field, ready } = useDraftForm(
    () => toDraft(record),
    (d): Record<string, string> => (d.name.trim() ? {} : { name: 'Name the value stream' }),
    save.errors,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready()) return;
    save.submit(toBody(draft), base ? toBody(toDraft(base)) : {}, onClose);
  };
  // A portfolio's stream is served by that portfolio's products; an organisation-wide one by any.
  const projectOptions = (projects.data ?? [])
    .filter(
      (p) => !draft.portfolioId || p.portfolioId === draft.portfolioId || draft.projectIds.includes(p.id),
    )
    .map((p) => ({ value: p.id, label: `${p.key} ${p.name}` }));

  return (
    <Dialog open onClose={onClose} wide title={base ? `Edit ${base.name}` : 'New value stream'}>
      <form className="stack" onSubmit={submit} noValidate aria-label="Value stream">
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Input label="Name" required {...field('name')} />
          <Select
            label="Kind"
            hint="Operational: how the business serves its customers; development: how it builds the systems behind that"
            options={optionsOf(VALUE_STREAM_KINDS)}
            {...field('kind')}
          />
          <Select
            label="Portfolio"
            placeholder="None (organisation-wide)"
            options={recordOptions(portfolios.data)}
            {...field('portfolioId')}
          />
          <Select
            label="Owner"
            placeholder="Nobody yet"
            options={recordOptions(people.data)}
            {...field('ownerId')}
          />
        </div>
        <Textarea label="Description" rows={2} {...field('description')} />
        <div className="grid-2">
          <CheckList
            legend="Products (projects) serving it"
            options={projectOptions}
            chosen={draft.projectIds}
            onChange={(projectIds) => set({ projectIds })}
            error={errors.projectIds}
          />
          <CheckList
            legend="Teams serving it"
            options={recordOptions(teams.data)}
            chosen={draft.teamIds}
            onChange={(teamIds) => set({ teamIds })}
            error={errors.teamIds}
          />
        </div>
        <SaveFooter
          pending={save.pending}
          onCancel={onClose}
          label={base ? 'Save value stream' : 'Create value stream'}
        />
      </form>
      {base && (
        <DeleteRecord resource="value-streams" record={base} what="value stream" onDeleted={onClose} />
      )}
      <SaveConflict save={save} labels={LABELS} onSaved={onClose} onTakeTheirs={onClose} />
    </Dialog>
  );
}

/** Several records chosen with checkboxes in a scrolling box. */
function CheckList({
  legend,
  options,
  chosen,
  onChange,
  error,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  return (
    <fieldset className="value-checklist">
      <legend>{legend}</legend>
      <ul>
        {options.map((o) => (
          <li key={o.value}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((id) => id !== o.value))
                }
              />{' '}
              {o.label}
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="t-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
