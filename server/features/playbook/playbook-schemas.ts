import { type TSchema, Type } from 'typebox';
import { RAG_RATINGS } from '../../../core/playbook/vocabulary';
import { stringEnum } from '../../resources/vocabulary-schemas';

// Schemas shared by the playbook resources and routes.

const strict = <T extends Record<string, TSchema>>(props: T) =>
  Type.Object(props, { additionalProperties: false });
const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'lower-case key' });
const Label = Type.String({ minLength: 1, maxLength: 200 });
const Texts = Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 });

export const MethodologyContentSchema = strict({
  roles: Type.Array(
    strict({
      key: Key,
      name: Label,
      triadRoles: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
    }),
    { maxItems: 30 },
  ),
  phases: Type.Array(
    strict({
      key: Key,
      name: Label,
      description: Type.Optional(Type.String({ maxLength: 2000 })),
      delivery: Type.Optional(stringEnum(['predictive', 'scrum', 'kanban'])),
    }),
    { maxItems: 30 },
  ),
  gates: Type.Array(
    strict({
      key: Key,
      name: Label,
      afterPhase: Key,
      entryCriteria: Texts,
      exitCriteria: Texts,
      requiredArtefacts: Type.Array(Key, { maxItems: 20 }),
      checklist: Type.Array(strict({ key: Key, text: Label, required: Type.Boolean() }), { maxItems: 50 }),
      approverRoles: Type.Array(Key, { maxItems: 10 }),
    }),
    { maxItems: 30 },
  ),
  documents: Type.Array(
    strict({
      key: Key,
      name: Label,
      fields: Type.Array(strict({ key: Key, label: Label, required: Type.Boolean() }), { maxItems: 50 }),
    }),
    { maxItems: 30 },
  ),
  intakeDocument: Type.Optional(Key),
});

export const RiskMatrixSchema = strict({
  probabilities: Type.Array(
    strict({ label: Label, value: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }) }),
    {
      minItems: 5,
      maxItems: 5,
    },
  ),
  impacts: Type.Array(strict({ label: Label }), { minItems: 5, maxItems: 5 }),
  thresholds: strict({
    medium: Type.Integer({ minimum: 1, maximum: 25 }),
    high: Type.Integer({ minimum: 1, maximum: 25 }),
  }),
  reviewIntervalDays: Type.Integer({ minimum: 1, maximum: 366 }),
});

export const Rag = stringEnum(RAG_RATINGS);
export const Nullable = (t: TSchema) => Type.Union([t, Type.Null()]);
export const Level = Type.Integer({
  minimum: 1,
  maximum: 5,
  description: 'Level 1 (very low) to 5 (very high)',
});
