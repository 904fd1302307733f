import { useState } from 'react';
import type { ScheduledTask, TaskRecord } from '../../api/schedule';
import { Badge, Button, Card, Input } from '../../design';

/**
 * The selected task: early and late dates, floats, progress, its links, and a date field to move
 * it — the keyboard and form alternative to dragging its bar.
 */
export function TaskPanel({
  task,
  record,
  names,
  onMove,
  moving,
}: {
  task: ScheduledTask | undefined;
  record: TaskRecord | undefined;
  names: ReadonlyMap<string, string>;
  onMove: (start: string) => void;
  moving: boolean;
}) {
  const [start, setStart] = useState('');
  if (!task) {
    return (
      <Card title="Task details">
        <p className="muted">Select a task name or bar to see its dates and floats.</p>
      </Card>
    );
  }
  const facts: [string, string][] = [
    ['Early start', task.earlyStart],
    ['Early finish', task.earlyFinish],
    ['Late start', task.lateStart],
    ['Late finish', task.lateFinish],
    ['Duration', `${task.duration} working days`],
    ['Total float', `${task.totalFloat} days`],
    ['Free float', `${task.freeFloat} days`],
    ['% complete', `${task.percentComplete}%`],
  ];
  if (record && record.constraintType !== 'asap')
    facts.push([
      record.constraintType === 'snet' ? 'Start no earlier than' : 'Finish no later than',
      record.constraintDate ?? '—',
    ]);
  return (
    <Card title={task.name}>
      <p className="row">
        {task.critical ? <Badge tone="red">Critical</Badge> : <Badge>Has float</Badge>}{' '}
        {task.summary && <Badge>Summary</Badge>} {task.milestone && <Badge>Milestone</Badge>}{' '}
        <Badge
          tone={
            task.progress === 'complete' ? 'green' : task.progress === 'in_progress' ? 'amber' : 'neutral'
          }
        >
          {task.progress.replace('_', ' ')}
        </Badge>
      </p>
      <dl className="schedule-facts">
        {facts.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {record && record.predecessors.length > 0 && (
        <>
          <h3>Predecessors</h3>
          <ul>
            {record.predecessors.map((p) => (
              <li key={p.taskId}>
                {names.get(p.taskId) ?? p.taskId} ({p.type ?? 'FS'}
                {p.lag ? ` ${p.lag > 0 ? '+' : ''}${p.lag}d` : ''})
              </li>
            ))}
          </ul>
        </>
      )}
      {!task.summary && record && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (start) onMove(start);
          }}
        >
          <Input
            label="Move start to"
            type="date"
            value={start || task.earlyStart}
            onChange={(e) => setStart(e.target.value)}
            hint="Saved as a start-no-earlier-than date; links may hold the task later."
          />
          <Button type="submit" disabled={moving || !start || start === task.earlyStart}>
            {moving ? 'Moving…' : 'Move task'}
          </Button>
        </form>
      )}
    </Card>
  );
}
