import { type FormEvent, useState } from 'react';
import { GOAL_LEVELS } from '../../../../core/model/vocabulary';
import { useEverything } from '../../api/resources';
import { type Goal, type KeyResult, type TreeGoal, useValueList, useValueRecord } from '../../api/value';
import { Dialog, Input, optionsOf, recordOptions, Select, Textarea } from '../../design';
import { useDraftForm } from '../draft-form';
import { DeleteRecord } from './delete-record';
import { DirectionSelect } from './direction-select';
import {
  findGoalDraftErrors,
  findKeyResultDraftErrors,
  newGoalDraft,
  newKeyResultDraft,
  toGoalBody,
  toGoalDraft,
  toKeyResultBody,
  toKeyResultDraft,
} from './goal-draft';
import { SaveConflict, SaveFooter } from './save-controls';
import { useVersionedSave } from './versioned-save';

const goalOptions = (goals: readonly TreeGoal[]) =>
  goals.map((g) => ({ value: g.id, label: `${g.name} (${g.level})` }));

const GOAL_LABELS: Record<string, string> = {
  name: 'Name',
  level: 'Level',
  parentId: 'Parent goal',
  portfolioId: 'Portfolio',
  teamId: 'Team',
  ownerId: 'Owner',
  description: 'Description',
};
const KEY_RESULT_LABELS: Record<string, string> = {
  name: 'Name',
  metric: 'Metric',
  unit: 'Unit',
  direction: 'Better when',
  baseline: 'Baseline',
  target: 'Target',
  kpiId: 'KPI',
  ownerId: 'Owner',
  dueDate: 'Due date',
};

/** Edits the goal `goalId` (the tree carries no version, so the record is read first). */
export function EditGoalDialog({
  goalId,
  goals,
  onClose,
}: {
  goalId: string;
  goals: readonly TreeGoal[];
  onClose: () => void;
}) {
  const goal = useValueRecord('goals', goalId);
  if (!goal.data) return null;
  return <GoalFormDialog goals={goals} record={goal.data} onClose={onClose} />;
}

/** A new goal on the organisation, portfolio or team level, optionally under a parent goal; or an edit of one. */
export function GoalFormDialog({
  goals,
  record,
  onClose,
}: {
  goals: readonly TreeGoal[];
  record?: Goal;
  onClose: () => void;
}) {
  const [base] = useState(record);
  const save = useVersionedSave('goals', base);
  const portfolios = useEverything('portfolios');
  const teams = useEverything('teams');
  const people = useEverything('people');
  const {
    draft: d,
    errors,
    field,
    ready,
  } = useDraftForm(
    () => (record ? toGoalDraft(record) : newGoalDraft()),
    (draft) => findGoalDraftErrors(draft, base?.id),
    save.errors,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready()) return;
    save.submit(toGoalBody(d), base ? toGoalBody(toGoalDraft(base)) : {}, onClose);
  };

  return (
    <Dialog open onClose={onClose} title={base ? `Edit ${base.name}` : 'New goal'}>
      <form className="stack" onSubmit={submit} noValidate aria-label="Goal">
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <Input label="Name" required {...field('name')} />
        <Select label="Level" options={optionsOf(GOAL_LEVELS)} {...field('level')} />
        {d.level === 'portfolio' && (
          <Select
            label="Portfolio"
            required
            placeholder="Choose a portfolio"
            options={recordOptions(portfolios.data)}
            {...field('portfolioId')}
          />
        )}
        {d.level === 'team' && (
          <Select
            label="Team"
            required
            placeholder="Choose a team"
            options={recordOptions(teams.data)}
            {...field('teamId')}
          />
        )}
        <Select
          label="Parent goal"
          placeholder="None (a top goal)"
          options={goalOptions(goals.filter((g) => g.id !== base?.id))}
          {...field('parentId')}
        />
        <Select
          label="Owner"
          placeholder="Nobody yet"
          options={recordOptions(people.data)}
          {...field('ownerId')}
        />
        <Textarea label="Description" rows={2} {...field('description')} />
        <SaveFooter pending={save.pending} onCancel={onClose} label={base ? 'Save goal' : 'Create goal'} />
      </form>
      {base && <DeleteRecord resource="goals" record={base} what="goal" onDeleted={onClose} />}
      <SaveConflict save={save} labels={GOAL_LABELS} onSaved={onClose} onTakeTheirs={onClose} />
    </Dialog>
  );
}

/**
 * A new key result of a goal (a metric from baseline to target, better up or down), or an edit of
 * one; its goal is fixed once created. `onDeleted` offers deletion in the edit.
 */
export function KeyResultFormDialog({
  goals,
  record,
  onClose,
  onDeleted,
}: {
  goals: readonly { id: string; name: string; level: string }[];
  record?: KeyResult;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const [base] = useState(record);
  const save = useVersionedSave('key-results', base);
  const kpis = useValueList('kpis');
  const people = useEverything('people');
  const {
    draft: d,
    errors,
    field,
    ready,
  } = useDraftForm(
    () => (record ? toKeyResultDraft(record) : newKeyResultDraft()),
    findKeyResultDraftErrors,
    save.errors,
  );
  const bodyOf = (draft: typeof d) => {
    const body = toKeyResultBody(draft);
    if (base) delete body.goalId; // fixed once created
    return body;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready()) return;
    save.submit(bodyOf(d), base ? bodyOf(toKeyResultDraft(base)) : {}, onClose);
  };

  return (
    <Dialog open onClose={onClose} title={base ? `Edit ${base.name}` : 'New key result'} wide>
      <form className="stack" onSubmit={submit} noValidate aria-label="Key result">
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Select
            label="Goal"
            required
            disabled={base !== undefined}
            placeholder="Choose a goal"
            options={goals.map((g) => ({ value: g.id, label: `${g.name} (${g.level})` }))}
            {...field('goalId')}
          />
          <Input label="Name" required {...field('name')} />
          <Input label="Metric" required {...field('metric')} />
          <Input label="Unit" required {...field('unit')} />
          <DirectionSelect {...field('direction')} />
          <Input label="Baseline" inputMode="decimal" required {...field('baseline')} />
          <Input label="Target" inputMode="decimal" required {...field('target')} />
          <Select
            label="KPI"
            placeholder="None"
            hint="Customer-facing KPIs (NPS, retention, adoption) included"
            options={(kpis.data ?? []).map((k) => ({ value: k.id, label: `${k.name} (${k.unit})` }))}
            {...field('kpiId')}
          />
          <Select
            label="Owner"
            placeholder="Nobody yet"
            options={recordOptions(people.data)}
            {...field('ownerId')}
          />
          <Input label="Due date" type="date" {...field('dueDate')} />
        </div>
        <SaveFooter
          pending={save.pending}
          onCancel={onClose}
          label={base ? 'Save key result' : 'Create key result'}
        />
      </form>
      {base && onDeleted && (
        <DeleteRecord resource="key-results" record={base} what="key result" onDeleted={onDeleted} />
      )}
      <SaveConflict save={save} labels={KEY_RESULT_LABELS} onSaved={onClose} onTakeTheirs={onClose} />
    </Dialog>
  );
}
