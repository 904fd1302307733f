import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateRecord, useEverything, useUpdateRecord } from '../api/resources';
import { APPROACHES, HEALTHS, LIFECYCLE_STATES, type Project } from '../api/types';
import { Button, Dialog, Input, optionsOf, recordOptions, Select, Textarea } from '../design';
import { usePortfolioScope } from '../shell/portfolio-scope';
import { useDraftForm } from './draft-form';
import { emptyToNull, fieldErrors } from './form-errors';

type Draft = Record<
  | 'portfolioId'
  | 'key'
  | 'name'
  | 'approach'
  | 'lifecycleState'
  | 'phase'
  | 'health'
  | 'ownerId'
  | 'startDate'
  | 'endDate'
  | 'budget'
  | 'description',
  string
>;

function toDraft(project: Project | undefined, portfolioId: string): Draft {
  return {
    portfolioId: project?.portfolioId ?? portfolioId,
    key: project?.key ?? '',
    name: project?.name ?? '',
    approach: project?.approach ?? 'hybrid',
    lifecycleState: project?.lifecycleState ?? 'proposed',
    phase: project?.phase ?? '',
    health: project?.health ?? '',
    ownerId: project?.ownerId ?? '',
    startDate: project?.startDate ?? '',
    endDate: project?.endDate ?? '',
    budget: project?.budget === null || project?.budget === undefined ? '' : String(project.budget),
    description: project?.description ?? '',
  };
}

function toBody(draft: Draft): Record<string, unknown> {
  return {
    portfolioId: draft.portfolioId,
    key: draft.key.trim(),
    name: draft.name.trim(),
    approach: draft.approach,
    lifecycleState: draft.lifecycleState,
    phase: emptyToNull(draft.phase),
    health: emptyToNull(draft.health),
    ownerId: emptyToNull(draft.ownerId),
    startDate: emptyToNull(draft.startDate),
    endDate: emptyToNull(draft.endDate),
    budget: draft.budget.trim() === '' ? null : Number(draft.budget),
    description: emptyToNull(draft.description),
  };
}

/** Creates a project, or edits one when `project` is given. */
export function ProjectFormDialog({
  open,
  onClose,
  project,
}: {
  open: boolean;
  onClose: () => void;
  project?: Project;
}) {
  if (!open) return null;
  return <ProjectForm onClose={onClose} project={project} />;
}

function ProjectForm({ onClose, project }: { onClose: () => void; project: Project | undefined }) {
  const { portfolioId } = usePortfolioScope();
  // The record as it was when the dialog opened: live updates may refresh `project` meanwhile.
  const [base] = useState(project);
  const changedElsewhere = project !== undefined && base !== undefined && project.version !== base.version;
  const portfolios = useEverything('portfolios');
  const people = useEverything('people');
  const create = useCreateRecord('projects');
  const update = useUpdateRecord('projects');
  const navigate = useNavigate();
  const mutation = project ? update : create;
  const { draft, errors, field } = useDraftForm(
    () => toDraft(project, portfolioId),
    () => ({}),
    fieldErrors(mutation.error),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = toBody(draft);
    if (project && base) {
      // Only the changed fields: a smaller patch, and the key cannot change after creation. Sent
      // against the version the dialog opened with, so a change made meanwhile is refused (412).
      const before = toBody(toDraft(base, portfolioId));
      const patch = Object.fromEntries(
        Object.entries(body).filter(([field, value]) => field !== 'key' && value !== before[field]),
      );
      update.mutate({ id: base.id, version: base.version, patch }, { onSuccess: onClose });
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          onClose();
          void navigate(`/portfolio/projects/${created.id}`);
        },
      });
    }
  };

  return (
    <Dialog open onClose={onClose} title={project ? `Edit ${project.name}` : 'New project'} wide>
      <form className="stack" onSubmit={submit} noValidate>
        {changedElsewhere && (
          <p role="status" className="t-notice">
            Changed by someone else while you were editing (now version {project.version}). Your draft is
            kept; saving it will be refused so nothing is overwritten. Cancel and edit again to start from
            their version.
          </p>
        )}
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Select
            label="Portfolio"
            required
            placeholder="Choose a portfolio"
            options={recordOptions(portfolios.data)}
            {...field('portfolioId')}
          />
          <Input
            label="Key"
            readOnly={project !== undefined}
            hint={
              project ? 'The key cannot change once work items use it' : '2–10 capitals or digits, e.g. CRM'
            }
            required
            {...field('key')}
          />
          <Input label="Name" required {...field('name')} />
          <Select label="Approach" options={optionsOf(APPROACHES)} {...field('approach')} />
          <Select
            label="Lifecycle state"
            options={optionsOf(LIFECYCLE_STATES)}
            {...field('lifecycleState')}
          />
          <Input label="Phase" {...field('phase')} />
          <Select label="Health" placeholder="Not set" options={optionsOf(HEALTHS)} {...field('health')} />
          <Select
            label="Owner"
            placeholder="Nobody"
            options={recordOptions(people.data)}
            {...field('ownerId')}
          />
          <Input label="Start date" type="date" {...field('startDate')} />
          <Input label="End date" type="date" {...field('endDate')} />
          <Input label="Budget" type="number" min={0} step="any" inputMode="decimal" {...field('budget')} />
        </div>
        <Textarea label="Description" {...field('description')} />
        <div className="t-dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Saving…' : project ? 'Save changes' : 'Create project'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
