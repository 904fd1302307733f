import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useChartTheme } from './chart-theme';

export interface TornadoDatum {
  label: string;
  /** Signed driver strength, e.g. a correlation in −1…1; bars grow left or right of zero. */
  value: number;
}

/**
 * A tornado chart: one horizontal bar per driver, largest at the top, centred on zero, so the
 * drivers of an outcome's spread read from top to bottom (schedule risk: each task's duration
 * correlated with the finish date).
 */
export function TornadoChart({
  data,
  valueName,
  domain = [-1, 1],
}: {
  data: TornadoDatum[];
  valueName: string;
  domain?: [number, number];
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, 28 * data.length + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} horizontal={false} />
        <XAxis type="number" domain={domain} tick={tick} stroke={theme.grid} />
        <YAxis type="category" dataKey="label" tick={tick} stroke={theme.grid} width={200} interval={0} />
        <ReferenceLine x={0} stroke={theme.axis} />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          labelStyle={{ color: theme.text }}
          cursor={{ fill: theme.grid, opacity: 0.4 }}
          formatter={(value) => [Number(value).toFixed(2), valueName]}
        />
        <Bar dataKey="value" name={valueName} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.label} fill={d.value >= 0 ? theme.series[1] : theme.series[0]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
