import type { ScopedRole, ScopeType } from './permissions';

/** A role the caller holds on one portfolio, project or team. */
export interface Grant {
  role: ScopedRole;
  scopeType: ScopeType;
  scopeId: string;
}

/** Who is calling, as established by authentication; every store query is scoped by it. */
export interface Principal {
  organisationId: string;
  userId: string;
  /** Shown in audit entries: the user's name and e-mail at the time of the change. */
  label: string;
  /** What the credential allows: API tokens may be read-only; sessions are read-write. */
  scope: 'read' | 'write';
  orgAdmin: boolean;
  grants: Grant[];
  via: 'token' | 'session';
  sessionId?: string;
}
