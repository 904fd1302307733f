import { useState } from 'react';
import { Link } from 'react-router';
import { useEverything } from '../api/resources';
import type { Team } from '../api/types';
import { ThroughputCard } from '../charts/throughput-card';
import { Card, DataTable, EmptyState, ErrorState, humanise, Select, Skeleton } from '../design';
import { usePageTitle } from './record-name';

export function DeliveryPage() {
  usePageTitle('Delivery');
  const teams = useEverything('teams', { sort: 'name' });
  const [chosen, setChosen] = useState('');
  const list = teams.data ?? [];
  const team = list.find((t) => t.id === chosen) ?? list[0];

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Delivery</h1>
          <p className="muted">
            Teams and their flow. Forecasts and flow analytics arrive with the analytics endpoints.
          </p>
        </div>
      </div>
      {teams.isPending ? (
        <Skeleton lines={6} label="Loading teams" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title="No teams yet">Teams can be created through the API.</EmptyState>
      ) : (
        <>
          <Card title="Teams">
            <DataTable<Team>
              caption="Teams"
              rows={list}
              rowKey={(t) => t.id}
              height={320}
              columns={[
                {
                  id: 'name',
                  header: 'Team',
                  cell: (t) => <Link to={`/delivery/teams/${t.id}`}>{t.name}</Link>,
                },
                { id: 'method', header: 'Delivery method', cell: (t) => humanise(t.deliveryMethod) },
                { id: 'description', header: 'Description', cell: (t) => t.description ?? '—' },
              ]}
            />
          </Card>
          <div className="row">
            <Select
              label="Team for the throughput chart"
              options={list.map((t) => ({ value: t.id, label: t.name }))}
              value={team?.id ?? ''}
              onChange={(e) => setChosen(e.target.value)}
            />
          </div>
          {team && <ThroughputCard key={team.id} teamId={team.id} teamName={team.name} />}
        </>
      )}
    </>
  );
}
