import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiRequest } from '../../api/client';
import { type Backlog, type BacklogItem, useBacklog } from '../../api/delivery';
import { Badge, Button, Card, EmptyState, ErrorState, humanise, Skeleton } from '../../design';
import { groupByEpic, pointsOf, type RankPlacement, reorder } from './backlog-model';
import { TeamHeader } from './team-header';

/** Shown at once; the rest of a long backlog is reached by ranking items up. */
const SHOWN = 200;

/** Reorders optimistically, then asks the server for the new rank; a refusal puts it back. */
function useRankItem(teamId: string, onError: (message: string) => void) {
  const client = useQueryClient();
  const key = ['delivery', 'backlog', teamId];
  return useMutation({
    mutationFn: ({ id, placement }: { id: string; items: BacklogItem[]; placement: RankPlacement }) =>
      apiRequest('POST', `/work-items/${id}/rank`, { body: placement }),
    onMutate: async ({ items }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<Backlog>(key);
      if (previous) client.setQueryData<Backlog>(key, { ...previous, items });
      return { previous };
    },
    onError: (error, _v, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
      onError(error instanceof Error ? error.message : 'The item could not be ranked.');
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['delivery'] }),
  });
}

export function BacklogPage() {
  const { teamId = '' } = useParams();
  const backlog = useBacklog(teamId);
  const [view, setView] = useState<'ranked' | 'epics'>('ranked');
  const [message, setMessage] = useState<string | null>(null);
  const rank = useRankItem(teamId, setMessage);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const move = (from: number, to: number) => {
    if (!backlog.data) return;
    const result = reorder(backlog.data.items, from, to);
    const item = backlog.data.items[from];
    if (!result || !item) return;
    setMessage(`${item.key} moved to position ${to + 1}.`);
    rank.mutate({ id: item.id, items: result.items, placement: result.placement });
  };

  return (
    <>
      <TeamHeader teamId={teamId} page="Backlog" intro="Unstarted stories, tasks and bugs in rank order" />
      <fieldset className="t-segmented" style={{ marginBottom: 'var(--space-3)' }}>
        <legend className="visually-hidden">Show the backlog</legend>
        <button type="button" aria-pressed={view === 'ranked'} onClick={() => setView('ranked')}>
          Ranked list
        </button>
        <button type="button" aria-pressed={view === 'epics'} onClick={() => setView('epics')}>
          Epics → features → stories
        </button>
      </fieldset>
      <p role="status" className="muted">
        {message}
      </p>
      {backlog.isPending ? (
        <Skeleton lines={8} label="Loading backlog" />
      ) : backlog.isError ? (
        <ErrorState error={backlog.error} onRetry={() => void backlog.refetch()} />
      ) : backlog.data.items.length === 0 ? (
        <EmptyState title="The backlog is empty">Every item of the team has started.</EmptyState>
      ) : view === 'epics' ? (
        <EpicTree items={backlog.data.items} />
      ) : (
        <Card
          title={`${backlog.data.items.length} items, ${backlog.data.items.reduce((s, i) => s + pointsOf(i), 0)} story points`}
        >
          <p className="muted">Drag a row onto another to rank it there, or use its buttons.</p>
          <ol className="backlog-list" aria-label="Ranked backlog">
            {backlog.data.items.slice(0, SHOWN).map((item, index) => (
              <li
                key={item.id}
                className="backlog-row"
                draggable
                data-key={item.key}
                data-drop={dropAt === index || undefined}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', item.id);
                  setDragFrom(index);
                }}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDropAt(index);
                }}
                onDragLeave={() => setDropAt(null)}
                onDrop={(e) => {
                  e.preventDefault();
                  setDropAt(null);
                  if (dragFrom !== null) move(dragFrom, index);
                  setDragFrom(null);
                }}
              >
                <span className="muted num">{index + 1}</span>
                <Link to={`/delivery/work-items/${item.id}`} className="mono">
                  {item.key}
                </Link>
                <span>
                  {item.title}
                  <br />
                  <span className="muted">
                    {humanise(item.type)}
                    {item.epic ? ` · ${item.epic.title}` : ''}
                    {item.feature ? ` › ${item.feature.title}` : ''}
                  </span>
                </span>
                <span>
                  {item.estimate === null ? (
                    <span className="muted">No estimate</span>
                  ) : (
                    <Badge>{`${item.estimate} ${item.estimateUnit === 'hours' ? 'h' : 'pt'}`}</Badge>
                  )}
                </span>
                <span className="row" style={{ gap: 'var(--space-1)' }}>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === 0}
                    onClick={() => move(index, 0)}
                    aria-label={`Move ${item.key} to the top`}
                  >
                    Top
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={`Move ${item.key} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === backlog.data.items.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={`Move ${item.key} down`}
                  >
                    ↓
                  </Button>
                </span>
              </li>
            ))}
          </ol>
          {backlog.data.items.length > SHOWN && (
            <p className="muted">
              {backlog.data.items.length - SHOWN} more unranked or lower-ranked items not shown.
            </p>
          )}
        </Card>
      )}
    </>
  );
}

function EpicTree({ items }: { items: BacklogItem[] }) {
  return (
    <div className="stack">
      {groupByEpic(items).map((epic) => (
        <Card key={epic.id} title={`${epic.title} · ${epic.count} items · ${epic.points} points`}>
          {epic.features.map((feature) => (
            <section key={feature.id} aria-label={`${epic.title}: ${feature.title}`}>
              <h3 style={{ fontSize: '0.95rem', marginBottom: 'var(--space-1)' }}>
                {feature.title} <span className="muted">({feature.points} points)</span>
              </h3>
              <ul>
                {feature.items.map((i) => (
                  <li key={i.id}>
                    <Link to={`/delivery/work-items/${i.id}`} className="mono">
                      {i.key}
                    </Link>{' '}
                    {i.title}{' '}
                    <span className="muted">
                      {i.estimate === null ? '' : `(${i.estimate} ${i.estimateUnit ?? ''})`}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </Card>
      ))}
    </div>
  );
}
