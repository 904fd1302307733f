import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MetricDirection } from '../../../../core/value/okr';
import {
  CUSTOMER_METRIC_TYPES,
  KPI_FREQUENCIES,
  KPI_METRIC_TYPES,
  METRIC_DIRECTIONS,
} from '../../../../core/value/vocabulary';
import { useEverything } from '../../api/resources';
import { type Kpi, useValueList } from '../../api/value';
import { Button, Dialog, humanise, Input, optionsOf, Select, Textarea } from '../../design';
import { ConflictDialog } from '../conflict-dialog';
import { DeleteRecord } from './delete-record';
import {
  findKpiDraftErrors,
  type KpiDraft,
  type KpiScope,
  newKpiDraft,
  toKpiBody,
  toKpiDraft,
} from './kpi-draft';
import { useVersionedSave } from './versioned-save';

const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  metricType: 'Type',
  unit: 'Unit',
  direction: 'Better when',
  frequency: 'Frequency',
  source: 'Source',
  ownerId: 'Owner',
  portfolioId: 'Portfolio',
  valueStreamId: 'Value stream',
  target: 'Target',
  threshold: 'Threshold',
};

const typeOptions = KPI_METRIC_TYPES.map((t) => ({
  value: t,
  label: `${humanise(t)}${CUSTOMER_METRIC_TYPES.includes(t) ? ' (customer-facing)' : ''}`,
}));

/** Defines a KPI (`record` absent; the new KPI's page opens) or edits its definition with If-Match. */
export function KpiFormDialog({ record, onClose }: { record?: Kpi; onClose: () => void }) {
  const [draft, setDraft] = useState(() => (record ? toKpiDraft(record) : newKpiDraft()));
  const [base] = useState(record);
  const [tried, setTried] = useState(false);
  const save = useVersionedSave('kpis', base);
  const navigate = useNavigate();
  const people = useEverything('people');
  const portfolios = useEverything('portfolios');
  const streams = useValueList('value-streams');
  const local = findKpiDraftErrors(draft);
  const errors = { ...(tried ? local : {}), ...save.errors };
  const set = (patch: Partial<KpiDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const withTarget = base === undefined;

  const done = (saved: Kpi) => {
    onClose();
    if (!base) void navigate(`/value/kpis/${saved.id}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(withTarget ? local : withoutTargetErrors(local)).length > 0) return;
    save.submit(
      toKpiBody(draft, { withTarget }),
      base ? toKpiBody(toKpiDraft(base), { withTarget }) : {},
      done,
    );
  };

  return (
    <Dialog open onClose={onClose} wide title={base ? `Edit ${base.name}` : 'New KPI'}>
      <form className="stack" onSubmit={submit} noValidate aria-label="KPI">
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Input
            label="Name"
            required
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            error={errors.name}
          />
          <Select
            label="Type"
            required
            placeholder="Choose a type"
            hint="NPS, satisfaction, retention, churn and adoption are customer-facing"
            options={typeOptions}
            value={draft.metricType}
            onChange={(e) => set({ metricType: e.target.value })}
            error={errors.metricType}
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
            options={METRIC_DIRECTIONS.map((v) => ({
              value: v,
              label: v === 'increase' ? 'Higher (increase)' : 'Lower (decrease)',
            }))}
            value={draft.direction}
            onChange={(e) => set({ direction: e.target.value as MetricDirection })}
            error={errors.direction}
          />
          <Select
            label="Frequency"
            options={optionsOf(KPI_FREQUENCIES)}
            value={draft.frequency}
            onChange={(e) => set({ frequency: e.target.value })}
            error={errors.frequency}
          />
          <Input
            label="Source"
            hint="Where the figures come from, e.g. the survey tool or the data warehouse"
            value={draft.source}
            onChange={(e) => set({ source: e.target.value })}
            error={errors.source}
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
            label="Belongs to"
            options={[
              { value: 'organisation', label: 'The organisation' },
              { value: 'portfolio', label: 'A portfolio' },
              { value: 'stream', label: 'A value stream' },
            ]}
            value={draft.scope}
            onChange={(e) => set({ scope: e.target.value as KpiScope })}
          />
          {draft.scope === 'portfolio' && (
            <Select
              label="Portfolio"
              required
              placeholder="Choose a portfolio"
              options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={draft.portfolioId}
              onChange={(e) => set({ portfolioId: e.target.value })}
              error={errors.portfolioId}
            />
          )}
          {draft.scope === 'stream' && (
            <Select
              label="Value stream"
              required
              placeholder="Choose a value stream"
              options={(streams.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={draft.valueStreamId}
              onChange={(e) => set({ valueStreamId: e.target.value })}
              error={errors.valueStreamId}
            />
          )}
          {withTarget && (
            <>
              <Input
                label="Target"
                inputMode="decimal"
                value={draft.target}
                onChange={(e) => set({ target: e.target.value })}
                error={errors.target}
              />
              <Input
                label="Threshold"
                inputMode="decimal"
                hint="The alarm line on the bad side of the target: at risk up to it, off target beyond"
                value={draft.threshold}
                onChange={(e) => set({ threshold: e.target.value })}
                error={errors.threshold}
              />
            </>
          )}
        </div>
        <Textarea
          label="Description"
          rows={2}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
          error={errors.description}
        />
        {!withTarget && (
          <p className="muted">
            The target and threshold change under “Change the target” on the KPI's page, which keeps the
            earlier ones in the history.
          </p>
        )}
        <div className="t-dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : base ? 'Save KPI' : 'Create KPI'}
          </Button>
        </div>
      </form>
      {base && (
        <DeleteRecord
          resource="kpis"
          record={base}
          what="KPI"
          onDeleted={() => {
            onClose();
            void navigate('/value/kpis');
          }}
        />
      )}
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

/** An edit has no target fields: their messages do not block it. */
function withoutTargetErrors(errors: Record<string, string>): Record<string, string> {
  const { target: _target, threshold: _threshold, ...rest } = errors;
  return rest;
}
