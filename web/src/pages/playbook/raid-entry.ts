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
        decidedOn: status === 'proposed' ? null : text(v.decidedOn),
        decidedById: status === 'proposed' ? null : text(v.decidedById),
        rationale: text(v.rationale),
        alternatives: text(v.alternatives),
      };
    }
  }
}

/** An issue, assumption or decision as the server answers it (only the fields the form edits). */
export type RaidRecord = Record<string, unknown> & { id: string; version: number; title: string };

const FIELDS: Record<RaidKind, readonly string[]> = {
  issue: ['title', 'severity', 'dueDate', 'ownerId', 'escalationPath', 'resolution', 'description'],
  assumption: ['title', 'ownerId', 'validateBy', 'notes', 'description'],
  decision: ['title', 'status', 'decidedOn', 'decidedById', 'rationale', 'alternatives', 'description'],
};

/** The form values of an existing entry: nulls as blanks, the escalation path one step per line. */
export function toRaidValues(kind: RaidKind, record: RaidRecord): RaidValues {
  const values: RaidValues = {};
  for (const field of FIELDS[kind]) {
    const v = record[field];
    values[field] = Array.isArray(v) ? v.join('\n') : v === null || v === undefined ? '' : String(v);
  }
  return values;
}

/** The request value of every field the form edits, as the server would store it. */
function normalise(kind: RaidKind, values: RaidValues): Record<string, unknown> {
  const { projectId: _project, ...body } = buildRaidBody(kind, '', values);
  return kind === 'issue' ? { ...body, resolution: text(values.resolution) } : body;
}

/**
 * The fields whose value differs between two states of the form, compared as the server would
 * store them (a blank and a null agree; so do "a\n\nb" and "a\nb" as an escalation path).
 */
export function changedFields(kind: RaidKind, from: RaidValues, to: RaidValues): string[] {
  const a = normalise(kind, from);
  const b = normalise(kind, to);
  return FIELDS[kind].filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null));
}

/**
 * The PATCH body of an edited entry: only the fields changed since the form was opened
 * (`original`), so that saving on top of someone else's newer version keeps their other changes.
 * An entry stays in its project; an issue's resolution is edited here, its escalation level by
 * the Escalate button.
 */
export function buildRaidPatch(
  kind: RaidKind,
  values: RaidValues,
  original: RaidValues,
): Record<string, unknown> {
  const body = normalise(kind, values);
  return Object.fromEntries(changedFields(kind, original, values).map((f) => [f, body[f] ?? null]));
}
