import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client';
import { Button } from './button';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="t-empty">
      <h2>{title}</h2>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notFound = isApiError(error, 'not_found');
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div className="t-error" role="alert">
      <h2>{notFound ? 'Not found' : 'Could not load this'}</h2>
      <p className="muted">{message}</p>
      {isApiError(error) && <p className="muted mono">code: {error.code}</p>}
      {onRetry && !notFound && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}

/** Placeholder lines while data loads; announced once as "Loading". */
export function Skeleton({ lines = 3, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <div className="stack" role="status" aria-label={label}>
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder lines, never reordered
        <span key={index} className="t-skeleton" style={{ width: `${90 - ((index * 17) % 40)}%` }} />
      ))}
    </div>
  );
}

/**
 * The loading, error and empty states around a query's data, the same on every page: a skeleton
 * ("Loading {label}") while it loads, the error with a retry, the empty state when `isEmpty` says
 * so (titled `empty`, default "No {label} yet"), otherwise `children` with the data.
 */
export function QueryView<T>({
  query,
  label,
  lines,
  empty,
  emptyHint,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>;
  label: string;
  lines?: number;
  empty?: string;
  emptyHint?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton label={`Loading ${label}`} {...(lines ? { lines } : {})} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <EmptyState title={empty ?? `No ${label} yet`}>{emptyHint}</EmptyState>;
  return <>{children(query.data)}</>;
}
