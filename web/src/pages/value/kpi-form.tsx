import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { CUSTOMER_METRIC_TYPES, KPI_FREQUENCIES, KPI_METRIC_TYPES } from '../../../../core/value/vocabulary';
import { useEverything } from '../../api/resources';
import { type Kpi, useValueList } from '../../api/value';
import { Dialog, humanise, Input, optionsOf, recordOptions, Select, Textarea } from '../../design';
import { useDraftForm } from '../draft-form';
import { DeleteRecord } from './delete-record';
import { DirectionSelect } from './direction-select';
import { findKpiDraftErrors, type KpiScope, newKpiDraft, toKpiBody, toKpiDraft } from './kpi-draft';
import { SaveConflict, SaveFooter } from './save-controls';
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
  const [base] = useState(record);
  const save = useVersionedSave('kpis', base);
  const navigate = useNavigate();
  const people = useEverything('people');
  const portfolios = useEverything('portfolios');
  const streams = useValueList('value-streams');
  const { draft, set, errors, field, ready } = useDraftForm(
    () => (record ? toKpiDraft(record) : newKpiDraft()),
    findKpiDraftErrors,
    save.errors,
  );
  const withTarget = base === undefined;

  const done = (saved: Kpi) => {
    onClose();
    if (!base) void navigate(`/value/kpis/${saved.id}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready(withTarget ? undefined : withoutTargetErrors)) return;
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
          <Input label="Name" required {...field('name')} />
          <Select
            label="Type"
            required
            placeholder="Choose a type"
            hint="NPS, satisfaction, retention, churn and adoption are customer-facing"
            options={typeOptions}
            {...field('metricType')}
          />
          <Input label="Unit" required {...field('unit')} />
          <DirectionSelect {...field('direction')} />
          <Select label="Frequency" options={optionsOf(KPI_FREQUENCIES)} {...field('frequency')} />
          <Input
            label="Source"
            hint="Where the figures come from, e.g. the survey tool or the data warehouse"
            {...field('source')}
          />
          <Select
            label="Owner"
            placeholder="Nobody yet"
            options={recordOptions(people.data)}
            {...field('ownerId')}
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
              options={recordOptions(portfolios.data)}
              {...field('portfolioId')}
            />
          )}
          {draft.scope === 'stream' && (
            <Select
              label="Value stream"
              required
              placeholder="Choose a value stream"
              options={recordOptions(streams.data)}
              {...field('valueStreamId')}
            />
          )}
          {withTarget && (
            <>
              <Input label="Target" inputMode="decimal" {...field('target')} />
              <Input
                label="Threshold"
                inputMode="decimal"
                hint="The alarm line on the bad side of the target: at risk up to it, off target beyond"
                {...field('threshold')}
              />
            </>
          )}
        </div>
        <Textarea label="Description" rows={2} {...field('description')} />
        {!withTarget && (
          <p className="muted">
            The target and threshold change under “Change the target” on the KPI's page, which keeps the
            earlier ones in the history.
          </p>
        )}
        <SaveFooter pending={save.pending} onCancel={onClose} label={base ? 'Save KPI' : 'Create KPI'} />
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
      <SaveConflict save={save} labels={LABELS} onSaved={done} onTakeTheirs={onClose} />
    </Dialog>
  );
}

/** An edit has no target fields: their messages do not block it. */
function withoutTargetErrors(errors: Record<string, string>): Record<string, string> {
  const { target: _target, threshold: _threshold, ...rest } = errors;
  return rest;
}
