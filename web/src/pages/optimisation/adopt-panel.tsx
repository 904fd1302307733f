import { useState } from 'react';
import { type Run, type Scenario, useAdoptScenario } from '../../api/optimisation';
import { Badge, Button, Card, ErrorState, Textarea } from '../../design';

/** Adopts the scenario's newest finished run as the portfolio's plan, with the reason recorded. */
export function AdoptPanel({ scenario, run }: { scenario: Scenario; run: Run | undefined }) {
  const [rationale, setRationale] = useState('');
  const adopt = useAdoptScenario(scenario.id);
  return (
    <Card title="Decision">
      {scenario.adoptedAt ? (
        <div className="stack">
          <p>
            <Badge tone="green">Adopted plan</Badge> since{' '}
            {new Date(scenario.adoptedAt).toLocaleString('en-GB')}
          </p>
          <p>Rationale: {scenario.adoptionRationale}</p>
        </div>
      ) : !run ? (
        <p className="muted">Run the optimiser to completion before adopting this scenario as the plan.</p>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            adopt.mutate({ rationale: rationale.trim(), runId: run.id, version: scenario.version });
          }}
        >
          <Textarea
            label="Why this plan (decision record)"
            value={rationale}
            required
            onChange={(e) => setRationale(e.target.value)}
          />
          {adopt.isError && <ErrorState error={adopt.error} />}
          <div className="row">
            <Button variant="primary" type="submit" disabled={rationale.trim().length < 3 || adopt.isPending}>
              Adopt as the plan
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
