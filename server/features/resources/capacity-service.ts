import {
  computeLoad,
  countWorkingDays,
  listPeriods,
  type Period,
  type PeriodKind,
  sumByPeriod,
} from '../../../core/capacity';
import { getDayNumber } from '../../../core/flow/utc-days';
import { accessFilter } from '../../auth/access';
import type { Principal } from '../../auth/principal';
import { fieldProblem } from '../../http/problem';
import type { Trx } from '../../resources/resource-spec';
import { projectSpec } from '../projects/spec';
import { buildSuggestionProblem, type SuggestionSolver, suggestAssignments } from './assignment-suggestions';
import {
  buildCapacityModel,
  type CapacityModel,
  groupLoadRows,
  type HeatmapBy,
  roleKey,
} from './capacity-model';
import { listCapacityRows, listReadableProjects } from './capacity-store';

const MAX_DAYS = 3660;
const MAX_PERIODS = 160;

interface Window {
  from: string;
  to: string;
}

/** Checks a window (to ≥ from, at most ten years) and lists its periods. */
export function windowPeriods(kind: PeriodKind, window: Window): Period[] {
  const fromDay = getDayNumber(window.from);
  const toDay = getDayNumber(window.to);
  if (toDay < fromDay) throw fieldProblem('validation_failed', 'to', 'is before from');
  if (toDay - fromDay > MAX_DAYS)
    throw fieldProblem('validation_failed', 'to', `spans more than ${MAX_DAYS} days`);
  const periods = listPeriods(kind, window.from, window.to);
  if (periods.length > MAX_PERIODS)
    throw fieldProblem(
      'validation_failed',
      'period',
      `gives ${periods.length} periods, more than ${MAX_PERIODS}`,
    );
  return periods;
}

async function loadModel(trx: Trx, principal: Principal, periods: readonly Period[]) {
  const first = periods[0] as Period;
  const last = periods[periods.length - 1] as Period;
  const rows = await listCapacityRows(trx, principal.organisationId, { from: first.start, to: last.end });
  const projects = await listReadableProjects(
    trx,
    principal.organisationId,
    accessFilter(projectSpec, principal),
  );
  return { model: buildCapacityModel(rows, first.startDay, last.endDay), projects };
}

/**
 * Capacity against demand per person, team or skill and period. Every booking counts towards the
 * load, but causes name only projects the caller may read; the rest are summed as one line.
 */
export async function computeHeatmap(
  trx: Trx,
  principal: Principal,
  q: Window & { by: HeatmapBy; period: PeriodKind; overThreshold?: number; underThreshold?: number },
) {
  const periods = windowPeriods(q.period, q);
  const { model, projects } = await loadModel(trx, principal, periods);
  const inputs = groupLoadRows(model, q.by, periods);
  const load = computeLoad(inputs, periods, {
    ...(q.overThreshold === undefined ? {} : { overThreshold: q.overThreshold }),
    ...(q.underThreshold === undefined ? {} : { underThreshold: q.underThreshold }),
  });
  return {
    by: q.by,
    period: q.period,
    from: q.from,
    to: q.to,
    periods: periods.map(({ key, start, end }) => ({ key, start, end })),
    rows: load.map((row, i) => ({
      key: row.key,
      label: inputs[i]?.label ?? row.key,
      capacity: row.cells.reduce((s, c) => s + c.capacity, 0),
      demand: row.cells.reduce((s, c) => s + c.demand, 0),
      overAllocatedPeriods: row.cells.filter((c) => c.status === 'over').length,
      cells: row.cells.map((c) => ({ ...c, causes: nameCauses(c.causes, projects) })),
    })),
  };
}

function nameCauses(
  causes: { projectId: string; hours: number }[],
  projects: Map<string, { key: string; name: string }>,
) {
  const out = [];
  let hidden = 0;
  for (const c of causes) {
    const p = projects.get(c.projectId);
    if (p) out.push({ projectId: c.projectId, projectKey: p.key, projectName: p.name, hours: c.hours });
    else hidden += c.hours;
  }
  if (hidden > 0)
    out.push({ projectId: null, projectKey: null, projectName: 'Projects you cannot see', hours: hidden });
  return out;
}

/**
 * People with a skill (at a proficiency), in a role (title, case-insensitive), or both, and at
 * least `minFte` free over a window, most free first.
 */
export async function findAvailablePeople(
  trx: Trx,
  principal: Principal,
  q: Window & { skill?: string; role?: string; minFte: number; minProficiency: number; countSoft: boolean },
) {
  const skill = q.skill?.trim().toLowerCase() || null;
  const role = q.role?.trim().toLowerCase() || null;
  if (!skill && !role) throw fieldProblem('validation_failed', 'skill', 'give a skill, a role, or both');
  windowPeriods('month', q);
  const fromDay = getDayNumber(q.from);
  const toDay = getDayNumber(q.to);
  const rows = await listCapacityRows(trx, principal.organisationId, q);
  const model: CapacityModel = buildCapacityModel(rows, fromDay, toDay);
  const whole: Period[] = [{ key: 'window', start: q.from, end: q.to, startDay: fromDay, endDay: toDay }];
  const total = (daily: Float64Array) => sumByPeriod(daily, fromDay, whole)[0] ?? 0;
  const people = [];
  for (const p of model.people) {
    if (role && roleKey(p.person.title ?? '') !== role) continue;
    const proficiency = skill ? (p.skills[skill] ?? 0) : null;
    if (proficiency !== null && (proficiency < q.minProficiency || proficiency === 0)) continue;
    const capacityHours = total(p.daily);
    let hardHours = 0;
    let softHours = 0;
    for (const b of model.bookings) {
      if (b.personId !== p.person.id) continue;
      if (b.kind === 'hard') hardHours += total(b.daily);
      else softHours += total(b.daily);
    }
    const freeHours = capacityHours - hardHours - (q.countSoft ? softHours : 0);
    // Free FTE: free hours as a share of a full-time person's hours on this calendar in the window.
    const fullTime = countWorkingDays(p.calendar, q.from, q.to) * p.calendar.hoursPerDay;
    const freeFte = fullTime > 0 ? Math.max(0, freeHours) / fullTime : 0;
    if (freeFte + 1e-9 < q.minFte) continue;
    people.push({
      personId: p.person.id,
      name: p.person.name,
      location: p.person.location,
      title: p.person.title,
      proficiency,
      fte: p.person.fte,
      capacityHours,
      hardHours,
      softHours,
      freeHours,
      freeFte,
    });
  }
  people.sort(
    (a, b) =>
      b.freeFte - a.freeFte || (b.proficiency ?? 0) - (a.proficiency ?? 0) || a.name.localeCompare(b.name),
  );
  return { skill: q.skill?.trim() || null, role: q.role?.trim() || null, from: q.from, to: q.to, people };
}

/** Suggested assignments for open demand and for soft bookings that over-allocate someone. */
export async function computeSuggestions(
  trx: Trx,
  principal: Principal,
  q: Window & { period: PeriodKind; solver: SuggestionSolver },
) {
  const periods = windowPeriods(q.period, q);
  const { model, projects } = await loadModel(trx, principal, periods);
  const problem = buildSuggestionProblem(model, periods, (id) => projects.has(id));
  const result = await suggestAssignments(problem, q.solver);
  // The version the suggestion saw, sent back as If-Match when it is applied.
  const versions = new Map<string, number>(
    [...model.rows.requests, ...model.rows.assignments].map((r) => [r.id, r.version]),
  );
  const suggestions = result.suggestions.map((s) => ({
    ...s,
    version: versions.get(s.demandId) ?? 1,
    currentPersonId: problem.demands.find((d) => d.id === s.demandId)?.currentPersonId ?? null,
    projectKey: projects.get(s.projectId)?.key ?? null,
    projectName: projects.get(s.projectId)?.name ?? null,
  }));
  const requests = suggestions.filter((s) => s.kind === 'request');
  return {
    solver: result.solver,
    fallbackReason: result.fallbackReason,
    periods: periods.map(({ key, start, end }) => ({ key, start, end })),
    summary: {
      demands: suggestions.length,
      requestedHours: requests.reduce((s, x) => s + x.totalHours, 0),
      coveredHours: requests.reduce((s, x) => s + x.totalHours - x.unmetHours, 0),
      unmetHours: requests.reduce((s, x) => s + x.unmetHours, 0),
      movedBookings: suggestions.filter(
        (s) =>
          s.kind === 'soft' &&
          s.allocations.some(
            (a) => a.personId !== problem.demands.find((d) => d.id === s.demandId)?.currentPersonId,
          ),
      ).length,
    },
    suggestions,
  };
}
