import { Type } from 'typebox';
import { CalendarDate, stringEnum } from '../../resources/vocabulary-schemas';

const Num = Type.Number();
const NullableNum = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const PeriodSchema = Type.Object({ key: Type.String(), start: Type.String(), end: Type.String() });

export const HeatmapQuery = Type.Object(
  {
    by: Type.Optional(
      stringEnum(
        ['person', 'team', 'skill', 'role'],
        "Rows: people, teams, skills or roles (people's titles) (default person)",
      ),
    ),
    period: Type.Optional(stringEnum(['week', 'month', 'quarter'], 'Columns (default week)')),
    from: CalendarDate,
    to: CalendarDate,
    overThreshold: Type.Optional(Type.Number({ minimum: 0.1, maximum: 10, description: 'Default 1' })),
    underThreshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Default 0.7' })),
  },
  { additionalProperties: false },
);

const Cause = Type.Object({
  projectId: NullableString,
  projectKey: NullableString,
  projectName: Type.String(),
  hours: Num,
});

export const HeatmapResponse = Type.Object({
  by: Type.String(),
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  periods: Type.Array(PeriodSchema),
  rows: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      capacity: Num,
      demand: Num,
      overAllocatedPeriods: Type.Integer(),
      cells: Type.Array(
        Type.Object({
          period: Type.String(),
          capacity: Num,
          demand: Num,
          hard: Num,
          soft: Num,
          requested: Num,
          utilisation: NullableNum,
          status: Type.String(),
          excess: Num,
          causes: Type.Array(Cause),
        }),
      ),
    }),
  ),
});

export const AvailableQuery = Type.Object(
  {
    skill: Type.Optional(
      Type.String({ minLength: 1, maxLength: 80, description: 'Skill (give it, role, or both)' }),
    ),
    role: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: "Role: a person's title, case-insensitive" }),
    ),
    from: CalendarDate,
    to: CalendarDate,
    minFte: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1.5, description: 'Least free FTE (default 0.1)' }),
    ),
    minProficiency: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5, description: 'In the skill, when one is given' }),
    ),
    countSoft: Type.Optional(Type.Boolean({ description: 'Soft bookings take time (default true)' })),
  },
  { additionalProperties: false },
);

export const AvailableResponse = Type.Object({
  skill: NullableString,
  role: NullableString,
  from: Type.String(),
  to: Type.String(),
  people: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      location: NullableString,
      title: NullableString,
      proficiency: Type.Union([Type.Integer(), Type.Null()], {
        description: 'In the skill; null without one',
      }),
      fte: Num,
      capacityHours: Num,
      hardHours: Num,
      softHours: Num,
      freeHours: Num,
      freeFte: Num,
    }),
  ),
});

export const SuggestionsQuery = Type.Object(
  {
    from: CalendarDate,
    to: CalendarDate,
    period: Type.Optional(stringEnum(['week', 'month'], 'Granularity of the capacity check (default week)')),
    solver: Type.Optional(stringEnum(['lp', 'greedy'], 'lp (HiGHS, default) or the greedy fallback')),
  },
  { additionalProperties: false },
);

export const SuggestionsResponse = Type.Object({
  solver: Type.String(),
  fallbackReason: NullableString,
  periods: Type.Array(PeriodSchema),
  summary: Type.Object({
    demands: Type.Integer(),
    requestedHours: Num,
    coveredHours: Num,
    unmetHours: Num,
    movedBookings: Type.Integer(),
  }),
  suggestions: Type.Array(
    Type.Object({
      demandId: Type.String(),
      version: Type.Integer({ description: 'Version of the request or booking; If-Match when applying' }),
      currentPersonId: Type.Union([Type.String(), Type.Null()], {
        description: 'Who holds a soft booking now',
      }),
      kind: Type.String(),
      projectId: Type.String(),
      projectKey: NullableString,
      projectName: NullableString,
      skill: NullableString,
      role: NullableString,
      totalHours: Num,
      unmetHours: Num,
      reason: Type.String(),
      allocations: Type.Array(
        Type.Object({
          personId: Type.String(),
          name: Type.String(),
          proficiency: Type.Union([Type.Integer(), Type.Null()]),
          share: Num,
          hours: Num,
          reason: Type.String(),
        }),
      ),
    }),
  ),
});
