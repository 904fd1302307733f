import { Type } from 'typebox';
import { STATUS_CATEGORIES } from '../../../core/model/vocabulary';
import { CalendarDate, Id, stringEnum } from '../../resources/vocabulary-schemas';

// Request and response shapes of the delivery routes that are not plain CRUD.

export const IdParams = Type.Object({ id: Id });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const WipLimit = Type.Integer({ minimum: 1, maximum: 10_000 });
export const Sle = Type.Object(
  {
    days: Type.Number({ exclusiveMinimum: 0, maximum: 3650, description: 'Within this many days…' }),
    percentile: Type.Integer({ minimum: 1, maximum: 99, description: '…this share of items finish' }),
  },
  { additionalProperties: false },
);

export const WorkflowStateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    category: stringEnum(STATUS_CATEGORIES),
    blocked: Type.Optional(Type.Boolean({ description: 'Items in this state are blocked (waiting)' })),
    wipSoft: Type.Optional(Nullable(WipLimit)),
    wipHard: Type.Optional(Nullable(WipLimit)),
  },
  { additionalProperties: false },
);

export const WorkflowBody = Type.Object(
  {
    states: Type.Array(WorkflowStateSchema, { minItems: 1, maxItems: 30 }),
    sle: Type.Optional(Nullable(Sle)),
  },
  { additionalProperties: false },
);

export const WorkflowResponse = Type.Object({
  teamId: Type.String(),
  configured: Type.Boolean(),
  version: Type.Integer(),
  states: Type.Array(
    Type.Object({
      name: Type.String(),
      category: Type.String(),
      blocked: Type.Boolean(),
      wipSoft: Nullable(Type.Integer()),
      wipHard: Nullable(Type.Integer()),
    }),
  ),
  sle: Nullable(Type.Object({ days: Type.Number(), percentile: Type.Integer() })),
});

export const BlockBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const BlockResponse = Type.Object({
  workItemId: Type.String(),
  blocked: Type.Boolean(),
  reason: Nullable(Type.String()),
  blockedAt: Nullable(Type.String()),
  unblockedAt: Nullable(Type.String()),
});

export const RankBody = Type.Object(
  {
    before: Type.Optional(Id),
    after: Type.Optional(Id),
  },
  { additionalProperties: false, description: 'Place the item just before or just after another item' },
);
export const RankResponse = Type.Object({ id: Type.String(), rank: Type.Number(), version: Type.Integer() });

export const AsOfQuery = { asOf: Type.Optional(CalendarDate) };
export { Nullable };
