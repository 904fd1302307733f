import type { ReactNode } from 'react';
import { Link, type UIMatch, useMatches } from 'react-router';

/** Routes declare `handle: { crumb }`; the trail is built from the matched routes. */
export interface RouteHandle {
  crumb: (params: Record<string, string | undefined>) => ReactNode;
}

function hasCrumb(match: UIMatch): match is UIMatch<unknown, RouteHandle> {
  return typeof (match.handle as RouteHandle | undefined)?.crumb === 'function';
}

export function Breadcrumbs() {
  const matches = useMatches().filter(hasCrumb);
  if (matches.length < 2) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {matches.map((match, index) => {
          const last = index === matches.length - 1;
          const label = match.handle.crumb(match.params);
          return (
            <li key={match.id}>
              {last ? <span aria-current="page">{label}</span> : <Link to={match.pathname}>{label}</Link>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
