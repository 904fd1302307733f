import { useState } from 'react';

// Placeholder until live updates arrive over server-sent events: a static list, so the header's
// layout and keyboard behaviour are settled now.
const NOTIFICATIONS = [
  { id: 'welcome', text: 'Welcome to Triad. Press Ctrl+K to search.' },
  { id: 'live', text: 'Live notifications arrive with server-sent events in a later release.' },
];

export function Notifications() {
  const [open, setOpen] = useState(false);
  return (
    <details className="t-menu" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="t-button t-button--ghost t-button--sm">
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
        <span className="notification-count">{NOTIFICATIONS.length}</span>
      </summary>
      <div className="t-menu__panel">
        <h2 className="visually-hidden">Notifications</h2>
        <ul className="notification-list">
          {NOTIFICATIONS.map((n) => (
            <li key={n.id}>{n.text}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}
