import { comparePlans } from '../../../core/portfolio/compare-plans';
import type { ScenarioCandidate, ScenarioConstraints } from '../../../core/portfolio/scenario';
import type { OptimisationScenariosTable } from '../../store/tables';
import { quarterIndex, quarterLabel } from './quarters';
import type { RunResultValue } from './run-result';
import { scenarioInput } from './run-service';

/** One side of a comparison: the scenario and the numbers of its newest finished run. */
export interface ComparedSide {
  id: string;
  name: string;
  valueSource: string;
  runId: string | null;
  status: string | null;
  objective: number | null;
  totalCost: number | null;
  selectedCount: number;
  /** Per quarter of the comparison's axis; null in a quarter outside this scenario's horizon. */
  budgetUsed: (number | null)[];
  budgetLimit: (number | null)[];
  capacity: { skill: string; used: (number | null)[]; limit: (number | null)[] }[];
}

type Side = { row: OptimisationScenariosTable; runId: string | null; result: RunResultValue | null };

/**
 * The quarters both scenarios cover, first to last: scenarios may start in different quarters and
 * plan for different lengths, so each side's series and starts are placed on this one axis.
 */
function commonAxis(first: Side, second: Side) {
  const start = (side: Side) => quarterIndex(side.row.horizon_start);
  const from = Math.min(start(first), start(second));
  const to = Math.max(start(first) + first.row.periods, start(second) + second.row.periods);
  const labels = Array.from({ length: to - from }, (_, k) => quarterLabel(from + k));
  /** Where a side's period `p` falls on the axis. */
  const at = (side: Side, p: number) => start(side) - from + p;
  const place = <T>(side: Side, series: readonly T[]): (T | null)[] => {
    const out = new Array<T | null>(labels.length).fill(null);
    series.forEach((x, p) => {
      out[at(side, p)] = x;
    });
    return out;
  };
  return { labels, at, place };
}

type Axis = ReturnType<typeof commonAxis>;

function present(side: Side, axis: Axis): ComparedSide {
  const r = side.result;
  return {
    id: side.row.id,
    name: side.row.name,
    valueSource: side.row.value_source,
    runId: side.runId,
    status: r?.status ?? null,
    objective: r?.objective ?? null,
    totalCost: r?.totalCost ?? null,
    selectedCount: r?.selected.length ?? 0,
    budgetUsed: axis.place(side, r?.usage.budget.used ?? []),
    budgetLimit: axis.place(side, r?.usage.budget.limit ?? []),
    capacity: Object.entries(r?.usage.capacity ?? {}).map(([skill, use]) => ({
      skill,
      used: axis.place(side, use.used),
      limit: axis.place(side, use.limit),
    })),
  };
}

/** The edits that tell the two scenarios apart, as sentences (second relative to first). */
function describeInputChanges(
  first: Side,
  second: Side,
  axis: Axis,
  a: { candidates: ScenarioCandidate[]; constraints: ScenarioConstraints },
  b: { candidates: ScenarioCandidate[]; constraints: ScenarioConstraints },
): string[] {
  const out: string[] = [];
  const pct = (f: number) => `${Math.round(f * 100)} %`;
  const horizon = (side: Side) =>
    `${side.row.periods} quarters from ${quarterLabel(quarterIndex(side.row.horizon_start))}`;
  if (horizon(first) !== horizon(second)) out.push(`Plans ${horizon(second)} instead of ${horizon(first)}.`);
  if (a.constraints.budgetFactor !== b.constraints.budgetFactor)
    out.push(`Budget at ${pct(b.constraints.budgetFactor)} instead of ${pct(a.constraints.budgetFactor)}.`);
  const teamName = (id: string) => b.constraints.teams[id]?.name ?? a.constraints.teams[id]?.name ?? id;
  for (const t of b.constraints.removedTeams)
    if (!a.constraints.removedTeams.includes(t)) out.push(`Without the capacity of team ${teamName(t)}.`);
  for (const t of a.constraints.removedTeams)
    if (!b.constraints.removedTeams.includes(t)) out.push(`With the capacity of team ${teamName(t)} back.`);
  const before = new Map(a.candidates.map((c) => [c.id, c]));
  for (const c of b.candidates) {
    const was = before.get(c.id);
    const name = `${c.key} ${c.name}`;
    if (!was) out.push(`${name} is a candidate only here.`);
    else {
      if (was.included !== c.included) out.push(`${name} ${c.included ? 'is back in' : 'is left out'}.`);
      if (was.mandatory !== c.mandatory) out.push(`${name} is ${c.mandatory ? '' : 'no longer '}mandatory.`);
      if (was.forcedStart !== c.forcedStart)
        out.push(
          c.forcedStart === null
            ? `${name} may start when it fits.`
            : `${name} must start in ${axis.labels[axis.at(second, c.forcedStart)] ?? c.forcedStart}.`,
        );
      if (was.valueOverride !== c.valueOverride) out.push(`${name} counts with a different value.`);
      if (was.excludes.join() !== c.excludes.join()) out.push(`${name} has different exclusions.`);
    }
  }
  return out;
}

/** Two scenarios side by side: value, cost, capacity use per period and what changed. */
export function compareScenarios(first: Side, second: Side) {
  const inputA = scenarioInput(first.row);
  const inputB = scenarioInput(second.row);
  const names = new Map(
    [...inputA.candidates, ...inputB.candidates].map((c) => [c.id, { key: c.key, name: c.name }]),
  );
  const named = <T extends { id: string }>(xs: T[]) =>
    xs.map((x) => ({ ...x, key: names.get(x.id)?.key ?? x.id, name: names.get(x.id)?.name ?? x.id }));
  const axis = commonAxis(first, second);
  // Starts on the common axis, so the same quarter compares equal whatever each horizon's start.
  const onAxis = (side: Side) =>
    (side.result?.selected ?? []).map((x) => ({ id: x.id, start: axis.at(side, x.start) }));
  const changes = comparePlans(onAxis(first), onAxis(second));
  // A project running in both has started already; its start is each horizon's first quarter,
  // so a different horizon is not a move.
  const running = (input: typeof inputA) =>
    new Set(input.candidates.filter((c) => c.inFlight).map((c) => c.id));
  const runningInFirst = running(inputA);
  const runningInSecond = running(inputB);
  const moved = changes.moved.filter((m) => !(runningInFirst.has(m.id) && runningInSecond.has(m.id)));
  return {
    periodLabels: axis.labels,
    first: present(first, axis),
    second: present(second, axis),
    valueDifference:
      first.result?.objective != null && second.result?.objective != null
        ? second.result.objective - first.result.objective
        : null,
    selected: named(changes.selected),
    deselected: named(changes.deselected),
    moved: named(moved),
    inputChanges: describeInputChanges(first, second, axis, inputA, inputB),
  };
}
