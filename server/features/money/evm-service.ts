import {
  computeAgileEvm,
  computeEvmStatus,
  computeReferenceClassForecast,
  computeSCurve,
  type EvmStatus,
} from '../../../core/evm';
import { addDays, getDayNumber } from '../../../core/flow/utc-days';
import type { Trx } from '../../resources/resource-spec';
import type { ProjectsTable } from '../../store/tables';
import {
  findProject,
  listBudgetedProjects,
  listCostRates,
  listProjectActuals,
  type ProjectActuals,
} from './actuals-store';
import { findBottomUpEtc } from './bottom-up-etc';
import { buildProjectSeries, type ProjectSeries } from './evm-series';

const SPRINT_DAYS = 14;
const COMPLETED_STATES = new Set(['completed', 'closed']);

/**
 * Earned value of a project at a status date: the series built from its budget, progress and
 * actuals, the figures of core/evm at the status date (EVM, earned schedule), the S-curve with a
 * straight-line forecast of AC to EAC over IEAC(t), release-level AgileEVM for agile projects, and
 * final cost and duration as ranges from the organisation's other projects (reference class).
 */
export async function computeProjectEvm(
  trx: Trx,
  organisationId: string,
  project: ProjectsTable,
  asOf: string,
  version?: string,
) {
  const rates = await listCostRates(trx, organisationId);
  const actuals = await listProjectActuals(trx, organisationId, project.id);
  const built = buildProjectSeries(project, actuals, rates, asOf, version);
  const statusMonth = built.elapsedPeriods.at(-1)?.key;
  const bottomUp = statusMonth ? findBottomUpEtc(actuals.budgets, statusMonth) : null;
  const status = computeEvmStatus(bottomUp ? { ...built.series, etc: bottomUp.etc } : built.series);
  const sCurve = computeSCurve(built.series).map((point) => ({
    ...point,
    month: monthKey(built, point.period),
  }));
  return {
    projectId: project.id,
    asOf,
    statusDate: built.elapsedPeriods.at(-1)?.end ?? asOf,
    budget: {
      id: built.budget.id,
      name: built.budget.name,
      budgetVersion: built.budget.budget_version,
      status: built.budget.status,
    },
    evMethod: built.evMethod,
    etcBasis: bottomUp?.basis ?? null,
    series: { bac: built.series.bac, pv: built.series.pv, ev: built.series.ev, ac: built.series.ac },
    months: built.planPeriods.map((p) => p.key),
    status,
    sCurve,
    forecast: forecastLine(built, status),
    agile: project.approach === 'agile' ? agileEvm(project, actuals, built, asOf) : null,
    referenceClass: await referenceClass(trx, organisationId, project, built, asOf, rates),
    warnings: [...built.warnings, ...status.warnings],
  };
}

export async function findProjectForEvm(trx: Trx, organisationId: string, id: string) {
  return findProject(trx, organisationId, id);
}

function monthKey(built: ProjectSeries, period: number): string {
  const first = built.planPeriods[0];
  return first ? monthAfter(first.start, period) : '';
}

/** AC from the status date rising in a straight line to EAC (CPI) at IEAC(t): the forecast leg of the S-curve. */
function forecastLine(built: ProjectSeries, status: EvmStatus) {
  const eac = status.eac.cpi;
  const finish = status.ieacT;
  if (eac === null || finish === null || !Number.isFinite(finish)) return null;
  const points = [];
  const end = Math.ceil(finish);
  for (let t = status.at + 1; t <= Math.min(end, status.at + 240); t++) {
    const share = Math.min(1, (t - status.at) / Math.max(1e-9, finish - status.at));
    points.push({
      period: t,
      month: monthKey(built, t),
      ac: status.acAtStatus + share * (eac - status.acAtStatus),
    });
  }
  return { eac, finishPeriods: finish, points };
}

/** Release-level AgileEVM (Sulaiman, Barton & Blackburn 2006) at the last sprint boundary before asOf. */
function agileEvm(project: ProjectsTable, actuals: ProjectActuals, built: ProjectSeries, asOf: string) {
  const plannedStoryPoints = actuals.points.reduce((s, x) => s + x.estimate, 0);
  if (!project.start_date || !project.end_date || plannedStoryPoints <= 0) return null;
  const startDay = getDayNumber(project.start_date);
  const plannedSprints = Math.max(
    1,
    Math.ceil((getDayNumber(project.end_date) - startDay + 1) / SPRINT_DAYS),
  );
  const sprintsCompleted = Math.min(
    plannedSprints,
    Math.max(0, Math.floor((getDayNumber(asOf) - startDay + 1) / SPRINT_DAYS)),
  );
  const boundary = addDays(project.start_date, sprintsCompleted * SPRINT_DAYS - 1);
  const completedStoryPoints = actuals.points.reduce(
    (s, x) => (x.done_on !== null && x.done_on <= boundary ? s + x.estimate : s),
    0,
  );
  const elapsed = built.elapsedPeriods.filter((p) => p.end <= boundary).length;
  const actualCost = elapsed > 0 ? (built.series.ac[elapsed - 1] ?? 0) : 0;
  const input = {
    bac: built.series.bac,
    plannedSprints,
    sprintsCompleted,
    plannedStoryPoints,
    completedStoryPoints,
    actualCost,
  };
  return { sprintDays: SPRINT_DAYS, sprintBoundary: boundary, input, ...computeAgileEvm(input) };
}

/**
 * Reference class: the final CPI and SPI(t) of the organisation's completed projects with budgets;
 * while fewer than three exist, other projects' current CPI and SPI(t) stand in (`basis` says so).
 */
async function referenceClass(
  trx: Trx,
  organisationId: string,
  project: ProjectsTable,
  built: ProjectSeries,
  asOf: string,
  rates: Parameters<typeof buildProjectSeries>[2],
) {
  const others = (await listBudgetedProjects(trx, organisationId)).filter((p) => p.id !== project.id);
  const completed: { cpi: number | null; spiT: number | null }[] = [];
  const inFlight: { cpi: number | null; spiT: number | null }[] = [];
  for (const other of others) {
    try {
      const actuals = await listProjectActuals(trx, organisationId, other.id);
      const at =
        COMPLETED_STATES.has(other.lifecycle_state) && other.end_date && other.end_date < asOf
          ? other.end_date
          : asOf;
      const s = computeEvmStatus(buildProjectSeries(other, actuals, rates, at).series);
      (COMPLETED_STATES.has(other.lifecycle_state) ? completed : inFlight).push({ cpi: s.cpi, spiT: s.spiT });
    } catch {
      // A project whose budget cannot plan value (no lines, status date before its plan) is left out.
    }
  }
  const sample = completed.length >= 3 ? completed : [...completed, ...inFlight];
  const basis =
    completed.length >= 3
      ? 'completed projects'
      : 'completed and in-flight projects (fewer than 3 completed)';
  const forecast = computeReferenceClassForecast({
    bac: built.series.bac,
    plannedDuration: built.series.pv.length,
    finalCpi: sample.map((x) => x.cpi ?? Number.NaN),
    finalSpiT: sample.map((x) => x.spiT ?? Number.NaN),
  });
  const start = built.planPeriods[0]?.start;
  return {
    basis,
    projects: sample.length,
    ...forecast,
    ranges: forecast.ranges.map((r) => ({
      ...r,
      finishMonth: r.duration === null || !start ? null : monthAfter(start, Math.ceil(r.duration)),
    })),
  };
}

function monthAfter(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months - 1);
  return d.toISOString().slice(0, 7);
}
