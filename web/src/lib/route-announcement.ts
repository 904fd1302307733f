/**
 * What the live region says after a client-side navigation. A single-page app changes pages
 * without a load, so screen readers hear nothing unless the app says where the user now is.
 * The page's h1 is the best name; the document title (minus the app suffix) the fallback.
 */
export function computeRouteAnnouncement(heading: string | null | undefined, documentTitle: string): string {
  const fromHeading = heading?.replace(/\s+/g, ' ').trim();
  const fromTitle = documentTitle.replace(/\s*·\s*Triad\s*$/, '').trim();
  const name = fromHeading || fromTitle || 'Triad';
  return `Navigated to ${name}`;
}

/** Only a change of path is a new page; filters in the query string or a #hash are not. */
export function isNewPage(previousPath: string | null, nextPath: string): boolean {
  return previousPath !== null && previousPath !== nextPath;
}
