import { useState } from 'react';
import { type Levelling, useLevelling } from '../../api/schedule';
import { Badge, Button, Card, type Column, DataTable, ErrorState, Skeleton } from '../../design';

type LevelledTask = Levelling['tasks'][number];
type LevelledResource = Levelling['resources'][number];

const taskColumns: Column<LevelledTask>[] = [
  { id: 'name', header: 'Task', cell: (r) => r.name, value: (r) => r.name },
  { id: 'early', header: 'Unlevelled start', cell: (r) => r.earlyStart, value: (r) => r.earlyStart },
  { id: 'start', header: 'Levelled start', cell: (r) => r.start, value: (r) => r.start },
  { id: 'finish', header: 'Levelled finish', cell: (r) => r.finish, value: (r) => r.finish },
  { id: 'delay', header: 'Delay (days)', cell: (r) => r.delay, value: (r) => r.delay, numeric: true },
];
const resourceColumns: Column<LevelledResource>[] = [
  { id: 'name', header: 'Resource', cell: (r) => r.name, value: (r) => r.name },
  { id: 'cap', header: 'Capacity', cell: (r) => r.capacity, value: (r) => r.capacity, numeric: true },
  { id: 'pb', header: 'Peak before', cell: (r) => r.peakBefore, value: (r) => r.peakBefore, numeric: true },
  { id: 'pa', header: 'Peak after', cell: (r) => r.peakAfter, value: (r) => r.peakAfter, numeric: true },
];

/**
 * Resource levelling on demand: the schedule that keeps every link, every capacity and every
 * resource's non-working dates, against the unlevelled one.
 */
export function LevellingCard({ projectId }: { projectId: string }) {
  const [run, setRun] = useState(false);
  const levelling = useLevelling(projectId, run);
  const l = levelling.data;
  return (
    <Card
      title="Resource levelling"
      actions={
        <Button onClick={() => setRun(true)} disabled={run}>
          Level resources
        </Button>
      }
    >
      {!run ? (
        <p className="muted">
          Finds a short schedule within the resources’ capacities and leave (about a second).
        </p>
      ) : levelling.isPending ? (
        <Skeleton lines={4} label="Levelling" />
      ) : levelling.isError ? (
        <ErrorState error={levelling.error} onRetry={() => void levelling.refetch()} />
      ) : l ? (
        <div className="stack">
          <p>
            Finish {l.before.finishDate} with {l.before.overloads} overloaded resource-days →{' '}
            <strong>{l.after.finishDate}</strong> with {l.after.overloads} (
            {l.after.makespan - l.before.makespan} working days longer).{' '}
            {l.feasible ? <Badge tone="green">Feasible</Badge> : <Badge tone="red">Infeasible</Badge>}{' '}
            {l.provenOptimal && <Badge>Proven shortest</Badge>}
          </p>
          <DataTable
            caption="Resource peaks before and after levelling"
            rows={l.resources}
            columns={resourceColumns}
            rowKey={(r) => r.resourceId}
            height={200}
          />
          <DataTable
            caption="Levelled tasks"
            rows={[...l.tasks].sort((a, b) => b.delay - a.delay)}
            columns={taskColumns}
            rowKey={(r) => r.taskId}
            height={360}
          />
        </div>
      ) : null}
    </Card>
  );
}
