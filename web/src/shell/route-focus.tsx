import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { computeRouteAnnouncement, isNewPage } from '../lib/route-announcement';

// Pages whose heading waits for data show a skeleton first; the heading may take this long to come.
const HEADING_WAIT_MS = 5000;

/**
 * After a client-side navigation, moves focus to the new page's h1 (or to <main> until the h1
 * exists) and announces the page in a polite live region (WCAG 2.4.3 focus order, 4.1.3 status
 * messages). The first page of a visit is left alone, so the skip link stays the first stop.
 */
export function RouteFocus({ mainId }: { mainId: string }) {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const fromPath = previous.current;
    previous.current = pathname;
    if (!isNewPage(fromPath, pathname)) return undefined;
    const main = document.getElementById(mainId);
    if (!main) return undefined;
    let observer: MutationObserver | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      observer?.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    };
    const focusHeading = (): boolean => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      setAnnouncement(computeRouteAnnouncement(heading.textContent, document.title));
      return true;
    };
    const frame = requestAnimationFrame(() => {
      if (focusHeading()) return;
      main.focus();
      observer = new MutationObserver(() => {
        // Someone moved on (typed in a field, opened a dialog): leave their focus alone.
        if (document.activeElement !== main) return stop();
        if (focusHeading()) stop();
      });
      observer.observe(main, { childList: true, subtree: true });
      timer = setTimeout(() => {
        stop();
        setAnnouncement(computeRouteAnnouncement(null, document.title));
      }, HEADING_WAIT_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [pathname, mainId]);

  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="route-announcer"
    >
      {announcement}
    </div>
  );
}
