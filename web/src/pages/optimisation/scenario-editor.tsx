import { useState } from 'react';
import {
  type Scenario,
  type ScenarioCandidate,
  useUpdateScenario,
  type ValueSource,
} from '../../api/optimisation';
import { Badge, Button, Card, ErrorState, Input, Select } from '../../design';
import { formatAmount, VALUE_SOURCE_OPTIONS } from './optimisation-format';
import { periodLabels } from './period-labels';

/**
 * Edits a scenario's candidates and constraints: which value counts, the budget level, teams whose
 * capacity is taken away, and per initiative include / mandatory / must start in / excludes.
 * Nothing is sent until "Save changes" (with the version it was read at: 412 if someone else saved).
 */
export function ScenarioEditor({ scenario }: { scenario: Scenario }) {
  const [valueSource, setValueSource] = useState<ValueSource>(scenario.valueSource);
  const [budgetPercent, setBudgetPercent] = useState(
    String(Math.round(scenario.constraints.budgetFactor * 100)),
  );
  const [removedTeams, setRemovedTeams] = useState(scenario.constraints.removedTeams);
  const [candidates, setCandidates] = useState(scenario.candidates);
  const update = useUpdateScenario();
  const labels = periodLabels(scenario.horizonStart, scenario.periods);
  const teams = Object.entries(scenario.constraints.teams);
  const change = (id: string, patch: Partial<ScenarioCandidate>) =>
    setCandidates((cs) => cs.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  const percent = Number(budgetPercent);
  const percentError =
    Number.isFinite(percent) && percent >= 0 && percent <= 1000 ? undefined : 'Give 0 to 1000 %';
  const save = () =>
    update.mutate({
      id: scenario.id,
      version: scenario.version,
      patch: {
        valueSource,
        candidates,
        constraints: { ...scenario.constraints, budgetFactor: percent / 100, removedTeams },
      },
    });
  return (
    <Card
      title="Candidates and constraints"
      actions={
        <Button variant="primary" onClick={save} disabled={update.isPending || percentError !== undefined}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </Button>
      }
    >
      <div className="stack">
        {update.isError && <ErrorState error={update.error} />}
        {update.isSuccess && <p role="status">Saved. Run the optimiser to see the effect.</p>}
        <div className="row opt-form">
          <Select
            label="Value to maximise"
            options={VALUE_SOURCE_OPTIONS}
            value={valueSource}
            onChange={(e) => setValueSource(e.target.value as ValueSource)}
          />
          <Input
            label="Budget level (%)"
            type="number"
            min={0}
            max={1000}
            value={budgetPercent}
            error={percentError}
            hint={scenario.constraints.budget ? '80 = budget −20 %' : 'No budget limit in this portfolio'}
            onChange={(e) => setBudgetPercent(e.target.value)}
          />
        </div>
        {teams.length > 0 && (
          <fieldset className="opt-teams">
            <legend>Remove a team’s capacity</legend>
            {teams.map(([id, team]) => (
              <label key={id} className="row">
                <input
                  type="checkbox"
                  checked={removedTeams.includes(id)}
                  onChange={(e) =>
                    setRemovedTeams((ts) => (e.target.checked ? [...ts, id] : ts.filter((t) => t !== id)))
                  }
                />
                {team.name}
              </label>
            ))}
          </fieldset>
        )}
        <div className="t-table-wrap">
          <table className="t-table">
            <caption className="visually-hidden">Candidate initiatives of the scenario</caption>
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col">Value ({valueSource.toUpperCase()})</th>
                <th scope="col">Cost</th>
                <th scope="col">Quarters</th>
                <th scope="col">Include</th>
                <th scope="col">Mandatory</th>
                <th scope="col">Must start in</th>
                <th scope="col">Excludes</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.key} {c.name} {c.inFlight && <Badge>Running</Badge>}
                  </th>
                  <td>{formatAmount(c.valueOverride ?? c.values[valueSource])}</td>
                  <td>{formatAmount(c.cost.reduce((a, b) => a + b, 0))}</td>
                  <td>{c.duration}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Include ${c.key}`}
                      checked={c.included}
                      onChange={(e) => change(c.id, { included: e.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${c.key} is mandatory`}
                      checked={c.mandatory}
                      onChange={(e) => change(c.id, { mandatory: e.target.checked })}
                    />
                  </td>
                  <td>
                    <Select
                      label={`${c.key} must start in`}
                      hideLabel
                      placeholder="When it fits"
                      options={labels
                        .slice(0, scenario.periods - c.duration + 1)
                        .map((l, p) => ({ value: String(p), label: l }))}
                      value={c.forcedStart === null ? '' : String(c.forcedStart)}
                      onChange={(e) =>
                        change(c.id, { forcedStart: e.target.value === '' ? null : Number(e.target.value) })
                      }
                    />
                  </td>
                  <td>
                    <Select
                      label={`${c.key} excludes`}
                      hideLabel
                      placeholder="None"
                      options={candidates
                        .filter((o) => o.id !== c.id)
                        .map((o) => ({ value: o.id, label: o.key }))}
                      value={c.excludes[0] ?? ''}
                      onChange={(e) => change(c.id, { excludes: e.target.value ? [e.target.value] : [] })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}
