import { type TSchema, Type } from 'typebox';

/** A string limited to a closed vocabulary, as a plain JSON Schema `enum`. */
export const stringEnum = <T extends string>(values: readonly T[], description?: string): TSchema =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Record id' });
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const LongText = Type.String({ maxLength: 20_000 });
export const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Timestamp = Type.String({ format: 'date-time' });
export const Money = Type.Number({ minimum: 0, maximum: 1e15 });
