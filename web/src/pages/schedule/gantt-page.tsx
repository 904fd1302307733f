import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useRecord } from '../../api/resources';
import {
  type ScheduledTask,
  useBaselines,
  useMoveTask,
  useSchedule,
  useTaskRecords,
  useVariance,
} from '../../api/schedule';
import { EmptyState, ErrorState, recordOptions, Select, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { GanttChart } from './gantt-chart';
import { GanttLegend } from './gantt-legend';
import { outlineRows, rowLinks } from './gantt-model';
import { addDays, createScale, dateToX, isoDate, ZOOMS, type Zoom } from './gantt-scale';
import { isDriving, type MoveFeedback, moveFeedback } from './move-feedback';
import { TaskPanel } from './task-panel';
import './gantt.css';

const today = () => isoDate(Math.floor(Date.now() / 86_400_000));

/** A project's schedule as a Gantt chart: critical path, baseline, zoom, drag to reschedule. */
export function GanttPage() {
  const { projectId = '' } = useParams();
  const project = useRecord('projects', projectId);
  const schedule = useSchedule(projectId);
  const records = useTaskRecords(projectId);
  const baselines = useBaselines(projectId);
  const [zoom, setZoom] = useState<Zoom>('weeks');
  const [highlightCritical, setHighlightCritical] = useState(true);
  const [baselineChoice, setBaselineChoice] = useState<string | null>(null);
  const baselineId = baselineChoice ?? baselines.data?.[0]?.id ?? '';
  const variance = useVariance(projectId, baselineId || undefined);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<MoveFeedback | null>(null);
  const move = useMoveTask(projectId);
  usePageTitle(`Schedule · ${project.data?.key ?? ''}`);

  const s = schedule.data;
  const rows = useMemo(() => outlineRows(s?.tasks ?? []), [s]);
  const recordById = useMemo(() => new Map((records.data ?? []).map((r) => [r.id, r])), [records.data]);
  const links = useMemo(
    () => rowLinks(rows, new Map((records.data ?? []).map((r) => [r.id, r.predecessors]))),
    [rows, records.data],
  );
  const names = useMemo(() => new Map((s?.tasks ?? []).map((t) => [t.id, t.name])), [s]);
  const scale = useMemo(() => {
    if (!s || s.tasks.length === 0) return null;
    let from = s.startDate;
    let to = s.finishDate;
    for (const t of s.tasks) {
      if (t.earlyStart < from) from = t.earlyStart;
      if (t.lateFinish > to) to = t.lateFinish;
    }
    for (const v of variance.data?.tasks ?? []) {
      if (v.baselineStart && v.baselineStart < from) from = v.baselineStart;
      if (v.baselineFinish && v.baselineFinish > to) to = v.baselineFinish;
    }
    return createScale(from, to, zoom, 14);
  }, [s, zoom, variance.data]);
  const baseline = useMemo(() => {
    if (!baselineId || !variance.data) return null;
    const map = new Map<string, { start: string; finish: string }>();
    for (const v of variance.data.tasks)
      if (v.baselineStart && v.baselineFinish)
        map.set(v.taskId, { start: v.baselineStart, finish: v.baselineFinish });
    return map;
  }, [baselineId, variance.data]);

  const moveTo = async (task: ScheduledTask, start: string) => {
    const record = recordById.get(task.id);
    if (!record) return;
    setFeedback(null);
    try {
      await move.mutateAsync({ task: record, start });
      const fresh = await schedule.refetch();
      const moved = fresh.data?.tasks.find((t) => t.id === task.id);
      if (moved) {
        const dates = new Map((fresh.data?.tasks ?? []).map((t) => [t.id, t]));
        const preds = record.predecessors.map((p) => {
          const from = dates.get(p.taskId);
          const type = p.type ?? 'FS';
          const lag = p.lag ?? 0;
          return {
            name: names.get(p.taskId) ?? p.taskId,
            type,
            lag,
            driving: from ? isDriving(type, lag, from, moved) : true,
          };
        });
        setFeedback(moveFeedback(start, moved, preds));
      }
    } catch (error) {
      const message = isApiError(error, 'precondition_failed')
        ? `${task.name} was changed by someone else meanwhile; the chart now shows their version. Try the move again.`
        : isApiError(error)
          ? `${task.name} could not be moved: ${error.message}`
          : `${task.name} could not be moved.`;
      setFeedback({ tone: 'warning', message });
    }
  };

  const title = `Schedule${project.data ? ` · ${project.data.key} ${project.data.name}` : ''}`;
  const header = (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        <p className="muted">
          {s ? `Start ${s.startDate} · finish ${s.finishDate} · ${s.makespan} working days · ` : ''}
          <Link to={`/portfolio/projects/${projectId}/schedule/risk`}>
            Schedule risk and baseline variance
          </Link>
          {' · '}
          <Link to={`/portfolio/projects/${projectId}`}>Project</Link>
        </p>
      </div>
    </div>
  );
  if (schedule.isPending)
    return (
      <>
        {header}
        <Skeleton lines={8} label="Loading schedule" />
      </>
    );
  if (schedule.isError) {
    const cycle = isApiError(schedule.error, 'schedule_cycle');
    return (
      <>
        {header}
        <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
        {cycle && <p className="muted">Remove one of the links listed above to break the cycle.</p>}
      </>
    );
  }
  if (!s || !scale || rows.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No schedule yet">
          Add schedule tasks through the API or import an MS Project XML file (docs/scheduling-api.md).
        </EmptyState>
      </>
    );
  }
  const selected = s.tasks.find((t) => t.id === selectedId);
  const markers = [
    { date: today(), label: 'Today', className: 'gantt__today' },
    ...(s.statusDate ? [{ date: s.statusDate, label: 'Status date', className: 'gantt__status' }] : []),
  ];
  return (
    <>
      {header}
      <div className="schedule-toolbar">
        <fieldset className="t-segmented">
          <legend className="visually-hidden">Zoom</legend>
          {ZOOMS.map((z) => (
            <button key={z} type="button" aria-pressed={zoom === z} onClick={() => setZoom(z)}>
              {z[0]!.toUpperCase() + z.slice(1)}
            </button>
          ))}
        </fieldset>
        <Select
          label="Baseline"
          options={recordOptions(baselines.data)}
          placeholder="None"
          value={baselineId}
          onChange={(e) => setBaselineChoice(e.target.value)}
        />
        <label className="row">
          <input
            type="checkbox"
            checked={highlightCritical}
            onChange={(e) => setHighlightCritical(e.target.checked)}
          />
          Highlight critical path ({s.criticalTasks.length} {s.criticalTasks.length === 1 ? 'task' : 'tasks'})
        </label>
      </div>
      <GanttLegend />
      <p role="status" className={feedback?.tone === 'warning' ? 't-field__error' : 'muted'}>
        {move.isPending ? 'Rescheduling…' : (feedback?.message ?? '')}
      </p>
      <div className="schedule-layout">
        <GanttChart
          rows={rows}
          links={links}
          scale={scale}
          highlightCritical={highlightCritical}
          baseline={baseline}
          markers={markers}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onMove={(task, days) => void moveTo(task, addDays(task.earlyStart, days))}
          initialX={dateToX(scale, s.statusDate ?? s.startDate)}
        />
        <TaskPanel
          key={selected?.id ?? 'none'}
          task={selected}
          record={selected ? recordById.get(selected.id) : undefined}
          names={names}
          moving={move.isPending}
          onMove={(start) => selected && void moveTo(selected, start)}
        />
      </div>
    </>
  );
}
