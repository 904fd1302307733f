import { formatIsoDurationMinutes } from './duration';
import type { MspdiCalendar, MspdiPlan, MspdiTask } from './plan';

/**
 * Writes a plan as an MSPDI document that MS Project and `parseMspdi` read back. Elements follow
 * the order of Microsoft's mspdi_pj12.xsd, which MS Project enforces on import.
 */
export function serialiseMspdi(plan: MspdiPlan): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Project xmlns="http://schemas.microsoft.com/project">',
  ];
  const el = (indent: number, name: string, value: string | number | boolean | undefined) => {
    if (value === undefined) return;
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : escapeXml(String(value));
    out.push(`${'  '.repeat(indent)}<${name}>${text}</${name}>`);
  };
  const open = (indent: number, name: string) => out.push(`${'  '.repeat(indent)}<${name}>`);
  const close = (indent: number, name: string) => out.push(`${'  '.repeat(indent)}</${name}>`);

  el(1, 'Name', plan.name);
  el(1, 'StartDate', plan.startDate);
  el(1, 'CalendarUID', plan.calendarUid);
  el(1, 'MinutesPerDay', plan.minutesPerDay);
  el(1, 'MinutesPerWeek', plan.minutesPerWeek);
  el(1, 'DaysPerMonth', plan.daysPerMonth);

  open(1, 'Calendars');
  for (const c of plan.calendars) writeCalendar(c, el, open, close);
  close(1, 'Calendars');

  open(1, 'Tasks');
  for (const t of plan.tasks) writeTask(t, el, open, close);
  close(1, 'Tasks');

  open(1, 'Resources');
  for (const r of plan.resources) {
    open(2, 'Resource');
    el(3, 'UID', r.uid);
    el(3, 'ID', r.id);
    el(3, 'Name', r.name);
    el(3, 'Type', r.type);
    el(3, 'MaxUnits', r.maxUnits);
    el(3, 'CalendarUID', r.calendarUid);
    close(2, 'Resource');
  }
  close(1, 'Resources');

  open(1, 'Assignments');
  for (const a of plan.assignments) {
    open(2, 'Assignment');
    el(3, 'UID', a.uid);
    el(3, 'TaskUID', a.taskUid);
    el(3, 'ResourceUID', a.resourceUid);
    el(3, 'Units', a.units);
    el(3, 'Work', a.workMinutes === undefined ? undefined : formatIsoDurationMinutes(a.workMinutes));
    close(2, 'Assignment');
  }
  close(1, 'Assignments');
  out.push('</Project>', '');
  return out.join('\n');
}

type Writer = (indent: number, name: string, value?: string | number | boolean) => void;
type Tag = (indent: number, name: string) => void;

function writeTask(t: MspdiTask, el: Writer, open: Tag, close: Tag): void {
  open(2, 'Task');
  el(3, 'UID', t.uid);
  el(3, 'ID', t.id);
  el(3, 'Name', t.name);
  el(3, 'OutlineLevel', t.outlineLevel);
  el(3, 'Start', t.start);
  el(3, 'Finish', t.finish);
  el(3, 'Duration', formatIsoDurationMinutes(t.durationMinutes));
  el(3, 'Milestone', t.milestone);
  el(3, 'Summary', t.summary);
  el(3, 'ConstraintType', t.constraintType);
  el(3, 'ConstraintDate', t.constraintDate);
  for (const l of t.predecessors) {
    open(3, 'PredecessorLink');
    el(4, 'PredecessorUID', l.predecessorUid);
    el(4, 'Type', l.type);
    el(4, 'LinkLag', l.linkLag);
    el(4, 'LagFormat', l.lagFormat);
    close(3, 'PredecessorLink');
  }
  close(2, 'Task');
}

function writeCalendar(c: MspdiCalendar, el: Writer, open: Tag, close: Tag): void {
  open(2, 'Calendar');
  el(3, 'UID', c.uid);
  el(3, 'Name', c.name);
  el(3, 'IsBaseCalendar', c.isBaseCalendar);
  el(3, 'BaseCalendarUID', c.baseCalendarUid ?? -1);
  // A resource calendar without week days of its own inherits its base calendar's.
  if (c.weekDays.length > 0) {
    open(3, 'WeekDays');
    for (const w of c.weekDays) {
      open(4, 'WeekDay');
      el(5, 'DayType', w.dayType);
      el(5, 'DayWorking', w.working);
      if (w.workingTimes.length > 0) {
        open(5, 'WorkingTimes');
        for (const t of w.workingTimes) {
          open(6, 'WorkingTime');
          el(7, 'FromTime', t.from);
          el(7, 'ToTime', t.to);
          close(6, 'WorkingTime');
        }
        close(5, 'WorkingTimes');
      }
      close(4, 'WeekDay');
    }
    close(3, 'WeekDays');
  }
  if (c.exceptions.length > 0) {
    open(3, 'Exceptions');
    for (const e of c.exceptions) {
      open(4, 'Exception');
      open(5, 'TimePeriod');
      el(6, 'FromDate', e.from);
      el(6, 'ToDate', e.to);
      close(5, 'TimePeriod');
      el(5, 'Name', e.name);
      el(5, 'Type', e.type ?? 1);
      el(5, 'Period', e.period);
      el(5, 'DaysOfWeek', e.daysOfWeek);
      el(5, 'DayWorking', e.working);
      close(4, 'Exception');
    }
    close(3, 'Exceptions');
  }
  close(2, 'Calendar');
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}
