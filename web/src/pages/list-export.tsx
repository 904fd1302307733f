import { useState } from 'react';
import { Button } from '../design';
import {
  type ExportColumn,
  type ExportFormat,
  listExportFile,
  listExportFileName,
  MAX_EXPORT_ROWS,
  saveFile,
} from '../lib/list-export';

export type ExportRows<T> = readonly T[] | (() => Promise<{ rows: readonly T[]; truncated: boolean }>);

/**
 * Export CSV / Export XLSX for a list view: the rows of the current filtered view with the columns
 * the page shows. A paged list passes a loader (lib/list-export fetchAllRows) so the file holds
 * every page, not only the rows scrolled into view; a list filtered in the browser passes its rows.
 */
export function ListExport<T>({
  title,
  fileStem,
  columns,
  rows,
  disabled = false,
}: {
  /** What the list holds, e.g. "Work items": the group's name and the sheet's name. */
  title: string;
  fileStem: string;
  columns: readonly ExportColumn<T>[];
  rows: ExportRows<T>;
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState<ExportFormat>();
  const [note, setNote] = useState<{ error: boolean; text: string }>();
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setNote(undefined);
    try {
      const loaded = typeof rows === 'function' ? await rows() : { rows, truncated: false };
      const today = new Date().toISOString().slice(0, 10);
      saveFile(
        listExportFileName(fileStem, format, today),
        listExportFile(format, title, columns, loaded.rows),
      );
      if (loaded.truncated)
        setNote({
          error: false,
          text: `The file holds the first ${MAX_EXPORT_ROWS.toLocaleString()} rows; narrow the filters for the rest.`,
        });
    } catch (error) {
      setNote({ error: true, text: error instanceof Error ? error.message : 'The export failed.' });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="stack">
      {/* A fieldset names the pair for assistive technology; its frame is dropped to sit in a toolbar. */}
      <fieldset className="row" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <legend className="visually-hidden">Export {title.toLowerCase()}</legend>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button key={format} onClick={() => void run(format)} disabled={disabled || busy !== undefined}>
            {busy === format ? 'Exporting…' : `Export ${format.toUpperCase()}`}
          </Button>
        ))}
      </fieldset>
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 't-field__error' : 'muted'}>
          {note.error ? `Export failed: ${note.text}` : note.text}
        </p>
      )}
    </div>
  );
}
