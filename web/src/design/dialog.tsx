import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind inert and
 * closes on Escape; focus returns to the element that opened it.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  wide,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        // The opener may have gone (a menu that closed, a row that was deleted): then <main>.
        if (opener?.isConnected && opener !== document.body) opener.focus();
        else document.getElementById('main')?.focus();
      };
    }
    return undefined;
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`t-dialog ${wide ? 't-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="t-dialog__body">
        <h2 id={titleId}>{title}</h2>
        {description && (
          <div id={descriptionId} className="muted">
            {description}
          </div>
        )}
        {children}
        {footer && <div className="t-dialog__footer">{footer}</div>}
      </div>
    </dialog>
  );
}
