import { useState } from 'react';
import { useMovePreview, usePlaybookActions } from '../../api/playbook';
import { Button, Dialog, ErrorState, Skeleton, Textarea } from '../../design';

/** Shows what moving a project to another template version changes, and records the decision. */
export function MoveVersionDialog({
  projectId,
  toVersion,
  version,
  onClose,
}: {
  projectId: string;
  toVersion: number;
  /** The project playbook's record version (If-Match). */
  version: number;
  onClose: () => void;
}) {
  const preview = useMovePreview(projectId, toVersion);
  const { move } = usePlaybookActions(projectId);
  const [rationale, setRationale] = useState('');
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`Move this project to template version ${toVersion}`}
      description="Ticks on checklist items that still exist are kept; the decision is recorded."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={move.isPending || !rationale.trim() || !preview.data}
            onClick={() => move.mutate({ toVersion, rationale, version }, { onSuccess: onClose })}
          >
            Move to version {toVersion}
          </Button>
        </>
      }
    >
      {preview.isPending ? (
        <Skeleton label="Working out the changes" />
      ) : preview.isError ? (
        <ErrorState error={preview.error} />
      ) : (
        <>
          <h3>What changes</h3>
          {preview.data.summary.length === 0 ? (
            <p>Nothing that affects the project's gates.</p>
          ) : (
            <ul>
              {preview.data.summary.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {preview.data.currentPhase.before !== preview.data.currentPhase.after && (
            <p>
              Current phase moves from {preview.data.currentPhase.before} to {preview.data.currentPhase.after}
              .
            </p>
          )}
          {preview.data.droppedChecklistItems.length > 0 && (
            <p>Ticks dropped: {preview.data.droppedChecklistItems.join(', ')}</p>
          )}
        </>
      )}
      <Textarea label="Rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} />
      {move.isError && <ErrorState error={move.error} />}
    </Dialog>
  );
}
