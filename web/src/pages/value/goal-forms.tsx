import { type FormEvent, useState } from 'react';
import { GOAL_LEVELS, type GoalLevel } from '../../../../core/model/vocabulary';
import type { MetricDirection } from '../../../../core/value/okr';
import { METRIC_DIRECTIONS } from '../../../../core/value/vocabulary';
import { useEverything } from '../../api/resources';
import { type Goal, type KeyResult, type TreeGoal, useValueList, useValueRecord } from '../../api/value';
import { Button, Dialog, Input, optionsOf, Select, Textarea } from '../../design';
import { ConflictDialog } from '../conflict-dialog';
import { DeleteRecord } from './delete-record';
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
  const [d, setD] = useState(() => (record ? toGoalDraft(record) : newGoalDraft()));
  const [base] = useState(record);
  const [tried, setTried] = useState(false);
  const save = useVersionedSave('goals', base);
  const portfolios = useEverything('portfolios');
  const teams = useEverything('teams');
  const people = useEverything('people');
  const local = findGoalDraftErrors(d, base?.id);
  const errors = { ...(tried ? local : {}), ...save.errors };
  const set = (patch: Partial<typeof d>) => setD((x) => ({ ...x, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0) return;
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
        <Input
          label="Name"
          required
          value={d.name}
          onChange={(e) => set({ name: e.target.value })}
          error={errors.name}
        />
        <Select
          label="Level"
          options={optionsOf(GOAL_LEVELS)}
          value={d.level}
          onChange={(e) => set({ level: e.target.value as GoalLevel })}
          error={errors.level}
        />
        {d.level === 'portfolio' && (
          <Select
            label="Portfolio"
            required
            placeholder="Choose a portfolio"
            options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={d.portfolioId}
            onChange={(e) => set({ portfolioId: e.target.value })}
            error={errors.portfolioId}
          />
        )}
        {d.level === 'team' && (
          <Select
            label="Team"
            required
            placeholder="Choose a team"
            options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={d.teamId}
            onChange={(e) => set({ teamId: e.target.value })}
            error={errors.teamId}
          />
        )}
        <Select
          label="Parent goal"
          placeholder="None (a top goal)"
          options={goalOptions(goals.filter((g) => g.id !== base?.id))}
          value={d.parentId}
          onChange={(e) => set({ parentId: e.target.value })}
          error={errors.parentId}
        />
        <Select
          label="Owner"
          placeholder="Nobody yet"
          options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={d.ownerId}
          onChange={(e) => set({ ownerId: e.target.value })}
          error={errors.ownerId}
        />
        <Textarea
          label="Description"
          rows={2}
          value={d.description}
          onChange={(e) => set({ description: e.target.value })}
          error={errors.description}
        />
        <div className="t-dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : base ? 'Save goal' : 'Create goal'}
          </Button>
        </div>
      </form>
      {base && <DeleteRecord resource="goals" record={base} what="goal" onDeleted={onClose} />}
      <ConflictDialog
        open={save.conflict !== undefined}
        mine={save.conflict?.mine ?? {}}
        theirs={save.conflict?.theirs}
        labels={GOAL_LABELS}
        onKeepMine={() => save.keepMine(onClose)}
        onTakeTheirs={onClose}
      />
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
  const [d, setD] = useState(() => (record ? toKeyResultDraft(record) : newKeyResultDraft()));
  const [base] = useState(record);
  const [tried, setTried] = useState(false);
  const save = useVersionedSave('key-results', base);
  const kpis = useValueList('kpis');
  const people = useEverything('people');
  const local = findKeyResultDraftErrors(d);
  const errors = { ...(tried ? local : {}), ...save.errors };
  const set = (patch: Partial<typeof d>) => setD((x) => ({ ...x, ...patch }));
  const bodyOf = (draft: typeof d) => {
    const body = toKeyResultBody(draft);
    if (base) delete body.goalId; // fixed once created
    return body;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0) return;
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
            value={d.goalId}
            onChange={(e) => set({ goalId: e.target.value })}
            error={errors.goalId}
          />
          <Input
            label="Name"
            required
            value={d.name}
            onChange={(e) => set({ name: e.target.value })}
            error={errors.name}
          />
          <Input
            label="Metric"
            required
            value={d.metric}
            onChange={(e) => set({ metric: e.target.value })}
            error={errors.metric}
          />
          <Input
            label="Unit"
            required
            value={d.unit}
            onChange={(e) => set({ unit: e.target.value })}
            error={errors.unit}
          />
          <Select
            label="Better when"
            options={METRIC_DIRECTIONS.map((v) => ({
              value: v,
              label: v === 'increase' ? 'Higher (increase)' : 'Lower (decrease)',
            }))}
            value={d.direction}
            onChange={(e) => set({ direction: e.target.value as MetricDirection })}
            error={errors.direction}
          />
          <Input
            label="Baseline"
            inputMode="decimal"
            required
            value={d.baseline}
            onChange={(e) => set({ baseline: e.target.value })}
            error={errors.baseline}
          />
          <Input
            label="Target"
            inputMode="decimal"
            required
            value={d.target}
            onChange={(e) => set({ target: e.target.value })}
            error={errors.target}
          />
          <Select
            label="KPI"
            placeholder="None"
            hint="Customer-facing KPIs (NPS, retention, adoption) included"
            options={(kpis.data ?? []).map((k) => ({ value: k.id, label: `${k.name} (${k.unit})` }))}
            value={d.kpiId}
            onChange={(e) => set({ kpiId: e.target.value })}
            error={errors.kpiId}
          />
          <Select
            label="Owner"
            placeholder="Nobody yet"
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={d.ownerId}
            onChange={(e) => set({ ownerId: e.target.value })}
            error={errors.ownerId}
          />
          <Input
            label="Due date"
            type="date"
            value={d.dueDate}
            onChange={(e) => set({ dueDate: e.target.value })}
            error={errors.dueDate}
          />
        </div>
        <div className="t-dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : base ? 'Save key result' : 'Create key result'}
          </Button>
        </div>
      </form>
      {base && onDeleted && (
        <DeleteRecord resource="key-results" record={base} what="key result" onDeleted={onDeleted} />
      )}
      <ConflictDialog
        open={save.conflict !== undefined}
        mine={save.conflict?.mine ?? {}}
        theirs={save.conflict?.theirs}
        labels={KEY_RESULT_LABELS}
        onKeepMine={() => save.keepMine(onClose)}
        onTakeTheirs={onClose}
      />
    </Dialog>
  );
}
