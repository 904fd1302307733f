import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { type Risk, usePlaybookList, usePortfolioRaid } from '../../api/playbook';
import { type HeatMapCell, RiskHeatMap } from '../../charts/risk-heat-map';
import { Badge, type BadgeTone, Button, Card, EmptyState, humanise, QueryView, Select } from '../../design';
import { formatMoney } from '../../lib/format';
import type { ExportColumn } from '../../lib/list-export';
import { ListExport } from '../list-export';
import { usePeopleNames } from '../record-name';
import { ProjectPlaybookHeader, useProjectPortfolio } from './project-playbook-header';
import { RaidRegisters } from './raid-registers';
import { RiskFormDialog } from './risk-form-dialog';
import { TableWrap } from './table-wrap';

export const RATING_TONE: Record<string, BadgeTone> = { low: 'green', medium: 'amber', high: 'red' };
const TREND_LABEL: Record<string, string> = {
  new: 'New',
  rising: '↑ Rising',
  stable: '→ Stable',
  falling: '↓ Falling',
};

/** A project's RAID log: the risk matrix, filters, and risks with owner, response, residual, trend, EMV and flags. */
export function RaidPage() {
  const { projectId = '' } = useParams();
  const risks = usePlaybookList<Risk>('risks', { projectId, status: 'open', sort: '-score' });
  const rollup = usePortfolioRaid(useProjectPortfolio(projectId));
  const people = usePeopleNames();
  const [cell, setCell] = useState<HeatMapCell | null>(null);
  const [rating, setRating] = useState('');
  const [flag, setFlag] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Risk | null>(null);
  const flagsOf = useMemo(
    () => new Map((rollup.data?.flagged ?? []).map((f) => [f.riskId, f.flags])),
    [rollup.data],
  );
  const cells = useMemo(() => {
    const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    for (const r of risks.data ?? []) {
      const row = grid[r.probability - 1];
      if (row) row[r.impact - 1] = (row[r.impact - 1] ?? 0) + 1;
    }
    return grid;
  }, [risks.data]);
  const shown = (risks.data ?? []).filter(
    (r) =>
      (!cell || (r.probability === cell.probability && r.impact === cell.impact)) &&
      (!rating || r.rating === rating) &&
      (!flag || (flagsOf.get(r.id) ?? []).includes(flag)),
  );
  const matrix = rollup.data?.matrix as { thresholds?: { medium: number; high: number } } | undefined;
  return (
    <>
      <ProjectPlaybookHeader projectId={projectId} page="RAID log" />
      <QueryView query={risks} label="risks" lines={6}>
        {(risksData) => (
          <>
            <RiskHeatMap
              title="Risk matrix"
              cells={cells}
              {...(matrix?.thresholds ? { thresholds: matrix.thresholds } : {})}
              selected={cell}
              onSelect={setCell}
              fileName="project-risk-matrix.csv"
            />
            <Card
              title={`Risks (${shown.length} of ${risksData.length} open)`}
              actions={
                <div className="row">
                  <ListExport<Risk>
                    title="Risks"
                    fileStem="risks"
                    columns={riskExportColumns(people, flagsOf)}
                    rows={shown}
                    disabled={shown.length === 0}
                  />
                  <Button variant="primary" onClick={() => setAdding(true)}>
                    Add risk
                  </Button>
                </div>
              }
            >
              <div className="row">
                <Select
                  label="Rating"
                  placeholder="Any"
                  value={rating}
                  onChange={(e) => setRating(e.target.value)}
                  options={['high', 'medium', 'low'].map((v) => ({ value: v, label: humanise(v) }))}
                />
                <Select
                  label="Flag"
                  placeholder="Any"
                  value={flag}
                  onChange={(e) => setFlag(e.target.value)}
                  options={[
                    { value: 'review_overdue', label: 'Review overdue' },
                    { value: 'escalating', label: 'Escalating' },
                  ]}
                />
                {cell && (
                  <Button size="sm" onClick={() => setCell(null)}>
                    Clear cell filter (P{cell.probability} × I{cell.impact})
                  </Button>
                )}
              </div>
              {shown.length === 0 ? (
                <EmptyState title="No risks match" />
              ) : (
                <RiskTable risks={shown} people={people} flagsOf={flagsOf} onEdit={setEditing} />
              )}
            </Card>
            <RaidRegisters projectId={projectId} />
            {adding && <RiskFormDialog projectId={projectId} onClose={() => setAdding(false)} />}
            {editing && (
              <RiskFormDialog
                key={editing.id}
                projectId={projectId}
                risk={editing}
                onClose={() => setEditing(null)}
              />
            )}
          </>
        )}
      </QueryView>
    </>
  );
}

/** The risk table's columns as plain values, for its CSV / XLSX export. */
function riskExportColumns(
  people: Map<string, string>,
  flagsOf: Map<string, string[]>,
): ExportColumn<Risk>[] {
  return [
    { header: 'Risk', value: (r) => r.title },
    { header: 'Owner', value: (r) => (r.ownerId ? (people.get(r.ownerId) ?? r.ownerId) : null) },
    { header: 'Probability', value: (r) => r.probability },
    { header: 'Impact', value: (r) => r.impact },
    { header: 'Score', value: (r) => r.score },
    { header: 'Rating', value: (r) => humanise(r.rating) },
    { header: 'Response', value: (r) => (r.responseStrategy ? humanise(r.responseStrategy) : null) },
    { header: 'Residual', value: (r) => r.residualScore },
    { header: 'Trend', value: (r) => TREND_LABEL[r.trend] ?? r.trend },
    { header: 'EMV', value: (r) => r.expectedMonetaryValue },
    { header: 'Flags', value: (r) => (flagsOf.get(r.id) ?? []).map(humanise).join('; ') },
  ];
}

export function RiskTable({
  risks,
  people,
  flagsOf,
  onEdit,
}: {
  risks: Risk[];
  people: Map<string, string>;
  flagsOf: Map<string, string[]>;
  /** Opens the risk for a change or a review. */
  onEdit?: (risk: Risk) => void;
}) {
  return (
    <TableWrap label="Risks">
      <table className="t-table">
        <caption className="visually-hidden">Risks</caption>
        <thead>
          <tr>
            <th scope="col">Risk</th>
            <th scope="col">Owner</th>
            <th scope="col" className="num">
              P × I
            </th>
            <th scope="col">Rating</th>
            <th scope="col">Response</th>
            <th scope="col" className="num">
              Residual
            </th>
            <th scope="col">Trend</th>
            <th scope="col" className="num">
              EMV
            </th>
            <th scope="col">Flags</th>
            {onEdit && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {risks.map((r) => (
            <tr key={r.id}>
              <td>{r.title}</td>
              <td>{r.ownerId ? (people.get(r.ownerId) ?? '…') : '—'}</td>
              <td className="num">
                {r.probability} × {r.impact} = {r.score}
              </td>
              <td>
                <Badge tone={RATING_TONE[r.rating]}>{humanise(r.rating)}</Badge>
              </td>
              <td>{r.responseStrategy ? humanise(r.responseStrategy) : '—'}</td>
              <td className="num">{r.residualScore ?? '—'}</td>
              <td>{TREND_LABEL[r.trend] ?? r.trend}</td>
              <td className="num">{formatMoney(r.expectedMonetaryValue)}</td>
              <td>
                {(flagsOf.get(r.id) ?? []).map((f) => (
                  <Badge key={f} tone={f === 'escalating' ? 'red' : 'amber'}>
                    {humanise(f)}
                  </Badge>
                ))}
              </td>
              {onEdit && (
                <td>
                  <Button size="sm" onClick={() => onEdit(r)} aria-label={`Edit or review ${r.title}`}>
                    Edit
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
