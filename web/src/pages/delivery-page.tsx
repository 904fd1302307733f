import { Link } from 'react-router';
import { useEverything } from '../api/resources';
import type { Team } from '../api/types';
import { ButtonLink, Card, DataTable, humanise, QueryView } from '../design';
import { usePageTitle } from './record-name';

const PAGES = [
  { to: 'board', label: 'Board' },
  { to: 'backlog', label: 'Backlog' },
  { to: 'sprints', label: 'Sprints', scrumOnly: true },
  { to: 'flow', label: 'Flow' },
  { to: 'forecast', label: 'Forecast' },
  { to: 'retrospectives', label: 'Retros' },
];

/** The Agile PMO's front door: every team with links to its board, backlog, sprints and analytics. */
export function DeliveryPage() {
  usePageTitle('Delivery');
  const teams = useEverything('teams', { sort: 'name' });
  const list = teams.data ?? [];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Delivery</h1>
          <p className="muted">
            Teams, their boards and sprints, flow analytics and probabilistic forecasts with their backtests.
          </p>
        </div>
        <div className="row">
          <ButtonLink to="/delivery/flow">Flow analytics by scope</ButtonLink>
          <ButtonLink to="/delivery/forecast">Forecasts by scope</ButtonLink>
        </div>
      </div>
      <QueryView
        query={teams}
        label="teams"
        lines={6}
        empty="No teams yet"
        emptyHint="Teams can be created through the API."
        isEmpty={() => list.length === 0}
      >
        {() => (
          <Card title="Teams">
            <DataTable<Team>
              caption="Teams"
              rows={list}
              rowKey={(t) => t.id}
              height={360}
              columns={[
                {
                  id: 'name',
                  header: 'Team',
                  cell: (t) => <Link to={`/delivery/teams/${t.id}`}>{t.name}</Link>,
                },
                { id: 'method', header: 'Delivery method', cell: (t) => humanise(t.deliveryMethod) },
                {
                  id: 'pages',
                  header: 'Pages',
                  cell: (t) => (
                    <span className="row" style={{ gap: 'var(--space-2)' }}>
                      {PAGES.filter((p) => !(p.scrumOnly && t.deliveryMethod === 'kanban')).map((p) => (
                        <Link
                          key={p.to}
                          to={`/delivery/teams/${t.id}/${p.to}`}
                          aria-label={`${p.label} of ${t.name}`}
                        >
                          {p.label}
                        </Link>
                      ))}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </QueryView>
    </>
  );
}
