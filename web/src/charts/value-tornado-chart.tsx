import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useChartTheme } from './chart-theme';

export interface TornadoRow {
  driver: string;
  /** Output at the low and high input, as differences from the base output. */
  low: number;
  high: number;
}

/**
 * A tornado chart: one horizontal bar per driver, from the output at its low input to the output
 * at its high input, centred on the base case; the widest swing on top.
 */
export function ValueTornadoChart({
  rows,
  base,
  formatValue,
}: {
  rows: TornadoRow[];
  base: number;
  formatValue: (value: number) => string;
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} horizontal={false} />
        <XAxis
          type="number"
          tick={tick}
          stroke={theme.grid}
          tickFormatter={(v: number) => formatValue(base + v)}
        />
        <YAxis type="category" dataKey="driver" tick={tick} stroke={theme.grid} width={160} />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          labelStyle={{ color: theme.text }}
          formatter={(value, name) => [
            Array.isArray(value)
              ? value.map((v) => formatValue(base + Number(v))).join(' to ')
              : String(value),
            name,
          ]}
        />
        <ReferenceLine x={0} stroke={theme.axis} />
        <Bar
          dataKey={(row: TornadoRow) => [Math.min(row.low, row.high), Math.max(row.low, row.high)]}
          name="NPV range"
          fill={theme.series[0]}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
