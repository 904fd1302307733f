import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useDeleteValueRecord, type ValueResource } from '../../api/value';
import { Button } from '../../design';

/**
 * Delete a value record at the version the user has open (If-Match), after a second click to
 * confirm. A stale version (412) or records still pointing at it (409) are said, not hidden.
 */
export function DeleteRecord({
  resource,
  record,
  what,
  onDeleted,
}: {
  resource: ValueResource;
  record: { id: string; version: number };
  /** What is deleted, in words: "goal", "KPI". */
  what: string;
  onDeleted: () => void;
}) {
  const remove = useDeleteValueRecord(resource);
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button variant="ghost" onClick={() => setAsking(true)}>
        Delete {what}
      </Button>
    );
  const problem = remove.error
    ? isApiError(remove.error, 'precondition_failed')
      ? `Someone else changed this ${what} meanwhile, so it was not deleted. Close the form, check it and try again.`
      : remove.error.message
    : undefined;
  return (
    <section className="stack" aria-label={`Delete ${what}`}>
      <p role="alert">{problem ?? `Delete this ${what} for good? This cannot be undone.`}</p>
      <div className="row">
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() => {
            // A refusal is shown above from remove.error.
            void remove.mutateAsync(record).then(onDeleted, () => undefined);
          }}
        >
          Yes, delete {what}
        </Button>
        <Button
          onClick={() => {
            setAsking(false);
            remove.reset();
          }}
        >
          Keep it
        </Button>
      </div>
    </section>
  );
}
