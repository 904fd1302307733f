import { useMemo, useState } from 'react';
import { isApiError } from '../../api/client';
import { type PlaybookSettings, usePlaybookSettings, useSavePlaybookSettings } from '../../api/playbook';
import { Button, Card, Input, QueryView } from '../../design';
import { ConflictNotice } from './conflict-notice';
import { FieldProblems } from './decision-dialog';
import { findSettingsErrors, fromSettingsForm, type SettingsForm, toSettingsForm } from './settings-form';

/** The risk matrix and RACI thresholds the whole playbook rates with (admins and PMO leads change them). */
// Fields shown beside their inputs; any other problem of a refused save is listed below them.
const LEVELS = [0, 1, 2, 3, 4];
const INLINE = [
  ...LEVELS.flatMap((i) => [`riskMatrix.probabilities.${i}.label`, `riskMatrix.probabilities.${i}.value`]),
  ...LEVELS.map((i) => `riskMatrix.impacts.${i}.label`),
  'riskMatrix.thresholds',
  'riskMatrix.reviewIntervalDays',
  'raciShareThreshold',
  'raciMinActivities',
];

export function PlaybookSettingsCard() {
  const settings = usePlaybookSettings();
  // Kept above the editor, which starts afresh on each saved version, so "Saved" stays visible.
  const save = useSavePlaybookSettings();
  return (
    <Card title="Risk matrix and RACI thresholds">
      <QueryView query={settings} label="the playbook settings" lines={4}>
        {(settingsData) => <SettingsEditor key={settingsData.version} settings={settingsData} save={save} />}
      </QueryView>
    </Card>
  );
}

function SettingsEditor({
  settings,
  save,
}: {
  settings: PlaybookSettings;
  save: ReturnType<typeof useSavePlaybookSettings>;
}) {
  const [form, setForm] = useState<SettingsForm>(() => toSettingsForm(settings));
  const [attempted, setAttempted] = useState(false);
  const problems = useMemo(() => findSettingsErrors(form), [form]);
  const errorOf = (field: string) =>
    (attempted ? problems[field] : undefined) ??
    (isApiError(save.error) ? save.error.errors.find((e) => e.field === field)?.message : undefined);
  const set = (patch: Partial<SettingsForm>) => setForm({ ...form, ...patch });
  const submit = () => {
    setAttempted(true);
    if (Object.keys(problems).length === 0) save.mutate(fromSettingsForm(form, settings.version));
  };
  return (
    <>
      <p className="muted">
        Risks score probability level × impact level (1–25); the thresholds rate a score medium or high. A
        probability band's per cent gives the expected monetary value. RACI flags a person Accountable for
        more than the share once a portfolio has the minimum number of activities.
        {settings.version === 0 && ' These are Triad’s defaults; nothing has been saved yet.'}
      </p>
      <div className="grid-2">
        <fieldset className="checkbox-group">
          <legend className="t-field__label">Probability levels (1 lowest)</legend>
          {form.probabilities.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are fixed positions
            <div key={i} className="row">
              <Input
                label={`Level ${i + 1} label`}
                value={p.label}
                onChange={(e) =>
                  set({
                    probabilities: form.probabilities.map((x, j) =>
                      j === i ? { ...x, label: e.target.value } : x,
                    ),
                  })
                }
                error={errorOf(`riskMatrix.probabilities.${i}.label`)}
              />
              <Input
                label={`Level ${i + 1} probability (%)`}
                type="number"
                min={0}
                max={100}
                step="any"
                value={p.percent}
                onChange={(e) =>
                  set({
                    probabilities: form.probabilities.map((x, j) =>
                      j === i ? { ...x, percent: e.target.value } : x,
                    ),
                  })
                }
                error={errorOf(`riskMatrix.probabilities.${i}.value`)}
              />
            </div>
          ))}
        </fieldset>
        <fieldset className="checkbox-group">
          <legend className="t-field__label">Impact levels (1 lowest)</legend>
          {form.impacts.map((label, i) => (
            <Input
              // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are fixed positions
              key={i}
              label={`Impact ${i + 1} label`}
              value={label}
              onChange={(e) => set({ impacts: form.impacts.map((x, j) => (j === i ? e.target.value : x)) })}
              error={errorOf(`riskMatrix.impacts.${i}.label`)}
            />
          ))}
        </fieldset>
      </div>
      <div className="row">
        <Input
          label="Medium from score"
          type="number"
          min={1}
          max={25}
          value={form.medium}
          onChange={(e) => set({ medium: e.target.value })}
          error={errorOf('riskMatrix.thresholds')}
        />
        <Input
          label="High from score"
          type="number"
          min={1}
          max={25}
          value={form.high}
          onChange={(e) => set({ high: e.target.value })}
        />
        <Input
          label="Review interval (days)"
          type="number"
          min={1}
          max={366}
          value={form.reviewIntervalDays}
          onChange={(e) => set({ reviewIntervalDays: e.target.value })}
          error={errorOf('riskMatrix.reviewIntervalDays')}
        />
        <Input
          label="RACI: Accountable share above (%)"
          type="number"
          min={1}
          max={100}
          value={form.raciSharePercent}
          onChange={(e) => set({ raciSharePercent: e.target.value })}
          error={errorOf('raciShareThreshold')}
        />
        <Input
          label="RACI: judged from activities"
          type="number"
          min={1}
          value={form.raciMinActivities}
          onChange={(e) => set({ raciMinActivities: e.target.value })}
          error={errorOf('raciMinActivities')}
        />
      </div>
      {isApiError(save.error, 'precondition_failed') ? (
        <ConflictNotice />
      ) : (
        <FieldProblems error={save.error} shown={INLINE} />
      )}
      {save.isSuccess && (
        <p role="status" className="muted">
          Saved (version {save.data.version}).
        </p>
      )}
      <Button variant="primary" disabled={save.isPending} onClick={submit}>
        Save settings
      </Button>
    </>
  );
}
