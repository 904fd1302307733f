import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateRecord, useEverything } from '../api/resources';
import { WORK_ITEM_TYPES } from '../api/types';
import { Button, Dialog, Input, optionsOf, recordOptions, Select } from '../design';
import { emptyToNull, fieldErrors } from './form-errors';

/** Creates a work item (in `projectId` when given) and opens it. */
export function WorkItemFormDialog({
  open,
  onClose,
  projectId,
}: {
  open: boolean;
  onClose: () => void;
  projectId?: string;
}) {
  if (!open) return null;
  return <WorkItemForm onClose={onClose} projectId={projectId} />;
}

function WorkItemForm({ onClose, projectId }: { onClose: () => void; projectId: string | undefined }) {
  const [draft, setDraft] = useState({
    projectId: projectId ?? '',
    type: 'story',
    title: '',
    status: '',
    teamId: '',
  });
  const projects = useEverything('projects');
  const teams = useEverything('teams');
  const create = useCreateRecord('work-items');
  const navigate = useNavigate();
  const errors = fieldErrors(create.error);
  const set = (field: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {
      projectId: draft.projectId,
      type: draft.type,
      title: draft.title.trim(),
      teamId: emptyToNull(draft.teamId),
    };
    if (draft.status.trim()) body.status = draft.status.trim();
    create.mutate(body, {
      onSuccess: (created) => {
        onClose();
        void navigate(`/delivery/work-items/${created.id}`);
      },
    });
  };

  return (
    <Dialog open onClose={onClose} title="New work item">
      <form className="stack" onSubmit={submit} noValidate>
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <Select
          label="Project"
          required
          placeholder="Choose a project"
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.key} · ${p.name}` }))}
          value={draft.projectId}
          onChange={set('projectId')}
          error={errors.projectId}
        />
        <Select label="Type" options={optionsOf(WORK_ITEM_TYPES)} value={draft.type} onChange={set('type')} />
        <Input label="Title" required value={draft.title} onChange={set('title')} error={errors.title} />
        <Input
          label="Status"
          hint="Defaults to the first workflow state"
          value={draft.status}
          onChange={set('status')}
        />
        <Select
          label="Team"
          placeholder="No team"
          options={recordOptions(teams.data)}
          value={draft.teamId}
          onChange={set('teamId')}
          error={errors.teamId}
        />
        <div className="t-dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create work item'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
