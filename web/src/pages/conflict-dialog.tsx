import { Button, Dialog } from '../design';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Shown when a save is refused with 412 because someone saved the record first: the user's
 * change beside the record as it is now, and a choice of which to keep.
 */
export function ConflictDialog<T extends { version: number; updatedAt?: string }>({
  open,
  mine,
  theirs,
  labels,
  onKeepMine,
  onTakeTheirs,
}: {
  open: boolean;
  /** The fields the user changed, with their values. */
  mine: Record<string, unknown>;
  /** The record as the server has it now. */
  theirs: T | undefined;
  labels: Record<string, string>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const current = (theirs ?? {}) as Record<string, unknown>;
  return (
    <Dialog
      open={open && theirs !== undefined}
      onClose={onTakeTheirs}
      wide
      title="Someone else changed this record"
      description={`It was saved by someone else (now version ${theirs?.version ?? '?'}) while you were editing. Choose which version to keep.`}
      footer={
        <>
          <Button onClick={onTakeTheirs}>Use their version</Button>
          <Button variant="primary" onClick={onKeepMine}>
            Keep my change
          </Button>
        </>
      }
    >
      <table className="t-compare">
        <caption className="visually-hidden">Your change and their version</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your change</th>
            <th scope="col">Their version</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(mine).map((field) => (
            <tr key={field}>
              <th scope="row">{labels[field] ?? field}</th>
              <td data-testid="conflict-mine">{show(mine[field])}</td>
              <td data-testid="conflict-theirs">{show(current[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
