import { Link, useParams } from 'react-router';
import { useRecord } from '../../api/resources';
import {
  type BudgetRecord,
  useBudgetVsActuals,
  useCostEntries,
  useProjectBudgets,
  useSetBudgetStatus,
  useTimeEntries,
} from '../../api/resources-money';
import { Badge, Button, Card, ErrorState, humanise, QueryView } from '../../design';
import { usePageTitle, usePeopleNames } from '../record-name';
import { BudgetFormCard } from './budget-form-card';
import { CostImportCard } from './cost-import-card';
import { TableHead } from './table-head';
import { money } from './window';

/** A project's budget versions with approvals, budget vs actual per month, and its actuals. */
export function ProjectBudgetPage() {
  const { projectId = '' } = useParams();
  const project = useRecord('projects', projectId);
  usePageTitle(`Budget · ${project.data?.key ?? ''}`);
  const bva = useBudgetVsActuals(projectId);
  const b = bva.data;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Budget and actuals{project.data ? ` · ${project.data.key} ${project.data.name}` : ''}</h1>
          <p className="muted">
            <Link to={`/portfolio/projects/${projectId}/evm`}>Earned value</Link> ·{' '}
            <Link to="/portfolio/budgets">Portfolio budgets</Link>
          </p>
        </div>
      </div>
      <div className="stack">
        <BudgetVersions projectId={projectId} />
        <Card title="Budget vs actual by month">
          <QueryView
            query={bva}
            label="budget and actuals"
            lines={6}
            empty="No budget lines or actuals yet"
            isEmpty={(data) => data.months.length === 0}
          >
            {(data) => (
              <section
                className="t-table-wrap"
                style={{ maxHeight: 420, overflow: 'auto' }}
                aria-label="Budget and actual per month"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
                tabIndex={0}
              >
                <table className="t-table">
                  <caption className="visually-hidden">Budget and actual per month</caption>
                  <TableHead
                    columns={[
                      'Month',
                      { num: 'Original' },
                      { num: 'Current' },
                      { num: 'Forecast' },
                      { num: 'Actual labour' },
                      { num: 'Actual non-labour' },
                      { num: 'Actual capex' },
                      { num: 'Actual opex' },
                      { num: 'Actual total' },
                      { num: 'Variance' },
                    ]}
                  />
                  <tbody>
                    {data.months.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{m.month}</th>
                        <td className="num">{money(m.budget.original.total)}</td>
                        <td className="num">{money(m.budget.current.total)}</td>
                        <td className="num">{money(m.budget.forecast.total)}</td>
                        <td className="num">{money(m.actual.labour)}</td>
                        <td className="num">{money(m.actual.nonLabour)}</td>
                        <td className="num">{money(m.actual.capex)}</td>
                        <td className="num">{money(m.actual.opex)}</td>
                        <td className="num">{money(m.actual.total)}</td>
                        <td className="num">{money(m.variance)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
          </QueryView>
          {b && b.uncostedHours > 0 && (
            <p className="t-notice">{b.uncostedHours} hours have no rate and are not costed.</p>
          )}
        </Card>
        <Actuals projectId={projectId} />
        {project.data && <CostImportCard projectKey={project.data.key} />}
        {project.data && <BudgetFormCard portfolioId={project.data.portfolioId} projectId={projectId} />}
      </div>
    </>
  );
}

function BudgetVersions({ projectId }: { projectId: string }) {
  const budgets = useProjectBudgets(projectId);
  const setStatus = useSetBudgetStatus();
  const total = (x: BudgetRecord) => x.lines.reduce((s, l) => s + l.amount, 0);
  return (
    <Card title="Budget versions">
      <QueryView
        query={budgets}
        label="budgets"
        lines={3}
        empty="No budgets for this project"
        isEmpty={(budgetsData) => budgetsData.items.length === 0}
      >
        {(budgetsData) => (
          <table className="t-table">
            <caption className="visually-hidden">Budget versions</caption>
            <TableHead columns={['Name', 'Version', { num: 'Total' }, 'Periods', 'Status', 'Approval']} />
            <tbody>
              {budgetsData.items.map((x) => {
                const periods = [...new Set(x.lines.map((l) => l.period))].sort();
                return (
                  <tr key={x.id}>
                    <th scope="row">{x.name}</th>
                    <td>{humanise(x.budgetVersion)}</td>
                    <td className="num">{money(total(x))}</td>
                    <td>{periods.length ? `${periods[0]} – ${periods[periods.length - 1]}` : '—'}</td>
                    <td>
                      <Badge tone={x.status === 'approved' ? 'green' : 'neutral'}>{humanise(x.status)}</Badge>
                      {x.approvedAt ? ` ${x.approvedAt.slice(0, 10)}` : ''}
                    </td>
                    <td>
                      <Button
                        size="sm"
                        disabled={setStatus.isPending}
                        onClick={() =>
                          setStatus.mutate({
                            budget: x,
                            status: x.status === 'approved' ? 'draft' : 'approved',
                          })
                        }
                      >
                        {x.status === 'approved' ? `Reopen ${x.name}` : `Approve ${x.name}`}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryView>
      {setStatus.error && <ErrorState error={setStatus.error} />}
    </Card>
  );
}

function Actuals({ projectId }: { projectId: string }) {
  const costs = useCostEntries(projectId);
  const time = useTimeEntries(projectId);
  const people = usePeopleNames();
  return (
    <div className="grid-2">
      <Card title="Latest cost entries">
        <QueryView
          query={costs}
          label="costs"
          lines={4}
          empty="No cost entries"
          isEmpty={(costsData) => costsData.items.length === 0}
        >
          {(costsData) => (
            <table className="t-table">
              <caption className="visually-hidden">Cost entries</caption>
              <TableHead columns={['Date', 'Description', 'Type', { num: 'Amount' }]} />
              <tbody>
                {costsData.items.slice(0, 12).map((c) => (
                  <tr key={c.id}>
                    <td>{c.incurredOn}</td>
                    <td>{c.description ?? '—'}</td>
                    <td>
                      {humanise(c.costType)}, {c.category}
                    </td>
                    <td className="num">{money(c.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </Card>
      <Card title="Latest time entries">
        <QueryView
          query={time}
          label="time"
          lines={4}
          empty="No time entries"
          isEmpty={(timeData) => timeData.items.length === 0}
        >
          {(timeData) => (
            <table className="t-table">
              <caption className="visually-hidden">Time entries</caption>
              <TableHead columns={['Date', 'Person', { num: 'Hours' }]} />
              <tbody>
                {timeData.items.slice(0, 12).map((t) => (
                  <tr key={t.id}>
                    <td>{t.workedOn}</td>
                    <td>{people.get(t.personId) ?? '…'}</td>
                    <td className="num">{t.hours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </Card>
    </div>
  );
}
