// Saving a value record from a form: create, or patch only the changed fields against the version
// the form opened with (If-Match). A 412 keeps the user's change and the record as it is now, for
// the conflict dialog to offer "keep mine" (re-sent on their version) or "use theirs".
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useSaveValueRecord, type ValueResource, type ValueResources } from '../../api/value';
import { fieldErrors } from '../form-errors';

type Body = Record<string, unknown>;

/** The members of `body` that differ from `before` (compared as JSON, so arrays and objects too). */
export function changedFields(body: Body, before: Body): Body {
  return Object.fromEntries(
    Object.entries(body).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field])),
  );
}

export function useVersionedSave<R extends ValueResource>(
  resource: R,
  record: ValueResources[R] | undefined,
) {
  const save = useSaveValueRecord(resource);
  const [conflict, setConflict] = useState<{ mine: Body; theirs: ValueResources[R] }>();
  const stale = isApiError(save.error, 'precondition_failed');

  const send = (body: Body, version: number | undefined, onSaved: (saved: ValueResources[R]) => void) =>
    save.mutate(record ? { id: record.id, version, body } : { body }, {
      onSuccess: (saved) => {
        setConflict(undefined);
        onSaved(saved);
      },
      onError: (error) => {
        if (isApiError(error, 'precondition_failed') && error.current)
          setConflict({ mine: body, theirs: error.current as ValueResources[R] });
      },
    });

  return {
    pending: save.isPending,
    /** Field messages (dotted paths as the API names them); `form` for the rest. */
    errors: stale ? {} : fieldErrors(save.error),
    conflict,
    /** Create with `body`, or patch the fields that differ from `before` on the record's version. */
    submit(body: Body, before: Body, onSaved: (saved: ValueResources[R]) => void) {
      if (!record) return send(body, undefined, onSaved);
      const patch = changedFields(body, before);
      if (Object.keys(patch).length === 0) return onSaved(record);
      return send(patch, record.version, onSaved);
    },
    /**
     * Re-send my change on their version. `rebase` rebuilds it on their record when my change was
     * derived from the old one (a target history extended by the old target).
     */
    keepMine(onSaved: (saved: ValueResources[R]) => void, rebase?: (theirs: ValueResources[R]) => Body) {
      if (conflict) send(rebase ? rebase(conflict.theirs) : conflict.mine, conflict.theirs.version, onSaved);
    },
    dismiss() {
      setConflict(undefined);
      save.reset();
    },
  };
}
