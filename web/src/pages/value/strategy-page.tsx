import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { type StrategyTree, type TreeGoal, useStrategyTree } from '../../api/value';
import { ChartFrame } from '../../charts/chart-frame';
import { SimpleBarChart } from '../../charts/lazy-charts';
import { Badge, Button, Card, EmptyState, humanise, QueryView } from '../../design';
import { formatMoney } from '../../lib/format';
import { usePortfolioScope } from '../../shell/portfolio-scope';
import { usePageTitle } from '../record-name';
import { AlignmentsCard } from './goal-alignments';
import { EditGoalDialog, GoalFormDialog, KeyResultFormDialog } from './goal-forms';
import { formatNumber, formatPercent, PageHeader, ProgressBar } from './value-common';
import './value.css';

/** Strategy tree: organisation → portfolio → team goals with key results and aligned spend and capacity. */
export function StrategyPage() {
  usePageTitle('Strategy and OKRs');
  const tree = useStrategyTree();
  useGoalInHash(tree.data !== undefined);
  const [adding, setAdding] = useState<'goal' | 'key-result'>();
  const [editing, setEditing] = useState<string>();
  const goals = tree.data?.goals ?? [];
  return (
    <>
      <PageHeader
        title="Strategy and OKRs"
        intro="Goals from organisation to team, their key results, and how much of the spend and team capacity works towards each."
        actions={
          <>
            <Button onClick={() => setAdding('goal')}>New goal</Button>
            <Button onClick={() => setAdding('key-result')} disabled={goals.length === 0}>
              New key result
            </Button>
          </>
        }
      />
      {adding === 'goal' && <GoalFormDialog goals={goals} onClose={() => setAdding(undefined)} />}
      {adding === 'key-result' && <KeyResultFormDialog goals={goals} onClose={() => setAdding(undefined)} />}
      {editing && <EditGoalDialog goalId={editing} goals={goals} onClose={() => setEditing(undefined)} />}
      <QueryView
        query={tree}
        label="the strategy tree"
        isEmpty={(t) => t.goals.length === 0}
        empty="No goals yet"
      >
        {(t) => <StrategyView tree={t} onEdit={setEditing} />}
      </QueryView>
    </>
  );
}

function StrategyView({ tree, onEdit }: { tree: StrategyTree; onEdit: (goalId: string) => void }) {
  const { portfolioId } = usePortfolioScope();
  // The switcher narrows to one portfolio's goals, plus the organisation goals above them.
  const goals = tree.goals.filter(
    (g) => !portfolioId || g.portfolioId === portfolioId || g.level === 'organisation',
  );
  const byId = new Map(goals.map((g) => [g.id, g]));
  const roots = goals.filter((g) => !g.parentId || !byId.has(g.parentId));
  const { totals } = tree;
  const chart = goals.map((g) => ({ label: g.name, value: Math.round(g.spend.share * 1000) / 10 }));
  return (
    <div className="stack">
      <Card title="Alignment at a glance">
        <div className="value-stats">
          <div>
            <span className="muted">Spend aligned to goals</span>
            <strong>{formatPercent(totals.spend ? totals.alignedSpend / totals.spend : null)}</strong>
            <span className="muted">
              {formatMoney(totals.alignedSpend)} of {formatMoney(totals.spend)}
            </span>
          </div>
          <div>
            <span className="muted">Team capacity aligned</span>
            <strong>
              {formatPercent(totals.capacity ? totals.alignedCapacity / totals.capacity : null)}
            </strong>
            <span className="muted">
              {formatNumber(totals.alignedCapacity)} of {formatNumber(totals.capacity)} items since{' '}
              {tree.capacityWindow.from}
            </span>
          </div>
          <div>
            <span className="muted">Unaligned work</span>
            <strong>
              {tree.unaligned.projects.length} projects, {tree.unaligned.epics.length} epics
            </strong>
          </div>
        </div>
      </Card>
      <Card title="Strategy tree">
        <ul className="value-tree" aria-label="Goals">
          {roots.map((g) => (
            <GoalNode key={g.id} goal={g} byId={byId} onEdit={onEdit} />
          ))}
        </ul>
      </Card>
      <ChartFrame
        title="Share of spend aligned per goal"
        summary={`Largest: ${[...chart].sort((a, b) => b.value - a.value)[0]?.label ?? 'none'}. Shares include each goal's sub-goals.`}
        fileName="spend-share-by-goal.csv"
        data={{
          columns: ['Goal', 'Share of spend (%)', 'Aligned spend', 'Share of capacity (%)'],
          rows: goals.map((g) => [
            g.name,
            Math.round(g.spend.share * 1000) / 10,
            g.spend.total,
            Math.round(g.capacity.share * 1000) / 10,
          ]),
        }}
      >
        <SimpleBarChart data={chart} valueName="Share of spend (%)" />
      </ChartFrame>
      <AlignmentsCard goals={goals} />
      <UnalignedWork unaligned={tree.unaligned} />
    </div>
  );
}

function GoalNode({
  goal,
  byId,
  onEdit,
}: {
  goal: TreeGoal;
  byId: Map<string, TreeGoal>;
  onEdit: (goalId: string) => void;
}) {
  const children = goal.childIds.map((id) => byId.get(id)).filter((g): g is TreeGoal => Boolean(g));
  return (
    <li id={`goal-${goal.id}`}>
      <div className="value-goal">
        <Badge>{humanise(goal.level)}</Badge>
        <strong>{goal.name}</strong>
        <ProgressBar value={goal.progress} label={`Progress of ${goal.name}`} />
        <span className="muted">
          Spend {formatPercent(goal.spend.share)} ({formatMoney(goal.spend.total)}) · capacity{' '}
          {formatPercent(goal.capacity.share)} · {goal.alignedProjects} projects, {goal.alignedWorkItems} work
          items
        </span>
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Edit goal ${goal.name}`}
          onClick={() => onEdit(goal.id)}
        >
          Edit
        </Button>
      </div>
      {goal.keyResults.length > 0 && (
        <ul aria-label={`Key results of ${goal.name}`}>
          {goal.keyResults.map((kr) => (
            <li key={kr.id} className="value-kr">
              <Link to={`/value/strategy/key-results/${kr.id}`}>{kr.name}</Link>
              <ProgressBar value={kr.progress} label={`Progress of ${kr.name}`} />
              <span className="muted">
                {formatNumber(kr.current)} → {formatNumber(kr.target)} {kr.unit} (from{' '}
                {formatNumber(kr.baseline)}
                {kr.direction === 'decrease' ? ', lower is better' : ''}) · confidence{' '}
                {formatPercent(kr.confidence)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {children.length > 0 && (
        <ul>
          {children.map((c) => (
            <GoalNode key={c.id} goal={c} byId={byId} onEdit={onEdit} />
          ))}
        </ul>
      )}
    </li>
  );
}

function UnalignedWork({ unaligned }: { unaligned: StrategyTree['unaligned'] }) {
  return (
    <Card title="Unaligned work">
      {unaligned.projects.length === 0 && unaligned.epics.length === 0 ? (
        <EmptyState title="Every project and open epic is aligned to a goal" />
      ) : (
        <div className="grid-2">
          <div>
            <h3>Projects with no goal</h3>
            <ul>
              {unaligned.projects.map((p) => (
                <li key={p.id}>
                  <Badge tone="amber">Unaligned</Badge>{' '}
                  <Link to={`/portfolio/projects/${p.id}`}>{p.key}</Link> {p.name}{' '}
                  <span className="muted">· {formatMoney(p.budget)}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>Open epics with no goal</h3>
            <ul>
              {unaligned.epics.map((e) => (
                <li key={e.id}>
                  <Badge tone="amber">Unaligned</Badge>{' '}
                  <Link to={`/delivery/work-items/${e.id}`}>{e.key}</Link> {e.title}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </Card>
  );
}

/**
 * A link such as /value/strategy#goal-<id> (the command palette's goal results) scrolls that goal
 * into view once the tree has loaded, and marks it until the next link.
 */
function useGoalInHash(loaded: boolean): void {
  const { hash } = useLocation();
  const id = /^#goal-(.+)$/.exec(hash)?.[1];
  useEffect(() => {
    if (!loaded || !id) return;
    const element = document.getElementById(`goal-${id}`);
    element?.scrollIntoView({ block: 'center' });
    element?.classList.add('value-goal--target');
    return () => element?.classList.remove('value-goal--target');
  }, [loaded, id]);
}
