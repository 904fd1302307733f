import { useState } from 'react';
import { useParams } from 'react-router';
import { type FlowScope, type HowManyForecast, useForecast, type WhenForecast } from '../../api/delivery';
import { ChartFrame } from '../../charts/chart-frame';
import { SeriesChart, SimpleBarChart } from '../../charts/lazy-charts';
import { Card, ErrorState, Input, Select, Skeleton } from '../../design';
import { usePageTitle } from '../record-name';
import { BacktestCard } from './backtest-card';
import { PERCENTILES } from './flow-format';
import { ScopePicker } from './scope-picker';
import { TeamHeader } from './team-header';
import './delivery.css';

const HISTORY = [30, 60, 90, 180, 365].map((d) => ({ value: String(d), label: `Last ${d} days` }));

function addDaysIso(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Both forecast questions for one scope, each with its backtest beside it. */
function Forecasts({ scope, name }: { scope: FlowScope; name: string }) {
  const [items, setItems] = useState('');
  const [end, setEnd] = useState(() => addDaysIso(30));
  const [historyDays, setHistoryDays] = useState('90');
  const n = Number(items);
  const when = useForecast<WhenForecast>('when', scope, {
    items: items !== '' && Number.isInteger(n) && n > 0 ? n : undefined,
    historyDays,
  });
  const howMany = useForecast<HowManyForecast>('how-many', scope, { end, historyDays });
  const stem = name.toLowerCase().replaceAll(/\W+/g, '-');
  return (
    <div className="stack">
      <div className="row">
        <Select
          label="Throughput history"
          options={HISTORY}
          value={historyDays}
          onChange={(e) => setHistoryDays(e.target.value)}
        />
        <Input
          label="How many items (empty: the open items)"
          type="number"
          min={1}
          value={items}
          onChange={(e) => setItems(e.target.value)}
        />
        <Input label="By date" type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
      </div>
      <section aria-label="When will the items be done?" className="stack">
        <h2>When will {when.data ? when.data.items : 'the'} items be done?</h2>
        {when.isPending ? (
          <Skeleton lines={6} label="Running the when forecast" />
        ) : when.isError ? (
          <ErrorState error={when.error} onRetry={() => void when.refetch()} />
        ) : (
          <WhenResult data={when.data} stem={stem} />
        )}
      </section>
      <section aria-label="How many items by the date?" className="stack">
        <h2>How many items by {end}?</h2>
        {howMany.isPending ? (
          <Skeleton lines={6} label="Running the how-many forecast" />
        ) : howMany.isError ? (
          <ErrorState error={howMany.error} onRetry={() => void howMany.refetch()} />
        ) : (
          <HowManyResult data={howMany.data} stem={stem} />
        )}
      </section>
    </div>
  );
}

function PercentileRow({ label, values }: { label: string; values: Record<string, string | number | null> }) {
  return (
    <table className="t-table">
      <caption className="visually-hidden">{label}</caption>
      <thead>
        <tr>
          <th scope="col">Confidence</th>
          <th scope="col">{label}</th>
        </tr>
      </thead>
      <tbody>
        {PERCENTILES.map((p) => (
          <tr key={p}>
            <th scope="row">{p}% sure</th>
            <td className="num">
              <strong>{values[p] ?? 'not within 10 years'}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WhenResult({ data, stem }: { data: WhenForecast; stem: string }) {
  const f = data.forecast;
  return (
    <div className="grid-2">
      <Card title={`${data.items} items from ${data.asOf}`}>
        <PercentileRow label="Done by" values={f.percentiles} />
        <p className="definition">{data.definition}</p>
        <p className="muted">
          {f.trials.toLocaleString('en-GB')} trials (seed {f.seed}) over {data.history.days} days of
          throughput, mean {data.history.mean.toFixed(2)} a day, {data.history.zeroDays} idle days.
        </p>
      </Card>
      <ChartFrame
        title="Forecast cone"
        summary={`The chance of being done by each date: 85% of trials finished by ${f.percentiles['85'] ?? 'no date'}, 50% by ${f.percentiles['50'] ?? 'no date'}.`}
        fileName={`${stem}-forecast-when.csv`}
        data={{
          columns: ['Date', 'Trials finishing that day', 'Share done by then'],
          rows: f.histogram.map((h) => [h.date, h.trials, Math.round(h.cumulativeShare * 1000) / 10]),
        }}
      >
        <SeriesChart
          data={f.histogram.map((h) => ({ date: h.date, share: Math.round(h.cumulativeShare * 1000) / 10 }))}
          xKey="date"
          series={[{ key: 'share', name: 'Chance done by then (%)', kind: 'area' }]}
          references={[
            { y: 85, label: '85%' },
            { y: 50, label: '50%' },
          ]}
        />
      </ChartFrame>
      <ChartFrame
        title="Finish dates"
        summary={`Trials finished over ${f.histogram.length} different days.`}
        fileName={`${stem}-forecast-when-histogram.csv`}
        data={{ columns: ['Date', 'Trials'], rows: f.histogram.map((h) => [h.date, h.trials]) }}
      >
        <SimpleBarChart
          data={f.histogram.map((h) => ({ label: h.date.slice(5), value: h.trials }))}
          valueName="Trials"
        />
      </ChartFrame>
      <BacktestCard
        backtest={data.backtest}
        unit="days"
        stem={`${stem}-when`}
        historyItems={data.history.total}
      />
    </div>
  );
}

function HowManyResult({ data, stem }: { data: HowManyForecast; stem: string }) {
  const f = data.forecast;
  return (
    <div className="grid-2">
      <Card title={`Items done from ${data.asOf} to ${data.end} (${f.days} days)`}>
        <PercentileRow label="Items done, at least" values={f.percentiles} />
        <p className="definition">{data.definition}</p>
        <p className="muted">
          Mean {f.mean.toFixed(1)} items; {f.trials.toLocaleString('en-GB')} trials (seed {f.seed}).
        </p>
      </Card>
      <ChartFrame
        title="Items done: histogram and chance"
        summary={`85% of trials finished ${f.percentiles['85']} items or more; 50% finished ${f.percentiles['50']} or more.`}
        fileName={`${stem}-forecast-how-many.csv`}
        data={{
          columns: ['Items', 'Trials', 'Share reaching at least'],
          rows: f.histogram.map((h) => [h.count, h.trials, Math.round(h.atLeastShare * 1000) / 10]),
        }}
      >
        <SeriesChart
          data={f.histogram.map((h) => ({
            count: h.count,
            trials: h.trials,
            share: Math.round(h.atLeastShare * 1000) / 10,
          }))}
          xKey="count"
          series={[
            { key: 'trials', name: 'Trials', kind: 'bar' },
            { key: 'share', name: 'Chance of at least this many (%)', kind: 'line' },
          ]}
        />
      </ChartFrame>
      <BacktestCard
        backtest={data.backtest}
        unit="items"
        stem={`${stem}-how-many`}
        historyItems={data.history.total}
      />
    </div>
  );
}

export function TeamForecastPage() {
  const { teamId = '' } = useParams();
  return (
    <>
      <TeamHeader
        teamId={teamId}
        page="Forecast"
        intro="Monte Carlo over the team's daily throughput, seeded and reproducible"
      />
      <Forecasts scope={{ kind: 'team', id: teamId }} name={`team-${teamId.slice(0, 8)}`} />
    </>
  );
}

export function ScopeForecastPage() {
  usePageTitle('Forecasts');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Forecasts</h1>
          <p className="muted">
            When will the work be done, and how much by a date: Monte Carlo over daily throughput, with a
            backtest of how well such forecasts held.
          </p>
        </div>
      </div>
      <ScopePicker>{(scope, name) => <Forecasts key={scope.id} scope={scope} name={name} />}</ScopePicker>
    </>
  );
}
