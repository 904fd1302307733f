import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartTheme } from './chart-theme';

export interface LineSeries {
  key: string;
  name: string;
  /** Targets and thresholds change in steps, not along a slope. */
  step?: boolean;
  dashed?: boolean;
}

/**
 * Several series over dates in the shared theme: KPI history with its targets and thresholds,
 * check-ins, planned versus realised benefits. Rows are `{date, [series key]: number | null}`.
 */
export function ValueLineChart({
  rows,
  series,
  formatValue,
}: {
  rows: Record<string, string | number | null>[];
  series: LineSeries[];
  formatValue?: (value: number) => string;
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} vertical={false} />
        <XAxis dataKey="date" tick={tick} stroke={theme.grid} minTickGap={24} />
        <YAxis
          tick={tick}
          stroke={theme.grid}
          domain={['auto', 'auto']}
          tickFormatter={formatValue ? (v: number) => formatValue(v) : undefined}
          width={formatValue ? 80 : 48}
        />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          labelStyle={{ color: theme.text }}
          formatter={(value, name) => [
            formatValue && typeof value === 'number' ? formatValue(value) : String(value),
            name,
          ]}
        />
        <Legend wrapperStyle={{ color: theme.text, fontSize: 12 }} />
        {series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            type={s.step ? 'stepAfter' : 'monotone'}
            stroke={theme.series[i % theme.series.length]}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '6 4' : undefined}
            dot={!s.step}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
