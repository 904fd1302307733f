import { useState } from 'react';
import { type Run, useCancelRun, useStartRun } from '../../api/optimisation';
import { Badge, type BadgeTone, Button, Card, ErrorState, Select } from '../../design';
import { formatAmount, formatGap } from './optimisation-format';

const LIMITS = [
  { value: '5000', label: '5 seconds' },
  { value: '10000', label: '10 seconds' },
  { value: '30000', label: '30 seconds' },
  { value: '120000', label: '2 minutes' },
];

const STATUS_TONE: Record<Run['status'], BadgeTone> = {
  running: 'amber',
  done: 'green',
  failed: 'red',
  cancelled: 'neutral',
};

const PHASES: Record<Run['progress']['phase'], string> = {
  solving: 'Solving',
  'shadow-prices': 'Pricing binding limits',
  frontier: 'Tracing the frontier',
};

export function RunStatusBadge({ status }: { status: Run['status'] }) {
  return (
    <Badge tone={STATUS_TONE[status]}>
      {status === 'done' ? 'Finished' : status[0]?.toUpperCase() + status.slice(1)}
    </Badge>
  );
}

/** Starts the optimiser in the background and shows the running run's progress, with cancel. */
export function RunPanel({ scenarioId, latest }: { scenarioId: string; latest: Run | undefined }) {
  const [limit, setLimit] = useState('10000');
  const start = useStartRun(scenarioId);
  const cancel = useCancelRun(scenarioId);
  const running = latest?.status === 'running' ? latest : undefined;
  const p = running?.progress;
  const share = p
    ? p.phase === 'frontier' && p.frontierTotal > 0
      ? 0.6 + (0.4 * p.frontierDone) / p.frontierTotal
      : Math.min(0.6, (0.6 * p.elapsedMs) / running.timeLimitMs)
    : 0;
  return (
    <Card title="Run the optimiser">
      <div className="stack">
        <form
          className="row opt-form"
          aria-label="Run the optimiser"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate(Number(limit));
          }}
        >
          <Select
            label="Time limit"
            options={LIMITS}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
          <Button variant="primary" type="submit" disabled={Boolean(running) || start.isPending}>
            Run optimiser
          </Button>
          {running && (
            <Button onClick={() => cancel.mutate(running.id)} disabled={cancel.isPending}>
              Cancel run
            </Button>
          )}
        </form>
        {start.isError && <ErrorState error={start.error} />}
        {cancel.isError && <ErrorState error={cancel.error} />}
        {running && p && (
          <div role="status" className="stack">
            <progress max={100} value={Math.round(share * 100)} aria-label="Optimiser progress" />
            <p>
              {PHASES[p.phase]}
              {p.phase === 'frontier' ? ` (${p.frontierDone} of ${p.frontierTotal} budget levels)` : ''} ·
              best so far {formatAmount(p.incumbent)} · bound {formatAmount(p.bound)} · gap {formatGap(p.gap)}
            </p>
          </div>
        )}
        {latest && !running && (
          <p>
            Last run: <RunStatusBadge status={latest.status} /> {latest.error ? `— ${latest.error}` : ''}
          </p>
        )}
      </div>
    </Card>
  );
}
