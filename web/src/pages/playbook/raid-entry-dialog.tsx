import { useState } from 'react';
import { isApiError } from '../../api/client';
import { usePlaybookWrite } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import { Button, Dialog, Input, optionsOf, recordOptions, Select, Textarea } from '../../design';
import { FieldProblems, fieldErrorOf } from './decision-dialog';
import {
  buildRaidBody,
  buildRaidPatch,
  changedFields,
  RAID_RESOURCE,
  type RaidKind,
  type RaidRecord,
  type RaidValues,
  toRaidValues,
} from './raid-entry';

const SEVERITIES = optionsOf(['low', 'medium', 'high', 'critical']);
// A new decision is proposed or decided; an existing one can also be superseded.
const DECISION_STATES = optionsOf(['proposed', 'decided']);
const DECISION_STATES_EDIT = optionsOf(['proposed', 'decided', 'superseded']);
// Every field the dialog shows its own message for; other problems are listed under the form.
const INLINE = [
  'title',
  'description',
  'severity',
  'ownerId',
  'dueDate',
  'escalationPath',
  'validateBy',
  'notes',
  'resolution',
];
const SHOWN = [...INLINE, 'status', 'decidedOn', 'decidedById', 'rationale', 'alternatives'];
const LABELS: Record<string, string> = {
  title: 'Title',
  severity: 'Severity',
  dueDate: 'Due date',
  ownerId: 'Owner',
  escalationPath: 'Escalation path',
  resolution: 'Resolution',
  validateBy: 'Validate by',
  notes: 'Notes',
  status: 'Status',
  decidedOn: 'Decided on',
  decidedById: 'Decided by',
  rationale: 'Rationale',
  alternatives: 'Alternatives considered',
  description: 'Description',
};

/**
 * Adds an issue, assumption or decision to a project's RAID log, or edits one (`entry` given,
 * saved with If-Match; only the fields changed are sent). When someone else saved the entry first
 * (412), the dialog names what they changed and offers to save this edit on top of theirs or to
 * take theirs.
 */
export function RaidEntryDialog({
  kind,
  projectId,
  entry,
  onClose,
}: {
  kind: RaidKind;
  projectId: string;
  entry?: RaidRecord;
  onClose: () => void;
}) {
  const { create, update } = usePlaybookWrite<RaidRecord>(RAID_RESOURCE[kind]);
  const write = entry ? update : create;
  const people = useEverything('people');
  const personOptions = recordOptions(people.data);
  // The entry as opened (or as taken from someone else's save): the edit is what differs from it.
  const [original, setOriginal] = useState<RaidValues>(() => (entry ? toRaidValues(kind, entry) : {}));
  const [values, setValues] = useState<RaidValues>(() =>
    entry ? original : { severity: 'medium', status: 'proposed' },
  );
  // The version the edit is based on, and someone else's newer version after a refused save.
  const [basedOn, setBasedOn] = useState(entry?.version ?? 0);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const theirs = conflict?.theirs ?? null;
  const bind = (field: string) => ({
    value: values[field] ?? '',
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value }),
    error: fieldErrorOf(write.error, field),
  });
  const send = (version: number) => {
    if (!entry) {
      create.mutate(buildRaidBody(kind, projectId, values), { onSuccess: onClose });
      return;
    }
    const patch = buildRaidPatch(kind, values, original);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: entry.id, version, patch },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (!isApiError(error, 'precondition_failed') || !error.current) return;
          // The form now shows their version with this edit on top, which is what Keep mine saves.
          const current = error.current as RaidRecord;
          const saved = toRaidValues(kind, current);
          const mine = changedFields(kind, original, values);
          setConflict({ theirs: current, theirChanges: changedFields(kind, original, saved), mine });
          setOriginal(saved);
          setValues({ ...saved, ...Object.fromEntries(mine.map((f) => [f, values[f] ?? ''])) });
        },
      },
    );
  };
  const keepMine = () => {
    if (!theirs) return;
    setBasedOn(theirs.version);
    setConflict(null);
    send(theirs.version);
  };
  const takeTheirs = () => {
    if (!theirs) return;
    setValues(original);
    setBasedOn(theirs.version);
    setConflict(null);
    update.reset();
  };
  const title = entry ? `Edit ${kind}: ${entry.title}` : `Add ${kind}`;
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={write.isPending || theirs !== null || !(values.title ?? '').trim()}
            onClick={() => send(basedOn)}
          >
            {entry ? `Save ${kind}` : `Add ${kind}`}
          </Button>
        </>
      }
    >
      {conflict && theirs && (
        <div role="alert" className="t-error">
          <p>
            Someone else saved this {kind} while you were editing (now version {theirs.version}).{' '}
            {describeConflict(conflict, original, personOptions)}
          </p>
          <div className="row">
            <Button variant="primary" disabled={write.isPending} onClick={keepMine}>
              Keep mine
            </Button>
            <Button onClick={takeTheirs}>Take theirs</Button>
          </div>
        </div>
      )}
      <Input label="Title" {...bind('title')} />
      {kind === 'issue' && (
        <>
          <div className="row">
            <Select label="Severity" options={SEVERITIES} {...bind('severity')} />
            <Input label="Due date" type="date" {...bind('dueDate')} />
          </div>
          <Select label="Owner" placeholder="No owner" options={personOptions} {...bind('ownerId')} />
          <Textarea
            label="Escalation path, one step per line"
            hint="Who the issue goes to next, in order, e.g. project manager, sponsor, steering board."
            rows={3}
            {...bind('escalationPath')}
          />
          {entry && <Textarea label="Resolution" rows={2} {...bind('resolution')} />}
        </>
      )}
      {kind === 'assumption' && (
        <>
          <Select label="Owner" placeholder="No owner" options={personOptions} {...bind('ownerId')} />
          <Input label="Validate by" type="date" {...bind('validateBy')} />
          <Textarea label="Notes" rows={2} {...bind('notes')} />
        </>
      )}
      {kind === 'decision' && (
        <>
          <Select
            label="Status"
            options={entry ? DECISION_STATES_EDIT : DECISION_STATES}
            {...bind('status')}
          />
          {values.status !== 'proposed' && (
            <div className="row">
              <Input label="Decided on" type="date" {...bind('decidedOn')} />
              <Select
                label="Decided by"
                placeholder="Nobody named"
                options={personOptions}
                {...bind('decidedById')}
              />
            </div>
          )}
          <Textarea label="Rationale" rows={2} {...bind('rationale')} />
          <Textarea label="Alternatives considered" rows={2} {...bind('alternatives')} />
        </>
      )}
      <Textarea label="Description" rows={2} {...bind('description')} />
      {!theirs && !isApiError(write.error, 'precondition_failed') && (
        <FieldProblems error={write.error} shown={SHOWN} />
      )}
    </Dialog>
  );
}

/** Someone else's save that refused ours: their record, what they changed and what we had changed. */
interface Conflict {
  theirs: RaidRecord;
  theirChanges: string[];
  mine: string[];
}

/**
 * What the other save changed, and what keeping this edit does: "They changed Due date
 * (“2027-03-15”). Keep mine saves your change to Title on top of theirs; …".
 */
function describeConflict(
  { theirChanges, mine }: Conflict,
  saved: RaidValues,
  people: { value: string; label: string }[],
): string {
  const both = mine.filter((f) => theirChanges.includes(f));
  const label = (f: string) => LABELS[f] ?? f;
  const shown = (f: string) => {
    const v = saved[f] ?? '';
    if (v === '') return 'blank';
    if (f === 'ownerId' || f === 'decidedById') return people.find((p) => p.value === v)?.label ?? v;
    return `“${v.replaceAll('\n', ', ')}”`;
  };
  const lines = [
    theirChanges.length === 0
      ? 'They changed nothing you can edit here.'
      : `They changed ${theirChanges.map((f) => `${label(f)} (${shown(f)})`).join(', ')}.`,
  ];
  if (mine.length > 0)
    lines.push(
      `Keep mine saves your change${mine.length === 1 ? '' : 's'} to ${mine.map(label).join(', ')} on top of theirs${
        both.length > 0 ? `, replacing their ${both.map(label).join(', ')}` : ''
      }; Take theirs drops your edit.`,
    );
  return lines.join(' ');
}
