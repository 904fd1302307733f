import { useMemo, useState } from 'react';
import { isApiError } from '../../api/client';
import { type Risk, usePlaybookWrite } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import { Button, Dialog, Input, optionsOf, Select } from '../../design';
import { ConflictNotice } from './conflict-notice';
import { FieldProblems, fieldErrorOf } from './decision-dialog';
import { ItemList } from './item-list';
import {
  buildRiskBody,
  findRiskFormErrors,
  type MitigationRow,
  type RiskForm,
  toRiskForm,
} from './risk-form';
import { moveItem, removeItem, replaceItem } from './template-draft';

const LEVELS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
const RESPONSES = optionsOf(['avoid', 'mitigate', 'transfer', 'accept', 'escalate']);
const INLINE = [
  'title',
  'probability',
  'impact',
  'residualProbability',
  'residualImpact',
  'ownerId',
  'costImpact',
  'nextReviewOn',
];
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Adds a risk, or changes one (`risk` given): probability and impact on the 1–5 matrix, residual
 * levels after the response, owner, response, cost impact (for the EMV), mitigation actions, the
 * next review date, and "reviewed today". Re-scoring is a review too (the server records it).
 */
export function RiskFormDialog({
  projectId,
  risk,
  onClose,
}: {
  projectId: string;
  risk?: Risk;
  onClose: () => void;
}) {
  const { create, update } = usePlaybookWrite<Risk>('risks');
  const write = risk ? update : create;
  const people = useEverything('people');
  const personOptions = (people.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const [form, setForm] = useState<RiskForm>(() => toRiskForm(risk));
  const [attempted, setAttempted] = useState(false);
  const problems = useMemo(() => findRiskFormErrors(form), [form]);
  const errorOf = (field: string) =>
    (attempted ? problems[field] : undefined) ?? fieldErrorOf(write.error, field);
  const set = (patch: Partial<RiskForm>) => setForm({ ...form, ...patch });
  const setMitigations = (mitigations: MitigationRow[]) => set({ mitigations });
  const submit = () => {
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    if (risk)
      update.mutate(
        { id: risk.id, version: risk.version, patch: buildRiskBody(form, today()) },
        { onSuccess: onClose },
      );
    else create.mutate(buildRiskBody(form, today(), projectId), { onSuccess: onClose });
  };
  const label = risk ? 'Save risk' : 'Add risk';
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={risk ? `Risk: ${risk.title}` : 'Add risk'}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={write.isPending || !form.title.trim()} onClick={submit}>
            {label}
          </Button>
        </>
      }
    >
      <Input
        label="Title"
        value={form.title}
        onChange={(e) => set({ title: e.target.value })}
        error={errorOf('title')}
      />
      <div className="row">
        <Select
          label="Probability (1–5)"
          value={form.probability}
          onChange={(e) => set({ probability: e.target.value })}
          options={LEVELS}
        />
        <Select
          label="Impact (1–5)"
          value={form.impact}
          onChange={(e) => set({ impact: e.target.value })}
          options={LEVELS}
        />
        <Select
          label="Residual probability"
          placeholder="Not assessed"
          value={form.residualProbability}
          onChange={(e) => set({ residualProbability: e.target.value })}
          options={LEVELS}
          error={errorOf('residualProbability')}
        />
        <Select
          label="Residual impact"
          placeholder="Not assessed"
          value={form.residualImpact}
          onChange={(e) => set({ residualImpact: e.target.value })}
          options={LEVELS}
          error={errorOf('residualImpact')}
        />
      </div>
      <div className="row">
        <Select
          label="Owner"
          placeholder="No owner"
          value={form.ownerId}
          onChange={(e) => set({ ownerId: e.target.value })}
          options={personOptions}
        />
        <Select
          label="Response"
          placeholder="Not chosen"
          value={form.responseStrategy}
          onChange={(e) => set({ responseStrategy: e.target.value })}
          options={RESPONSES}
        />
        <Input
          label="Cost impact (£, for the expected monetary value)"
          type="number"
          min={0}
          value={form.costImpact}
          onChange={(e) => set({ costImpact: e.target.value })}
          error={errorOf('costImpact')}
        />
      </div>
      <h3>Mitigation actions</h3>
      <ItemList
        label="Mitigation actions"
        compact
        items={form.mitigations}
        itemLabel={(m, i) => `Action ${i + 1}${m.action ? `: ${m.action}` : ''}`}
        onMove={(i, d) => setMitigations(moveItem(form.mitigations, i, d))}
        onRemove={(i) => setMitigations(removeItem(form.mitigations, i))}
        onAdd={() =>
          setMitigations([...form.mitigations, { action: '', ownerId: '', dueDate: '', done: false }])
        }
        addLabel="Add action"
        render={(m, i) => {
          const change = (patch: Partial<MitigationRow>) =>
            setMitigations(replaceItem(form.mitigations, i, { ...m, ...patch }));
          return (
            <div className="row">
              <Input
                label="Action"
                value={m.action}
                onChange={(e) => change({ action: e.target.value })}
                error={errorOf(`mitigations.${i}.action`)}
              />
              <Select
                label="Action owner"
                placeholder="No owner"
                value={m.ownerId}
                onChange={(e) => change({ ownerId: e.target.value })}
                options={personOptions}
              />
              <Input
                label="Due"
                type="date"
                value={m.dueDate}
                onChange={(e) => change({ dueDate: e.target.value })}
              />
              <label className="t-check">
                <input
                  type="checkbox"
                  checked={m.done}
                  onChange={(e) => change({ done: e.target.checked })}
                />{' '}
                Done
              </label>
            </div>
          );
        }}
      />
      {risk && (
        <div className="row">
          <Select
            label="Status"
            value={form.status}
            onChange={(e) => set({ status: e.target.value })}
            options={optionsOf(['open', 'closed'])}
          />
          <Input
            label="Next review on"
            type="date"
            value={form.nextReviewOn}
            onChange={(e) => set({ nextReviewOn: e.target.value })}
            error={errorOf('nextReviewOn')}
          />
          <label className="t-check">
            <input
              type="checkbox"
              checked={form.reviewed}
              onChange={(e) => set({ reviewed: e.target.checked })}
            />{' '}
            Reviewed today (last review: {risk.lastReviewedOn ?? 'never'})
          </label>
        </div>
      )}
      {isApiError(write.error, 'precondition_failed') ? (
        <ConflictNotice />
      ) : (
        <FieldProblems
          error={write.error}
          shown={[...INLINE, ...form.mitigations.map((_, i) => `mitigations.${i}.action`)]}
        />
      )}
    </Dialog>
  );
}
