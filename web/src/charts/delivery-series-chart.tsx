import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { useChartTheme } from './chart-theme';

// The delivery charts (burn-down and burn-up, WIP over time, cumulative flow, forecast cone,
// velocity, the cycle-time scatterplot) share these two components and the app's chart theme.

export interface SeriesSpec {
  key: string;
  name: string;
  kind: 'line' | 'bar' | 'area';
  /** Series with the same stack id are stacked (the CFD bands). */
  stack?: string;
  dashed?: boolean;
}

export interface ReferenceSpec {
  y: number;
  label: string;
}

export type SeriesRow = Record<string, string | number | null>;

function colour(series: string[], index: number): string {
  return series[index % series.length] ?? '#888';
}

/** Lines, bars and (stacked) areas over a shared x axis, with optional horizontal reference lines. */
export function DeliverySeriesChart({
  data,
  xKey,
  series,
  references = [],
  yUnit,
}: {
  data: SeriesRow[];
  xKey: string;
  series: SeriesSpec[];
  references?: ReferenceSpec[];
  yUnit?: string;
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} vertical={false} />
        <XAxis dataKey={xKey} tick={tick} stroke={theme.grid} minTickGap={24} />
        <YAxis
          tick={tick}
          stroke={theme.grid}
          width={48}
          label={
            yUnit
              ? { value: yUnit, angle: -90, position: 'insideLeft', fill: theme.axis, fontSize: 12 }
              : undefined
          }
        />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          labelStyle={{ color: theme.text }}
        />
        <Legend wrapperStyle={{ color: theme.text, fontSize: 12 }} />
        {series.map((s, i) => {
          const stroke = colour(theme.series, i);
          if (s.kind === 'bar')
            return <Bar key={s.key} dataKey={s.key} name={s.name} fill={stroke} isAnimationActive={false} />;
          if (s.kind === 'area')
            return (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stackId={s.stack}
                stroke={stroke}
                fill={stroke}
                fillOpacity={0.35}
                isAnimationActive={false}
              />
            );
          return (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={stroke}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          );
        })}
        {references.map((r) => (
          <ReferenceLine
            key={r.label}
            y={r.y}
            stroke={theme.axis}
            strokeDasharray="4 4"
            label={{ value: r.label, position: 'insideTopRight', fill: theme.text, fontSize: 11 }}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export interface ScatterPoint {
  /** Day number on the x axis (days since 1970-01-01) so dates space out truly. */
  x: number;
  y: number;
  label: string;
}

const dayLabel = (day: number) => new Date(day * 86_400_000).toISOString().slice(5, 10);

/** The cycle-time scatterplot: one dot per finished item, percentile lines across. */
export function DeliveryScatterChart({
  points,
  references,
  yUnit,
}: {
  points: ScatterPoint[];
  references: ReferenceSpec[];
  yUnit: string;
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} />
        <XAxis
          type="number"
          dataKey="x"
          name="Done"
          domain={['dataMin', 'dataMax']}
          tickFormatter={dayLabel}
          tick={tick}
          stroke={theme.grid}
        />
        <YAxis type="number" dataKey="y" name={yUnit} tick={tick} stroke={theme.grid} width={48} />
        <ZAxis range={[24, 24]} />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          formatter={(value, name) => [String(value), name === 'Done' ? 'Done' : yUnit]}
          labelFormatter={() => ''}
        />
        <Scatter data={points} fill={theme.series[0]} fillOpacity={0.7} isAnimationActive={false} />
        {references.map((r, i) => (
          <ReferenceLine
            key={r.label}
            y={r.y}
            stroke={colour(theme.series, i + 1)}
            strokeDasharray="5 3"
            label={{ value: r.label, position: 'insideTopLeft', fill: theme.text, fontSize: 11 }}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
