import { Type } from 'typebox';
import { CalendarDate, stringEnum } from '../../resources/vocabulary-schemas';
import { BUDGET_VERSIONS } from './money-vocabulary';

const Num = Type.Number();
const NullableNum = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
/** Objects whose members are documented in docs/resources.md and core/evm (passed through as computed). */
const Figures = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const EvmQuery = Type.Object(
  {
    asOf: Type.Optional(CalendarDate),
    budgetVersion: Type.Optional(stringEnum(BUDGET_VERSIONS, 'Plan value from this budget version')),
  },
  { additionalProperties: false },
);

export const EvmResponse = Type.Object({
  projectId: Type.String(),
  asOf: Type.String(),
  statusDate: Type.String(),
  budget: Type.Object({
    id: Type.String(),
    name: Type.String(),
    budgetVersion: Type.String(),
    status: Type.String(),
  }),
  evMethod: Type.String(),
  etcBasis: Type.Union([Type.String(), Type.Null()], {
    description:
      'Where the bottom-up ETC behind status.eac.bottomUp comes from (the forecast budget after the status month); null without a forecast budget',
  }),
  series: Type.Object({ bac: Num, pv: Type.Array(Num), ev: Type.Array(Num), ac: Type.Array(Num) }),
  months: Type.Array(Type.String()),
  status: Figures('EVM and earned-schedule figures at the status date (core computeEvmStatus)'),
  sCurve: Type.Array(
    Type.Object({
      period: Type.Integer(),
      month: Type.String(),
      pv: Num,
      ev: NullableNum,
      ac: NullableNum,
      spi: NullableNum,
      cpi: NullableNum,
      es: NullableNum,
    }),
  ),
  forecast: Type.Union([
    Type.Object({
      eac: Num,
      finishPeriods: Num,
      points: Type.Array(Type.Object({ period: Type.Integer(), month: Type.String(), ac: Num })),
    }),
    Type.Null(),
  ]),
  agile: Type.Union([Figures('Release-level AgileEVM (core computeAgileEvm) and its inputs'), Type.Null()]),
  referenceClass: Type.Object({
    basis: Type.String(),
    projects: Type.Integer(),
    costSample: Type.Integer(),
    durationSample: Type.Integer(),
    ranges: Type.Array(
      Type.Object({
        percentile: Num,
        cost: NullableNum,
        duration: NullableNum,
        costUplift: NullableNum,
        durationUplift: NullableNum,
        finishMonth: NullableString,
      }),
    ),
    warnings: Type.Array(Type.String()),
  }),
  warnings: Type.Array(Type.String()),
});

/** The budget standing for a version (nulls when the version has none). */
const ChosenBudget = Type.Object({
  budgetVersion: Type.String(),
  id: NullableString,
  name: NullableString,
  status: NullableString,
  approvedAt: NullableString,
});

export const BudgetVsActualsResponse = Type.Object({
  projectId: Type.String(),
  budgets: Type.Array(ChosenBudget),
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      budget: Figures('Per version: labour, nonLabour, capex, opex, total'),
      actual: Figures('labour, nonLabour, capex, opex, total'),
      variance: Num,
    }),
  ),
  totals: Figures('The same sums over every month, and the variance of the current budget'),
  uncostedHours: Num,
});

export const ImportResult = Type.Object({ created: Type.Integer(), total: Num });

export const RollupQuery = Type.Object(
  { period: Type.Optional(stringEnum(['month', 'quarter', 'year'], 'Columns (default quarter)')) },
  { additionalProperties: false },
);

export const RollupResponse = Type.Object({
  portfolioId: Type.String(),
  period: Type.String(),
  periods: Type.Array(
    Type.Object({
      period: Type.String(),
      budget: Figures("Per version: labour, nonLabour, capex, opex, total of the projects' budgets"),
      portfolioBudget: Figures(
        "Per version, split the same way: the portfolio's own budget (no project), its envelope for all its projects",
      ),
      actual: Figures('labour, nonLabour, capex, opex, total'),
      variance: Num,
      unallocated: Type.Union([Type.Number(), Type.Null()], {
        description:
          "The portfolio's current budget less its projects' current budgets; null when the portfolio has no current budget of its own",
      }),
    }),
  ),
  projects: Type.Array(
    Type.Object({
      projectId: Type.String(),
      projectKey: Type.String(),
      projectName: Type.String(),
      budget: Figures('Total per version: original, current, forecast'),
      approved: Type.Array(Type.String()),
      actual: Num,
      variance: Num,
      uncostedHours: Num,
    }),
  ),
  portfolioBudgets: Type.Object(
    {
      budget: Figures('Total per version of the budgets the portfolio holds itself'),
      approved: Type.Array(Type.String()),
      budgets: Type.Array(ChosenBudget),
    },
    {
      description:
        'Budgets held by the portfolio, not by one of its projects: the one standing for each version',
    },
  ),
  totals: Figures(
    "The projects' budget per version, the portfolio's own budget (portfolioBudget), actual, split as the periods; the variance of the projects' current budget and the unallocated part of the portfolio's",
  ),
});
