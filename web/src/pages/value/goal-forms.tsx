import { type FormEvent, useState } from 'react';
import { GOAL_LEVELS, type GoalLevel } from '../../../../core/model/vocabulary';
import { findKeyResultErrors, type MetricDirection } from '../../../../core/value/okr';
import { METRIC_DIRECTIONS } from '../../../../core/value/vocabulary';
import { useEverything } from '../../api/resources';
import { type TreeGoal, useValueList } from '../../api/value';
import { Button, Dialog, Input, optionsOf, Select, Textarea } from '../../design';
import { useVersionedSave } from './versioned-save';

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const goalOptions = (goals: readonly TreeGoal[]) =>
  goals.map((g) => ({ value: g.id, label: `${g.name} (${g.level})` }));

/** A new goal on the organisation, portfolio or team level, optionally under a parent goal. */
export function GoalFormDialog({ goals, onClose }: { goals: readonly TreeGoal[]; onClose: () => void }) {
  const [d, setD] = useState({
    name: '',
    level: 'portfolio' as GoalLevel,
    parentId: '',
    portfolioId: '',
    teamId: '',
    ownerId: '',
    description: '',
  });
  const [tried, setTried] = useState(false);
  const save = useVersionedSave('goals', undefined);
  const portfolios = useEverything('portfolios');
  const teams = useEverything('teams');
  const people = useEverything('people');
  const local: Record<string, string> = {};
  if (!d.name.trim()) local.name = 'Name the goal';
  if (d.level === 'portfolio' && !d.portfolioId) local.portfolioId = 'Choose the portfolio the goal is for';
  if (d.level === 'team' && !d.teamId) local.teamId = 'Choose the team the goal is for';
  const errors = { ...(tried ? local : {}), ...save.errors };
  const set = (patch: Partial<typeof d>) => setD((x) => ({ ...x, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0) return;
    const body = {
      name: d.name.trim(),
      level: d.level,
      parentId: orNull(d.parentId),
      // The level decides the scope: an organisation goal has neither portfolio nor team.
      portfolioId: d.level === 'portfolio' ? d.portfolioId : null,
      teamId: d.level === 'team' ? d.teamId : null,
      ownerId: orNull(d.ownerId),
      description: orNull(d.description),
    };
    save.submit(body, {}, onClose);
  };

  return (
    <Dialog open onClose={onClose} title="New goal">
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
          options={goalOptions(goals)}
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
            {save.pending ? 'Saving…' : 'Create goal'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** A new key result of a goal: a metric from baseline to target, better up or down. */
export function KeyResultFormDialog({ goals, onClose }: { goals: readonly TreeGoal[]; onClose: () => void }) {
  const [d, setD] = useState({
    goalId: '',
    name: '',
    metric: '',
    unit: '',
    direction: 'increase' as MetricDirection,
    baseline: '',
    target: '',
    kpiId: '',
    ownerId: '',
    dueDate: '',
  });
  const [tried, setTried] = useState(false);
  const save = useVersionedSave('key-results', undefined);
  const kpis = useValueList('kpis');
  const people = useEverything('people');
  const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));
  const local: Record<string, string> = {};
  if (!d.goalId) local.goalId = 'Choose the goal';
  if (!d.name.trim()) local.name = 'Name the key result';
  if (!d.metric.trim()) local.metric = 'Say what is measured';
  if (!d.unit.trim()) local.unit = 'Give the unit, e.g. %, days';
  if (!isNumber(d.baseline)) local.baseline = 'Enter the level at the start';
  if (!isNumber(d.target)) local.target = 'Enter the level aimed for';
  else if (isNumber(d.baseline)) {
    const [problem] = findKeyResultErrors({
      baseline: Number(d.baseline),
      target: Number(d.target),
      direction: d.direction,
    });
    if (problem) local.target = problem;
  }
  const errors = { ...(tried ? local : {}), ...save.errors };
  const set = (patch: Partial<typeof d>) => setD((x) => ({ ...x, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0) return;
    save.submit(
      {
        goalId: d.goalId,
        name: d.name.trim(),
        metric: d.metric.trim(),
        unit: d.unit.trim(),
        direction: d.direction,
        baseline: Number(d.baseline),
        target: Number(d.target),
        kpiId: orNull(d.kpiId),
        ownerId: orNull(d.ownerId),
        dueDate: orNull(d.dueDate),
      },
      {},
      onClose,
    );
  };

  return (
    <Dialog open onClose={onClose} title="New key result" wide>
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
            placeholder="Choose a goal"
            options={goalOptions(goals)}
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
            {save.pending ? 'Saving…' : 'Create key result'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
