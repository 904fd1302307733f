import type { WorkCalendar } from '../../../core/schedule/calendar';
import type { ScheduleBaselinesTable } from '../../store/tables';
import { workingDaysBetween } from './schedule-network';
import type { CalculatedSchedule } from './schedule-service';

// Baselines: a named snapshot of every task's scheduled dates, and the variance of the current
// schedule against any of them (positive = later than the baseline, in working days).

export interface BaselineTask {
  taskId: string;
  name: string;
  milestone: boolean;
  summary: boolean;
  start: string;
  finish: string;
  duration: number;
}

export function snapshotTasks(schedule: CalculatedSchedule): BaselineTask[] {
  return schedule.tasks.map((t) => ({
    taskId: t.id,
    name: t.name,
    milestone: t.milestone,
    summary: t.summary,
    start: t.earlyStart,
    finish: t.earlyFinish,
    duration: t.duration,
  }));
}

export function presentBaseline(row: ScheduleBaselinesTable) {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    startDate: row.start_date,
    finishDate: row.finish_date,
    tasks: JSON.parse(row.tasks) as BaselineTask[],
    version: Number(row.version),
    createdAt: row.created_at,
  };
}

type VarianceStatus = 'late' | 'early' | 'on_time' | 'not_in_baseline';

/** Per-task and per-milestone variance of the current schedule against a baseline. */
export function compareWithBaseline(
  schedule: CalculatedSchedule,
  baseline: ScheduleBaselinesTable,
  calendar: WorkCalendar,
) {
  const saved = new Map((JSON.parse(baseline.tasks) as BaselineTask[]).map((t) => [t.taskId, t]));
  const days = (from: string, to: string) => workingDaysBetween(calendar, from, to);
  const tasks = schedule.tasks.map((t) => {
    const b = saved.get(t.id);
    if (!b) {
      return {
        taskId: t.id,
        name: t.name,
        milestone: t.milestone,
        summary: t.summary,
        status: 'not_in_baseline' as VarianceStatus,
        baselineStart: null,
        baselineFinish: null,
        start: t.earlyStart,
        finish: t.earlyFinish,
        startVariance: null,
        finishVariance: null,
        durationVariance: null,
      };
    }
    const finishVariance = days(b.finish, t.earlyFinish);
    return {
      taskId: t.id,
      name: t.name,
      milestone: t.milestone,
      summary: t.summary,
      status: (finishVariance > 0 ? 'late' : finishVariance < 0 ? 'early' : 'on_time') as VarianceStatus,
      baselineStart: b.start,
      baselineFinish: b.finish,
      start: t.earlyStart,
      finish: t.earlyFinish,
      startVariance: days(b.start, t.earlyStart),
      finishVariance,
      durationVariance: t.duration - b.duration,
    };
  });
  const current = new Set(schedule.tasks.map((t) => t.id));
  return {
    baselineId: baseline.id,
    baselineName: baseline.name,
    baselineFinishDate: baseline.finish_date,
    finishDate: schedule.finishDate,
    finishVariance: days(baseline.finish_date, schedule.finishDate),
    tasks,
    milestones: tasks.filter((t) => t.milestone),
    removedTasks: [...saved.values()]
      .filter((t) => !current.has(t.taskId))
      .map((t) => ({ taskId: t.taskId, name: t.name, baselineStart: t.start, baselineFinish: t.finish })),
  };
}
