import { Type } from 'typebox';
import { VALUE_SOURCES } from '../../../core/portfolio/scenario';
import { stringEnum } from '../../resources/vocabulary-schemas';

// Schemas of a scenario's candidates and constraints (core/portfolio/scenario.ts is the domain type).

const Amount = Type.Number({ minimum: 0, maximum: 1e15 });
const Series = Type.Array(Amount, { maxItems: 40 });
const Period = Type.Integer({ minimum: 0, maximum: 39 });
const Ids = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500 });
const Value = Type.Union([Type.Number({ minimum: -1e15, maximum: 1e15 }), Type.Null()]);

export const ValueSourceSchema = stringEnum(
  VALUE_SOURCES,
  'npv (business case), wsjf (cost of delay) or score (weighted scoring model)',
);

export const ScenarioCandidateSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    key: Type.String({ maxLength: 40 }),
    name: Type.String({ maxLength: 200 }),
    values: Type.Object({ npv: Value, wsjf: Value, score: Value }, { additionalProperties: false }),
    valueOverride: Value,
    duration: Type.Integer({ minimum: 1, maximum: 40 }),
    cost: Series,
    demand: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Series),
    earliestStart: Period,
    latestStart: Period,
    included: Type.Boolean(),
    mandatory: Type.Boolean(),
    forcedStart: Type.Union([Period, Type.Null()]),
    dependsOn: Ids,
    excludes: Ids,
    teamId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    inFlight: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const ScenarioCandidatesSchema = Type.Array(ScenarioCandidateSchema, { maxItems: 500 });

export const ScenarioConstraintsSchema = Type.Object(
  {
    budget: Type.Union([Series, Type.Null()]),
    budgetFactor: Type.Number({ minimum: 0, maximum: 10, description: '0.8 = budget −20 %' }),
    capacity: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Series),
    teams: Type.Record(
      Type.String({ minLength: 1, maxLength: 64 }),
      Type.Object(
        {
          name: Type.String({ maxLength: 200 }),
          skills: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Amount),
        },
        { additionalProperties: false },
      ),
    ),
    removedTeams: Ids,
  },
  { additionalProperties: false },
);
