import { useParams } from 'react-router';
import { useRuns, useScenario } from '../../api/optimisation';
import { Badge, ErrorState, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { AdoptPanel } from './adopt-panel';
import { valueName } from './optimisation-format';
import { periodLabels } from './period-labels';
import { RunPanel } from './run-panel';
import { RunResultView } from './run-result-view';
import { ScenarioEditor } from './scenario-editor';
import './optimisation.css';

/** One scenario: edit it, run the optimiser with progress and cancel, read the result, adopt it. */
export function ScenarioPage() {
  const { scenarioId = '' } = useParams();
  const scenario = useScenario(scenarioId);
  const runs = useRuns(scenarioId);
  usePageTitle(scenario.data?.name ?? 'Scenario');
  if (scenario.isPending) return <Skeleton lines={10} label="Loading the scenario" />;
  if (scenario.isError) return <ErrorState error={scenario.error} onRetry={() => void scenario.refetch()} />;
  const s = scenario.data;
  const latest = runs.data?.items[0];
  const finished = runs.data?.items.find((r) => r.status === 'done');
  const labels = periodLabels(s.horizonStart, s.periods);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {s.name} {s.adoptedAt && <Badge tone="green">Adopted plan</Badge>}
          </h1>
          <p className="muted">
            Maximises {valueName(s.valueSource)} over {labels[0]} – {labels.at(-1)} for{' '}
            {s.candidates.filter((c) => c.included).length} candidate initiatives.
          </p>
        </div>
      </div>
      <div className="stack">
        <ScenarioEditor key={s.id} scenario={s} />
        <RunPanel scenarioId={s.id} latest={latest} />
        {runs.isError && <ErrorState error={runs.error} />}
        {finished?.result && <RunResultView result={finished.result} />}
        <AdoptPanel scenario={s} run={finished} />
      </div>
    </>
  );
}
