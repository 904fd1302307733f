import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A disclosure menu on <details>/<summary> (keyboard operable without script: Enter or Space
 * toggles it). Script adds what users expect of a menu: Escape closes it and puts focus back on
 * the button, and a click or focus outside closes it.
 */
export function Menu({
  summary,
  summaryClassName = 't-button t-button--secondary',
  open,
  onOpenChange,
  children,
}: {
  summary: ReactNode;
  summaryClassName?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const details = ref.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onOpenChange(false);
      details?.querySelector('summary')?.focus();
    };
    const onOutside = (event: Event) => {
      if (details && event.target instanceof Node && !details.contains(event.target)) onOpenChange(false);
    };
    details?.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      details?.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open, onOpenChange]);

  return (
    <details
      ref={ref}
      className="t-menu"
      open={open}
      onToggle={(event) => onOpenChange(event.currentTarget.open)}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
