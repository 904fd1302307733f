import { Type } from 'typebox';
import { WORK_ITEM_TYPES } from '../../../core/model/vocabulary';
import { CalendarDate, Id, stringEnum } from '../../resources/vocabulary-schemas';

const Num = Type.Number();
const Spread = { p10: Num, p50: Num, p90: Num };

export const EffortQuery = Type.Object(
  {
    type: stringEnum(WORK_ITEM_TYPES, 'Work item type of the new work'),
    teamId: Type.Optional(Id),
    estimate: Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'The new estimate' }),
    unit: Type.Optional(stringEnum(['hours', 'points'], 'Unit of the estimate (default hours)')),
    minSample: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        description: 'Fewest items before the class widens (default 5)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const EffortResponse = Type.Object({
  query: Type.Object({
    type: Type.String(),
    teamId: Type.Union([Type.String(), Type.Null()]),
    estimate: Num,
    unit: Type.String(),
  }),
  basis: Type.String({ description: 'type-and-team, type, team, organisation or none' }),
  sampleSize: Type.Integer(),
  historySize: Type.Integer(),
  ratio: Type.Union([Type.Object({ ...Spread, mean: Num }), Type.Null()]),
  effort: Type.Union([Type.Object(Spread), Type.Null()]),
  warnings: Type.Array(Type.String()),
  groups: Type.Array(
    Type.Object({
      type: Type.String(),
      teamId: Type.Union([Type.String(), Type.Null()]),
      teamName: Type.Union([Type.String(), Type.Null()]),
      sampleSize: Type.Integer(),
      ...Spread,
      mean: Num,
    }),
  ),
});

export const ApplyBodySchema = Type.Object(
  {
    kind: stringEnum(['request', 'soft'], 'The suggestion kind: an open request or a soft booking to move'),
    demandId: Id,
    personId: Id,
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }),
    from: CalendarDate,
    to: CalendarDate,
  },
  { additionalProperties: false },
);

export const ApplyResponse = Type.Object({
  action: Type.String({
    description:
      'booked (a new soft assignment), moved (the soft booking moved) or split (part of it moved to a new soft booking)',
  }),
  assignment: Type.Record(Type.String(), Type.Unknown()),
});
