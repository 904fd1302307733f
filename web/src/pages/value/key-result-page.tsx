import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type CheckIn, type KeyResult, useCheckIns, useValueList, useValueRecord } from '../../api/value';
import { ChartFrame } from '../../charts/chart-frame';
import { ValueLineChart } from '../../charts/lazy-charts';
import { Button, Card, Dialog, EmptyState, QueryView } from '../../design';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../record-name';
import { CheckInForm } from './check-in-form';
import { KeyResultFormDialog } from './goal-forms';
import { formatNumber, formatPercent, PageHeader, ProgressBar } from './value-common';
import './value.css';

/** One key result: its definition, check-in history as a chart and a table, add and edit check-ins. */
export function KeyResultPage() {
  const { keyResultId = '' } = useParams();
  const kr = useValueRecord('key-results', keyResultId);
  usePageTitle(kr.data?.name ?? 'Key result');
  return (
    <QueryView query={kr} label="the key result">
      {(k) => <KeyResultView kr={k} />}
    </QueryView>
  );
}

function KeyResultView({ kr }: { kr: KeyResult }) {
  const checkIns = useCheckIns(kr.id);
  const [editing, setEditing] = useState<CheckIn | null>(null);
  const [editingKr, setEditingKr] = useState(false);
  const goals = useValueList('goals');
  const navigate = useNavigate();
  return (
    <div className="stack">
      <PageHeader
        title={kr.name}
        intro={
          <>
            Key result of <Link to="/value/strategy">its objective</Link>: {kr.metric} from{' '}
            {formatNumber(kr.baseline)} to {formatNumber(kr.target)} {kr.unit} (
            {kr.direction === 'decrease' ? 'lower is better' : 'higher is better'}
            {kr.dueDate ? `, by ${formatDate(kr.dueDate)}` : ''}).
          </>
        }
        actions={<Button onClick={() => setEditingKr(true)}>Edit key result</Button>}
      />
      {editingKr && (
        <KeyResultFormDialog
          goals={goals.data ?? []}
          record={kr}
          onClose={() => setEditingKr(false)}
          onDeleted={() => void navigate('/value/strategy')}
        />
      )}
      <Card title="Where it stands">
        <dl className="value-figures">
          <div>
            <dt>Progress (baseline → target)</dt>
            <dd>
              <ProgressBar value={kr.progress} label="Progress" />
            </dd>
          </div>
          <div>
            <dt>Current</dt>
            <dd className="value-figure">
              {formatNumber(kr.current)} {kr.unit}
            </dd>
          </div>
          <div>
            <dt>Confidence</dt>
            <dd className="value-figure">{formatPercent(kr.confidence)}</dd>
          </div>
          <div>
            <dt>Last check-in</dt>
            <dd className="value-figure">{formatDate(kr.lastCheckInOn)}</dd>
          </div>
        </dl>
      </Card>
      <QueryView query={checkIns} label="check-ins">
        {(items) => (
          <>
            <ChartFrame
              title="Check-in history"
              summary={
                items.length === 0
                  ? 'No check-ins yet.'
                  : `${items.length} check-ins from ${items[0]?.date} to ${items.at(-1)?.date}; latest ${formatNumber(items.at(-1)?.value)} ${kr.unit} against a target of ${formatNumber(kr.target)}.`
              }
              fileName="check-ins.csv"
              data={{
                columns: ['Date', 'Value', 'Target', 'Confidence (%)', 'Note'],
                rows: items.map((c) => [
                  c.date,
                  c.value,
                  kr.target,
                  Math.round(c.confidence * 100),
                  c.note ?? '',
                ]),
              }}
            >
              <ValueLineChart
                rows={items.map((c) => ({
                  date: c.date,
                  value: c.value,
                  target: kr.target,
                  baseline: kr.baseline,
                }))}
                series={[
                  { key: 'value', name: `Value (${kr.unit})` },
                  { key: 'target', name: 'Target', step: true, dashed: true },
                  { key: 'baseline', name: 'Baseline', step: true, dashed: true },
                ]}
              />
            </ChartFrame>
            <Card title="Check-ins">
              {items.length === 0 ? (
                <EmptyState title="No check-ins yet" />
              ) : (
                <div className="t-table-wrap">
                  <table className="t-table">
                    <caption className="visually-hidden">Check-ins of {kr.name}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Date</th>
                        <th scope="col" className="num">
                          Value
                        </th>
                        <th scope="col" className="num">
                          Confidence
                        </th>
                        <th scope="col">Note</th>
                        <th scope="col">Recorded</th>
                        <th scope="col">
                          <span className="visually-hidden">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...items].reverse().map((c) => (
                        <tr key={c.id}>
                          <td>{formatDate(c.date)}</td>
                          <td className="num">{formatNumber(c.value)}</td>
                          <td className="num">{formatPercent(c.confidence)}</td>
                          <td>{c.note ?? ''}</td>
                          <td className="muted">
                            {c.recordedBy} · {formatDateTime(c.updatedAt ?? c.recordedAt)}
                            {c.version > 1 ? ' (edited)' : ''}
                          </td>
                          <td>
                            <Button
                              size="sm"
                              onClick={() => setEditing(c)}
                              aria-label={`Edit check-in of ${c.date}`}
                            >
                              Edit
                            </Button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
          </>
        )}
      </QueryView>
      <Card title="Add a check-in">
        <CheckInForm keyResultId={kr.id} unit={kr.unit} />
      </Card>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title="Edit check-in">
        {editing && (
          <CheckInForm
            key={editing.id}
            keyResultId={kr.id}
            unit={kr.unit}
            editing={editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </div>
  );
}
