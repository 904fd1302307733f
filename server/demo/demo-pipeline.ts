import type { BudgetLineValue } from '../features/money/money-vocabulary';
import { quarterIndex, quarterStart } from '../features/optimisation/quarters';
import { createDemoIds } from '../features/resources/demo-ids';
import { insertInBatches } from '../store/bulk-insert';
import type { Store } from '../store/database';
import type {
  BudgetsTable,
  BusinessCasesTable,
  DependenciesTable,
  ProjectsTable,
  ResourceRequestsTable,
} from '../store/tables';
import { dayToDate, dayToIso, HISTORY_DAYS } from './demo-clock';
import type { DemoStructure } from './demo-organisation';
import { PIPELINE, type PipelineItem } from './demo-pipeline-catalogue';

// The pipeline of proposed initiatives (demo-pipeline-catalogue.ts): projects with a current
// budget by quarter, a business case, resource requests by skill for each quarter of their run and
// finish-to-start dependencies. Seeded last and with ids of their own (createDemoIds), so every
// row drawn from the seeding generator stays as it was; seeded once, whatever the scale.

type Base = { organisation_id: string; version: number; created_at: string; updated_at: string };

const DISCOUNT_RATE = 0.08;
const YEARS_OF_BENEFIT = 4;

/** Adds the pipeline; returns how many projects it added. */
export async function seedPipelineDemo(
  store: Store,
  s: DemoStructure,
  organisationId: string,
  anchorMs: number,
): Promise<number> {
  // Proposed in the last month before the demo clock, so they come after the live projects.
  const created = dayToIso(anchorMs, HISTORY_DAYS - 28);
  const base: Base = {
    organisation_id: organisationId,
    version: 1,
    created_at: created,
    updated_at: created,
  };
  const nextId = createDemoIds(`pipeline:${organisationId}`);
  const clockQuarter = quarterIndex(dayToDate(anchorMs, HISTORY_DAYS));
  const projects = PIPELINE.map((item) => projectRow(s, base, nextId(), item, clockQuarter));
  const idOfKey = new Map([
    ...s.projects.slice(0, 12).map((p) => [p.row.key, p.row.id] as const),
    ...projects.map((p) => [p.key, p.id] as const),
  ]);
  const rows = {
    budgets: [] as BudgetsTable[],
    cases: [] as BusinessCasesTable[],
    requests: [] as ResourceRequestsTable[],
    dependencies: [] as DependenciesTable[],
  };
  PIPELINE.forEach((item, i) => {
    const p = projects[i] as ProjectsTable;
    const first = clockQuarter + item.startsIn;
    rows.budgets.push(budgetRow(base, nextId(), p, item, first));
    rows.cases.push(businessCaseRow(base, nextId(), p, item));
    for (let q = first; q < first + item.quarters; q++)
      for (const [skill, fte] of Object.entries(item.demand))
        rows.requests.push({
          ...base,
          id: nextId(),
          project_id: p.id,
          team_id: null,
          skill,
          role: null,
          min_proficiency: 2,
          start_date: quarterStart(q),
          end_date: lastDayOf(q),
          amount: fte,
          unit: 'fte',
          status: 'open',
          note: `${p.name}, ${skill} in its quarter ${q - first + 1}`,
        });
    for (const key of item.dependsOn) {
      const predecessor = idOfKey.get(key);
      if (!predecessor) throw new Error(`pipeline item ${item.key} depends on unknown project ${key}`);
      rows.dependencies.push({
        ...base,
        id: nextId(),
        kind: 'project',
        predecessor_id: predecessor,
        successor_id: p.id,
        link_type: 'FS',
        lag_days: 0,
        description: `${p.name} needs ${key} finished`,
      });
    }
  });
  await store.db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'projects', projects);
    await insertInBatches(trx, 'budgets', rows.budgets);
    await insertInBatches(trx, 'business_cases', rows.cases);
    await insertInBatches(trx, 'resource_requests', rows.requests);
    await insertInBatches(trx, 'dependencies', rows.dependencies);
  });
  return projects.length;
}

function lastDayOf(quarter: number): string {
  const next = Date.parse(`${quarterStart(quarter + 1)}T00:00:00Z`);
  return new Date(next - 86_400_000).toISOString().slice(0, 10);
}

function projectRow(
  s: DemoStructure,
  base: Base,
  id: string,
  item: PipelineItem,
  clockQuarter: number,
): ProjectsTable {
  const portfolio = s.portfolios[item.portfolio];
  if (!portfolio) throw new Error(`pipeline item ${item.key} names a missing portfolio`);
  const programs = s.programs.filter((p) => p.portfolio_id === portfolio.id);
  const first = clockQuarter + item.startsIn;
  return {
    ...base,
    id,
    portfolio_id: portfolio.id,
    program_id: item.program === null ? null : (programs[item.program]?.id ?? null),
    key: item.key,
    name: item.name,
    description: null,
    approach: item.approach,
    lifecycle_state: item.state,
    phase: item.phase,
    health: item.state === 'approved' ? 'green' : null,
    owner_id: portfolio.owner_id,
    start_date: quarterStart(first),
    end_date: lastDayOf(first + item.quarters - 1),
    budget: item.budget,
    next_item_number: 1,
  };
}

/** The current budget, ramping up and down over the run (quarterly weights sin(π(i + ½)/n)), by month. */
function budgetRow(
  base: Base,
  id: string,
  p: ProjectsTable,
  item: PipelineItem,
  first: number,
): BudgetsTable {
  const weights = Array.from({ length: item.quarters }, (_, i) =>
    Math.sin((Math.PI * (i + 0.5)) / item.quarters),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const category = item.approach === 'agile' ? 'opex' : 'capex';
  const lines: BudgetLineValue[] = weights.flatMap((w, i) => {
    const [year, month] = quarterStart(first + i)
      .split('-')
      .map(Number) as [number, number];
    const perMonth = (item.budget * w) / total / 3;
    return [0, 1, 2].flatMap((m) => {
      const period = `${year}-${String(month + m).padStart(2, '0')}`;
      return [
        { period, category, costType: 'labour', amount: Math.round(perMonth * 0.7) },
        { period, category: 'capex', costType: 'non_labour', amount: Math.round(perMonth * 0.3) },
      ] as BudgetLineValue[];
    });
  });
  return {
    ...base,
    id,
    portfolio_id: p.portfolio_id,
    project_id: p.id,
    name: `${p.key} current`,
    budget_version: 'current',
    status: item.state === 'approved' ? 'approved' : 'draft',
    approved_by: null,
    approved_at: item.state === 'approved' ? base.created_at : null,
    lines: JSON.stringify(lines),
    note: 'Requested in the pipeline',
  };
}

/**
 * Yearly flows from the start year: the delivery cost in the years the run spans, then run costs
 * (5 % of the budget a year) and benefits for four years, the first at 40 % (adoption ramps up).
 */
function businessCaseRow(base: Base, id: string, p: ProjectsTable, item: PipelineItem): BusinessCasesTable {
  const deliveryYears = Math.ceil(item.quarters / 4);
  const yearly = item.budget * item.benefitRatio;
  const zeros = new Array<number>(deliveryYears).fill(0);
  const delivery = zeros.map((_, y) => {
    const quartersInYear = Math.min(4, item.quarters - 4 * y);
    return Math.round((item.budget * quartersInYear) / item.quarters);
  });
  const after = (amounts: number[]) => [...zeros, ...amounts.map((a) => Math.round(a))];
  return {
    ...base,
    id,
    project_id: p.id,
    name: `${p.name} business case`,
    description: 'Pipeline proposal awaiting a funding decision',
    rate: DISCOUNT_RATE,
    period_unit: 'year',
    start_date: p.start_date,
    lines: JSON.stringify([
      { name: 'Delivery', kind: 'cost', amounts: delivery },
      {
        name: 'Run costs',
        kind: 'cost',
        amounts: after(new Array(YEARS_OF_BENEFIT).fill(item.budget * 0.05)),
      },
      {
        name: 'Benefits',
        kind: 'benefit',
        amounts: after(Array.from({ length: YEARS_OF_BENEFIT }, (_, y) => (y === 0 ? 0.4 : 1) * yearly)),
      },
    ]),
    pessimistic: JSON.stringify({ costFactor: 1.25, benefitFactor: 0.75, benefitDelay: 1 }),
    optimistic: JSON.stringify({ costFactor: 0.95, benefitFactor: 1.2 }),
    sensitivity: 0.2,
  };
}
