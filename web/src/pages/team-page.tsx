import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useInfiniteList, useRecord } from '../api/resources';
import type { WorkItem } from '../api/types';
import { Card, DataTable, ErrorState, QueryView, Skeleton } from '../design';
import { fetchAllRows } from '../lib/list-export';
import { AuditHistory } from './audit-history';
import { OverviewTiles } from './delivery/flow-sections';
import { TeamHeader } from './delivery/team-header';
import { ListExport } from './list-export';
import { usePeopleNames, useTeamNames } from './record-name';
import { TeamMembersCard } from './resources/team-members-card';
import { workItemColumns } from './work-item-columns';

export function TeamPage() {
  const { teamId = '' } = useParams();
  const team = useRecord('teams', teamId);
  if (team.isPending) return <Skeleton lines={6} label="Loading team" />;
  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  const t = team.data;
  return (
    <>
      <TeamHeader teamId={t.id} page="Team" intro={t.description ?? undefined} />
      <OverviewTiles scope={{ kind: 'team', id: t.id }} />
      <TeamWork teamId={t.id} />
      <TeamMembersCard key={t.id} team={t} />
      <AuditHistory resource="teams" id={t.id} />
    </>
  );
}

function TeamWork({ teamId }: { teamId: string }) {
  const listQuery = { teamId, statusCategory: 'in_progress', sort: '-startedAt' };
  const items = useInfiniteList('work-items', listQuery);
  const people = usePeopleNames();
  const teams = useTeamNames();
  const columns = useMemo(
    () => workItemColumns(people, teams).filter((c) => c.id !== 'team'),
    [people, teams],
  );
  const rows = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);
  return (
    <Card
      title="In progress"
      actions={
        <ListExport<WorkItem>
          title="Work in progress"
          fileStem="team-work-in-progress"
          columns={columns}
          rows={() => fetchAllRows('work-items', listQuery)}
          disabled={rows.length === 0}
        />
      }
    >
      <QueryView
        query={items}
        label="work in progress"
        empty="Nothing in progress"
        isEmpty={() => rows.length === 0}
      >
        {() => (
          <DataTable<WorkItem>
            caption="Work in progress"
            rows={rows}
            columns={columns}
            rowKey={(w) => w.id}
            height={360}
            onEndReached={() => {
              if (items.hasNextPage && !items.isFetchingNextPage) void items.fetchNextPage();
            }}
          />
        )}
      </QueryView>
    </Card>
  );
}
