import { useMemo, useState } from 'react';
import {
  type Backlog,
  type PrioritisationChange,
  type PrioritisationSaved,
  useBacklog,
  useSavePrioritisation,
} from '../../api/value';
import { Button, Card, QueryView } from '../../design';
import { ConflictDialog } from '../conflict-dialog';
import { usePageTitle } from '../record-name';
import { formatNumber, PageHeader, PortfolioPicker, ScrollTable, usePortfolioChoice } from './value-common';
import {
  anchorColumn,
  changedRows,
  columnMinimum,
  rankSession,
  SESSION_SCALE,
  type SessionRow,
  type SessionScores,
  WSJF_COLUMNS,
  type WsjfColumn,
} from './wsjf-session';
import './value.css';

const COLUMN_LABEL: Record<WsjfColumn, string> = {
  userBusinessValue: 'User-business value',
  timeCriticality: 'Time criticality',
  riskReductionOpportunityEnablement: 'Risk reduction / opportunity enablement',
  jobSize: 'Job size',
};

/** The session's rows: every open epic, scored ones with their current WSJF inputs. */
function rowsOf(backlog: Backlog): SessionRow[] {
  const scored = backlog.items.map((i) => {
    const b = i.breakdown as Record<WsjfColumn, number>;
    return {
      id: i.workItem.id,
      key: i.workItem.key,
      title: i.workItem.title,
      scores: {
        userBusinessValue: b.userBusinessValue,
        timeCriticality: b.timeCriticality,
        riskReductionOpportunityEnablement: b.riskReductionOpportunityEnablement,
        jobSize: b.jobSize,
      },
    };
  });
  const unscored = backlog.unscored.map((u) => ({
    id: u.workItem.id,
    key: u.workItem.key,
    title: u.workItem.title,
    scores: {
      userBusinessValue: null,
      timeCriticality: null,
      riskReductionOpportunityEnablement: null,
      jobSize: null,
    },
  }));
  return [...scored, ...unscored].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
}

/** The version of each item's prioritisation inputs, sent as If-Match when the session saves. */
function versionsOf(backlog: Backlog): Map<string, number> {
  return new Map(
    [...backlog.items, ...backlog.unscored].map((i) => [i.workItem.id, i.inputsVersion] as const),
  );
}

type Conflict = PrioritisationSaved['conflicts'][number];

/** Their WSJF inputs in the session's shape (all empty when they cleared them). */
function scoresOf(conflict: Conflict): SessionScores & { version: number } {
  const w = conflict.current.wsjf;
  return {
    userBusinessValue: w?.userBusinessValue ?? null,
    timeCriticality: w?.timeCriticality ?? null,
    riskReductionOpportunityEnablement: w?.riskReductionOpportunityEnablement ?? null,
    jobSize: w?.jobSize ?? null,
    version: conflict.current.version,
  };
}

/**
 * WSJF relative estimation (SAFe): items as rows, the three cost-of-delay terms and job size as
 * columns on the modified Fibonacci scale, the smallest item of each column anchored at 1. The
 * ranking updates as the team scores; Save writes the changed rows' WSJF inputs.
 */
export function WsjfSessionPage() {
  usePageTitle('WSJF session');
  const choice = usePortfolioChoice();
  const [picked, setPicked] = useState<string>();
  const portfolioId = picked ?? choice.portfolioId;
  const backlog = useBacklog(portfolioId, 'wsjf');
  return (
    <div className="stack">
      <PageHeader
        title="WSJF session"
        intro="Score one column at a time: find the smallest item, give it 1, and score the others relative to it (1, 2, 3, 5, 8, 13, 20). WSJF = cost of delay ÷ job size."
        actions={<PortfolioPicker value={portfolioId} options={choice.options} onChange={setPicked} />}
      />
      <QueryView
        query={backlog}
        label="the epics to score"
        isEmpty={(b) => b.items.length + b.unscored.length === 0}
        empty="No open epics in this portfolio"
      >
        {(b) => (
          <Session key={`${portfolioId}-${b.items.length}`} start={rowsOf(b)} startVersions={versionsOf(b)} />
        )}
      </QueryView>
    </div>
  );
}

function Session({ start, startVersions }: { start: SessionRow[]; startVersions: Map<string, number> }) {
  const [initial, setInitial] = useState(start);
  const [rows, setRows] = useState(start);
  const [versions, setVersions] = useState(startVersions);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const save = useSavePrioritisation();
  const ranked = useMemo(() => rankSession(rows), [rows]);
  const rankOf = new Map(ranked.map((r) => [r.id, r]));
  const pending = changedRows(initial, rows);
  const [message, setMessage] = useState('');

  const setScore = (id: string, column: WsjfColumn, value: string) => {
    setMessage('');
    setRows((current) =>
      current.map((r) =>
        r.id === id ? { ...r, scores: { ...r.scores, [column]: value === '' ? null : Number(value) } } : r,
      ),
    );
  };

  // Saved rows become the new starting point with their new versions; stale ones wait for a choice.
  const write = (changes: PrioritisationChange[]) =>
    save.mutate(changes, {
      onSuccess: ({ saved, conflicts: stale }) => {
        const savedIds = new Set(saved.map((p) => p.workItemId));
        setVersions((v) => new Map([...v, ...saved.map((p) => [p.workItemId, p.version] as const)]));
        setInitial((before) =>
          before.map((r) => (savedIds.has(r.id) ? (rows.find((n) => n.id === r.id) ?? r) : r)),
        );
        setConflicts((queue) => [...queue, ...stale]);
        setMessage(
          [
            saved.length > 0 ? `Saved the WSJF scores of ${saved.length} epics.` : '',
            stale.length > 0
              ? `${stale.length} changed by someone else meanwhile: choose which scores to keep.`
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        );
      },
    });

  const submit = () =>
    write(
      pending.map((r) => ({ workItemId: r.id, version: versions.get(r.id) ?? 0, body: { wsjf: r.scores } })),
    );

  const conflict = conflicts[0];
  const conflictRow = conflict && rows.find((r) => r.id === conflict.change.workItemId);
  const keepMine = () => {
    if (!conflict) return;
    setConflicts((list) => list.slice(1));
    write([{ ...conflict.change, version: conflict.current.version }]);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const { version, ...theirs } = scoresOf(conflict);
    const id = conflict.change.workItemId;
    const adopt = (list: SessionRow[]) => list.map((r) => (r.id === id ? { ...r, scores: theirs } : r));
    setRows(adopt);
    setInitial(adopt);
    setVersions((v) => new Map([...v, [id, version]]));
    setConflicts((list) => list.slice(1));
    setMessage('');
  };

  return (
    <>
      <Card
        title="Scores"
        actions={
          <Button variant="primary" onClick={submit} disabled={pending.length === 0 || save.isPending}>
            Save {pending.length > 0 ? `${pending.length} changed` : 'scores'}
          </Button>
        }
      >
        <p role="status" className="muted">
          {message ||
            (pending.length > 0
              ? `${pending.length} epics changed and not saved yet.`
              : 'No unsaved changes.')}
        </p>
        {save.isError && (
          <p role="alert" className="t-field__error">
            {save.error.message}
          </p>
        )}
        <ScrollTable label="WSJF scores table">
          <table className="t-table value-session">
            <caption className="visually-hidden">WSJF scores, one row per epic</caption>
            <thead>
              <tr>
                <th scope="col">Epic</th>
                {WSJF_COLUMNS.map((c) => {
                  const min = columnMinimum(rows, c);
                  return (
                    <th key={c} scope="col">
                      {COLUMN_LABEL[c]}
                      <div className="muted">
                        {min === null ? 'not scored' : min === 1 ? 'anchored at 1' : `smallest is ${min}`}
                      </div>
                      {min !== null && min !== 1 && (
                        <Button size="sm" onClick={() => setRows((r) => anchorColumn(r, c))}>
                          Anchor at 1
                        </Button>
                      )}
                    </th>
                  );
                })}
                <th scope="col" className="num">
                  Cost of delay
                </th>
                <th scope="col" className="num">
                  WSJF
                </th>
                <th scope="col" className="num">
                  Rank
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const r = rankOf.get(row.id);
                return (
                  <tr key={row.id}>
                    <th scope="row">
                      {row.key} <span className="muted">{row.title}</span>
                    </th>
                    {WSJF_COLUMNS.map((c) => {
                      const value = row.scores[c];
                      // Keep a stored value the session scale lacks (40, 100) selectable.
                      const scale =
                        value !== null && !SESSION_SCALE.includes(value as 1)
                          ? [...SESSION_SCALE, value]
                          : SESSION_SCALE;
                      return (
                        <td key={c}>
                          <select
                            className="t-select"
                            aria-label={`${COLUMN_LABEL[c]} of ${row.key}`}
                            value={value ?? ''}
                            onChange={(e) => setScore(row.id, c, e.target.value)}
                          >
                            <option value="">–</option>
                            {scale.map((v) => (
                              <option key={v} value={v}>
                                {v}
                              </option>
                            ))}
                          </select>
                        </td>
                      );
                    })}
                    <td className="num">{formatNumber(r?.costOfDelay)}</td>
                    <td className="num">
                      <strong>{formatNumber(r?.wsjf)}</strong>
                    </td>
                    <td className="num">{r?.rank ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      </Card>
      <Card title="Live ranking">
        <ol aria-label="Live WSJF ranking">
          {ranked
            .filter((r) => r.rank !== null)
            .map((r) => (
              <li key={r.id}>
                {r.key} {r.title} <span className="muted">— WSJF {formatNumber(r.wsjf)}</span>
              </li>
            ))}
        </ol>
      </Card>
      <ConflictDialog
        open={conflict !== undefined}
        mine={conflictRow ? { ...conflictRow.scores } : {}}
        theirs={conflict ? scoresOf(conflict) : undefined}
        labels={COLUMN_LABEL}
        onKeepMine={keepMine}
        onTakeTheirs={takeTheirs}
      />
    </>
  );
}
