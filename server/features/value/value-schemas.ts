import { Type } from 'typebox';

// Schemas shared by the value resources and routes.

/** A finite measure value (KPI, key result, benefit level). */
export const Measure = Type.Number({ minimum: -1e15, maximum: 1e15 });
export const Unit = Type.String({ minLength: 1, maxLength: 40, description: 'e.g. %, points, £, days' });

export const DatedValue = Type.Object(
  { date: Type.String({ format: 'date' }), value: Measure },
  { additionalProperties: false },
);
export const DatedValues = Type.Array(DatedValue, { maxItems: 1000 });

/** 0 ≤ confidence ≤ 1: how likely the owner thinks the target will be met. */
export const Confidence = Type.Number({ minimum: 0, maximum: 1 });
