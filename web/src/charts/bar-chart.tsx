import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type RagTone, useChartTheme } from './chart-theme';

export interface BarDatum {
  label: string;
  value: number;
  /** Colour the bar as a RAG status; the axis label still names it, so colour is never the only cue. */
  tone?: RagTone;
}

/** A single-series bar chart in the shared theme. */
export function SimpleBarChart({
  data,
  valueName,
  formatValue,
}: {
  data: BarDatum[];
  valueName: string;
  formatValue?: (value: number) => string;
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} vertical={false} />
        <XAxis dataKey="label" tick={tick} stroke={theme.grid} />
        <YAxis
          tick={tick}
          stroke={theme.grid}
          allowDecimals={false}
          tickFormatter={formatValue ? (v: number) => formatValue(v) : undefined}
          width={formatValue ? 80 : 40}
        />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          labelStyle={{ color: theme.text }}
          cursor={{ fill: theme.grid, opacity: 0.4 }}
          formatter={(value) => [formatValue ? formatValue(Number(value)) : String(value), valueName]}
        />
        <Bar
          dataKey="value"
          name={valueName}
          fill={theme.series[0]}
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        >
          {data.map((d) => (
            <Cell key={d.label} fill={d.tone ? theme.rag[d.tone] : theme.series[0]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
