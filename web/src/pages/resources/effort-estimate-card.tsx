import { useState } from 'react';
import { useEverything } from '../../api/resources';
import { useEffortEstimate } from '../../api/resources-money';
import { Button, Card, EmptyState, ErrorState, Input, recordOptions, Select, Skeleton } from '../../design';
import { hours, ratio } from './window';

const TYPES = ['story', 'task', 'bug', 'feature', 'epic'].map((t) => ({ value: t, label: t }));
const UNITS = [
  { value: 'points', label: 'Story points' },
  { value: 'hours', label: 'Hours' },
];
const BASIS: Record<string, string> = {
  'type-and-team': 'past items of this type by this team',
  type: 'past items of this type (too few by this team)',
  team: 'past items of this team (too few of this type)',
  organisation: 'every past item (too few of this type or team)',
};

/** Effort of new work from the organisation's own actual ÷ estimate history, as a spread. */
export function EffortEstimateCard() {
  const teams = useEverything('teams');
  const [draft, setDraft] = useState({ type: 'story', teamId: '', estimate: '5', unit: 'points' });
  const [query, setQuery] = useState(draft);
  const estimate = Number(query.estimate);
  const result = useEffortEstimate(
    { type: query.type, unit: query.unit, estimate, ...(query.teamId ? { teamId: query.teamId } : {}) },
    estimate > 0,
  );
  const r = result.data;
  return (
    <Card title="Effort estimate from history">
      <div className="stack">
        <form
          className="row"
          aria-label="Estimate effort"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(draft);
          }}
        >
          <Select
            label="Type"
            options={TYPES}
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.target.value })}
          />
          <Select
            label="Team"
            placeholder="Any team"
            options={recordOptions(teams.data)}
            value={draft.teamId}
            onChange={(e) => setDraft({ ...draft, teamId: e.target.value })}
          />
          <Input
            label="Estimate"
            type="number"
            min={0.1}
            step="any"
            value={draft.estimate}
            onChange={(e) => setDraft({ ...draft, estimate: e.target.value })}
          />
          <Select
            label="Unit"
            options={UNITS}
            value={draft.unit}
            onChange={(e) => setDraft({ ...draft, unit: e.target.value })}
          />
          <Button type="submit" variant="primary">
            Estimate
          </Button>
        </form>
        {!(estimate > 0) ? (
          <EmptyState title="Enter a positive estimate" />
        ) : result.isPending ? (
          <Skeleton lines={3} label="Estimating" />
        ) : result.isError ? (
          <ErrorState error={result.error} />
        ) : !r?.effort || !r.ratio ? (
          <EmptyState title="No finished, estimated work with booked time to learn from" />
        ) : (
          <>
            <p role="status">
              {query.estimate} {query.unit} of {query.type} work will most likely take{' '}
              <strong>{hours(r.effort.p50)}</strong>: 80 % of similar work took between{' '}
              <strong>{hours(r.effort.p10)}</strong> and <strong>{hours(r.effort.p90)}</strong>. From{' '}
              {r.sampleSize} {BASIS[r.basis] ?? r.basis}.
            </p>
            <SpreadBar p10={r.effort.p10} p50={r.effort.p50} p90={r.effort.p90} />
            <p className="muted">
              Effort = estimate × (actual ÷ estimate) quantile; ratios P10 {ratio(r.ratio.p10)}, P50{' '}
              {ratio(r.ratio.p50)}, P90 {ratio(r.ratio.p90)} (mean {ratio(r.ratio.mean)}),{' '}
              {query.unit === 'points' ? 'hours per point' : 'actual ÷ estimated hours'}.
            </p>
            {r.warnings.map((w) => (
              <p key={w} className="t-notice">
                {w}
              </p>
            ))}
          </>
        )}
      </div>
    </Card>
  );
}

/** P10–P90 as a bar with the P50 marked, drawn relative to P90. */
function SpreadBar({ p10, p50, p90 }: { p10: number; p50: number; p90: number }) {
  const max = p90 > 0 ? p90 * 1.1 : 1;
  const at = (v: number) => `${(v / max) * 100}%`;
  return (
    <div
      aria-hidden="true"
      style={{ position: 'relative', height: 24, background: 'var(--surface)', borderRadius: 4 }}
    >
      <div
        style={{
          position: 'absolute',
          left: at(p10),
          width: `calc(${at(p90)} - ${at(p10)})`,
          top: 6,
          height: 12,
          background: 'var(--primary)',
          opacity: 0.35,
          borderRadius: 3,
        }}
      />
      <div
        style={{
          position: 'absolute',
          left: at(p50),
          top: 0,
          width: 3,
          height: 24,
          background: 'var(--primary)',
        }}
      />
    </div>
  );
}
