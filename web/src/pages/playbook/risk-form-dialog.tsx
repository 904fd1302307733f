import { useMemo, useState } from 'react';
import { isApiError } from '../../api/client';
import { type Risk, usePlaybookWrite } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import { Button, Dialog, Input, optionsOf, recordOptions, Select } from '../../design';
import { bindDraft } from '../draft-form';
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
  const personOptions = recordOptions(people.data);
  const [form, setForm] = useState<RiskForm>(() => toRiskForm(risk));
  const [attempted, setAttempted] = useState(false);
  const problems = useMemo(() => findRiskFormErrors(form), [form]);
  const errorOf = (field: string) =>
    (attempted ? problems[field] : undefined) ?? fieldErrorOf(write.error, field);
  const set = (patch: Partial<RiskForm>) => setForm({ ...form, ...patch });
  // Value and change handler of a text field; the fields shown inline add their message below.
  const field = bindDraft(form, set, {});
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
      <Input label="Title" {...field('title')} error={errorOf('title')} />
      <div className="row">
        <Select label="Probability (1–5)" {...field('probability')} options={LEVELS} />
        <Select label="Impact (1–5)" {...field('impact')} options={LEVELS} />
        <Select
          label="Residual probability"
          placeholder="Not assessed"
          {...field('residualProbability')}
          options={LEVELS}
          error={errorOf('residualProbability')}
        />
        <Select
          label="Residual impact"
          placeholder="Not assessed"
          {...field('residualImpact')}
          options={LEVELS}
          error={errorOf('residualImpact')}
        />
      </div>
      <div className="row">
        <Select label="Owner" placeholder="No owner" {...field('ownerId')} options={personOptions} />
        <Select
          label="Response"
          placeholder="Not chosen"
          {...field('responseStrategy')}
          options={RESPONSES}
        />
        <Input
          label="Cost impact (£, for the expected monetary value)"
          type="number"
          min={0}
          {...field('costImpact')}
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
          const row = bindDraft(m, change, {});
          return (
            <div className="row">
              <Input label="Action" {...row('action')} error={errorOf(`mitigations.${i}.action`)} />
              <Select
                label="Action owner"
                placeholder="No owner"
                {...row('ownerId')}
                options={personOptions}
              />
              <Input label="Due" type="date" {...row('dueDate')} />
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
          <Select label="Status" {...field('status')} options={optionsOf(['open', 'closed'])} />
          <Input
            label="Next review on"
            type="date"
            {...field('nextReviewOn')}
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
