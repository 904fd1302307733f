import { isApiError } from '../api/client';
import { useAudit } from '../api/resources';
import type { ResourceName } from '../api/types';
import { Card, EmptyState, ErrorState, Skeleton } from '../design';
import { formatDateTime } from '../lib/format';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Who changed what and when, newest first, from `GET /<resource>/:id/audit`. */
export function AuditHistory({ resource, id }: { resource: ResourceName; id: string }) {
  const audit = useAudit(resource, id);
  return (
    <Card title="History">
      {audit.isPending ? (
        <Skeleton label="Loading history" />
      ) : isApiError(audit.error, 'not_found') || audit.data?.length === 0 ? (
        // The server answers 404 for a record that exists but has no audit entries yet (seeded or
        // imported records): the page around this card has the record, so that means "none".
        <EmptyState title="No recorded changes" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <ol className="stack" style={{ paddingLeft: 20, margin: 0 }}>
          {[...audit.data].reverse().map((entry) => (
            <li key={entry.id}>
              <strong>{entry.actor.label}</strong> {entry.action}d this on{' '}
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {entry.action === 'update' && (
                <ul>
                  {Object.entries(entry.changes).map(([field, change]) => (
                    <li key={field}>
                      <span className="mono">{field}</span>: {show(change.before)} → {show(change.after)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
