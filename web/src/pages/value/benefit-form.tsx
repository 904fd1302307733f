import { type FormEvent, useState } from 'react';
import { BENEFIT_STATUSES, METRIC_DIRECTIONS, REVIEW_OUTCOMES } from '../../../../core/value/vocabulary';
import { useEverything } from '../../api/resources';
import { type Benefit, useValueList } from '../../api/value';
import { Button, Dialog, Input, optionsOf, Select, Textarea } from '../../design';
import { ConflictDialog } from '../conflict-dialog';
import {
  type BenefitDraft,
  type BenefitStatus,
  type Direction,
  findBenefitDraftErrors,
  newBenefitDraft,
  type PointDraft,
  type ReviewOutcome,
  toBenefitBody,
  toBenefitDraft,
} from './benefit-draft';
import { useVersionedSave } from './versioned-save';

const LABELS: Record<string, string> = {
  kpiId: 'KPI',
  name: 'Name',
  description: 'Description',
  ownerId: 'Owner',
  status: 'Status',
  unit: 'Unit',
  direction: 'Better when',
  baseline: 'Baseline',
  target: 'Target',
  financialValue: 'Money value',
  trajectory: 'Expected trajectory',
  actuals: 'Realised measurements',
  reviewDate: 'Review date',
  reviewOutcome: 'Review outcome',
  reviewNotes: 'Review notes',
};

/** Creates a planned benefit (`record` absent) or edits one with If-Match, in a dialog. */
export function BenefitFormDialog({
  record,
  projectIds,
  onClose,
}: {
  record?: Benefit;
  /** Projects to offer for a new benefit (the page's portfolio); all when absent. */
  projectIds?: readonly string[];
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(() => (record ? toBenefitDraft(record) : newBenefitDraft()));
  const [base] = useState(record);
  const [tried, setTried] = useState(false);
  const save = useVersionedSave('benefits', base);
  const projects = useEverything('projects');
  const people = useEverything('people');
  const kpis = useValueList('kpis');
  const local = findBenefitDraftErrors(draft);
  const errors = { ...(tried ? local : {}), ...save.errors };
  const set = (patch: Partial<BenefitDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // A KPI names the measure: take its unit and direction unless the user already gave them.
  const chooseKpi = (kpiId: string) => {
    const kpi = kpis.data?.find((k) => k.id === kpiId);
    setDraft((d) => ({
      ...d,
      kpiId,
      unit: d.unit || kpi?.unit || '',
      direction: kpi && !d.baseline && !d.target ? (kpi.direction as Direction) : d.direction,
    }));
  };

  const done = () => onClose();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0) return;
    const body = toBenefitBody(draft);
    if (base) delete body.projectId; // fixed once created
    save.submit(body, base ? toBenefitBody(toBenefitDraft(base)) : {}, done);
  };

  const projectOptions = (projects.data ?? [])
    .filter((p) => !projectIds || projectIds.includes(p.id) || p.id === draft.projectId)
    .map((p) => ({ value: p.id, label: `${p.key} ${p.name}` }));

  return (
    <Dialog open onClose={onClose} wide title={base ? `Edit ${base.name}` : 'New benefit'}>
      <form className="stack" onSubmit={submit} noValidate aria-label="Benefit">
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Select
            label="Initiative (project)"
            required
            disabled={base !== undefined}
            placeholder="Choose a project"
            options={projectOptions}
            value={draft.projectId}
            onChange={(e) => set({ projectId: e.target.value })}
            error={errors.projectId}
          />
          <Input
            label="Name"
            required
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            error={errors.name}
          />
          <Select
            label="KPI"
            placeholder="None: realised measurements below"
            hint="A linked KPI's measurements are the realised values"
            options={(kpis.data ?? []).map((k) => ({ value: k.id, label: `${k.name} (${k.unit})` }))}
            value={draft.kpiId}
            onChange={(e) => chooseKpi(e.target.value)}
            error={errors.kpiId}
          />
          <Select
            label="Owner"
            placeholder="Nobody yet"
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={draft.ownerId}
            onChange={(e) => set({ ownerId: e.target.value })}
            error={errors.ownerId}
          />
          <Select
            label="Status"
            options={optionsOf(BENEFIT_STATUSES)}
            value={draft.status}
            onChange={(e) => set({ status: e.target.value as BenefitStatus })}
            error={errors.status}
          />
          <Input
            label="Unit"
            required
            value={draft.unit}
            onChange={(e) => set({ unit: e.target.value })}
            error={errors.unit}
          />
          <Select
            label="Better when"
            options={METRIC_DIRECTIONS.map((d) => ({
              value: d,
              label: d === 'increase' ? 'Higher (increase)' : 'Lower (decrease)',
            }))}
            value={draft.direction}
            onChange={(e) => set({ direction: e.target.value as Direction })}
            error={errors.direction}
          />
          <Input
            label="Baseline"
            inputMode="decimal"
            required
            value={draft.baseline}
            onChange={(e) => set({ baseline: e.target.value })}
            error={errors.baseline}
          />
          <Input
            label="Target"
            inputMode="decimal"
            required
            value={draft.target}
            onChange={(e) => set({ target: e.target.value })}
            error={errors.target}
          />
          <Input
            label="Money value when realised"
            inputMode="decimal"
            hint="Counts towards the portfolio's value realised"
            value={draft.financialValue}
            onChange={(e) => set({ financialValue: e.target.value })}
            error={errors.financialValue}
          />
        </div>
        <Textarea
          label="Description"
          rows={2}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
          error={errors.description}
        />
        <div className="grid-2">
          <PointsEditor
            legend="Expected trajectory (planned level by date)"
            field="trajectory"
            unit={draft.unit}
            points={draft.trajectory}
            errors={errors}
            onChange={(trajectory) => set({ trajectory })}
          />
          <PointsEditor
            legend={
              draft.kpiId
                ? 'Realised measurements (the KPI’s measurements count while it is linked)'
                : 'Realised measurements'
            }
            field="actuals"
            unit={draft.unit}
            points={draft.actuals}
            errors={errors}
            onChange={(actuals) => set({ actuals })}
          />
        </div>
        <fieldset className="stack">
          <legend>Post-implementation review</legend>
          <div className="row">
            <Input
              label="Review date"
              type="date"
              value={draft.reviewDate}
              onChange={(e) => set({ reviewDate: e.target.value })}
              error={errors.reviewDate}
            />
            <Select
              label="Outcome"
              placeholder="Not reviewed yet"
              options={optionsOf(REVIEW_OUTCOMES)}
              value={draft.reviewOutcome}
              onChange={(e) => set({ reviewOutcome: e.target.value as ReviewOutcome | '' })}
              error={errors.reviewOutcome}
            />
          </div>
          <Textarea
            label="Review notes"
            rows={2}
            value={draft.reviewNotes}
            onChange={(e) => set({ reviewNotes: e.target.value })}
            error={errors.reviewNotes}
          />
        </fieldset>
        <div className="t-dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : base ? 'Save benefit' : 'Create benefit'}
          </Button>
        </div>
      </form>
      <ConflictDialog
        open={save.conflict !== undefined}
        mine={save.conflict?.mine ?? {}}
        theirs={save.conflict?.theirs}
        labels={LABELS}
        onKeepMine={() => save.keepMine(done)}
        onTakeTheirs={onClose}
      />
    </Dialog>
  );
}

/** Dated values of one list: add, edit and remove rows; messages by `field.index.date|value`. */
function PointsEditor({
  legend,
  field,
  unit,
  points,
  errors,
  onChange,
}: {
  legend: string;
  field: 'trajectory' | 'actuals';
  unit: string;
  points: PointDraft[];
  errors: Record<string, string>;
  onChange: (points: PointDraft[]) => void;
}) {
  const name = field === 'trajectory' ? 'planned point' : 'measurement';
  const update = (i: number, patch: Partial<PointDraft>) =>
    onChange(points.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="stack">
      <legend>{legend}</legend>
      {points.length === 0 && <p className="muted">None yet.</p>}
      {points.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the date is editable
        <div className="row" key={i}>
          <Input
            label={`Date of ${name} ${i + 1}`}
            type="date"
            value={p.date}
            onChange={(e) => update(i, { date: e.target.value })}
            error={errors[`${field}.${i}.date`]}
          />
          <Input
            label={`Value of ${name} ${i + 1}${unit ? ` (${unit})` : ''}`}
            inputMode="decimal"
            size={8}
            value={p.value}
            onChange={(e) => update(i, { value: e.target.value })}
            error={errors[`${field}.${i}.value`]}
          />
          <Button size="sm" variant="ghost" onClick={() => onChange(points.filter((_, k) => k !== i))}>
            Remove<span className="visually-hidden"> {`${name} ${i + 1}`}</span>
          </Button>
        </div>
      ))}
      {errors[field] && (
        <p role="alert" className="t-field__error">
          {errors[field]}
        </p>
      )}
      <div className="row">
        <Button size="sm" onClick={() => onChange([...points, { date: '', value: '' }])}>
          Add {name}
        </Button>
      </div>
    </fieldset>
  );
}
