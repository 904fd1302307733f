import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiRequest } from '../../api/client';
import { Button, Card, Input, Select } from '../../design';
import { fieldErrors } from '../form-errors';
import { monthsBetween, spreadEvenly } from './budget-lines';
import { money } from './window';

const VERSIONS = [
  { value: 'current', label: 'Current' },
  { value: 'original', label: 'Original' },
  { value: 'forecast', label: 'Forecast' },
];
const CATEGORIES = [
  { value: 'opex', label: 'Opex' },
  { value: 'capex', label: 'Capex' },
];
const COST_TYPES = [
  { value: 'labour', label: 'Labour' },
  { value: 'non_labour', label: 'Non-labour' },
];

/**
 * A new budget version for a project, or for the portfolio itself (no project: its envelope for
 * all its projects), with one category and cost type spread evenly over a span of months.
 */
export function BudgetFormCard({ portfolioId, projectId }: { portfolioId: string; projectId?: string }) {
  const client = useQueryClient();
  const thisMonth = new Date().toISOString().slice(0, 7);
  const [draft, setDraft] = useState({
    name: projectId ? 'Re-estimate' : 'Portfolio envelope',
    budgetVersion: projectId ? 'forecast' : 'current',
    category: 'opex',
    costType: projectId ? 'labour' : 'non_labour',
    from: thisMonth,
    to: thisMonth,
    total: '',
  });
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiRequest<{ id: string }>('POST', '/budgets', { body }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['budgets'] });
      void client.invalidateQueries({ queryKey: ['money'] });
    },
  });
  const errors = fieldErrors(create.error);
  const set = (field: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  const months = draft.from && draft.to ? monthsBetween(draft.from, draft.to) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lines = spreadEvenly(Math.round(Number(draft.total) || 0), months).map((l) => ({
      ...l,
      category: draft.category,
      costType: draft.costType,
    }));
    create.mutate({
      ...(projectId ? { projectId } : { portfolioId }),
      name: draft.name,
      budgetVersion: draft.budgetVersion,
      lines,
    });
  };
  return (
    <Card title={projectId ? 'Add a budget version' : 'Add a budget the portfolio holds itself'}>
      <form className="stack" aria-label="New budget" onSubmit={submit} noValidate>
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Input label="Budget name" required value={draft.name} onChange={set('name')} error={errors.name} />
          <Select
            label="Version"
            options={VERSIONS}
            value={draft.budgetVersion}
            onChange={set('budgetVersion')}
            error={errors.budgetVersion}
          />
          <Select label="Category" options={CATEGORIES} value={draft.category} onChange={set('category')} />
          <Select label="Cost type" options={COST_TYPES} value={draft.costType} onChange={set('costType')} />
          <Input label="First month" type="month" value={draft.from} onChange={set('from')} />
          <Input label="Last month" type="month" value={draft.to} onChange={set('to')} error={errors.lines} />
          <Input
            label="Total"
            type="number"
            min={0}
            step="1"
            inputMode="numeric"
            required
            value={draft.total}
            onChange={set('total')}
            hint={
              months.length > 0 && Number(draft.total) > 0
                ? `${months.length} month(s) of about ${money(Number(draft.total) / months.length)}`
                : 'Spread evenly over the months'
            }
          />
        </div>
        <div className="row">
          <Button type="submit" disabled={create.isPending || months.length === 0}>
            Add budget
          </Button>
          {create.isSuccess && <span role="status">Added as a draft; approve it when agreed.</span>}
        </div>
      </form>
    </Card>
  );
}
