import { type FormEvent, useState } from 'react';
import { type Criterion, type ScoringModel, useValueList } from '../../api/value';
import { Button, Card, Input, QueryView, recordOptions, Select } from '../../design';
import { ConflictDialog } from '../conflict-dialog';
import { usePageTitle } from '../record-name';
import { PageHeader, ScrollTable } from './value-common';
import { useVersionedSave } from './versioned-save';

const NEW_CRITERION: Criterion = {
  id: '',
  name: '',
  weight: 1,
  min: 0,
  max: 10,
  direction: 'higher-is-better',
};
const DIRECTIONS = [
  { value: 'higher-is-better', label: 'Higher is better' },
  { value: 'lower-is-better', label: 'Lower is better' },
];

/** Weighted-scoring models: criteria with weights and scales, edited with If-Match. */
export function ScoringModelsPage() {
  usePageTitle('Scoring models');
  const models = useValueList('scoring-models');
  const [selected, setSelected] = useState<string>();
  return (
    <div className="stack">
      <PageHeader
        title="Scoring models"
        intro="A weighted-scoring model scores each epic per criterion on its scale; the score is Σ weight share × the score mapped onto 0–1."
      />
      <QueryView query={models} label="scoring models">
        {(list) => {
          // The first model is shown until the user picks another or "New model…".
          const model = list.find((m) => m.id === (selected ?? list[0]?.id));
          return (
            <>
              <Select
                label="Model"
                value={model ? model.id : 'new'}
                options={[...recordOptions(list), { value: 'new', label: 'New model…' }]}
                onChange={(e) => setSelected(e.target.value)}
              />
              <ModelEditor key={model?.id ?? 'new'} model={model} onCreated={setSelected} />
            </>
          );
        }}
      </QueryView>
    </div>
  );
}

function ModelEditor({
  model,
  onCreated,
}: {
  model: ScoringModel | undefined;
  onCreated: (id: string) => void;
}) {
  // The version edited: the model as opened, then as last saved here (a change made elsewhere
  // meanwhile surfaces as a 412 on save, in the conflict dialog).
  const [base, setBase] = useState(model);
  const save = useVersionedSave('scoring-models', base);
  const [name, setName] = useState(model?.name ?? '');
  const [criteria, setCriteria] = useState<Criterion[]>(model?.criteria ?? [{ ...NEW_CRITERION }]);
  const [saved, setSaved] = useState(false);
  const errorOf = (field: string): string | undefined => save.errors[field];
  const update = (index: number, patch: Partial<Criterion>) =>
    setCriteria((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const totalWeight = criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.submit({ name, criteria }, base ? { name: base.name, criteria: base.criteria } : {}, done);
  };
  const done = (record: ScoringModel) => {
    setSaved(true);
    setBase(record);
    if (!base) onCreated(record.id);
  };
  const takeTheirs = () => {
    const theirs = save.conflict?.theirs;
    if (!theirs) return;
    setName(theirs.name);
    setCriteria(theirs.criteria);
    setBase(theirs);
    save.dismiss();
  };

  return (
    <Card title={model ? `Edit ${model.name}` : 'New scoring model'}>
      <form className="stack" onSubmit={submit} aria-label="Scoring model">
        <Input
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errorOf('name')}
        />
        <ScrollTable label="Criteria table">
          <table className="t-table">
            <caption className="visually-hidden">Criteria</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Criterion</th>
                <th scope="col">Weight (share)</th>
                <th scope="col">Scale from</th>
                <th scope="col">to</th>
                <th scope="col">Direction</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the key field itself is editable
                <tr key={i}>
                  <td>
                    <Input
                      label={`Key of criterion ${i + 1}`}
                      hideLabel
                      required
                      pattern="[a-z][a-z0-9_]*"
                      value={c.id}
                      onChange={(e) => update(i, { id: e.target.value })}
                    />
                  </td>
                  <td>
                    <Input
                      label={`Name of criterion ${i + 1}`}
                      hideLabel
                      required
                      value={c.name}
                      onChange={(e) => update(i, { name: e.target.value })}
                    />
                  </td>
                  <td>
                    <Input
                      label={`Weight of criterion ${i + 1}`}
                      hideLabel
                      type="number"
                      min={0}
                      step="any"
                      value={c.weight}
                      onChange={(e) => update(i, { weight: Number(e.target.value) })}
                      hint={totalWeight > 0 ? `${Math.round((c.weight / totalWeight) * 100)}%` : undefined}
                    />
                  </td>
                  <td>
                    <Input
                      label={`Scale start of criterion ${i + 1}`}
                      hideLabel
                      type="number"
                      step="any"
                      value={c.min}
                      onChange={(e) => update(i, { min: Number(e.target.value) })}
                    />
                  </td>
                  <td>
                    <Input
                      label={`Scale end of criterion ${i + 1}`}
                      hideLabel
                      type="number"
                      step="any"
                      value={c.max}
                      onChange={(e) => update(i, { max: Number(e.target.value) })}
                    />
                  </td>
                  <td>
                    <Select
                      label={`Direction of criterion ${i + 1}`}
                      hideLabel
                      value={c.direction ?? 'higher-is-better'}
                      options={DIRECTIONS}
                      onChange={(e) => update(i, { direction: e.target.value as Criterion['direction'] })}
                    />
                  </td>
                  <td>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setCriteria((list) => list.filter((_, k) => k !== i))}
                      disabled={criteria.length === 1}
                    >
                      Remove<span className="visually-hidden"> criterion {i + 1}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        {errorOf('criteria') && (
          <p role="alert" className="t-field__error">
            {errorOf('criteria')}
          </p>
        )}
        {errorOf('form') && (
          <p role="alert" className="t-field__error">
            {errorOf('form')}
          </p>
        )}
        <div className="row">
          <Button onClick={() => setCriteria((list) => [...list, { ...NEW_CRITERION }])}>
            Add criterion
          </Button>
          <Button type="submit" variant="primary" disabled={save.pending}>
            Save model
          </Button>
          {saved && (
            <span role="status" className="muted">
              Saved.
            </span>
          )}
        </div>
      </form>
      <ConflictDialog
        open={save.conflict !== undefined}
        mine={save.conflict?.mine ?? {}}
        theirs={save.conflict?.theirs}
        labels={{ name: 'Name', criteria: 'Criteria' }}
        onKeepMine={() => save.keepMine(done)}
        onTakeTheirs={takeTheirs}
      />
    </Card>
  );
}
