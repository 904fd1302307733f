import {
  computeDailyCapacity,
  type LoadContribution,
  type LoadRowInput,
  type Period,
  STANDARD_CALENDAR,
  splitTeamBooking,
  spreadDemand,
  sumByPeriod,
  type WorkCalendar,
} from '../../../core/capacity';
import type { DemandUnit } from '../../../core/capacity/demand';
import type { TeamBookingUnit } from '../../../core/capacity/team-demand';
import type { CapacityRows, PersonRow } from './capacity-store';

// Turns the stored rows into daily capacity and demand over a window, and groups them into the
// rows of the heat map (by person, team or skill). The arithmetic is core/capacity's.

export type HeatmapBy = 'person' | 'team' | 'skill' | 'role';

export interface PersonCapacity {
  person: PersonRow;
  calendar: WorkCalendar;
  /** Proficiency per skill, keys in lower case; `names` keeps the spelling. */
  skills: Record<string, number>;
  skillNames: Record<string, string>;
  daily: Float64Array;
}

export interface Booking {
  id: string;
  personId: string;
  projectId: string;
  teamId: string | null;
  requestId: string | null;
  skill: string | null;
  kind: 'hard' | 'soft';
  daily: Float64Array;
}

export interface OpenDemand {
  id: string;
  projectId: string;
  teamId: string | null;
  /** Null for a request by role only. */
  skill: string | null;
  /** A person's title the request asks for; null for a request by skill only. */
  role: string | null;
  minProficiency: number;
  daily: Float64Array;
}

/** A team booking's hours on days none of the team's members could work: the team's demand only. */
export interface UnassignedTeamDemand {
  teamId: string;
  projectId: string;
  kind: 'hard' | 'soft';
  daily: Float64Array;
}

export interface CapacityModel {
  fromDay: number;
  toDay: number;
  people: PersonCapacity[];
  bookings: Booking[];
  openDemand: OpenDemand[];
  unassignedTeamDemand: UnassignedTeamDemand[];
  rows: CapacityRows;
}

/** Ids of bookings derived from team bookings start with this, so nothing tries to edit or move them. */
export const TEAM_BOOKING = 'team-booking:';

export function parseCalendar(row: {
  working_weekdays: string;
  hours_per_day: number;
  holidays: string;
}): WorkCalendar {
  return {
    workingWeekdays: JSON.parse(row.working_weekdays) as number[],
    hoursPerDay: row.hours_per_day,
    holidays: (JSON.parse(row.holidays) as { date: string }[]).map((h) => h.date),
  };
}

/** The calendar of a location, else the organisation's default (no location), else Mon–Fri 8 h. */
export function calendarChooser(rows: CapacityRows): (location: string | null) => WorkCalendar {
  const byLocation = new Map<string, WorkCalendar>();
  let fallback = STANDARD_CALENDAR;
  for (const c of rows.calendars) {
    if (c.location === null) fallback = parseCalendar(c);
    else byLocation.set(c.location.toLowerCase(), parseCalendar(c));
  }
  return (location) => (location ? byLocation.get(location.toLowerCase()) : undefined) ?? fallback;
}

export function buildCapacityModel(rows: CapacityRows, fromDay: number, toDay: number): CapacityModel {
  const calendarOf = calendarChooser(rows);
  const defaultCalendar = calendarOf(null);
  const people = rows.people.map((person) => {
    const calendar = calendarOf(person.location);
    const leave = rows.leave
      .filter((l) => l.person_id === person.id)
      .map((l) => ({ start: l.start_date, end: l.end_date, share: l.share }));
    const skills: Record<string, number> = {};
    const skillNames: Record<string, string> = {};
    for (const s of rows.skills) {
      if (s.person_id !== person.id) continue;
      skills[s.skill.toLowerCase()] = s.proficiency;
      skillNames[s.skill.toLowerCase()] = s.skill;
    }
    return {
      person,
      calendar,
      skills,
      skillNames,
      daily: computeDailyCapacity({ fte: person.fte, calendar, leave }, fromDay, toDay),
    };
  });
  const byId = new Map(people.map((p) => [p.person.id, p]));
  const span = (r: { start_date: string; end_date: string; amount: number; unit: string }) => ({
    start: r.start_date,
    end: r.end_date,
    amount: r.amount,
    unit: r.unit as DemandUnit,
  });
  const bookings: Booking[] = rows.assignments.map((a) => ({
    id: a.id,
    personId: a.person_id,
    projectId: a.project_id,
    teamId: a.team_id,
    requestId: a.request_id,
    skill: a.skill,
    kind: a.booking === 'hard' ? 'hard' : 'soft',
    daily: spreadDemand(span(a), byId.get(a.person_id)?.calendar ?? defaultCalendar, fromDay, toDay),
  }));
  const fromTeams = splitTeamBookings(rows, people, defaultCalendar, fromDay, toDay);
  bookings.push(...fromTeams.bookings);
  const openDemand: OpenDemand[] = rows.requests.map((r) => {
    const daily = spreadDemand(span(r), defaultCalendar, fromDay, toDay);
    for (const b of bookings) {
      if (b.requestId !== r.id) continue;
      for (let i = 0; i < daily.length; i++) daily[i] = Math.max(0, (daily[i] ?? 0) - (b.daily[i] ?? 0));
    }
    return {
      id: r.id,
      projectId: r.project_id,
      teamId: r.team_id,
      skill: r.skill,
      role: r.role,
      minProficiency: r.min_proficiency,
      daily,
    };
  });
  return {
    fromDay,
    toDay,
    people,
    bookings,
    openDemand,
    unassignedTeamDemand: fromTeams.unassigned,
    rows,
  };
}

/**
 * Team bookings as bookings of the team's members (by core/capacity's splitTeamBooking over what
 * each gives the team: capacity × allocation), attributed to the booked project through the team.
 */
function splitTeamBookings(
  rows: CapacityRows,
  people: readonly PersonCapacity[],
  calendar: WorkCalendar,
  fromDay: number,
  toDay: number,
): { bookings: Booking[]; unassigned: UnassignedTeamDemand[] } {
  const byId = new Map(people.map((p) => [p.person.id, p]));
  const bookings: Booking[] = [];
  const unassigned: UnassignedTeamDemand[] = [];
  for (const t of rows.teamBookings) {
    const members = rows.members.filter((m) => m.team_id === t.team_id && byId.has(m.person_id));
    const capacity = members.map((m) => {
      const daily = (byId.get(m.person_id) as PersonCapacity).daily;
      return daily.map((h) => h * m.allocation);
    });
    const kind = t.booking === 'soft' ? 'soft' : 'hard';
    const span = { start: t.start_date, end: t.end_date, amount: t.amount, unit: t.unit as TeamBookingUnit };
    const split = splitTeamBooking(span, calendar, capacity, fromDay, toDay);
    members.forEach((m, i) => {
      const daily = split.members[i] as Float64Array;
      if (!daily.some((h) => h > 0)) return;
      bookings.push({
        id: `${TEAM_BOOKING}${t.id}:${m.person_id}`,
        personId: m.person_id,
        projectId: t.project_id,
        teamId: t.team_id,
        requestId: null,
        skill: null,
        kind,
        daily,
      });
    });
    if (split.unassigned.some((h) => h > 0))
      unassigned.push({ teamId: t.team_id, projectId: t.project_id, kind, daily: split.unassigned });
  }
  return { bookings, unassigned };
}

/** The skill a booking uses: its own, its request's, else the person's best (ties by name). */
export function skillOfBooking(model: CapacityModel, b: Booking): string | null {
  if (b.skill) return b.skill;
  const p = model.people.find((x) => x.person.id === b.personId);
  if (!p) return null;
  const best = Object.entries(p.skills).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
  return best ? (p.skillNames[best[0]] ?? best[0]) : null;
}

function scaled(daily: Float64Array, factor: number, periods: readonly Period[], fromDay: number): number[] {
  return sumByPeriod(daily, fromDay, periods).map((h) => h * factor);
}

/** The heat-map row key of a role: the title in lower case, trimmed. */
export const roleKey = (title: string) => title.trim().toLowerCase();

/**
 * Heat-map rows: capacity and the contributions of each project per period. A person counts in
 * every skill they have (the most that skill could get) and in their one role (title); a team has its members' capacity times
 * their allocation, the bookings made through it (its team bookings among them, spread over its
 * members; hours no member could carry count on the team alone), or, without a team, the member's
 * bookings times their allocation, and its open requests.
 */
export function groupLoadRows(
  model: CapacityModel,
  by: HeatmapBy,
  periods: readonly Period[],
): (LoadRowInput & { label: string })[] {
  const sum = (daily: Float64Array, factor = 1) => scaled(daily, factor, periods, model.fromDay);
  const contribution = (b: Booking, factor = 1): LoadContribution => ({
    projectId: b.projectId,
    kind: b.kind,
    hours: sum(b.daily, factor),
  });
  if (by === 'person') {
    return model.people.map((p) => ({
      key: p.person.id,
      label: p.person.name,
      capacity: sum(p.daily),
      contributions: model.bookings.filter((b) => b.personId === p.person.id).map((b) => contribution(b)),
    }));
  }
  if (by === 'team') {
    return model.rows.teams.map((team) => {
      const members = model.rows.members.filter((m) => m.team_id === team.id);
      const allocation = new Map(members.map((m) => [m.person_id, m.allocation]));
      const capacity = periods.map(() => 0);
      for (const p of model.people) {
        const share = allocation.get(p.person.id);
        if (share === undefined) continue;
        sum(p.daily, share).forEach((h, t) => {
          capacity[t] = (capacity[t] ?? 0) + h;
        });
      }
      const contributions: LoadContribution[] = [];
      for (const b of model.bookings) {
        if (b.teamId === team.id) contributions.push(contribution(b));
        else if (b.teamId === null && allocation.has(b.personId))
          contributions.push(contribution(b, allocation.get(b.personId) ?? 0));
      }
      for (const u of model.unassignedTeamDemand) {
        if (u.teamId === team.id)
          contributions.push({ projectId: u.projectId, kind: u.kind, hours: sum(u.daily) });
      }
      for (const d of model.openDemand) {
        if (d.teamId === team.id)
          contributions.push({ projectId: d.projectId, kind: 'request', hours: sum(d.daily) });
      }
      return { key: team.id, label: team.name, capacity, contributions };
    });
  }
  if (by === 'role') return groupByRole(model, periods);
  const skills = new Map<string, { label: string; capacity: number[]; contributions: LoadContribution[] }>();
  const row = (name: string) => {
    const key = name.toLowerCase();
    let r = skills.get(key);
    if (!r) {
      r = { label: name, capacity: periods.map(() => 0), contributions: [] };
      skills.set(key, r);
    }
    return r;
  };
  for (const p of model.people) {
    const hours = sum(p.daily);
    for (const key of Object.keys(p.skills)) {
      const r = row(p.skillNames[key] ?? key);
      hours.forEach((h, t) => {
        r.capacity[t] = (r.capacity[t] ?? 0) + h;
      });
    }
  }
  for (const b of model.bookings) {
    const skill = skillOfBooking(model, b);
    if (skill) row(skill).contributions.push(contribution(b));
  }
  // A request by role only asks for no skill: it shows in the role view, not here.
  for (const d of model.openDemand) {
    if (d.skill)
      row(d.skill).contributions.push({ projectId: d.projectId, kind: 'request', hours: sum(d.daily) });
  }
  return [...skills]
    .sort((a, b) => a[1].label.localeCompare(b[1].label))
    .map(([key, r]) => ({ key, label: r.label, capacity: r.capacity, contributions: r.contributions }));
}

/**
 * Rows by role (a person's title): everyone with the title gives their capacity and brings their
 * bookings; open requests naming the role count as its demand. People without a title and
 * requests by skill only have no role row.
 */
function groupByRole(model: CapacityModel, periods: readonly Period[]): (LoadRowInput & { label: string })[] {
  const sum = (daily: Float64Array) => scaled(daily, 1, periods, model.fromDay);
  const roles = new Map<string, { label: string; capacity: number[]; contributions: LoadContribution[] }>();
  const row = (title: string) => {
    const key = roleKey(title);
    let r = roles.get(key);
    if (!r) {
      r = { label: title.trim(), capacity: periods.map(() => 0), contributions: [] };
      roles.set(key, r);
    }
    return r;
  };
  const roleOfPerson = new Map<string, string>();
  for (const p of model.people) {
    if (!p.person.title?.trim()) continue;
    roleOfPerson.set(p.person.id, p.person.title);
    const r = row(p.person.title);
    sum(p.daily).forEach((h, t) => {
      r.capacity[t] = (r.capacity[t] ?? 0) + h;
    });
  }
  for (const b of model.bookings) {
    const title = roleOfPerson.get(b.personId);
    if (title) row(title).contributions.push({ projectId: b.projectId, kind: b.kind, hours: sum(b.daily) });
  }
  for (const d of model.openDemand) {
    if (d.role?.trim())
      row(d.role).contributions.push({ projectId: d.projectId, kind: 'request', hours: sum(d.daily) });
  }
  return [...roles]
    .sort((a, b) => a[1].label.localeCompare(b[1].label))
    .map(([key, r]) => ({ key, label: r.label, capacity: r.capacity, contributions: r.contributions }));
}
