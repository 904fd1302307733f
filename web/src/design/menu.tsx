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

  // Outside clicks and focus close it; listened for only while open.
  useEffect(() => {
    if (!open) return undefined;
    const details = ref.current;
    const onOutside = (event: Event) => {
      if (details && event.target instanceof Node && !details.contains(event.target)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
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
      // Escape is handled on the element itself, not by a listener added once React has seen the
      // menu open, so a key pressed right after opening it is not lost.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !event.currentTarget.open) return;
        event.preventDefault();
        event.currentTarget.open = false;
        onOpenChange(false);
        event.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
