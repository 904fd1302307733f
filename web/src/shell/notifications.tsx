import { useState } from 'react';
import { Link } from 'react-router';
import { type ChangeEvent, type LiveStatus, useLiveState } from '../api/live-updates';
import { humanise, Menu } from '../design';
import { formatDateTime } from '../lib/format';

const STATUS_TEXT: Record<LiveStatus, string> = {
  off: 'Live updates are off.',
  connecting: 'Connecting to live updates…',
  live: 'Live: pages update when someone changes a record.',
  reconnecting: 'Live updates lost the connection; reconnecting…',
};

/** Where a changed record can be opened, for the records that have a page of their own. */
function linkTo(event: ChangeEvent): string | undefined {
  if (event.action === 'deleted') return undefined;
  if (event.resource === 'work-items') return `/delivery/work-items/${event.id}`;
  if (event.resource === 'projects') return `/portfolio/projects/${event.id}`;
  if (event.resource === 'teams') return `/delivery/teams/${event.id}`;
  if (event.resource === 'people') return `/people/${event.id}`;
  return undefined;
}

/** The live-update status and the latest changes made by others. */
export function Notifications() {
  const [open, setOpen] = useState(false);
  const live = useLiveState();
  return (
    <Menu
      open={open}
      onOpenChange={setOpen}
      summaryClassName="t-button t-button--ghost t-button--sm"
      summary={
        <>
          <svg
            aria-hidden="true"
            width="16"
            height="16"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
            <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          <span className="visually-hidden">Notifications</span>
          {live.recent.length > 0 && <span className="notification-count">{live.recent.length}</span>}
          <span className={`live-dot live-dot--${live.status}`} aria-hidden="true" />
        </>
      }
    >
      <div className="t-menu__panel">
        <h2 className="visually-hidden">Notifications</h2>
        <p className="muted" data-testid="live-status" data-status={live.status}>
          {STATUS_TEXT[live.status]}
        </p>
        {live.recent.length === 0 ? (
          <p className="muted">No changes by others since you opened Triad.</p>
        ) : (
          <ul className="notification-list">
            {live.recent.map((event) => {
              const href = linkTo(event);
              const text = `${humanise(event.entityType)} ${event.action}`;
              return (
                <li key={`${event.id}:${event.version}:${event.at}`}>
                  {href ? (
                    <Link to={href} onClick={() => setOpen(false)}>
                      {text}
                    </Link>
                  ) : (
                    text
                  )}{' '}
                  <time className="muted" dateTime={event.at}>
                    {formatDateTime(event.at)}
                  </time>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </Menu>
  );
}
