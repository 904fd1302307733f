import { useState } from 'react';
import { usePlaybookWrite } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import { Button, Dialog, Input, optionsOf, Select, Textarea } from '../../design';
import { FieldProblems, fieldErrorOf } from './decision-dialog';
import { buildRaidBody, RAID_RESOURCE, type RaidKind, type RaidValues } from './raid-entry';

const SEVERITIES = optionsOf(['low', 'medium', 'high', 'critical']);
const DECISION_STATES = optionsOf(['proposed', 'decided']);
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
];
const SHOWN = [...INLINE, 'status', 'decidedOn', 'decidedById', 'rationale', 'alternatives'];
const TITLES: Record<RaidKind, string> = {
  issue: 'Add issue',
  assumption: 'Add assumption',
  decision: 'Add decision',
};

/** Adds an issue, assumption or decision to a project's RAID log. */
export function RaidEntryDialog({
  kind,
  projectId,
  onClose,
}: {
  kind: RaidKind;
  projectId: string;
  onClose: () => void;
}) {
  const { create } = usePlaybookWrite(RAID_RESOURCE[kind]);
  const people = useEverything('people');
  const personOptions = (people.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const [values, setValues] = useState<RaidValues>({ severity: 'medium', status: 'proposed' });
  const bind = (field: string) => ({
    value: values[field] ?? '',
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value }),
    error: fieldErrorOf(create.error, field),
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={TITLES[kind]}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={create.isPending || !(values.title ?? '').trim()}
            onClick={() => create.mutate(buildRaidBody(kind, projectId, values), { onSuccess: onClose })}
          >
            {TITLES[kind]}
          </Button>
        </>
      }
    >
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
          <Select label="Status" options={DECISION_STATES} {...bind('status')} />
          {values.status === 'decided' && (
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
      <FieldProblems error={create.error} shown={SHOWN} />
    </Dialog>
  );
}
