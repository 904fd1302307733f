import type { ReactNode } from 'react';

/** A scrollable table container reachable by keyboard (WCAG 2.1.1), named after its table. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access
    <section className="t-table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
