// The request bodies of the RAID log's other three registers (issues, assumptions, decisions),
// built from what the form holds: blank optional fields are sent as null, texts are trimmed, and
// an issue's escalation path is one step per line.

export type RaidKind = 'issue' | 'assumption' | 'decision';

export const RAID_RESOURCE = { issue: 'issues', assumption: 'assumptions', decision: 'decisions' } as const;

/** Form values by field name; every input of the dialog is a string. */
export type RaidValues = Record<string, string>;

const text = (v: string | undefined) => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};

export function buildRaidBody(kind: RaidKind, projectId: string, v: RaidValues): Record<string, unknown> {
  const base = { projectId, title: (v.title ?? '').trim(), description: text(v.description) };
  switch (kind) {
    case 'issue':
      return {
        ...base,
        severity: v.severity || 'medium',
        ownerId: text(v.ownerId),
        dueDate: text(v.dueDate),
        escalationPath: (v.escalationPath ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    case 'assumption':
      return { ...base, ownerId: text(v.ownerId), validateBy: text(v.validateBy), notes: text(v.notes) };
    case 'decision': {
      const status = v.status || 'proposed';
      return {
        ...base,
        status,
        // A proposed decision has no decision date or decider yet.
        decidedOn: status === 'decided' ? text(v.decidedOn) : null,
        decidedById: status === 'decided' ? text(v.decidedById) : null,
        rationale: text(v.rationale),
        alternatives: text(v.alternatives),
      };
    }
  }
}
