import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import {
  downloadStatusReport,
  type StatusReport,
  usePlaybookList,
  usePlaybookWrite,
  useProjectHealth,
  useStatusDraft,
} from '../../api/playbook';
import { Button, Card, EmptyState, ErrorState, HealthBadge, QueryView, Select, Textarea } from '../../design';
import { formatDate, formatDateTime } from '../../lib/format';
import { ConflictNotice } from './conflict-notice';
import { fieldErrorOf } from './decision-dialog';
import { ProjectPlaybookHeader } from './project-playbook-header';
import { TableWrap } from './table-wrap';

const DIMENSIONS = ['schedule', 'cost', 'scope', 'risk', 'overall'] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Rag = 'green' | 'amber' | 'red';
const RAGS = [
  { value: 'green', label: 'Green' },
  { value: 'amber', label: 'Amber' },
  { value: 'red', label: 'Red' },
];
const ragOf = (r: StatusReport, d: Dimension) => r[`${d}Rag`] as Rag | null;

/** Status reports: a draft pre-filled from data, edited and published; the history; exports. */
export function StatusPage() {
  const { projectId = '' } = useParams();
  const reports = usePlaybookList<StatusReport>('status-reports', { projectId, sort: '-periodEnd' });
  const draft = useStatusDraft(projectId);
  const current = reports.data?.find((r) => r.state === 'draft');
  return (
    <>
      <ProjectPlaybookHeader projectId={projectId} page="Status reports" />
      <QueryView query={reports} label="status reports" lines={6}>
        {(reportsData) => (
          <>
            <HealthNow projectId={projectId} />
            {current ? (
              <DraftEditor key={`${current.id}-${current.version}`} report={current} />
            ) : (
              <Card title="Next report">
                <p>
                  Triad pre-fills the draft from milestone slippage, open high risks, budget burn and
                  throughput.
                </p>
                <Button variant="primary" disabled={draft.isPending} onClick={() => draft.mutate()}>
                  Create pre-filled draft
                </Button>
                {draft.isError && <ErrorState error={draft.error} />}
              </Card>
            )}
            <Card title="History">
              {reportsData.length === 0 ? (
                <EmptyState title="No reports yet" />
              ) : (
                <TableWrap label="Status report history">
                  <table className="t-table">
                    <caption className="visually-hidden">Status report history</caption>
                    <thead>
                      <tr>
                        <th scope="col">Period end</th>
                        {DIMENSIONS.map((d) => (
                          <th scope="col" key={d}>
                            {d.charAt(0).toUpperCase() + d.slice(1)}
                          </th>
                        ))}
                        <th scope="col" className="num">
                          Health
                        </th>
                        <th scope="col">State</th>
                        <th scope="col">Export</th>
                      </tr>
                    </thead>
                    <tbody>
                      {reportsData.map((r) => (
                        <tr key={r.id}>
                          <td>{formatDate(r.periodEnd)}</td>
                          {DIMENSIONS.map((d) => (
                            <td key={d}>
                              <HealthBadge health={ragOf(r, d)} />
                            </td>
                          ))}
                          <td className="num" title={r.health.formula}>
                            {r.health.score === null ? '—' : Math.round(r.health.score)}
                          </td>
                          <td>
                            {r.state === 'published' ? `Published ${formatDateTime(r.publishedAt)}` : 'Draft'}
                          </td>
                          <td>
                            <div className="row">
                              <Button
                                size="sm"
                                onClick={() =>
                                  void downloadStatusReport(r.id, 'markdown', `status-${r.periodEnd}`)
                                }
                                aria-label={`Markdown of ${r.periodEnd}`}
                              >
                                Markdown
                              </Button>
                              <Button
                                size="sm"
                                onClick={() =>
                                  void downloadStatusReport(r.id, 'pdf', `status-${r.periodEnd}`)
                                }
                                aria-label={`PDF of ${r.periodEnd}`}
                              >
                                PDF
                              </Button>
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
            </Card>
          </>
        )}
      </QueryView>
    </>
  );
}

function DraftEditor({ report }: { report: StatusReport }) {
  const { update } = usePlaybookWrite<StatusReport>('status-reports');
  const [rags, setRags] = useState<Record<Dimension, string>>(
    Object.fromEntries(DIMENSIONS.map((d) => [d, ragOf(report, d) ?? ''])) as Record<Dimension, string>,
  );
  const [summary, setSummary] = useState(report.summary ?? '');
  const [comments, setComments] = useState<Record<string, string>>(
    Object.fromEntries(
      DIMENSIONS.map((d) => [d, (report.comments as Record<string, string | undefined>)[d] ?? '']),
    ),
  );
  // The pre-fill keeps what each dimension was rated from under signals.draft (server/features/playbook/status-routes.ts).
  const prefill = (report.signals as { draft?: Record<string, { reasons?: string[] }> } | null)?.draft ?? {};
  const save = (publish: boolean) =>
    update.mutate({
      id: report.id,
      version: report.version,
      patch: {
        ...Object.fromEntries(DIMENSIONS.map((d) => [`${d}Rag`, rags[d] || null])),
        summary,
        comments: Object.fromEntries(
          Object.entries(comments)
            .map(([d, c]) => [d, c.trim()])
            .filter(([, c]) => c !== ''),
        ),
        ...(publish ? { state: 'published' } : {}),
      },
    });
  return (
    <Card
      title={`Draft for the period ending ${formatDate(report.periodEnd)}`}
      actions={
        <>
          <Button disabled={update.isPending} onClick={() => save(false)}>
            Save draft
          </Button>
          <Button variant="primary" disabled={update.isPending} onClick={() => save(true)}>
            Publish
          </Button>
        </>
      }
    >
      <div className="row">
        {DIMENSIONS.map((d) => (
          <Select
            key={d}
            label={`${d.charAt(0).toUpperCase() + d.slice(1)} RAG`}
            placeholder="Not rated"
            value={rags[d]}
            onChange={(e) => setRags({ ...rags, [d]: e.target.value })}
            options={RAGS}
            hint={
              prefill[d]?.reasons?.length ? `Pre-filled from: ${prefill[d]?.reasons?.join('; ')}` : undefined
            }
          />
        ))}
      </div>
      <div className="grid-2">
        {DIMENSIONS.map((d) => (
          <Textarea
            key={d}
            label={`${d.charAt(0).toUpperCase() + d.slice(1)} comment`}
            rows={2}
            value={comments[d] ?? ''}
            onChange={(e) => setComments({ ...comments, [d]: e.target.value })}
            error={fieldErrorOf(update.error, `comments.${d}`)}
          />
        ))}
      </div>
      <Textarea label="Summary" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <p className="muted">Health formula: {report.health.formula}</p>
      {isApiError(update.error, 'precondition_failed') ? (
        <ConflictNotice />
      ) : (
        update.isError && <ErrorState error={update.error} />
      )}
    </Card>
  );
}

/** The health score from today's data, with the formula beside it and why each dimension is rated so. */
function HealthNow({ projectId }: { projectId: string }) {
  const health = useProjectHealth(projectId);
  return (
    <Card title="Health now">
      <QueryView query={health} label="project health">
        {(healthData) => (
          <>
            <p>
              <strong>
                {healthData.score === null ? 'Not scored' : `${Math.round(healthData.score)} / 100`}
              </strong>{' '}
              <HealthBadge health={healthData.rating as Rag | null} /> as of {formatDate(healthData.asOf)}
            </p>
            <p className="muted">Formula: {healthData.formula}</p>
            <dl className="facts">
              {DIMENSIONS.map((d) => (
                <div key={d} style={{ display: 'contents' }}>
                  <dt>{d.charAt(0).toUpperCase() + d.slice(1)}</dt>
                  <dd>
                    <HealthBadge health={healthData.dimensions[d].rag as Rag | null} />{' '}
                    <span className="muted">{healthData.dimensions[d].reasons.join('; ')}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </QueryView>
    </Card>
  );
}
