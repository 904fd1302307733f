/** Shown when a save answers 412: the list has been refreshed with the other person's version. */
export function ConflictNotice() {
  return (
    <p role="alert" className="t-notice">
      Someone else saved this first. Their version is shown now; make your change again.
    </p>
  );
}
