import { isApiError } from '../../api/client';

/** A refused request's message and the fields the server named, announced to screen readers. */
export function FieldErrors({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div className="t-error" role="alert">
      <p style={{ margin: 0 }}>{error instanceof Error ? error.message : 'The request failed.'}</p>
      {isApiError(error) && error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <span className="mono">{e.field}</span>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
