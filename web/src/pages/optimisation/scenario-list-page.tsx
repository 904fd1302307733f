import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateScenario, useScenarios, type ValueSource } from '../../api/optimisation';
import { useEverything } from '../../api/resources';
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  ErrorState,
  Input,
  recordOptions,
  Select,
  Skeleton,
} from '../../design';
import { usePortfolioScope } from '../../shell/portfolio-scope';
import { usePageTitle } from '../record-name';
import { VALUE_SOURCE_OPTIONS, valueName } from './optimisation-format';
import { upcomingQuarters } from './period-labels';
import './optimisation.css';
import { ListExport } from '../list-export';

/** A portfolio's optimisation scenarios: create one from the live portfolio, open, compare two. */
export function ScenarioListPage() {
  usePageTitle('Optimisation');
  const portfolios = useEverything('portfolios');
  const scope = usePortfolioScope();
  const [chosen, setChosen] = useState('');
  const portfolioId = chosen || scope.portfolioId || portfolios.data?.[0]?.id || '';
  const scenarios = useScenarios(portfolioId);
  const create = useCreateScenario();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [source, setSource] = useState<ValueSource>('npv');
  const [quarters] = useState(() => upcomingQuarters(new Date().toISOString().slice(0, 10), 8));
  const [horizonStart, setHorizonStart] = useState(quarters[0]?.value ?? '');
  const [periods, setPeriods] = useState('8');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const items = scenarios.data?.items ?? [];
  const options = recordOptions(items);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Portfolio optimisation</h1>
          <p className="muted">
            Which initiatives to fund, and when, within budget and capacity. Copy the live portfolio into a
            scenario, change it, run the optimiser and compare scenarios before adopting one as the plan.
          </p>
        </div>
      </div>
      <div className="stack">
        <form className="row" aria-label="Portfolio" onSubmit={(e) => e.preventDefault()}>
          <Select
            label="Portfolio"
            options={recordOptions(portfolios.data)}
            value={portfolioId}
            onChange={(e) => setChosen(e.target.value)}
          />
        </form>
        <Card title="New scenario from the live portfolio">
          <form
            className="row opt-form"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate(
                {
                  portfolioId,
                  name: name.trim(),
                  valueSource: source,
                  horizonStart,
                  periods: Number(periods),
                },
                { onSuccess: (s) => navigate(`/value/optimisation/${s.id}`) },
              );
            }}
          >
            <Input label="Scenario name" value={name} required onChange={(e) => setName(e.target.value)} />
            <Select
              label="Value to maximise"
              options={VALUE_SOURCE_OPTIONS}
              value={source}
              onChange={(e) => setSource(e.target.value as ValueSource)}
            />
            <Select
              label="First quarter"
              options={quarters}
              value={horizonStart}
              onChange={(e) => setHorizonStart(e.target.value)}
            />
            <Select
              label="Quarters planned"
              options={['4', '6', '8', '12', '16'].map((n) => ({ value: n, label: n }))}
              value={periods}
              onChange={(e) => setPeriods(e.target.value)}
            />
            <Button
              variant="primary"
              type="submit"
              disabled={!portfolioId || !name.trim() || create.isPending}
            >
              {create.isPending ? 'Copying…' : 'Create scenario'}
            </Button>
          </form>
          {create.isError && <ErrorState error={create.error} />}
        </Card>
        {scenarios.isPending || portfolios.isPending ? (
          <Skeleton lines={5} label="Loading scenarios" />
        ) : scenarios.isError ? (
          <ErrorState error={scenarios.error} onRetry={() => void scenarios.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No scenarios yet">
            Create one above: it copies the portfolio’s projects, budgets and capacity.
          </EmptyState>
        ) : (
          <>
            <Card
              title="Scenarios"
              actions={
                <ListExport
                  title="Scenarios"
                  fileStem="optimisation-scenarios"
                  rows={items}
                  columns={[
                    { header: 'Scenario', value: (s) => s.name },
                    { header: 'Value', value: (s) => valueName(s.valueSource) },
                    { header: 'Candidates', value: (s) => s.candidates.filter((c) => c.included).length },
                    { header: 'Budget factor', value: (s) => s.constraints.budgetFactor },
                    { header: 'Status', value: (s) => (s.adoptedAt ? 'Adopted plan' : 'Draft') },
                  ]}
                />
              }
            >
              <div className="t-table-wrap">
                <table className="t-table">
                  <thead>
                    <tr>
                      <th scope="col">Scenario</th>
                      <th scope="col">Value</th>
                      <th scope="col">Candidates</th>
                      <th scope="col">Budget</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((s) => (
                      <tr key={s.id}>
                        <td>
                          <Link to={`/value/optimisation/${s.id}`}>{s.name}</Link>
                        </td>
                        <td>{valueName(s.valueSource)}</td>
                        <td>{s.candidates.filter((c) => c.included).length}</td>
                        <td>{Math.round(s.constraints.budgetFactor * 100)} %</td>
                        <td>
                          {s.adoptedAt ? <Badge tone="green">Adopted plan</Badge> : <Badge>Draft</Badge>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
            <Card title="Compare two scenarios">
              <form
                className="row opt-form"
                aria-label="Compare two scenarios"
                onSubmit={(e) => e.preventDefault()}
              >
                <Select
                  label="First scenario"
                  options={options}
                  placeholder="Choose…"
                  value={first}
                  onChange={(e) => setFirst(e.target.value)}
                />
                <Select
                  label="Second scenario"
                  options={options}
                  placeholder="Choose…"
                  value={second}
                  onChange={(e) => setSecond(e.target.value)}
                />
                {first && second && first !== second ? (
                  <ButtonLink to={`/value/optimisation/compare?first=${first}&second=${second}`}>
                    Compare
                  </ButtonLink>
                ) : (
                  <Button disabled>Compare</Button>
                )}
              </form>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
