import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useChartTheme } from './chart-theme';

// Charts of the optimiser's result page: the efficient frontier (best value per budget level) and
// the use of a limited resource per period (bars) against its limit (line).

export interface FrontierDatum {
  budget: number;
  value: number | null;
}

export function OptimisationFrontierChart({
  data,
  formatValue,
}: {
  data: FrontierDatum[];
  formatValue: (value: number) => string;
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} />
        <XAxis
          dataKey="budget"
          tick={tick}
          stroke={theme.grid}
          tickFormatter={formatValue}
          type="number"
          domain={['dataMin', 'dataMax']}
        />
        <YAxis tick={tick} stroke={theme.grid} tickFormatter={formatValue} width={80} />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          labelFormatter={(b) => `Budget ${formatValue(Number(b))}`}
          formatter={(v) => [formatValue(Number(v)), 'Best value']}
        />
        <Line
          dataKey="value"
          name="Best value"
          stroke={theme.series[0]}
          strokeWidth={2}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export interface UsageDatum {
  label: string;
  used: number;
  limit: number | null;
}

export function OptimisationUsageChart({
  data,
  usedName,
  formatValue,
}: {
  data: UsageDatum[];
  usedName: string;
  formatValue: (value: number) => string;
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} vertical={false} />
        <XAxis dataKey="label" tick={tick} stroke={theme.grid} />
        <YAxis tick={tick} stroke={theme.grid} tickFormatter={formatValue} width={80} />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          formatter={(v, name) => [formatValue(Number(v)), String(name)]}
        />
        <Bar
          dataKey="used"
          name={usedName}
          fill={theme.series[0]}
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
        <Line
          dataKey="limit"
          name="Limit"
          stroke={theme.series[1] ?? theme.axis}
          strokeDasharray="4 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
