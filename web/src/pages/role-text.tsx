import { ROLE_LABELS, SCOPE_RESOURCE, type ScopeType } from '../api/identity';
import { RecordName } from './record-name';

/** "Team member on team Falcons": a role and the portfolio, project or team it is held on. */
export function RoleText({ role, scopeType, scopeId }: { role: string; scopeType: string; scopeId: string }) {
  const resource = SCOPE_RESOURCE[scopeType as ScopeType];
  return (
    <>
      {ROLE_LABELS[role] ?? role} on {scopeType}{' '}
      {resource ? <RecordName resource={resource} id={scopeId} /> : <span className="mono">{scopeId}</span>}
    </>
  );
}
