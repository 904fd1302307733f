import { useState } from 'react';
import { useParams } from 'react-router';
import { type Analysis, type BusinessCase, useAnalysis, useValueRecord } from '../../api/value';
import { ChartFrame } from '../../charts/chart-frame';
import { ValueTornadoChart } from '../../charts/lazy-charts';
import { Button, Card, humanise, QueryView } from '../../design';
import { formatMoney } from '../../lib/format';
import { usePageTitle } from '../record-name';
import { FiguresExplained } from './business-case-figures';
import { BusinessCaseFormDialog } from './business-case-form';
import { formatPercent, formatPeriods, PageHeader, ScrollTable } from './value-common';
import './value.css';

/** One business case: cash flows per period, the figures explained, scenarios and the tornado. */
export function BusinessCasePage() {
  const { caseId = '' } = useParams();
  const record = useValueRecord('business-cases', caseId);
  const analysis = useAnalysis(caseId);
  const [editing, setEditing] = useState(false);
  usePageTitle(record.data?.name ?? 'Business case');
  return (
    <QueryView query={record} label="the business case">
      {(bc) => (
        <div className="stack">
          <PageHeader
            title={bc.name}
            intro={`Discount rate ${formatPercent(bc.rate)} per ${bc.periodUnit}${bc.startDate ? `, period 0 starting ${bc.startDate}` : ''}.`}
            actions={<Button onClick={() => setEditing(true)}>Edit business case</Button>}
          />
          {editing && <BusinessCaseFormDialog record={bc} onClose={() => setEditing(false)} />}
          <CashFlows bc={bc} />
          <Card title="Expected figures">
            <FiguresExplained figures={bc.figures} periodUnit={bc.periodUnit} />
          </Card>
          <QueryView query={analysis} label="scenarios and sensitivity">
            {(a) => <ScenariosAndTornado analysis={a} />}
          </QueryView>
        </div>
      )}
    </QueryView>
  );
}

function CashFlows({ bc }: { bc: BusinessCase }) {
  const periods = Math.max(...bc.lines.map((l) => l.amounts.length));
  const range = Array.from({ length: periods }, (_, i) => i);
  let cumulative = 0;
  const cumulativeRow = bc.figures.netFlows.map((n) => (cumulative += n));
  return (
    <Card title="Cash flows per period">
      <ScrollTable label="Cash flow table">
        <table className="t-table">
          <caption className="visually-hidden">
            Cash flows of {bc.name} per {bc.periodUnit}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Kind</th>
              {range.map((p) => (
                <th key={p} scope="col" className="num">
                  {humanise(bc.periodUnit)} {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bc.lines.map((l) => (
              <tr key={l.name}>
                <th scope="row">{l.name}</th>
                <td>{humanise(l.kind)}</td>
                {range.map((p) => (
                  <td key={p} className="num">
                    {formatMoney(l.amounts[p] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Net flow</th>
              <td />
              {range.map((p) => (
                <td key={p} className="num">
                  <strong>{formatMoney(bc.figures.netFlows[p] ?? 0)}</strong>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Cumulative</th>
              <td />
              {range.map((p) => (
                <td key={p} className="num">
                  {formatMoney(cumulativeRow[p] ?? 0)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollTable>
    </Card>
  );
}

const SCENARIOS = ['pessimistic', 'expected', 'optimistic'] as const;

function ScenariosAndTornado({ analysis }: { analysis: Analysis }) {
  const { scenarios, tornado } = analysis;
  const bars = [...tornado.bars].sort((a, b) => b.swing - a.swing);
  const unit = analysis.periodUnit;
  return (
    <>
      <Card title="Scenarios">
        <ScrollTable label="Scenario table">
          <table className="t-table">
            <caption className="visually-hidden">Pessimistic, expected and optimistic scenarios</caption>
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col" className="num">
                  NPV
                </th>
                <th scope="col" className="num">
                  IRR
                </th>
                <th scope="col" className="num">
                  Payback
                </th>
                <th scope="col" className="num">
                  ROI
                </th>
                <th scope="col" className="num">
                  Weight
                </th>
              </tr>
            </thead>
            <tbody>
              {SCENARIOS.map((s) => (
                <tr key={s}>
                  <th scope="row">{humanise(s)}</th>
                  <td className="num">{formatMoney(scenarios[s].npv)}</td>
                  <td className="num">{formatPercent(scenarios[s].irr)}</td>
                  <td className="num">{formatPeriods(scenarios[s].payback, unit)}</td>
                  <td className="num">{formatPercent(scenarios[s].roi)}</td>
                  <td className="num">{formatPercent(scenarios.weights[s])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <p>
          Weighted NPV (PERT: (pessimistic + 4 × expected + optimistic) ÷ 6):{' '}
          <strong>{formatMoney(scenarios.weightedNpv)}</strong>
        </p>
      </Card>
      <ChartFrame
        title="Sensitivity of NPV (tornado)"
        summary={`Base NPV ${formatMoney(tornado.baseOutput)}. The widest swing comes from ${bars[0]?.driver ?? 'no driver'} (${formatMoney(bars[0]?.swing)}).`}
        fileName={`${analysis.name} tornado.csv`}
        data={{
          columns: ['Driver', 'Low input', 'High input', 'NPV at low', 'NPV at high', 'Swing'],
          rows: bars.map((b) => [b.driver, b.lowInput, b.highInput, b.lowOutput, b.highOutput, b.swing]),
        }}
      >
        <ValueTornadoChart
          base={tornado.baseOutput}
          formatValue={formatMoney}
          rows={bars.map((b) => ({
            driver: b.driver,
            low: b.lowOutput - tornado.baseOutput,
            high: b.highOutput - tornado.baseOutput,
          }))}
        />
      </ChartFrame>
    </>
  );
}
