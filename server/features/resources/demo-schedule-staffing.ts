import type { DemoStructure } from '../../demo/demo-organisation';
import type { StoredAssignment, StoredPlan, StoredResource } from '../schedule/schedule-store';
import { createDemoIds } from './demo-ids';

// The demo schedules plan with role resources ("Developers", capacity 4). Capacity planning sees
// schedule demand only on people, so each role resource is staffed with named people of the
// matching job titles, one resource of capacity 1 per person, and a task's units of a role go to
// that many of them. People come from outside the project's own team: its members are booked to
// the project already, and an explicit booking takes precedence over schedule demand.

const TITLES: Record<string, string[]> = {
  'Business analysts': ['Business Analyst'],
  Developers: ['Software Engineer', 'Senior Software Engineer', 'DevOps Engineer'],
  Testers: ['QA Engineer'],
  'Solution architect': ['Senior Software Engineer'],
};

export interface StaffedResource extends StoredResource {
  personId: string | null;
}

/**
 * Replaces the plan's role resources by named people (see above). Deterministic: people are
 * taken in a rotation that starts at `projectIndex`, those staffing the fewest schedules first, and new ids come from a generator of their own
 * (createDemoIds), so the seeding generator's sequence, and with it the rest of the demo, is unchanged.
 */
export function staffScheduleResources(
  plan: StoredPlan,
  s: DemoStructure,
  teamId: string | null,
  projectIndex: number,
  /** How many schedules each person already staffs; the least used are taken first, and counted. */
  usage: Map<string, number> = new Map(),
): { resources: StaffedResource[]; assignments: StoredAssignment[] } {
  const inTeam = new Set(s.members.filter((m) => m.team_id === teamId).map((m) => m.person_id));
  const taken = new Set<string>();
  const newId = createDemoIds(`schedule-staffing:${plan.projectId}`);
  const resources: StaffedResource[] = [];
  const groups = new Map<string, string[]>();
  for (const role of plan.resources) {
    const titles = TITLES[role.name] ?? [];
    const eligible = s.people.filter((p) => titles.includes(p.title ?? '') && !inTeam.has(p.id));
    // The rotation from projectIndex, then the people staffing the fewest schedules so far first.
    const rotated = eligible.map(
      (_, k) => eligible[(projectIndex + k) % eligible.length] as (typeof eligible)[number],
    );
    const candidates = rotated
      .map((p, k) => ({ p, k }))
      .sort((a, b) => (usage.get(a.p.id) ?? 0) - (usage.get(b.p.id) ?? 0) || a.k - b.k)
      .map((x) => x.p);
    const group: string[] = [];
    for (let k = 0; k < candidates.length && group.length < role.capacity; k++) {
      const person = candidates[k];
      if (!person || taken.has(person.id)) continue;
      taken.add(person.id);
      usage.set(person.id, (usage.get(person.id) ?? 0) + 1);
      const id = group.length === 0 ? role.id : newId();
      group.push(id);
      resources.push({
        id,
        name: `${role.name.replace(/s$/, '')}: ${person.name}`,
        capacity: 1,
        nonWorkingDates: role.nonWorkingDates,
        personId: person.id,
      });
    }
    // Nobody fits: the role stays a role, as before.
    if (group.length === 0) resources.push({ ...role, personId: null });
    else groups.set(role.id, group);
  }
  const position = new Map(plan.tasks.map((t) => [t.id, t.position]));
  const assignments: StoredAssignment[] = [];
  for (const a of plan.assignments) {
    const group = groups.get(a.resourceId);
    if (!group) {
      assignments.push(a);
      continue;
    }
    // A task's units of a role: that many of its people at full time, starting at a rotating one.
    const start = (position.get(a.taskId) ?? 0) % group.length;
    const count = Math.min(group.length, Math.max(1, Math.round(a.units)));
    for (let k = 0; k < count; k++)
      assignments.push({
        taskId: a.taskId,
        resourceId: group[(start + k) % group.length] as string,
        units: 1,
      });
  }
  return { resources, assignments };
}
