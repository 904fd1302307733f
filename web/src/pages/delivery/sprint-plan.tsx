import { useEffect, useState } from 'react';
import { apiRequest } from '../../api/client';
import { type Sprint, useBacklog, useDeliveryMutation, useSprintItems } from '../../api/delivery';
import { Button, Card, ErrorState, Skeleton } from '../../design';
import { pointsOf } from './backlog-model';
import { FieldErrors } from './field-errors';

/**
 * Planning a sprint: pick items from the ranked backlog against the capacity. The points picked
 * are the commitment once the sprint starts.
 */
export function SprintPlan({ sprint }: { sprint: Sprint }) {
  const backlog = useBacklog(sprint.teamId);
  const current = useSprintItems(sprint.id);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (current.data) setChosen(new Set(current.data.map((i) => i.workItemId)));
  }, [current.data]);
  const save = useDeliveryMutation((ids: string[]) =>
    apiRequest('PUT', `/sprints/${sprint.id}/items`, { body: { workItemIds: ids } }),
  );
  if (backlog.isPending || current.isPending) return <Skeleton lines={6} label="Loading the backlog" />;
  if (backlog.isError) return <ErrorState error={backlog.error} />;
  if (current.isError) return <ErrorState error={current.error} />;
  const pool = [
    ...current.data.map((i) => ({
      id: i.workItemId,
      key: i.key,
      title: i.title,
      estimate: i.estimate,
      estimateUnit: i.estimateUnit,
    })),
    ...backlog.data.items.filter((b) => !current.data.some((c) => c.workItemId === b.id)),
  ];
  const points = pool.filter((i) => chosen.has(i.id)).reduce((sum, i) => sum + pointsOf(i), 0);
  const over = sprint.capacity !== null && points > sprint.capacity;
  return (
    <Card
      title="Plan: choose the items"
      actions={
        <Button variant="primary" onClick={() => save.mutate([...chosen])} disabled={save.isPending}>
          Save plan
        </Button>
      }
    >
      <p role="status" className={over ? undefined : 'muted'}>
        {chosen.size} items, {points} points planned against a capacity of {sprint.capacity ?? '—'} points
        {over ? ': over capacity.' : '.'}
      </p>
      <FieldErrors error={save.error} />
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="visually-hidden">Items of {sprint.name}</legend>
        <ul className="backlog-list" style={{ maxHeight: 420, overflow: 'auto' }}>
          {pool.slice(0, 300).map((item) => (
            <li key={item.id} style={{ padding: 'var(--space-1) 0' }}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(item.id)}
                  onChange={(e) =>
                    setChosen((set) => {
                      const next = new Set(set);
                      if (e.target.checked) next.add(item.id);
                      else next.delete(item.id);
                      return next;
                    })
                  }
                />{' '}
                <span className="mono">{item.key}</span> {item.title}{' '}
                <span className="muted">
                  {item.estimate === null ? '' : `(${item.estimate} ${item.estimateUnit ?? ''})`}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </Card>
  );
}
