import { type FormEvent, useEffect, useState } from 'react';
import { isApiError } from '../../api/client';
import { useEverything, useUpdateRecord } from '../../api/resources';
import type { Team } from '../../api/types';
import { Button, Card, EmptyState, Input, Select } from '../../design';
import { ConflictDialog } from '../conflict-dialog';
import { TableHead } from './table-head';
import {
  checkMembers,
  hasChanges,
  type MemberDraft,
  normaliseField,
  toDraft,
  toMembers,
} from './team-members-draft';

/**
 * Team membership with each member's allocation: the share of their capacity that goes to the
 * team. Capacity planning reads it (the team's capacity, and how team bookings spread over the
 * members). Saved with the team (`members` on PATCH /teams, If-Match); a 412 opens the conflict
 * dialog.
 */
export function TeamMembersCard({ team }: { team: Team }) {
  const saved = team.members ?? [];
  const people = useEverything('people');
  const update = useUpdateRecord('teams');
  const [rows, setRows] = useState<MemberDraft[]>(() => toDraft(saved));
  // The members the draft started from: a change saved elsewhere replaces an untouched draft.
  const [base, setBase] = useState(saved);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Team | undefined>();
  const [savedNote, setSavedNote] = useState(false);
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  const options = (people.data ?? []).map((p) => ({
    value: p.id,
    label: p.title ? `${p.name} · ${p.title}` : p.name,
  }));
  const serverErrors: Record<string, string> = {};
  if (update.error && isApiError(update.error) && update.error.code !== 'precondition_failed') {
    for (const e of update.error.errors) serverErrors[normaliseField(e.field)] = e.message;
    if (update.error.errors.length === 0) serverErrors.form = update.error.message;
  }
  const errors = { ...serverErrors, ...checked };
  const change = (i: number, patch: Partial<MemberDraft>) => {
    setSavedNote(false);
    setRows((r) => r.map((row, k) => (k === i ? { ...row, ...patch } : row)));
  };
  const send = (version: number) => {
    update.mutate(
      { id: team.id, version, patch: { members: toMembers(rows) } },
      {
        onSuccess: () => setSavedNote(true),
        onError: (error) => {
          if (isApiError(error) && error.code === 'precondition_failed') setConflict(error.current as Team);
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkMembers(rows);
    setChecked(problems);
    if (Object.keys(problems).length === 0) send(team.version);
  };
  const dirty = hasChanges(rows, saved);
  useEffect(() => {
    if (conflict || !hasChanges(toDraft(saved), base)) return;
    setBase(saved);
    setRows((current) => (hasChanges(current, base) ? current : toDraft(saved)));
  }, [saved, base, conflict]);
  return (
    <Card title="Members">
      <p className="muted">
        Each member gives the team a share of their capacity (after their FTE, calendar, holidays and leave).
        The capacity heat map and team bookings use it.
      </p>
      <form className="stack" aria-label="Team members" onSubmit={submit} noValidate>
        {errors.form && (
          <p role="alert" className="t-field__error">
            {errors.form}
          </p>
        )}
        {rows.length === 0 ? (
          <EmptyState title="No members yet">Add the people who work in this team.</EmptyState>
        ) : (
          <table className="t-table">
            <caption className="visually-hidden">Members and their allocation to the team</caption>
            <TableHead columns={['Person', 'Allocation (%)', 'Actions']} />
            <tbody>
              {rows.map((row, i) => {
                const who = names.get(row.personId) ?? `member ${i + 1}`;
                return (
                  // Rows are positions in the list the API receives; index keys match its field names.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={i}>
                    <td>
                      <Select
                        label={`Person ${i + 1}`}
                        hideLabel
                        placeholder="Choose a person"
                        options={options}
                        value={row.personId}
                        onChange={(e) => change(i, { personId: e.target.value })}
                        error={errors[`members.${i}.personId`]}
                      />
                    </td>
                    <td>
                      <Input
                        label={`Allocation of ${who} (%)`}
                        hideLabel
                        type="number"
                        min={1}
                        max={100}
                        step="any"
                        inputMode="decimal"
                        value={row.percent}
                        onChange={(e) => change(i, { percent: e.target.value })}
                        error={errors[`members.${i}.allocation`]}
                      />
                    </td>
                    <td>
                      <Button
                        variant="ghost"
                        aria-label={`Remove ${who}`}
                        onClick={() => {
                          setSavedNote(false);
                          setChecked({});
                          setRows((r) => r.filter((_, k) => k !== i));
                        }}
                      >
                        Remove
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="row">
          <Button
            onClick={() => {
              setSavedNote(false);
              setRows((r) => [...r, { personId: '', percent: '100' }]);
            }}
          >
            Add member
          </Button>
          <Button type="submit" variant="primary" disabled={!dirty || update.isPending}>
            {update.isPending ? 'Saving…' : 'Save members'}
          </Button>
          {dirty && (
            <Button
              variant="ghost"
              onClick={() => {
                setChecked({});
                setRows(toDraft(saved));
              }}
            >
              Discard changes
            </Button>
          )}
          {savedNote && !dirty && <span role="status">Members saved; capacity now counts them.</span>}
        </div>
      </form>
      <ConflictDialog
        open={conflict !== undefined}
        mine={{ members: toMembers(rows) }}
        theirs={conflict}
        labels={{ members: 'Members' }}
        onKeepMine={() => {
          const version = conflict?.version;
          setConflict(undefined);
          if (version !== undefined) send(version);
        }}
        onTakeTheirs={() => {
          setRows(toDraft(conflict?.members ?? []));
          setBase(conflict?.members ?? []);
          setConflict(undefined);
        }}
      />
    </Card>
  );
}
