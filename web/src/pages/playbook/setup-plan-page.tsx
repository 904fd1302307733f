import { useState } from 'react';
import { isApiError } from '../../api/client';
import { type SetupPlan, type SetupStep, useSetupPlan, useUpdateSetupStep } from '../../api/playbook';
import { useEverything } from '../../api/resources';
import { ChartFrame } from '../../charts/chart-frame';
import { SimpleBarChart } from '../../charts/lazy-charts';
import {
  Badge,
  Button,
  Card,
  Dialog,
  ErrorState,
  Input,
  QueryView,
  recordOptions,
  Select,
  Textarea,
} from '../../design';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../record-name';
import { ConflictNotice } from './conflict-notice';
import { FieldProblems, fieldErrorOf } from './decision-dialog';
import { PlaybookSettingsCard } from './playbook-settings-card';

/**
 * Setting up the office itself: the four steps (define clear goals, establish roles and
 * responsibilities, create essential documentation, choose the right tools) as tasks to tick off,
 * each with an owner, a due date and notes, and the progress per step; below, the risk matrix and
 * RACI thresholds the office rates with.
 */
export function SetupPlanPage() {
  usePageTitle('PMO setup');
  const plan = useSetupPlan();
  const update = useUpdateSetupStep();
  const [planning, setPlanning] = useState<string | null>(null);
  // The dialog edits the step as it is now (a tick in the meantime raises its version).
  const planned = plan.data?.items.find((i) => i.key === planning);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>PMO setup</h1>
          <p className="muted">
            The plan for standing up the office: define clear goals, establish roles and responsibilities,
            create essential documentation, choose the right tools.
          </p>
        </div>
      </div>
      <QueryView
        query={plan}
        label="the PMO setup plan"
        lines={8}
        empty="No setup steps"
        isEmpty={(planData) => planData.items.length === 0}
      >
        {(planData) => (
          <>
            <Progress plan={planData} />
            {isApiError(update.error, 'precondition_failed') ? (
              <ConflictNotice />
            ) : (
              update.isError && <ErrorState error={update.error} />
            )}
            {planData.progress.steps.map((s) => (
              <Card
                key={s.step}
                title={s.step}
                actions={
                  <Badge
                    tone={s.done === s.total ? 'green' : 'neutral'}
                  >{`${s.done} of ${s.total} done`}</Badge>
                }
              >
                <ul className="setup-steps">
                  {planData.items
                    .filter((i) => i.step === s.step)
                    .map((item) => (
                      <StepRow
                        key={item.key}
                        item={item}
                        busy={update.isPending}
                        onToggle={(done) => update.mutate({ key: item.key, version: item.version, done })}
                        onPlan={() => setPlanning(item.key)}
                      />
                    ))}
                </ul>
              </Card>
            ))}
            {planned && <PlanDialog item={planned} onClose={() => setPlanning(null)} />}
          </>
        )}
      </QueryView>
      <PlaybookSettingsCard />
    </>
  );
}

function Progress({ plan }: { plan: SetupPlan }) {
  const { progress } = plan;
  const chart = progress.steps.map((s) => ({
    label: s.step.replace(/^\d+\.\s*/, ''),
    value: s.total === 0 ? 0 : Math.round((s.done / s.total) * 100),
  }));
  return (
    <ChartFrame
      title="Progress per step"
      summary={`${progress.done} of ${progress.total} tasks done (${Math.round(progress.share * 100)} %).`}
      fileName="pmo-setup-progress.csv"
      data={{
        columns: ['Step', 'Done', 'Tasks', 'Done (%)'],
        rows: progress.steps.map((s, i) => [s.step, s.done, s.total, chart[i]?.value ?? 0]),
      }}
    >
      <SimpleBarChart data={chart} valueName="Done" formatValue={(v) => `${v} %`} />
    </ChartFrame>
  );
}

function StepRow({
  item,
  busy,
  onToggle,
  onPlan,
}: {
  item: SetupStep;
  busy: boolean;
  onToggle: (done: boolean) => void;
  onPlan: () => void;
}) {
  const people = useEverything('people');
  const owner = people.data?.find((p) => p.id === item.ownerId)?.name;
  return (
    <li className="setup-step">
      <label className="t-check">
        <input
          type="checkbox"
          checked={item.done}
          disabled={busy}
          onChange={(e) => onToggle(e.target.checked)}
        />{' '}
        <strong>{item.title}</strong>
      </label>
      {item.description && <p className="muted">{item.description}</p>}
      <p className="muted">
        {item.done ? `Done ${formatDate(item.doneOn)} by ${item.doneBy ?? 'someone'}` : 'Open'}
        {owner && ` · owner ${owner}`}
        {item.dueDate && ` · due ${formatDate(item.dueDate)}`}
      </p>
      {item.notes && <p>{item.notes}</p>}
      <Button size="sm" onClick={onPlan} aria-label={`Plan “${item.title}”`}>
        Plan
      </Button>
    </li>
  );
}

function PlanDialog({ item, onClose }: { item: SetupStep; onClose: () => void }) {
  const update = useUpdateSetupStep();
  const people = useEverything('people');
  const [ownerId, setOwnerId] = useState(item.ownerId ?? '');
  const [dueDate, setDueDate] = useState(item.dueDate ?? '');
  const [notes, setNotes] = useState(item.notes ?? '');
  const save = () =>
    update.mutate(
      {
        key: item.key,
        version: item.version,
        ownerId: ownerId || null,
        dueDate: dueDate || null,
        notes: notes.trim() || null,
      },
      { onSuccess: onClose },
    );
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Plan: ${item.title}`}
      description="Who owns this task of the PMO setup, by when, and notes."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={update.isPending} onClick={save}>
            Save
          </Button>
        </>
      }
    >
      <Select
        label="Owner"
        placeholder="Nobody yet"
        value={ownerId}
        onChange={(e) => setOwnerId(e.target.value)}
        options={recordOptions(people.data)}
        error={fieldErrorOf(update.error, 'ownerId')}
      />
      <Input
        label="Due date"
        type="date"
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
        error={fieldErrorOf(update.error, 'dueDate')}
      />
      <Textarea
        label="Notes"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={fieldErrorOf(update.error, 'notes')}
      />
      {isApiError(update.error, 'precondition_failed') ? (
        <ConflictNotice />
      ) : (
        <FieldProblems error={update.error} shown={['ownerId', 'dueDate', 'notes']} />
      )}
    </Dialog>
  );
}
