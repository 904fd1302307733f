import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { computeBusinessCase } from '../../../../core/finance';
import { PERIOD_UNITS } from '../../../../core/value/vocabulary';
import { useEverything } from '../../api/resources';
import type { BusinessCase } from '../../api/value';
import { Button, Dialog, humanise, Input, optionsOf, Select, Textarea } from '../../design';
import { formatMoney } from '../../lib/format';
import { useDraftForm } from '../draft-form';
import {
  type BusinessCaseDraft,
  draftFlows,
  findBusinessCaseDraftErrors,
  type LineKind,
  newBusinessCaseDraft,
  periodsOf,
  SCENARIO_NAMES,
  type ScenarioDraft,
  setPeriods,
  toBusinessCaseBody,
  toBusinessCaseDraft,
} from './business-case-draft';
import { SaveConflict, SaveFooter } from './save-controls';
import { formatPercent, formatPeriods, ScrollTable } from './value-common';
import { useVersionedSave } from './versioned-save';

const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  rate: 'Discount rate',
  periodUnit: 'Period',
  startDate: 'Start of period 0',
  lines: 'Cash-flow lines',
  pessimistic: 'Pessimistic scenario',
  optimistic: 'Optimistic scenario',
  sensitivity: 'Tornado swing',
};

/** Creates a business case (`record` absent) or edits one with If-Match, in a dialog. */
export function BusinessCaseFormDialog({
  record,
  projectId,
  onClose,
}: {
  record?: BusinessCase;
  projectId?: string;
  onClose: () => void;
}) {
  // The record as the dialog opened it: live refreshes must not move the version edited.
  const [base] = useState(record);
  const save = useVersionedSave('business-cases', base);
  const projects = useEverything('projects');
  const navigate = useNavigate();
  const { draft, setDraft, set, errors, field, ready } = useDraftForm(
    () => (record ? toBusinessCaseDraft(record) : newBusinessCaseDraft(projectId)),
    findBusinessCaseDraftErrors,
    save.errors,
  );
  const periods = periodsOf(draft);
  const setLine = (i: number, patch: Partial<BusinessCaseDraft['lines'][number]>) =>
    setDraft((d) => ({ ...d, lines: d.lines.map((l, k) => (k === i ? { ...l, ...patch } : l)) }));
  const setAmount = (i: number, p: number, value: string) =>
    setDraft((d) => ({
      ...d,
      lines: d.lines.map((l, k) =>
        k === i ? { ...l, amounts: l.amounts.map((a, q) => (q === p ? value : a)) } : l,
      ),
    }));
  const setScenario = (s: (typeof SCENARIO_NAMES)[number], patch: Partial<ScenarioDraft>) =>
    setDraft((d) => ({ ...d, [s]: { ...d[s], ...patch } }));
  const addLine = (kind: LineKind) =>
    setDraft((d) => ({
      ...d,
      lines: [...d.lines, { name: '', kind, amounts: new Array<string>(periods).fill('') }],
    }));

  const preview = useMemo(() => {
    if (Object.keys(findBusinessCaseDraftErrors(draft)).length > 0) return null;
    try {
      return computeBusinessCase({ rate: Number(draft.ratePercent) / 100, ...draftFlows(draft) });
    } catch {
      return null;
    }
  }, [draft]);

  const done = (saved: BusinessCase) => {
    onClose();
    if (!base) void navigate(`/value/business-cases/${saved.id}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready()) return;
    const body = toBusinessCaseBody(draft);
    if (base) delete body.projectId; // fixed once created
    save.submit(body, base ? toBusinessCaseBody(toBusinessCaseDraft(base)) : {}, done);
  };

  return (
    <Dialog open onClose={onClose} wide title={base ? `Edit ${base.name}` : 'New business case'}>
      <form className="stack" onSubmit={submit} noValidate aria-label="Business case">
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
            hint={base ? 'A case stays with the initiative it was made for' : undefined}
            placeholder="Choose a project"
            options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.key} ${p.name}` }))}
            {...field('projectId')}
          />
          <Input label="Name" required {...field('name')} />
          <Input
            label="Discount rate (% per period)"
            inputMode="decimal"
            required
            value={draft.ratePercent}
            onChange={(e) => set({ ratePercent: e.target.value })}
            error={errors.rate}
          />
          <Select label="Period" options={optionsOf(PERIOD_UNITS)} {...field('periodUnit')} />
          <Input label="Start of period 0" type="date" {...field('startDate')} />
          <Input
            label="Tornado swing (±%)"
            inputMode="decimal"
            hint="How far each driver moves in the sensitivity chart"
            value={draft.sensitivityPercent}
            onChange={(e) => set({ sensitivityPercent: e.target.value })}
            error={errors.sensitivity}
          />
        </div>
        <Textarea label="Description" rows={2} {...field('description')} />
        <fieldset className="stack">
          <legend>Cash flows per {draft.periodUnit} (undiscounted; period 0 is today)</legend>
          <ScrollTable label="Cash-flow lines">
            <table className="t-table">
              <caption className="visually-hidden">Cost and benefit lines per period</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Kind</th>
                  {Array.from({ length: periods }, (_, p) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: periods are positions
                    <th key={p} scope="col" className="num">
                      {humanise(draft.periodUnit)} {p}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.lines.map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place; the name is editable
                  <tr key={i}>
                    <td>
                      <Input
                        label={`Name of line ${i + 1}`}
                        hideLabel
                        value={l.name}
                        onChange={(e) => setLine(i, { name: e.target.value })}
                        error={errors[`lines.${i}.name`]}
                      />
                    </td>
                    <td>
                      <Select
                        label={`Kind of line ${i + 1}`}
                        hideLabel
                        options={optionsOf(['cost', 'benefit'])}
                        value={l.kind}
                        onChange={(e) => setLine(i, { kind: e.target.value as LineKind })}
                      />
                    </td>
                    {l.amounts.map((a, p) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: periods are positions
                      <td key={p}>
                        <Input
                          label={`${l.name || `Line ${i + 1}`}, ${draft.periodUnit} ${p}`}
                          hideLabel
                          inputMode="decimal"
                          size={8}
                          value={a}
                          onChange={(e) => setAmount(i, p, e.target.value)}
                          error={errors[`lines.${i}.amounts.${p}`]}
                        />
                      </td>
                    ))}
                    <td>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={draft.lines.length === 1}
                        onClick={() => setDraft((d) => ({ ...d, lines: d.lines.filter((_, k) => k !== i) }))}
                      >
                        Remove<span className="visually-hidden"> line {i + 1}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {errors.lines && (
            <p role="alert" className="t-field__error">
              {errors.lines}
            </p>
          )}
          <div className="row">
            <Button size="sm" onClick={() => addLine('cost')}>
              Add cost line
            </Button>
            <Button size="sm" onClick={() => addLine('benefit')}>
              Add benefit line
            </Button>
            <Button size="sm" onClick={() => setDraft((d) => setPeriods(d, periods + 1))}>
              Add period
            </Button>
            <Button
              size="sm"
              disabled={periods === 1}
              onClick={() => setDraft((d) => setPeriods(d, periods - 1))}
            >
              Remove last period
            </Button>
          </div>
        </fieldset>
        <div className="grid-2">
          {SCENARIO_NAMES.map((s) => (
            <fieldset key={s} className="stack">
              <legend>{humanise(s)} scenario (factors on the expected case)</legend>
              <div className="row">
                <Input
                  label="Cost factor"
                  inputMode="decimal"
                  size={6}
                  value={draft[s].costFactor}
                  onChange={(e) => setScenario(s, { costFactor: e.target.value })}
                  error={errors[`${s}.costFactor`]}
                />
                <Input
                  label="Benefit factor"
                  inputMode="decimal"
                  size={6}
                  value={draft[s].benefitFactor}
                  onChange={(e) => setScenario(s, { benefitFactor: e.target.value })}
                  error={errors[`${s}.benefitFactor`]}
                />
                <Input
                  label="Benefit delay (periods)"
                  inputMode="numeric"
                  size={4}
                  value={draft[s].benefitDelay}
                  onChange={(e) => setScenario(s, { benefitDelay: e.target.value })}
                  error={errors[`${s}.benefitDelay`]}
                />
                <Input
                  label="Rate (%)"
                  inputMode="decimal"
                  size={5}
                  hint="Empty: the case's rate"
                  value={draft[s].ratePercent}
                  onChange={(e) => setScenario(s, { ratePercent: e.target.value })}
                  error={errors[`${s}.rate`]}
                />
              </div>
            </fieldset>
          ))}
        </div>
        <p role="status" className="muted">
          {preview
            ? `Expected: NPV ${formatMoney(preview.npv)}, IRR ${formatPercent(preview.irr)}, payback ${formatPeriods(preview.payback, draft.periodUnit)}, ROI ${formatPercent(preview.roi)}.`
            : 'Figures appear here once every field is valid.'}
        </p>
        <SaveFooter
          pending={save.pending}
          onCancel={onClose}
          label={base ? 'Save business case' : 'Create business case'}
        />
      </form>
      <SaveConflict save={save} labels={LABELS} onSaved={done} onTakeTheirs={onClose} />
    </Dialog>
  );
}
