import { useState } from 'react';
import { useBaselines, useVariance, type VarianceRow } from '../../api/schedule';
import {
  Badge,
  type BadgeTone,
  Card,
  type Column,
  DataTable,
  EmptyState,
  ErrorState,
  recordOptions,
  Select,
  Skeleton,
} from '../../design';

const TONE: Record<VarianceRow['status'], BadgeTone> = {
  late: 'red',
  early: 'green',
  on_time: 'neutral',
  not_in_baseline: 'amber',
};
const days = (v: number | null) => (v === null ? '—' : v > 0 ? `+${v}` : String(v));
const columns: Column<VarianceRow>[] = [
  { id: 'name', header: 'Task', cell: (r) => (r.milestone ? `◆ ${r.name}` : r.name), value: (r) => r.name },
  {
    id: 'status',
    header: 'Status',
    cell: (r) => <Badge tone={TONE[r.status]}>{r.status.replaceAll('_', ' ')}</Badge>,
    value: (r) => r.status,
  },
  { id: 'bs', header: 'Baseline start', cell: (r) => r.baselineStart ?? '—', value: (r) => r.baselineStart },
  {
    id: 'bf',
    header: 'Baseline finish',
    cell: (r) => r.baselineFinish ?? '—',
    value: (r) => r.baselineFinish,
  },
  { id: 's', header: 'Start', cell: (r) => r.start, value: (r) => r.start },
  { id: 'f', header: 'Finish', cell: (r) => r.finish, value: (r) => r.finish },
  {
    id: 'sv',
    header: 'Start var. (days)',
    cell: (r) => days(r.startVariance),
    value: (r) => r.startVariance,
    numeric: true,
  },
  {
    id: 'fv',
    header: 'Finish var. (days)',
    cell: (r) => days(r.finishVariance),
    value: (r) => r.finishVariance,
    numeric: true,
  },
];

/** Variance of the current schedule against a chosen baseline, per task and per milestone. */
export function VarianceCard({ projectId }: { projectId: string }) {
  const baselines = useBaselines(projectId);
  const [choice, setChoice] = useState('');
  const baselineId = choice || baselines.data?.[0]?.id || '';
  const variance = useVariance(projectId, baselineId || undefined);
  const v = variance.data;
  return (
    <Card
      title="Baseline variance"
      actions={
        <Select
          label="Baseline"
          options={recordOptions(baselines.data)}
          value={baselineId}
          onChange={(e) => setChoice(e.target.value)}
        />
      }
    >
      {baselines.isPending || (baselineId && variance.isPending) ? (
        <Skeleton lines={4} label="Loading variance" />
      ) : baselines.isError || variance.isError ? (
        <ErrorState error={baselines.error ?? variance.error} />
      ) : !v ? (
        <EmptyState title="No baseline saved">
          Save a baseline through the API to compare against it.
        </EmptyState>
      ) : (
        <div className="stack">
          <p>
            Finish {v.finishDate} against {v.baselineFinishDate} in “{v.baselineName}”:{' '}
            <strong>{days(v.finishVariance)} working days</strong>.
          </p>
          <h3>Milestones</h3>
          <DataTable
            caption="Variance per milestone"
            rows={v.milestones}
            columns={columns}
            rowKey={(r) => r.taskId}
            height={240}
          />
          <h3>Tasks</h3>
          <DataTable
            caption="Variance per task"
            rows={v.tasks}
            columns={columns}
            rowKey={(r) => r.taskId}
            height={420}
          />
        </div>
      )}
    </Card>
  );
}
