import type { ResourceRequestRecord } from '../../api/resources-money';

/** What a request asks for: "QA Engineer", "Java (3+)", or "Developer with Java (3+)". */
export function describeRequest(r: Pick<ResourceRequestRecord, 'role' | 'skill' | 'minProficiency'>): string {
  const skill = r.skill ? `${r.skill}${r.minProficiency > 1 ? ` (${r.minProficiency}+)` : ''}` : null;
  if (r.role && skill) return `${r.role} with ${skill}`;
  return r.role ?? skill ?? '—';
}
