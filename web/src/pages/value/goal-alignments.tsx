import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { useEverything } from '../../api/resources';
import { type GoalAlignment, type TreeGoal, useDeleteValueRecord, useValueList } from '../../api/value';
import { Button, Card, Dialog, EmptyState, Input, Select, Textarea } from '../../design';
import { useDraftForm } from '../draft-form';
import {
  type AlignedWork,
  findAlignmentDraftErrors,
  newAlignmentDraft,
  toAlignmentBody,
  toAlignmentDraft,
} from './alignment-draft';
import { SaveConflict, SaveFooter } from './save-controls';
import { formatPercent, ScrollTable } from './value-common';
import { useVersionedSave } from './versioned-save';

const LABELS: Record<string, string> = { goalId: 'Goal', weight: 'Contribution weight', note: 'Note' };

type WorkItemRef = { id: string; key: string; title: string; projectId: string };

/** The alignment links of the goals shown: which projects, epics and features serve each, by how much. */
export function AlignmentsCard({ goals }: { goals: readonly TreeGoal[] }) {
  const links = useValueList('goal-alignments');
  const projects = useEverything('projects');
  const items = useEverything('work-items', { type: ['epic', 'feature'] });
  const remove = useDeleteValueRecord('goal-alignments');
  const [editing, setEditing] = useState<GoalAlignment | 'new'>();
  const goalName = new Map(goals.map((g) => [g.id, g.name]));
  const projectById = new Map((projects.data ?? []).map((p) => [p.id, p]));
  const itemById = new Map((items.data ?? []).map((i) => [i.id, i as WorkItemRef]));
  const shown = (links.data ?? []).filter((l) => goalName.has(l.goalId));

  const workOf = (l: GoalAlignment) => {
    if (l.workItemId) {
      const item = itemById.get(l.workItemId);
      return (
        <Link to={`/delivery/work-items/${l.workItemId}`}>{item ? `${item.key} ${item.title}` : 'Epic'}</Link>
      );
    }
    const project = l.projectId ? projectById.get(l.projectId) : undefined;
    return (
      <Link to={`/portfolio/projects/${l.projectId}`}>
        {project ? `${project.key} ${project.name}` : 'Project'}
      </Link>
    );
  };

  return (
    <Card
      title="Alignment links"
      actions={
        <Button variant="primary" size="sm" onClick={() => setEditing('new')}>
          Align work to a goal
        </Button>
      }
    >
      {remove.isError && (
        <p role="alert" className="t-field__error">
          {isApiError(remove.error, 'precondition_failed')
            ? 'Someone else changed that link meanwhile; it was not removed. Check it and try again.'
            : remove.error.message}
        </p>
      )}
      {shown.length === 0 ? (
        <EmptyState title="No work is aligned to these goals yet" />
      ) : (
        <ScrollTable label="Alignment links table">
          <table className="t-table">
            <caption className="visually-hidden">Projects, epics and features aligned to goals</caption>
            <thead>
              <tr>
                <th scope="col">Goal</th>
                <th scope="col">Work</th>
                <th scope="col" className="num">
                  Contribution
                </th>
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l) => (
                <tr key={l.id}>
                  <td>{goalName.get(l.goalId)}</td>
                  <td>{workOf(l)}</td>
                  <td className="num">{formatPercent(l.weight)}</td>
                  <td>{l.note ?? ''}</td>
                  <td className="row">
                    <Button size="sm" onClick={() => setEditing(l)}>
                      Edit<span className="visually-hidden"> link to {goalName.get(l.goalId)}</span>
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ id: l.id, version: l.version })}
                    >
                      Remove<span className="visually-hidden"> link to {goalName.get(l.goalId)}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {editing && (
        <AlignmentFormDialog
          goals={goals}
          items={[...itemById.values()]}
          record={editing === 'new' ? undefined : editing}
          itemProjectId={
            editing !== 'new' && editing.workItemId ? itemById.get(editing.workItemId)?.projectId : undefined
          }
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}

/** Creates an alignment link or edits one (goal, weight, note; the work is fixed once linked). */
function AlignmentFormDialog({
  goals,
  items,
  record,
  itemProjectId,
  onClose,
}: {
  goals: readonly TreeGoal[];
  /** Every epic and feature the user may see; the form offers the chosen project's. */
  items: readonly WorkItemRef[];
  record: GoalAlignment | undefined;
  itemProjectId: string | undefined;
  onClose: () => void;
}) {
  const [base] = useState(record);
  const save = useVersionedSave('goal-alignments', base);
  const projects = useEverything('projects');
  const { draft, set, errors, field, ready } = useDraftForm(
    () => (record ? toAlignmentDraft(record, itemProjectId) : newAlignmentDraft()),
    findAlignmentDraftErrors,
    save.errors,
  );
  const fixed = base !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready()) return;
    const body = toAlignmentBody(draft);
    if (base) {
      delete body.projectId;
      delete body.workItemId;
    }
    save.submit(body, base ? toAlignmentBody(toAlignmentDraft(base, itemProjectId)) : {}, onClose);
  };

  return (
    <Dialog open onClose={onClose} title={base ? 'Edit alignment link' : 'Align work to a goal'}>
      <form className="stack" onSubmit={submit} noValidate aria-label="Alignment link">
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <Select
          label="Goal"
          required
          placeholder="Choose a goal"
          options={goals.map((g) => ({ value: g.id, label: `${g.name} (${g.level})` }))}
          {...field('goalId')}
        />
        <Select
          label="Aligned work"
          disabled={fixed}
          options={[
            { value: 'project', label: 'A whole project' },
            { value: 'item', label: 'One epic or feature' },
          ]}
          value={draft.work}
          onChange={(e) => set({ work: e.target.value as AlignedWork, workItemId: '' })}
        />
        <Select
          label="Project"
          required
          disabled={fixed}
          placeholder="Choose a project"
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.key} ${p.name}` }))}
          value={draft.projectId}
          onChange={(e) => set({ projectId: e.target.value, workItemId: '' })}
          error={errors.projectId}
        />
        {draft.work === 'item' && (
          <Select
            label="Epic or feature"
            required
            disabled={fixed || !draft.projectId}
            placeholder={draft.projectId ? 'Choose an epic or feature' : 'Choose the project first'}
            options={items
              .filter((i) => i.projectId === draft.projectId)
              .map((i) => ({ value: i.id, label: `${i.key} ${i.title}` }))}
            {...field('workItemId')}
          />
        )}
        <Input
          label="Contribution weight (%)"
          inputMode="decimal"
          required
          hint="The share of this work that serves the goal; one piece of work's links above 100 % in total are scaled down"
          value={draft.weightPercent}
          onChange={(e) => set({ weightPercent: e.target.value })}
          error={errors.weight}
        />
        <Textarea label="Note" rows={2} {...field('note')} />
        <SaveFooter pending={save.pending} onCancel={onClose} label={base ? 'Save link' : 'Align'} />
      </form>
      <SaveConflict save={save} labels={LABELS} onSaved={onClose} onTakeTheirs={onClose} />
    </Dialog>
  );
}
