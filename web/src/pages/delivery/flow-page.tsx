import { useParams } from 'react-router';
import type { FlowScope } from '../../api/delivery';
import { usePageTitle } from '../record-name';
import {
  CumulativeFlowChart,
  CycleTimeScatter,
  OverviewTiles,
  ThroughputChart,
  VelocityChart,
  WipAgingCard,
  WipOverTime,
} from './flow-sections';
import { ScopePicker } from './scope-picker';
import { TeamHeader, useIsKanban } from './team-header';
import './delivery.css';

/** Every flow chart of one scope over the last 90 days; each names its metric's definition. */
function FlowDashboard({
  scope,
  name,
  showVelocity,
}: {
  scope: FlowScope;
  name: string;
  showVelocity: boolean;
}) {
  const stem = name.toLowerCase().replaceAll(/\W+/g, '-');
  return (
    <div className="stack">
      <OverviewTiles scope={scope} />
      <div className="grid-2">
        <ThroughputChart scope={scope} fileStem={stem} />
        <CycleTimeScatter scope={scope} fileStem={stem} />
        <WipOverTime scope={scope} fileStem={stem} />
        <CumulativeFlowChart scope={scope} fileStem={stem} />
      </div>
      <WipAgingCard scope={scope} fileStem={stem} />
      {showVelocity && scope.kind === 'team' && <VelocityChart teamId={scope.id} fileStem={stem} />}
    </div>
  );
}

export function TeamFlowPage() {
  const { teamId = '' } = useParams();
  const kanban = useIsKanban(teamId);
  return (
    <>
      <TeamHeader
        teamId={teamId}
        page="Flow analytics"
        intro="The last 90 days; percentiles are nearest rank"
      />
      <FlowDashboard
        scope={{ kind: 'team', id: teamId }}
        name={`team-${teamId.slice(0, 8)}`}
        showVelocity={!kanban}
      />
    </>
  );
}

export function ScopeFlowPage() {
  usePageTitle('Flow analytics');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Flow analytics</h1>
          <p className="muted">
            Throughput, cycle and lead time, WIP and its age for a team, an epic, a project or a portfolio
            over the last 90 days.
          </p>
        </div>
      </div>
      <ScopePicker>
        {(scope, name) => <FlowDashboard key={scope.id} scope={scope} name={name} showVelocity={false} />}
      </ScopePicker>
    </>
  );
}
