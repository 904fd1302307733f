import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useRecord } from '../../api/resources';
import { type RiskOptions, useScheduleRisk } from '../../api/schedule';
import { ChartFrame } from '../../charts/chart-frame';
import { TornadoChart } from '../../charts/lazy-charts';
import {
  Button,
  Card,
  type Column,
  DataTable,
  EmptyState,
  ErrorState,
  Input,
  Select,
  Skeleton,
} from '../../design';
import { usePageTitle } from '../record-name';
import { LevellingCard } from './levelling-card';
import { VarianceCard } from './variance-card';
import './gantt.css';

const DISTRIBUTIONS = [
  { value: 'pert', label: 'PERT (beta)' },
  { value: 'triangular', label: 'Triangular' },
];

type Criticality = { taskId: string; name: string; criticalityIndex: number };
const percent = (x: number) => `${Math.round(x * 100)}%`;
const criticalityColumns: Column<Criticality>[] = [
  { id: 'name', header: 'Task', cell: (r) => r.name, value: (r) => r.name },
  {
    id: 'ci',
    header: 'Criticality index',
    cell: (r) => percent(r.criticalityIndex),
    value: (r) => r.criticalityIndex,
    numeric: true,
  },
];

/** Monte Carlo schedule risk (P50/P80/P95, criticality, tornado) and baseline variance. */
export function ScheduleRiskPage() {
  const { projectId = '' } = useParams();
  const project = useRecord('projects', projectId);
  usePageTitle(`Schedule risk · ${project.data?.key ?? ''}`);
  const [form, setForm] = useState<RiskOptions>({ iterations: 2000, seed: 1, distribution: 'pert' });
  const [run, setRun] = useState<RiskOptions | null>(form);
  const risk = useScheduleRisk(projectId, run);
  const r = risk.data;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Schedule risk{project.data ? ` · ${project.data.key} ${project.data.name}` : ''}</h1>
          <p className="muted">
            <Link to={`/portfolio/projects/${projectId}/schedule`}>Back to the Gantt chart</Link>
          </p>
        </div>
      </div>
      <Card title="Run the analysis">
        <form
          className="schedule-toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            setRun({ ...form });
          }}
        >
          <Input
            label="Iterations"
            type="number"
            min={100}
            max={20000}
            step={100}
            value={form.iterations}
            onChange={(e) => setForm({ ...form, iterations: Number(e.target.value) })}
          />
          <Input
            label="Seed"
            type="number"
            min={0}
            value={form.seed}
            onChange={(e) => setForm({ ...form, seed: Number(e.target.value) })}
          />
          <Select
            label="Distribution"
            options={DISTRIBUTIONS}
            value={form.distribution}
            onChange={(e) =>
              setForm({ ...form, distribution: e.target.value as RiskOptions['distribution'] })
            }
          />
          <Button type="submit" variant="primary" disabled={risk.isFetching}>
            {risk.isFetching ? 'Running…' : 'Run'}
          </Button>
        </form>
      </Card>
      {risk.isPending ? (
        <Skeleton lines={6} label="Running the simulation" />
      ) : risk.isError ? (
        <ErrorState error={risk.error} onRetry={() => void risk.refetch()} />
      ) : !r ? (
        <EmptyState title="No run yet" />
      ) : (
        <div className="stack">
          <section className="schedule-figures" aria-label="Finish dates">
            {(
              [
                ['Planned (deterministic)', r.deterministic],
                ['P50', r.p50],
                ['P80', r.p80],
                ['P95', r.p95],
              ] as const
            ).map(([label, point]) => (
              <Card key={label} title={label}>
                <p className="figure" data-testid={`finish-${label.split(' ')[0]}`}>
                  <strong>{point.date}</strong>
                </p>
                <p className="muted">{point.workingDays.toFixed(1)} working days</p>
              </Card>
            ))}
          </section>
          <div className="schedule-tornado">
            <ChartFrame
              title="Tornado: what drives the finish date"
              summary={
                r.tornado.length > 0
                  ? `Over ${r.iterations} runs (${r.distribution}), ${r.tornado[0]!.name} correlates most with the finish date (${r.tornado[0]!.correlation.toFixed(2)}); P80 finish is ${r.p80.date}.`
                  : 'No task has a three-point estimate, so no task drives the spread.'
              }
              data={{
                columns: ['Task', 'Correlation with finish'],
                rows: r.tornado.map((t) => [t.name, t.correlation]),
              }}
              fileName="schedule-tornado.csv"
            >
              <TornadoChart
                data={r.tornado.map((t) => ({ label: t.name, value: t.correlation }))}
                valueName="Correlation with finish"
              />
            </ChartFrame>
          </div>
          <Card title="Criticality index">
            <p className="muted">Share of the simulated runs in which each task was on the critical path.</p>
            <DataTable
              caption="Criticality index per task"
              rows={r.criticality}
              columns={criticalityColumns}
              rowKey={(row) => row.taskId}
              height={360}
            />
          </Card>
        </div>
      )}
      <VarianceCard projectId={projectId} />
      <LevellingCard projectId={projectId} />
    </>
  );
}
