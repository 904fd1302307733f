import { type FormEvent, useState } from 'react';
import {
  type Backlog,
  type Criterion,
  type Prioritisation,
  usePrioritisation,
  useSavePrioritisation,
} from '../../api/value';
import { Button, Dialog, Input, QueryView, Select } from '../../design';
import { ConflictDialog } from '../conflict-dialog';
import { fieldErrors } from '../form-errors';
import {
  currentScores,
  findScoreErrors,
  type ModelKind,
  type ScoreField,
  scoreBody,
  scoreFields,
  sectionOf,
} from './score-inputs';

type WorkItemRef = Backlog['items'][number]['workItem'];

/** Scores one work item under the backlog's model: its inputs for that model, saved with If-Match. */
export function ScoreDialog({
  workItem,
  model,
  criteria,
  onClose,
}: {
  workItem: WorkItemRef;
  model: Backlog['model'];
  criteria: readonly Criterion[];
  onClose: () => void;
}) {
  const inputs = usePrioritisation(workItem.id);
  return (
    <Dialog open onClose={onClose} title={`Score ${workItem.key} under ${model.name}`}>
      <QueryView query={inputs} label="the inputs">
        {(current) => (
          <ScoreForm
            inputs={current}
            kind={model.kind as ModelKind}
            modelId={model.id}
            fields={scoreFields(model.kind as ModelKind, criteria)}
            onClose={onClose}
          />
        )}
      </QueryView>
    </Dialog>
  );
}

function ScoreForm({
  inputs,
  kind,
  modelId,
  fields,
  onClose,
}: {
  inputs: Prioritisation;
  kind: ModelKind;
  modelId: string | null;
  fields: ScoreField[];
  onClose: () => void;
}) {
  // The inputs as the dialog opened them: their version is the If-Match of the save.
  const [base, setBase] = useState(inputs);
  const [draft, setDraft] = useState(() => currentScores(inputs, kind, modelId, fields));
  const [tried, setTried] = useState(false);
  const [conflict, setConflict] = useState<Prioritisation>();
  const save = useSavePrioritisation();
  const section = sectionOf(kind, modelId);
  const local = findScoreErrors(kind, modelId, fields, draft);
  const errors = { ...(tried ? local : {}), ...fieldErrors(save.error) };

  const send = (on: Prioritisation) =>
    save.mutate(
      [{ workItemId: on.workItemId, version: on.version, body: scoreBody(on, kind, modelId, draft) }],
      {
        onSuccess: ({ conflicts }) => {
          const stale = conflicts[0];
          if (stale) setConflict(stale.current);
          else onClose();
        },
      },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(local).length === 0) send(base);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setBase(conflict);
    setDraft(currentScores(conflict, kind, modelId, fields));
    setConflict(undefined);
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Scores">
      {errors.form && (
        <p role="alert" className="t-field__error">
          {errors.form}
        </p>
      )}
      {fields.map((f) =>
        f.options ? (
          <Select
            key={f.key}
            label={f.label}
            placeholder="Choose"
            options={f.options.map((o) => ({ value: String(o), label: String(o) }))}
            value={draft[f.key] ?? ''}
            onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
            error={errors[`${section}.${f.key}`]}
          />
        ) : (
          <Input
            key={f.key}
            label={f.label}
            inputMode="decimal"
            value={draft[f.key] ?? ''}
            onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
            error={errors[`${section}.${f.key}`]}
          />
        ),
      )}
      <div className="t-dialog__footer">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save scores'}
        </Button>
      </div>
      <ConflictDialog
        open={conflict !== undefined}
        mine={Object.fromEntries(fields.map((f) => [f.key, draft[f.key]]))}
        theirs={
          conflict && {
            version: conflict.version,
            ...Object.fromEntries(
              Object.entries(currentScores(conflict, kind, modelId, fields)).map(([k, v]) => [k, v || null]),
            ),
          }
        }
        labels={Object.fromEntries(fields.map((f) => [f.key, f.label]))}
        onKeepMine={() => {
          if (!conflict) return;
          setBase(conflict);
          setConflict(undefined);
          send(conflict);
        }}
        onTakeTheirs={takeTheirs}
      />
    </form>
  );
}
