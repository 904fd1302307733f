import { XMLParser } from 'fast-xml-parser';
import { parseIsoDurationMinutes } from './duration';
import {
  type MspdiAssignment,
  type MspdiCalendar,
  MspdiFormatError,
  type MspdiLinkType,
  type MspdiPlan,
  type MspdiResource,
  type MspdiTask,
} from './plan';

type Node = Record<string, unknown>;

const LIST_TAGS = new Set([
  'Task',
  'PredecessorLink',
  'Calendar',
  'WeekDay',
  'WorkingTime',
  'Exception',
  'Resource',
  'Assignment',
]);

/**
 * Entity expansion is switched off entirely (no DOCTYPE entities, no external entities — XXE and
 * "billion laughs" have nothing to work with); the five predefined XML entities and character
 * references are decoded by hand in `decodeText`.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LIST_TAGS.has(name),
  tagValueProcessor: (_name, value) => decodeText(value),
});

/**
 * Parses an MSPDI document (MS Project "Save as XML") into a plan. Documents that declare
 * entities are refused outright: MS Project never writes them and they only serve attacks.
 *
 * @throws MspdiFormatError on unsafe, malformed or non-MSPDI input
 */
export function parseMspdi(xml: string): MspdiPlan {
  if (/<!ENTITY/i.test(xml)) throw new MspdiFormatError('entity declarations are not allowed in MSPDI files');
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new MspdiFormatError(`malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const project = doc.Project;
  if (!isNode(project)) throw new MspdiFormatError('not an MSPDI document: no <Project> root');
  const units = {
    minutesPerDay: num(project.MinutesPerDay, 480),
    minutesPerWeek: num(project.MinutesPerWeek, 2400),
    daysPerMonth: num(project.DaysPerMonth, 20),
  };
  // Blank rows of the Gantt table come out as tasks with IsNull = 1; they carry nothing.
  const taskNodes = list(project.Tasks, 'Task').filter((t) => !flag(t.IsNull));
  const tasks = taskNodes.map((t): MspdiTask => {
    const uid = int(t.UID, 'Task UID');
    const milestone = flag(t.Milestone);
    return {
      uid,
      ...opt('id', optInt(t.ID)),
      name: str(t.Name) ?? '',
      // UID 0 is MS Project's project summary task, at outline level 0.
      outlineLevel: num(t.OutlineLevel, uid === 0 ? 0 : 1),
      ...opt('start', str(t.Start)),
      ...opt('finish', str(t.Finish)),
      durationMinutes: str(t.Duration) ? parseIsoDurationMinutes(str(t.Duration)!, units) : 0,
      milestone,
      summary: flag(t.Summary),
      ...opt('constraintType', optInt(t.ConstraintType)),
      ...opt('constraintDate', str(t.ConstraintDate)),
      predecessors: list(t, 'PredecessorLink').map((l) => {
        const type = num(l.Type, 1);
        if (![0, 1, 2, 3].includes(type))
          throw new MspdiFormatError(`task ${uid}: unknown link type ${type}`);
        return {
          predecessorUid: int(l.PredecessorUID, 'PredecessorUID'),
          type: type as MspdiLinkType,
          linkLag: num(l.LinkLag, 0),
          lagFormat: num(l.LagFormat, 7),
        };
      }),
    };
  });
  return {
    ...opt('name', str(project.Name)),
    ...opt('startDate', str(project.StartDate)),
    ...units,
    ...opt('calendarUid', optInt(project.CalendarUID)),
    calendars: list(project.Calendars, 'Calendar').map(readCalendar),
    tasks,
    resources: list(project.Resources, 'Resource').map(
      (r): MspdiResource => ({
        uid: int(r.UID, 'Resource UID'),
        ...opt('id', optInt(r.ID)),
        name: str(r.Name) ?? '',
        type: num(r.Type, 1),
        maxUnits: num(r.MaxUnits, 1),
        ...opt('calendarUid', optInt(r.CalendarUID)),
      }),
    ),
    assignments: list(project.Assignments, 'Assignment').map(
      (a): MspdiAssignment => ({
        uid: int(a.UID, 'Assignment UID'),
        taskUid: int(a.TaskUID, 'TaskUID'),
        resourceUid: int(a.ResourceUID, 'ResourceUID'),
        units: num(a.Units, 1),
        ...opt('workMinutes', str(a.Work) ? parseIsoDurationMinutes(str(a.Work)!, units) : undefined),
      }),
    ),
  };
}

function readCalendar(c: Node): MspdiCalendar {
  const weekDays = list(c.WeekDays, 'WeekDay');
  // Older MSPDI files put exceptions among the week days with DayType 0.
  const legacy = weekDays
    .filter((w) => num(w.DayType, 0) === 0)
    .map((w) => {
      const period = isNode(w.TimePeriod) ? w.TimePeriod : {};
      return { from: str(period.FromDate) ?? '', to: str(period.ToDate) ?? '', working: flag(w.DayWorking) };
    });
  const baseUid = optInt(c.BaseCalendarUID);
  return {
    uid: int(c.UID, 'Calendar UID'),
    name: str(c.Name) ?? '',
    isBaseCalendar: flag(c.IsBaseCalendar),
    ...opt('baseCalendarUid', baseUid === -1 ? undefined : baseUid),
    weekDays: weekDays
      .filter((w) => num(w.DayType, 0) !== 0)
      .map((w) => ({
        dayType: num(w.DayType, 0),
        working: flag(w.DayWorking),
        workingTimes: list(w.WorkingTimes, 'WorkingTime').map((t) => ({
          from: str(t.FromTime) ?? '',
          to: str(t.ToTime) ?? '',
        })),
      })),
    exceptions: [
      ...legacy,
      ...list(c.Exceptions, 'Exception').map((e) => {
        const period = isNode(e.TimePeriod) ? e.TimePeriod : {};
        return {
          ...opt('name', str(e.Name)),
          from: str(period.FromDate) ?? '',
          to: str(period.ToDate) ?? '',
          working: flag(e.DayWorking),
          ...opt('type', optInt(e.Type)),
          ...opt('daysOfWeek', optInt(e.DaysOfWeek)),
          ...opt('period', optInt(e.Period)),
        };
      }),
    ],
  };
}

function decodeText(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name] ?? whole;
  });
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(parent: unknown, tag: string): Node[] {
  if (!isNode(parent)) return [];
  const items = parent[tag];
  return Array.isArray(items) ? items.filter(isNode) : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown, fallback: number): number {
  const text = str(value);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new MspdiFormatError(`not a number: ${text}`);
  return n;
}

function optInt(value: unknown): number | undefined {
  const text = str(value);
  return text === undefined ? undefined : int(text, 'integer field');
}

function int(value: unknown, what: string): number {
  const n = Number(str(value));
  if (!Number.isInteger(n)) throw new MspdiFormatError(`${what} is missing or not an integer`);
  return n;
}

function flag(value: unknown): boolean {
  return value === '1' || value === 'true';
}

/** `{ [key]: value }` when value is defined, `{}` otherwise — keeps absent fields absent. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
