import { type TSchema, Type } from 'typebox';
import { CalendarDate, Id, Name, stringEnum } from '../../resources/vocabulary-schemas';

// Request and response schemas of the schedule routes (the OpenAPI document is built from them).

const Nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);
const Offset = Type.Number({ description: 'Working days from the project start' });

export const ProjectParams = Type.Object({ id: Id }, { additionalProperties: false });
export const BaselineParams = Type.Object({ id: Id, baselineId: Id }, { additionalProperties: false });

export const StatusQuery = Type.Object(
  {
    statusDate: Type.Optional(
      Type.Union([CalendarDate, Type.Literal('none')], {
        description: 'Reschedule remaining work after this date; `none` ignores the saved status date',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RiskQuery = Type.Object(
  {
    statusDate: StatusQuery.properties.statusDate,
    iterations: Type.Optional(Type.Integer({ minimum: 100, maximum: 20_000, default: 2000 })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 1 })),
    distribution: Type.Optional(stringEnum(['pert', 'triangular'], 'Duration distribution (default pert)')),
  },
  { additionalProperties: false },
);

export const LevelQuery = Type.Object(
  {
    statusDate: StatusQuery.properties.statusDate,
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 1 })),
    timeLimitMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 10_000, default: 1000 })),
    maxSchedules: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Schedule budget; pins the result' }),
    ),
  },
  { additionalProperties: false },
);

const Weekdays = Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
  minItems: 1,
  maxItems: 7,
  uniqueItems: true,
  description: 'Working weekdays, 0 = Sunday … 6 = Saturday',
});
const Holidays = Type.Array(CalendarDate, { maxItems: 5000, description: 'Non-working dates' });

export const SettingsBody = Type.Object(
  {
    startDate: Type.Optional(Nullable(CalendarDate)),
    statusDate: Type.Optional(Nullable(CalendarDate)),
    workingWeekdays: Type.Optional(Weekdays),
    holidays: Type.Optional(Holidays),
    version: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const SettingsResponse = Type.Object({
  projectId: Type.String(),
  startDate: Nullable(Type.String()),
  projectStartDate: Nullable(Type.String()),
  statusDate: Nullable(Type.String()),
  workingWeekdays: Type.Array(Type.Integer()),
  holidays: Type.Array(Type.String()),
  version: Type.Integer({ description: '0 until the settings are first saved' }),
});

const ScheduledTask = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Nullable(Type.String()),
  position: Type.Integer(),
  summary: Type.Boolean(),
  milestone: Type.Boolean(),
  progress: stringEnum(['complete', 'in_progress', 'not_started']),
  percentComplete: Type.Number(),
  duration: Type.Number(),
  es: Offset,
  ef: Offset,
  ls: Offset,
  lf: Offset,
  earlyStart: Type.String(),
  earlyFinish: Type.String(),
  lateStart: Type.String(),
  lateFinish: Type.String(),
  totalFloat: Type.Number(),
  freeFloat: Type.Number(),
  critical: Type.Boolean(),
});

export const ScheduleResponse = Type.Object({
  projectId: Type.String(),
  startDate: Type.String(),
  statusDate: Nullable(Type.String()),
  calendar: Type.Object({ workingWeekdays: Type.Array(Type.Integer()), holidays: Type.Array(Type.String()) }),
  makespan: Type.Number({ description: 'Working days from the start to the finish' }),
  finishDate: Type.String(),
  tasks: Type.Array(ScheduledTask),
  criticalPaths: Type.Array(Type.Array(Type.String())),
  criticalTasks: Type.Array(Type.String()),
});

const FinishPoint = Type.Object({ workingDays: Type.Number(), date: Type.String() });

export const RiskResponse = Type.Object({
  projectId: Type.String(),
  startDate: Type.String(),
  statusDate: Nullable(Type.String()),
  iterations: Type.Integer(),
  seed: Type.Integer(),
  distribution: Type.String(),
  deterministic: FinishPoint,
  mean: FinishPoint,
  p50: FinishPoint,
  p80: FinishPoint,
  p95: FinishPoint,
  criticality: Type.Array(
    Type.Object({ taskId: Type.String(), name: Type.String(), criticalityIndex: Type.Number() }),
  ),
  tornado: Type.Array(
    Type.Object({ taskId: Type.String(), name: Type.String(), correlation: Type.Number() }),
  ),
});

const LevelSide = Type.Object({
  makespan: Type.Number(),
  finishDate: Type.String(),
  overloads: Type.Integer(),
});

export const LevelResponse = Type.Object({
  projectId: Type.String(),
  startDate: Type.String(),
  statusDate: Nullable(Type.String()),
  seed: Type.Integer(),
  timeLimitMs: Type.Integer(),
  before: LevelSide,
  after: LevelSide,
  lowerBound: Type.Number(),
  provenOptimal: Type.Boolean(),
  schedules: Type.Integer(),
  feasible: Type.Boolean(),
  resources: Type.Array(
    Type.Object({
      resourceId: Type.String(),
      name: Type.String(),
      capacity: Type.Integer(),
      peakBefore: Type.Number(),
      peakAfter: Type.Number(),
    }),
  ),
  tasks: Type.Array(
    Type.Object({
      taskId: Type.String(),
      name: Type.String(),
      earlyStart: Type.String(),
      start: Type.String(),
      finish: Type.String(),
      startOffset: Type.Integer(),
      delay: Type.Integer(),
    }),
  ),
});

export const BaselineBody = Type.Object(
  {
    name: Name,
    statusDate: StatusQuery.properties.statusDate,
  },
  { additionalProperties: false },
);

const BaselineTask = Type.Object({
  taskId: Type.String(),
  name: Type.String(),
  milestone: Type.Boolean(),
  summary: Type.Boolean(),
  start: Type.String(),
  finish: Type.String(),
  duration: Type.Number(),
});

export const BaselineResponse = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  name: Type.String(),
  startDate: Type.String(),
  finishDate: Type.String(),
  tasks: Type.Array(BaselineTask),
  version: Type.Integer(),
  createdAt: Type.String(),
});

export const BaselineListResponse = Type.Object({
  items: Type.Array(Type.Omit(BaselineResponse, ['tasks'])),
});

export const BaselineDeleteQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

const VarianceTask = Type.Object({
  taskId: Type.String(),
  name: Type.String(),
  milestone: Type.Boolean(),
  summary: Type.Boolean(),
  status: stringEnum(['late', 'early', 'on_time', 'not_in_baseline']),
  baselineStart: Nullable(Type.String()),
  baselineFinish: Nullable(Type.String()),
  start: Type.String(),
  finish: Type.String(),
  startVariance: Nullable(Type.Number()),
  finishVariance: Nullable(Type.Number()),
  durationVariance: Nullable(Type.Number()),
});

export const VarianceResponse = Type.Object({
  baselineId: Type.String(),
  baselineName: Type.String(),
  baselineFinishDate: Type.String(),
  finishDate: Type.String(),
  finishVariance: Type.Number({ description: 'Working days; positive is later than the baseline' }),
  tasks: Type.Array(VarianceTask),
  milestones: Type.Array(VarianceTask),
  removedTasks: Type.Array(
    Type.Object({
      taskId: Type.String(),
      name: Type.String(),
      baselineStart: Type.String(),
      baselineFinish: Type.String(),
    }),
  ),
});

export const ImportBody = Type.Union(
  [
    Type.String({ minLength: 1, description: 'MSPDI document (Content-Type: text/xml or application/xml)' }),
    Type.Object({ xml: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  ],
  { description: 'MSPDI XML as the body, or JSON {"xml": "…"}' },
);

export const ImportResponse = Type.Object({
  projectId: Type.String(),
  tasks: Type.Integer(),
  links: Type.Integer(),
  resources: Type.Integer(),
  assignments: Type.Integer(),
  startDate: Nullable(Type.String()),
});
