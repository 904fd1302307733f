import { NavLink } from 'react-router';
import { useRecord } from '../../api/resources';
import { ErrorState, humanise, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import './delivery.css';

const TABS = [
  { to: 'board', label: 'Board' },
  { to: 'backlog', label: 'Backlog' },
  { to: 'sprints', label: 'Sprints', scrumOnly: true },
  { to: 'flow', label: 'Flow analytics' },
  { to: 'forecast', label: 'Forecast' },
  { to: 'retrospectives', label: 'Retrospectives' },
] as const;

/** The team's name, delivery method and the tabs between its Agile PMO pages. */
export function TeamHeader({ teamId, page, intro }: { teamId: string; page: string; intro?: string }) {
  const team = useRecord('teams', teamId);
  const name = team.data?.name ?? 'Team';
  usePageTitle(`${page}: ${name}`);
  if (team.isPending) return <Skeleton lines={2} label="Loading team" />;
  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  const kanban = team.data.deliveryMethod === 'kanban';
  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {page}: {name}
          </h1>
          <p className="muted">
            {humanise(team.data.deliveryMethod)} team{intro ? `. ${intro}` : ''}
          </p>
        </div>
      </div>
      <nav aria-label={`${name} delivery pages`}>
        <ul className="team-tabs">
          <li>
            <NavLink to={`/delivery/teams/${teamId}`} end>
              Overview
            </NavLink>
          </li>
          {TABS.filter((t) => !(kanban && 'scrumOnly' in t)).map((t) => (
            <li key={t.to}>
              <NavLink to={`/delivery/teams/${teamId}/${t.to}`}>{t.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

export function useIsKanban(teamId: string): boolean {
  return useRecord('teams', teamId).data?.deliveryMethod === 'kanban';
}
