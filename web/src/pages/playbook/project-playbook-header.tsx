import { Link, NavLink } from 'react-router';
import { useRecord } from '../../api/resources';
import { ErrorState, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';

const TABS = [
  { to: 'gates', label: 'Gates' },
  { to: 'raid', label: 'RAID log' },
  { to: 'raci', label: 'RACI' },
  { to: 'status', label: 'Status reports' },
] as const;

/** The heading of a project's playbook pages with links between them. */
export function ProjectPlaybookHeader({ projectId, page }: { projectId: string; page: string }) {
  const project = useRecord('projects', projectId);
  usePageTitle(project.data ? `${page} · ${project.data.name}` : page);
  if (project.isPending) return <Skeleton lines={2} label="Loading project" />;
  if (project.isError) return <ErrorState error={project.error} />;
  const p = project.data;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {page}: <span className="mono muted">{p.key}</span> {p.name}
          </h1>
          <p className="muted">
            <Link to={`/portfolio/projects/${p.id}`}>Back to the project</Link>
          </p>
        </div>
      </div>
      <nav className="playbook-tabs" aria-label="Project playbook">
        {TABS.map((t) => (
          <NavLink key={t.to} to={`/portfolio/projects/${p.id}/${t.to}`}>
            {t.label}
          </NavLink>
        ))}
      </nav>
    </>
  );
}

/** The project's portfolio, for the roll-up based flags. */
export function useProjectPortfolio(projectId: string): string {
  return useRecord('projects', projectId).data?.portfolioId ?? '';
}
