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
      <summary
        className="t-button t-button--ghost t-button--sm"
        aria-label={`Notifications (${NOTIFICATIONS.length})`}
      >
        <span aria-hidden="true">🔔</span>
        <span className="notification-count" aria-hidden="true">
          {NOTIFICATIONS.length}
        </span>
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
