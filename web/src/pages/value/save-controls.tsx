import { Button } from '../../design';
import { ConflictDialog } from '../conflict-dialog';

/** Cancel and the submit button of a value form; the button says when the save is under way. */
export function SaveFooter({
  pending,
  label,
  onCancel,
}: {
  pending: boolean;
  label: string;
  onCancel: () => void;
}) {
  return (
    <div className="t-dialog__footer">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? 'Saving…' : label}
      </Button>
    </div>
  );
}

interface ConflictingSave<T> {
  conflict: { mine: Record<string, unknown>; theirs: T } | undefined;
  keepMine(onSaved: (saved: T) => void): void;
}

/** The 412 dialog of a useVersionedSave: keep my change on their version, or take theirs. */
export function SaveConflict<T extends { version: number; updatedAt?: string }>({
  save,
  labels,
  onSaved,
  onTakeTheirs,
}: {
  save: ConflictingSave<T>;
  labels: Record<string, string>;
  onSaved: (saved: T) => void;
  onTakeTheirs: () => void;
}) {
  return (
    <ConflictDialog
      open={save.conflict !== undefined}
      mine={save.conflict?.mine ?? {}}
      theirs={save.conflict?.theirs}
      labels={labels}
      onKeepMine={() => save.keepMine(onSaved)}
      onTakeTheirs={onTakeTheirs}
    />
  );
}
