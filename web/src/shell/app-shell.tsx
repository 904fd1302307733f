import { useCallback, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useLiveUpdates } from '../api/live-updates';
import { Button } from '../design';
import { featureNav } from '../features';
import { AccountMenu } from './account-menu';
import { Breadcrumbs } from './breadcrumbs';
import { CommandPalette, usePaletteShortcut } from './command-palette';
import { Notifications } from './notifications';
import { PortfolioSwitcher } from './portfolio-scope';
import { RouteFocus } from './route-focus';
import { ThemeToggle } from './theme';

const OFFICES = [
  {
    office: 'Portfolio',
    subtitle: 'PMO',
    links: [{ to: '/portfolio', label: 'Overview', end: true }, ...featureNav('portfolio')],
  },
  {
    office: 'Delivery',
    subtitle: 'Agile PMO',
    links: [
      { to: '/delivery', label: 'Teams and flow', end: true },
      { to: '/delivery/work-items', label: 'Work items', end: false },
      ...featureNav('delivery'),
    ],
  },
  {
    office: 'Value',
    subtitle: 'VMO',
    links: [{ to: '/value', label: 'Value', end: true }, ...featureNav('value')],
  },
];

export function AppShell() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  usePaletteShortcut(openPalette);
  useLiveUpdates();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <NavLink to="/portfolio" className="brand" aria-label="Triad home">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          <span>Triad</span>
        </NavLink>
        <div className="shell-header__scope">
          <PortfolioSwitcher />
        </div>
        <div className="shell-header__actions">
          <Button variant="secondary" size="sm" onClick={openPalette} aria-keyshortcuts="Control+K">
            <span aria-hidden="true">⌕</span> Search <kbd className="shell-hide-narrow">Ctrl K</kbd>
          </Button>
          <Notifications />
          <ThemeToggle />
          <AccountMenu />
        </div>
      </header>
      <nav className="shell-nav" aria-label="Main">
        {OFFICES.map((group) => (
          <div key={group.office} className="shell-nav__group">
            <h2 className="shell-nav__office">
              {group.office} <span className="muted">({group.subtitle})</span>
            </h2>
            <ul>
              {group.links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <div className="shell-nav__group">
          <ul>
            <li>
              <NavLink to="/people" end>
                People
              </NavLink>
            </li>
            {[...featureNav('people'), ...featureNav('more')].map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/settings">Settings</NavLink>
            </li>
          </ul>
        </div>
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        <Breadcrumbs />
        <Outlet />
      </main>
      <RouteFocus mainId="main" />
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} />
    </div>
  );
}
