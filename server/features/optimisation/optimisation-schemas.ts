import { Type } from 'typebox';

// Request and response schemas of the optimiser's run, compare and adopt routes.

const Num = Type.Number();
const NullableNum = Type.Union([Type.Number(), Type.Null()]);
const Str = Type.String();

export const ScenarioParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const RunParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  runId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const CompareParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  otherId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const StartRunBody = Type.Object(
  {
    timeLimitMs: Type.Optional(
      Type.Integer({ minimum: 500, maximum: 600_000, description: 'Solver time limit (default 10 s)' }),
    ),
  },
  { additionalProperties: false },
);

export const AdoptBody = Type.Object(
  {
    rationale: Type.String({
      minLength: 3,
      maxLength: 5000,
      description: 'Why this scenario becomes the plan',
    }),
    runId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'Default: the newest finished run' }),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const Progress = Type.Object({
  phase: Type.Union([Type.Literal('solving'), Type.Literal('shadow-prices'), Type.Literal('frontier')]),
  elapsedMs: Num,
  incumbent: NullableNum,
  bound: NullableNum,
  gap: NullableNum,
  frontierDone: Type.Integer(),
  frontierTotal: Type.Integer(),
});

const Initiative = Type.Object({
  id: Str,
  key: Str,
  name: Str,
  start: Type.Integer(),
  duration: Type.Integer(),
  value: Num,
  cost: Num,
});

const Use = Type.Object({ used: Type.Array(Num), limit: Type.Array(NullableNum) });

const RunResult = Type.Object({
  status: Str,
  valueSource: Str,
  periodLabels: Type.Array(Str),
  objective: NullableNum,
  bound: NullableNum,
  gap: NullableNum,
  totalCost: Num,
  selected: Type.Array(Initiative),
  greedy: Type.Object({ objective: Num, totalCost: Num, selected: Type.Array(Initiative) }),
  uplift: NullableNum,
  leftOut: Type.Array(Type.Object({ id: Str, reason: Str })),
  conflicts: Type.Array(Str),
  frontier: Type.Array(Type.Object({ factor: Num, totalBudget: Num, status: Str, value: NullableNum })),
  shadowPrices: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('budget'), Type.Literal('capacity')]),
      skill: Type.Union([Str, Type.Null()]),
      period: Type.Integer(),
      price: Num,
      limit: Num,
      used: Num,
      sentence: Str,
    }),
  ),
  usage: Type.Object({ budget: Use, capacity: Type.Record(Str, Use) }),
});

export const RunResponse = Type.Object({
  id: Str,
  scenarioId: Str,
  status: Type.Union([
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
    Type.Literal('cancelled'),
  ]),
  timeLimitMs: Type.Integer(),
  startedAt: Str,
  finishedAt: Type.Union([Str, Type.Null()]),
  createdBy: Type.Union([Str, Type.Null()]),
  progress: Progress,
  result: Type.Union([RunResult, Type.Null()]),
  error: Type.Union([Str, Type.Null()]),
});

export const RunListResponse = Type.Object({ items: Type.Array(RunResponse) });

const Side = Type.Object({
  id: Str,
  name: Str,
  valueSource: Str,
  runId: Type.Union([Str, Type.Null()]),
  status: Type.Union([Str, Type.Null()]),
  objective: NullableNum,
  totalCost: NullableNum,
  selectedCount: Type.Integer(),
  budgetUsed: Type.Array(NullableNum, {
    description: 'Per quarter of periodLabels; null outside this horizon',
  }),
  budgetLimit: Type.Array(NullableNum),
  capacity: Type.Array(
    Type.Object({ skill: Str, used: Type.Array(NullableNum), limit: Type.Array(NullableNum) }),
  ),
});

const Named = { id: Str, key: Str, name: Str };

export const CompareResponse = Type.Object({
  periodLabels: Type.Array(Str),
  first: Side,
  second: Side,
  valueDifference: NullableNum,
  selected: Type.Array(Type.Object({ ...Named, start: Type.Integer() })),
  deselected: Type.Array(Type.Object({ ...Named, start: Type.Integer() })),
  moved: Type.Array(Type.Object({ ...Named, from: Type.Integer(), to: Type.Integer() })),
  inputChanges: Type.Array(Str),
});

export const DecisionResponse = Type.Object({
  scenarioId: Str,
  portfolioId: Str,
  runId: Str,
  adoptedAt: Str,
  adoptedBy: Str,
  rationale: Str,
  version: Type.Integer(),
  objective: NullableNum,
});
