import { useState } from 'react';
import { isApiError } from '../../api/client';
import { type Risk, usePlaybookWrite } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import { Button, Dialog, ErrorState, Input, Select } from '../../design';

const LEVELS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
const RESPONSES = ['avoid', 'mitigate', 'transfer', 'accept', 'escalate'].map((v) => ({
  value: v,
  label: v.charAt(0).toUpperCase() + v.slice(1),
}));

/** Adds a risk: probability and impact on the 1–5 matrix, owner, response and cost impact. */
export function RiskFormDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { create } = usePlaybookWrite<Risk>('risks');
  const people = useEverything('people');
  const [title, setTitle] = useState('');
  const [probability, setProbability] = useState('3');
  const [impact, setImpact] = useState('3');
  const [ownerId, setOwnerId] = useState('');
  const [responseStrategy, setResponse] = useState('mitigate');
  const [costImpact, setCost] = useState('');
  const errorOf = (field: string) =>
    isApiError(create.error) ? create.error.errors.find((e) => e.field === field)?.message : undefined;
  const submit = () =>
    create.mutate(
      {
        projectId,
        title,
        probability: Number(probability),
        impact: Number(impact),
        ownerId: ownerId || null,
        responseStrategy,
        costImpact: costImpact === '' ? null : Number(costImpact),
      },
      { onSuccess: onClose },
    );
  return (
    <Dialog
      open
      onClose={onClose}
      title="Add risk"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={create.isPending || !title.trim()} onClick={submit}>
            Add risk
          </Button>
        </>
      }
    >
      <Input
        label="Title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errorOf('title')}
      />
      <div className="row">
        <Select
          label="Probability (1–5)"
          value={probability}
          onChange={(e) => setProbability(e.target.value)}
          options={LEVELS}
        />
        <Select
          label="Impact (1–5)"
          value={impact}
          onChange={(e) => setImpact(e.target.value)}
          options={LEVELS}
        />
      </div>
      <Select
        label="Owner"
        placeholder="No owner"
        value={ownerId}
        onChange={(e) => setOwnerId(e.target.value)}
        options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <Select
        label="Response"
        value={responseStrategy}
        onChange={(e) => setResponse(e.target.value)}
        options={RESPONSES}
      />
      <Input
        label="Cost impact (£, for the expected monetary value)"
        type="number"
        min={0}
        value={costImpact}
        onChange={(e) => setCost(e.target.value)}
        error={errorOf('costImpact')}
      />
      {create.isError && !errorOf('title') && !errorOf('costImpact') && <ErrorState error={create.error} />}
    </Dialog>
  );
}
