import { type ReactNode, useState } from 'react';
import { isApiError } from '../../api/client';
import { Button, Dialog, type Option, Select, Textarea } from '../../design';

// The form every recorded PMO decision shares — triage of a proposal, a gate review: an outcome,
// a rationale, fields that depend on the outcome, and the server's problems shown by field.

/** The server's message for one field of a refused request, if it named that field. */
export function fieldErrorOf(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.errors.find((e) => e.field === field)?.message : undefined;
}

/**
 * A refused request: its message and every field problem not already shown beside its input
 * (`shown`), e.g. the missing artefacts and checklist items of a refused gate pass.
 */
export function FieldProblems({ error, shown = [] }: { error: unknown; shown?: readonly string[] }) {
  if (!error) return null;
  const rest = isApiError(error) ? error.errors.filter((e) => !shown.includes(e.field)) : [];
  const inline = isApiError(error) && error.errors.length > rest.length;
  if (inline && rest.length === 0) return null;
  return (
    <div role="alert" className="t-error">
      <p>{error instanceof Error ? error.message : 'Something went wrong.'}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((p) => (
            <li key={`${p.field}${p.message}`}>
              <span className="mono">{p.field}</span>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface Decision {
  outcome: string;
  rationale: string;
}

export function DecisionDialog({
  title,
  description,
  outcomeLabel = 'Outcome',
  outcomes,
  initialOutcome,
  pending,
  error,
  inlineFields = [],
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  description: ReactNode;
  outcomeLabel?: string;
  outcomes: readonly Option[];
  initialOutcome?: string;
  pending: boolean;
  error: unknown;
  /** Fields whose problems the extra inputs show themselves. */
  inlineFields?: readonly string[];
  onSubmit: (decision: Decision) => void;
  onClose: () => void;
  /** Inputs that depend on the chosen outcome (conditions, a project key). */
  children?: (outcome: string) => ReactNode;
}) {
  const [outcome, setOutcome] = useState(initialOutcome ?? outcomes[0]?.value ?? '');
  const [rationale, setRationale] = useState('');
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      description={description}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={pending || !rationale.trim()}
            onClick={() => onSubmit({ outcome, rationale })}
          >
            Record decision
          </Button>
        </>
      }
    >
      <Select
        label={outcomeLabel}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        options={outcomes}
      />
      {children?.(outcome)}
      <Textarea
        label="Rationale"
        hint="Recorded with your name and the date."
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        error={fieldErrorOf(error, 'rationale')}
      />
      <FieldProblems error={error} shown={['rationale', ...inlineFields]} />
    </Dialog>
  );
}
