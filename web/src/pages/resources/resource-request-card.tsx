import type { FormEvent } from 'react';
import { useEverything } from '../../api/resources';
import { useOpenRequests, useRequestMutations } from '../../api/resources-money';
import { Button, Card, ErrorState, Input, QueryView, recordOptions, Select } from '../../design';
import { useDraftForm } from '../draft-form';
import { emptyToNull, fieldErrors } from '../form-errors';
import { useTeamNames } from '../record-name';
import { AmountFields, type DemandUnit, useProjectChoices } from './demand-fields';
import { describeRequest } from './request-text';
import { TableHead } from './table-head';

const UNITS: DemandUnit[] = [
  { value: 'fte', label: 'FTE', hint: 'Full-time people on each working day' },
  { value: 'hours', label: 'Hours in total', hint: 'Spread over the span’s working days' },
];

/** The API's rule, checked here too: a request names a project, and a role, a skill, or both. */
function findRequestErrors(draft: { projectId: string; role: string; skill: string }) {
  const problems: Record<string, string> = {};
  if (!emptyToNull(draft.role) && !emptyToNull(draft.skill)) problems.skill = 'Name a skill, a role, or both';
  if (draft.projectId === '') problems.projectId = 'Choose a project';
  return problems;
}

/**
 * Demand by role or skill: a project (optionally through a team) asks for a role (people's job
 * titles), a skill at a proficiency, or both, over a span in FTE or hours. Open requests count in
 * the heat map (by role, skill and team) and the suggestions cover them.
 */
export function ResourceRequestCard({ from, to }: { from: string; to: string }) {
  const people = useEverything('people');
  const teams = useEverything('teams');
  const projectChoices = useProjectChoices();
  const teamNames = useTeamNames();
  const requests = useOpenRequests({ from, to });
  const { create, cancel } = useRequestMutations();
  const form = useDraftForm(
    () => ({
      projectId: '',
      teamId: '',
      role: '',
      skill: '',
      minProficiency: '1',
      startDate: from,
      endDate: to,
      amount: '0.5',
      unit: 'fte',
    }),
    findRequestErrors,
    fieldErrors(create.error),
  );
  const { draft, errors, field } = form;
  const roles = [
    ...new Set((people.data ?? []).map((p) => p.title?.trim() ?? '').filter((t) => t !== '')),
  ].sort();
  const skills = [
    ...new Set((people.data ?? []).flatMap((p) => (p.skills ?? []).map((s) => s.skill))),
  ].sort();
  const projectName = projectChoices.nameOf;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.ready()) return;
    create.mutate({
      projectId: draft.projectId,
      teamId: emptyToNull(draft.teamId),
      role: emptyToNull(draft.role),
      skill: emptyToNull(draft.skill),
      minProficiency: Number(draft.minProficiency),
      startDate: draft.startDate,
      endDate: draft.endDate,
      amount: Number(draft.amount),
      unit: draft.unit,
    });
  };
  const rows = requests.data?.items ?? [];
  return (
    <Card title="Resource requests">
      <p className="muted">
        Ask for a role (people’s job titles), a skill, or both. Open requests show in the heat map by role,
        skill and team, and the suggestions cover them.
      </p>
      <form className="stack" aria-label="Request people" onSubmit={submit} noValidate>
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        <div className="grid-2">
          <Select
            label="Project"
            required
            placeholder="Choose a project"
            options={projectChoices.options}
            {...field('projectId')}
          />
          <Select
            label="Through team"
            placeholder="No team"
            options={recordOptions(teams.data)}
            {...field('teamId')}
          />
          <Input
            label="Role"
            list="request-roles"
            {...field('role')}
            hint="A job title, as on people’s records"
          />
          <Input label="Skill" list="request-skills" {...field('skill')} />
          <Select
            label="Least proficiency in the skill"
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} of 5` }))}
            {...field('minProficiency')}
          />
          <Input label="Needed from" type="date" {...field('startDate')} />
          <Input label="Needed to" type="date" {...field('endDate')} />
          <AmountFields
            units={UNITS}
            amount={field('amount')}
            unit={field('unit')}
            labels={{ amount: 'Amount asked', unit: 'Unit of the amount' }}
          />
        </div>
        <datalist id="request-roles">
          {roles.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <datalist id="request-skills">
          {skills.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <div className="row">
          <Button type="submit" disabled={create.isPending}>
            Request
          </Button>
          {create.isSuccess && <span role="status">Requested; the heat map counts it as open demand.</span>}
        </div>
      </form>
      <QueryView
        query={requests}
        label="open requests"
        empty="No open requests in this window"
        isEmpty={() => rows.length === 0}
      >
        {() => (
          <table className="t-table">
            <caption className="visually-hidden">Open requests in the window</caption>
            <TableHead columns={['Asked for', 'Project', 'Team', 'From', 'To', 'Amount', 'Actions']} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{describeRequest(r)}</th>
                  <td>{projectName.get(r.projectId) ?? r.projectId}</td>
                  <td>{r.teamId ? (teamNames.get(r.teamId) ?? r.teamId) : '—'}</td>
                  <td>{r.startDate}</td>
                  <td>{r.endDate}</td>
                  <td>{r.unit === 'fte' ? `${r.amount} FTE` : `${r.amount} h`}</td>
                  <td>
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={cancel.isPending}
                      onClick={() => cancel.mutate(r)}
                      aria-label={`Cancel the request for ${describeRequest(r)} on ${projectName.get(r.projectId) ?? 'the project'}`}
                    >
                      Cancel
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {cancel.isError && <ErrorState error={cancel.error} />}
    </Card>
  );
}
