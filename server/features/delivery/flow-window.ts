import { Type } from 'typebox';
import { addDays, getDayNumber } from '../../../core/flow/utc-days';
import { fieldProblem } from '../../http/problem';
import { CalendarDate, Id } from '../../resources/vocabulary-schemas';

export const MAX_WINDOW_DAYS = 3660;
export const DEFAULT_WINDOW_DAYS = 90;

export const ScopeFields = {
  teamId: Type.Optional(Id),
  epicId: Type.Optional(Id),
  projectId: Type.Optional(Id),
  portfolioId: Type.Optional(Id),
};

export const WindowFields = {
  from: Type.Optional(CalendarDate),
  to: Type.Optional(CalendarDate),
  asOf: Type.Optional(CalendarDate),
};

export interface WindowQuery {
  from?: string;
  to?: string;
  asOf?: string;
}

export interface ResolvedWindow {
  from: string;
  to: string;
  /** Today unless the caller says otherwise: the server reads the clock, core/ never does. */
  asOf: string;
  /** The instant ages are measured at: now for today, the end of the day for a past date. */
  asOfInstant: string;
  doneFrom: string;
  createdBefore: string;
}

/** The day "today" for a request: `asOf` when given, else the server's UTC date. */
export function resolveAsOf(asOf: string | undefined, now = new Date()): { asOf: string; instant: string } {
  const today = now.toISOString().slice(0, 10);
  const day = asOf ?? today;
  return { asOf: day, instant: day === today ? now.toISOString() : `${day}T23:59:59.999Z` };
}

/** from/to default to the 90 days ending asOf; both inclusive. */
export function resolveWindow(q: WindowQuery, now = new Date()): ResolvedWindow {
  const { asOf, instant } = resolveAsOf(q.asOf, now);
  const to = q.to ?? asOf;
  const from = q.from ?? addDays(to, -(DEFAULT_WINDOW_DAYS - 1));
  const span = getDayNumber(to) - getDayNumber(from);
  if (span < 0) throw fieldProblem('validation_failed', 'to', 'is before from');
  if (span >= MAX_WINDOW_DAYS)
    throw fieldProblem('validation_failed', 'to', `spans more than ${MAX_WINDOW_DAYS} days`);
  return {
    from,
    to,
    asOf,
    asOfInstant: instant,
    doneFrom: `${from}T00:00:00.000Z`,
    createdBefore: `${addDays(to, 1)}T00:00:00.000Z`,
  };
}
