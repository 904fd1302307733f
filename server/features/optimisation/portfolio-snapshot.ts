import { computeBusinessCase } from '../../../core/finance';
import type { ScenarioCandidate, ScenarioConstraints, TeamCapacity } from '../../../core/portfolio/scenario';
import { type Criterion, computeWeightedScore } from '../../../core/prioritisation/weighted-scoring';
import type { Trx } from '../../resources/resource-spec';
import { sumLines } from '../value/business-case-service';
import { quarterIndex, quarterSpan } from './quarters';
import { findPortfolioRows, type SnapshotRows } from './snapshot-store';

// Copies the live portfolio into a scenario (docs/optimisation.md, "Scenarios"). Periods are
// quarters from the horizon start. Costs come from each project's current budget (else its
// original, else its budget spread evenly), demand from its resource requests (FTE averaged over
// each quarter), capacity from the people who hold each requested skill (their FTE), values from
// business cases (NPV), WSJF cost of delay and the portfolio's scoring model, summed over the
// project's scored work items.

const HOURS_PER_FTE_DAY = 8;
const RUNNING = new Set(['active', 'on_hold']);

export interface PortfolioSnapshot {
  candidates: ScenarioCandidate[];
  constraints: ScenarioConstraints;
}

export async function snapshotPortfolio(
  trx: Trx,
  organisationId: string,
  portfolioId: string,
  horizonStart: string,
  periods: number,
): Promise<PortfolioSnapshot> {
  const rows = await findPortfolioRows(trx, organisationId, portfolioId);
  const h = quarterIndex(horizonStart);
  const candidates: ScenarioCandidate[] = [];
  for (const p of rows.projects) {
    const startQ = p.start_date ? quarterIndex(p.start_date) : h;
    const endQ = p.end_date ? Math.max(startQ, quarterIndex(p.end_date)) : startQ + 1;
    // A running project keeps the rest of its run from the first quarter (one quarter if it is
    // already past its end date); one not started yet keeps its whole planned run and may move,
    // from its planned quarter (or now, if that has passed) to the last that still fits.
    const inFlight = startQ < h && RUNNING.has(p.lifecycle_state);
    const runStart = inFlight ? h : startQ;
    const duration = Math.max(1, Math.min(periods, endQ - runStart + 1));
    const earliest = inFlight ? 0 : Math.max(0, Math.min(startQ - h, periods - duration));
    const cost = costSeries(rows, p.id, p.budget, runStart, duration, endQ - startQ + 1);
    candidates.push({
      id: p.id,
      key: p.key,
      name: p.name,
      values: valuesOf(rows, p.id),
      valueOverride: null,
      duration,
      cost,
      demand: demandSeries(rows, p.id, runStart, duration),
      earliestStart: earliest,
      latestStart: inFlight ? 0 : periods - duration,
      included: true,
      mandatory: false,
      forcedStart: null,
      dependsOn: [],
      excludes: [],
      teamId: rows.teamOf.get(p.id) ?? null,
      inFlight,
    });
  }
  const ids = new Set(candidates.map((c) => c.id));
  for (const d of rows.dependencies) {
    const successor = candidates.find((c) => c.id === d.successor_id);
    // A successor already running has started whatever its predecessor did: the finish-to-start
    // rule is history, and keeping it would make the running project impossible to keep.
    if (!successor || successor.inFlight) continue;
    if (ids.has(d.predecessor_id) && !successor.dependsOn.includes(d.predecessor_id))
      successor.dependsOn.push(d.predecessor_id);
  }
  return { candidates, constraints: constraintsOf(rows, candidates, h, periods) };
}

function costSeries(
  rows: SnapshotRows,
  projectId: string,
  total: number | null,
  runStart: number,
  duration: number,
  fullLength: number,
): number[] {
  const budgets = rows.budgets.filter((b) => b.project_id === projectId);
  const chosen =
    budgets.find((b) => b.budget_version === 'current') ??
    budgets.find((b) => b.budget_version === 'original');
  const out = new Array<number>(duration).fill(0);
  if (chosen) {
    for (const line of JSON.parse(chosen.lines) as { period: string; amount: number }[]) {
      const k = quarterIndex(`${line.period}-01`) - runStart;
      if (k >= 0 && k < duration) out[k] = (out[k] ?? 0) + line.amount;
    }
  } else if (total !== null) out.fill(total / Math.max(1, fullLength));
  return out.map((x) => Math.round(x));
}

export function demandSeries(rows: SnapshotRows, projectId: string, runStart: number, duration: number) {
  const demand: Record<string, number[]> = {};
  for (const r of rows.requests.filter((x) => x.project_id === projectId)) {
    // Capacity here is pooled by skill; a request by role only (migration 0018) has no pool.
    if (r.skill === null) continue;
    const series = demand[r.skill] ?? new Array<number>(duration).fill(0);
    demand[r.skill] = series;
    const span = quarterSpan(r.start_date, r.end_date);
    // The request's rate over its own dates, averaged over each quarter it touches: 1 FTE for
    // half a quarter is 0.5 FTE of that quarter's capacity.
    const fte = r.unit === 'fte' ? r.amount : r.amount / Math.max(1, span.workingDays * HOURS_PER_FTE_DAY);
    for (const part of span.quarters) {
      const k = part.quarter - runStart;
      if (k >= 0 && k < duration) series[k] = (series[k] ?? 0) + fte * part.coverage;
    }
  }
  for (const skill of Object.keys(demand))
    demand[skill] = (demand[skill] ?? []).map((x) => Math.round(x * 100) / 100);
  return demand;
}

function valuesOf(rows: SnapshotRows, projectId: string): ScenarioCandidate['values'] {
  let npv: number | null = null;
  for (const bc of rows.businessCases.filter((b) => b.project_id === projectId)) {
    try {
      const flows = sumLines(JSON.parse(bc.lines));
      npv = (npv ?? 0) + computeBusinessCase({ rate: Number(bc.rate), ...flows }).npv;
    } catch {
      // A business case the finance maths refuses has no NPV to offer; the others still count.
    }
  }
  let wsjf: number | null = null;
  let score: number | null = null;
  const model = rows.scoringModel;
  const criteria = model ? (JSON.parse(model.criteria) as Criterion[]) : [];
  for (const s of rows.scores.filter((x) => x.project_id === projectId)) {
    if (s.job_size !== null)
      wsjf =
        (wsjf ?? 0) + Number(s.user_business_value) + Number(s.time_criticality) + Number(s.risk_reduction);
    const given = model
      ? (JSON.parse(s.model_scores) as Record<string, Record<string, number>>)[model.id]
      : undefined;
    if (!given) continue;
    try {
      score = (score ?? 0) + computeWeightedScore(criteria, given).score * 100;
    } catch {
      // An incomplete score sheet is not a score; the item is left out of the sum.
    }
  }
  const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));
  return { npv: round(npv, 0), wsjf: round(wsjf, 0), score: round(score, 1) };
}

function constraintsOf(
  rows: SnapshotRows,
  candidates: ScenarioCandidate[],
  h: number,
  periods: number,
): ScenarioConstraints {
  // A portfolio-level budget (no project) is the limit when there is one. Otherwise the limit is
  // a flat quarterly envelope worth what the live plan spends over the horizon: the same money,
  // without the plan's peaks, so the optimiser has to choose (and a cut shows its effect).
  const portfolioBudget = rows.budgets.find((b) => b.project_id === null && b.budget_version === 'current');
  const budget = new Array<number>(periods).fill(0);
  if (portfolioBudget) {
    for (const line of JSON.parse(portfolioBudget.lines) as { period: string; amount: number }[]) {
      const p = quarterIndex(`${line.period}-01`) - h;
      if (p >= 0 && p < periods) budget[p] = (budget[p] ?? 0) + line.amount;
    }
  } else {
    const total = candidates.reduce((sum, c) => sum + c.cost.reduce((a, b) => a + b, 0), 0);
    budget.fill(total / periods);
  }
  const skills = new Set(candidates.flatMap((c) => Object.keys(c.demand)));
  const capacity: Record<string, number[]> = {};
  const teams: Record<string, TeamCapacity> = {};
  for (const skill of [...skills].sort()) {
    const holders = rows.skills.filter((s) => s.skill === skill);
    const fte = holders.reduce((sum, s) => sum + Number(s.fte), 0);
    capacity[skill] = new Array<number>(periods).fill(Math.round(fte * 100) / 100);
    for (const m of rows.members) {
      if (!holders.some((s) => s.person_id === m.person_id)) continue;
      const team = teams[m.team_id] ?? { name: m.team_name, skills: {} };
      teams[m.team_id] = team;
      team.skills[skill] =
        Math.round(((team.skills[skill] ?? 0) + Number(m.fte) * Number(m.allocation)) * 100) / 100;
    }
  }
  for (const c of candidates)
    if (c.teamId && !teams[c.teamId]) {
      const member = rows.members.find((m) => m.team_id === c.teamId);
      if (member) teams[c.teamId] = { name: member.team_name, skills: {} };
    }
  const anyBudget = budget.some((b) => b > 0);
  return {
    budget: anyBudget ? budget.map((b) => Math.round(b)) : null,
    budgetFactor: 1,
    capacity,
    teams,
    removedTeams: [],
  };
}
