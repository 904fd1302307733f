import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'green' | 'amber' | 'red';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`t-badge t-badge--${tone}`}>{children}</span>;
}

const HEALTH_LABEL = { green: 'Green', amber: 'Amber', red: 'Red' } as const;

/** RAG health: a word and a shape as well as a colour. */
export function HealthBadge({ health }: { health: 'green' | 'amber' | 'red' | null | undefined }) {
  if (!health) return <Badge>Not set</Badge>;
  return (
    <span className={`t-badge t-badge--${health}`}>
      <span className="t-badge__mark" aria-hidden="true" />
      {HEALTH_LABEL[health]}
    </span>
  );
}
