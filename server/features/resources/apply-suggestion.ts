import { getDayNumber } from '../../../core/flow/utc-days';
import { assertRecordAccess } from '../../auth/access';
import { fieldProblem, ProblemError } from '../../http/problem';
import { createRecord, getRecord, updateRecord } from '../../resources/resource-service';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import { resourceAssignmentSpec } from './assignment-spec';
import { buildCapacityModel, roleKey } from './capacity-model';
import { listCapacityRows } from './capacity-store';
import { resourceRequestSpec } from './request-spec';

export interface ApplyBody {
  kind: 'request' | 'soft';
  demandId: string;
  personId: string;
  /** Hours the suggestion gave this person over the window. */
  hours: number;
  from: string;
  to: string;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Turns one allocation of a suggestion into a booking, in one audited call: for an open request a
 * new soft assignment of the person over the request's span within the window; for a soft booking
 * that over-allocates someone, the booking moves to the suggested person. Both are refused with
 * 412 when the request or booking changed since the suggestion was computed (its version), and a
 * request with 409 when what is left of it no longer needs the hours.
 */
export async function applySuggestion(trx: Trx, ctx: RequestContext, body: ApplyBody, version: number) {
  if (getDayNumber(body.to) < getDayNumber(body.from))
    throw fieldProblem('validation_failed', 'to', 'is before from');
  if (body.kind === 'soft') return moveSoftBooking(trx, ctx, body, version);
  const request = await getRecord(trx, ctx, resourceRequestSpec, body.demandId);
  // Booking to the request's project needs the same delivery write as changing the request.
  await assertRecordAccess(trx, resourceRequestSpec, ctx.principal, body.demandId, 'write');
  if (request.version !== version)
    throw new ProblemError(
      'precondition_failed',
      `The request is at version ${String(request.version)}, not ${version}: it changed since the suggestion. Refresh the suggestions.`,
      [],
      { current: request },
    );
  if (request.status !== 'open')
    throw new ProblemError('conflict', `The request is ${String(request.status)}, no longer open.`);
  const start = later(String(request.startDate), body.from);
  const end = earlier(String(request.endDate), body.to);
  if (end < start) throw fieldProblem('validation_failed', 'from', 'the window does not overlap the request');
  const rows = await listCapacityRows(trx, ctx.principal.organisationId, { from: start, to: end });
  const model = buildCapacityModel(rows, getDayNumber(start), getDayNumber(end));
  const open = model.openDemand.find((d) => d.id === body.demandId);
  const unmet = open ? open.daily.reduce((s, h) => s + h, 0) : 0;
  if (unmet + 0.5 < body.hours)
    throw new ProblemError(
      'conflict',
      `The request now needs ${unmet.toFixed(1)} h in this window, less than the ${body.hours.toFixed(1)} h suggested: someone booked it meanwhile. Refresh the suggestions.`,
    );
  const person = model.people.find((p) => p.person.id === body.personId);
  const skill = typeof request.skill === 'string' ? request.skill : null;
  const role = typeof request.role === 'string' ? request.role : null;
  if (!person) throw fieldProblem('invalid_reference', 'personId', 'does not exist');
  if (role && roleKey(person.person.title ?? '') !== roleKey(role))
    throw fieldProblem('validation_failed', 'personId', `is not in the role ${role} the request asks for`);
  if (skill && (person.skills[skill.toLowerCase()] ?? 0) < Number(request.minProficiency))
    throw fieldProblem(
      'validation_failed',
      'personId',
      `lacks ${skill} at the proficiency the request needs`,
    );
  const assignment = await createRecord(trx, ctx, resourceAssignmentSpec, {
    personId: body.personId,
    projectId: request.projectId,
    teamId: request.teamId ?? null,
    requestId: body.demandId,
    skill,
    startDate: start,
    endDate: end,
    amount: Math.round(Math.min(body.hours, unmet) * 100) / 100,
    unit: 'hours',
    booking: 'soft',
    note: 'Booked from an assignment suggestion',
  });
  return { action: 'booked' as const, assignment };
}

/**
 * A soft booking of an over-allocated person: given whole to the suggested person it moves; given
 * in part, the part becomes a new soft booking of the suggested person (in hours, over the
 * booking's span within the window) and the original shrinks by the same share.
 */
async function moveSoftBooking(trx: Trx, ctx: RequestContext, body: ApplyBody, version: number) {
  const booking = await getRecord(trx, ctx, resourceAssignmentSpec, body.demandId);
  if (booking.booking !== 'soft')
    throw fieldProblem('validation_failed', 'demandId', 'names a hard booking; only soft bookings move');
  if (booking.version !== version)
    throw new ProblemError(
      'precondition_failed',
      `The booking is at version ${String(booking.version)}, not ${version}: it changed since the suggestion. Refresh the suggestions.`,
      [],
      { current: booking },
    );
  if (booking.personId === body.personId)
    throw fieldProblem('validation_failed', 'personId', 'already holds this booking: nothing to apply');
  const start = later(String(booking.startDate), body.from);
  const end = earlier(String(booking.endDate), body.to);
  if (end < start) throw fieldProblem('validation_failed', 'from', 'the window does not overlap the booking');
  const rows = await listCapacityRows(trx, ctx.principal.organisationId, { from: start, to: end });
  const model = buildCapacityModel(rows, getDayNumber(start), getDayNumber(end));
  const daily = model.bookings.find((b) => b.id === body.demandId)?.daily;
  const total = daily ? daily.reduce((s, h) => s + h, 0) : 0;
  if (body.hours >= total - 0.5) {
    const assignment = await updateRecord(
      trx,
      ctx,
      resourceAssignmentSpec,
      body.demandId,
      { personId: body.personId },
      version,
    );
    return { action: 'moved' as const, assignment };
  }
  const keep = 1 - body.hours / total;
  await updateRecord(
    trx,
    ctx,
    resourceAssignmentSpec,
    body.demandId,
    { amount: Math.round(Number(booking.amount) * keep * 10_000) / 10_000 },
    version,
  );
  const assignment = await createRecord(trx, ctx, resourceAssignmentSpec, {
    personId: body.personId,
    projectId: booking.projectId,
    teamId: booking.teamId ?? null,
    requestId: booking.requestId ?? null,
    skill: booking.skill ?? null,
    startDate: start,
    endDate: end,
    amount: Math.round(body.hours * 100) / 100,
    unit: 'hours',
    booking: 'soft',
    note: 'Split from an over-allocating soft booking by a suggestion',
  });
  return { action: 'split' as const, assignment };
}
