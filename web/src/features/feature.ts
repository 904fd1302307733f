import type { RouteObject } from 'react-router';

/** The offices whose section of the app a feature adds pages to. */
export type Office = 'portfolio' | 'delivery' | 'value' | 'people' | 'more';

export interface NavEntry {
  office: Office;
  to: string;
  label: string;
  /** Match the link only on its exact path (for index pages). */
  end?: boolean;
}

/**
 * What one feature adds to the app: routes under an office's path (relative, e.g. `risks` under
 * `/portfolio`), routes under `/` for `more`, and its links in the main navigation. Each feature
 * owns its module, so features are added without editing the shell.
 */
export interface WebFeature {
  routes: Partial<Record<Office, RouteObject[]>>;
  nav: NavEntry[];
}
