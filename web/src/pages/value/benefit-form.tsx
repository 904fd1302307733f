import { type FormEvent, useState } from 'react';
import { BENEFIT_STATUSES, REVIEW_OUTCOMES } from '../../../../core/value/vocabulary';
import { useEverything } from '../../api/resources';
import { type Benefit, useValueList } from '../../api/value';
import { Button, Dialog, Input, optionsOf, recordOptions, Select, Textarea } from '../../design';
import { useDraftForm } from '../draft-form';
import {
  type Direction,
  findBenefitDraftErrors,
  newBenefitDraft,
  type PointDraft,
  type ReviewOutcome,
  toBenefitBody,
  toBenefitDraft,
} from './benefit-draft';
import { DirectionSelect } from './direction-select';
import { SaveConflict, SaveFooter } from './save-controls';
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
  const [base] = useState(record);
  const save = useVersionedSave('benefits', base);
  const projects = useEverything('projects');
  const people = useEverything('people');
  const kpis = useValueList('kpis');
  const { draft, setDraft, set, errors, field, ready } = useDraftForm(
    () => (record ? toBenefitDraft(record) : newBenefitDraft()),
    findBenefitDraftErrors,
    save.errors,
  );

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
    if (!ready()) return;
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
            {...field('projectId')}
          />
          <Input label="Name" required {...field('name')} />
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
            options={recordOptions(people.data)}
            {...field('ownerId')}
          />
          <Select label="Status" options={optionsOf(BENEFIT_STATUSES)} {...field('status')} />
          <Input label="Unit" required {...field('unit')} />
          <DirectionSelect {...field('direction')} />
          <Input label="Baseline" inputMode="decimal" required {...field('baseline')} />
          <Input label="Target" inputMode="decimal" required {...field('target')} />
          <Input
            label="Money value when realised"
            inputMode="decimal"
            hint="Counts towards the portfolio's value realised"
            {...field('financialValue')}
          />
        </div>
        <Textarea label="Description" rows={2} {...field('description')} />
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
            <Input label="Review date" type="date" {...field('reviewDate')} />
            <Select
              label="Outcome"
              placeholder="Not reviewed yet"
              options={optionsOf(REVIEW_OUTCOMES)}
              value={draft.reviewOutcome}
              onChange={(e) => set({ reviewOutcome: e.target.value as ReviewOutcome | '' })}
              error={errors.reviewOutcome}
            />
          </div>
          <Textarea label="Review notes" rows={2} {...field('reviewNotes')} />
        </fieldset>
        <SaveFooter
          pending={save.pending}
          onCancel={onClose}
          label={base ? 'Save benefit' : 'Create benefit'}
        />
      </form>
      <SaveConflict save={save} labels={LABELS} onSaved={done} onTakeTheirs={onClose} />
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
