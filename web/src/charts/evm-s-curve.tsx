import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useChartTheme } from './chart-theme';

export interface SCurvePoint {
  month: string;
  pv: number | null;
  ev: number | null;
  ac: number | null;
  /** Forecast actual cost after the status date (EAC path). */
  forecast: number | null;
}

/**
 * Cumulative PV, EV and AC by month, with the cost forecast continuing AC to the EAC. Lines
 * differ by dash pattern as well as colour.
 */
export function EvmSCurve({
  data,
  statusMonth,
  bac,
  formatValue,
}: {
  data: SCurvePoint[];
  statusMonth: string;
  bac: number;
  formatValue: (v: number) => string;
}) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  const [pv, ev, ac, fc] = theme.series;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} vertical={false} />
        <XAxis dataKey="month" tick={tick} stroke={theme.grid} />
        <YAxis tick={tick} stroke={theme.grid} width={90} tickFormatter={(v: number) => formatValue(v)} />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          labelStyle={{ color: theme.text }}
          formatter={(value) => formatValue(Number(value))}
        />
        <Legend wrapperStyle={{ color: theme.text }} />
        <ReferenceLine
          x={statusMonth}
          stroke={theme.axis}
          strokeDasharray="2 2"
          label={{ value: 'Status', fill: theme.axis }}
        />
        <ReferenceLine
          y={bac}
          stroke={theme.axis}
          strokeDasharray="6 3"
          label={{ value: 'BAC', fill: theme.axis, position: 'insideTopLeft' }}
        />
        <Line
          type="monotone"
          dataKey="pv"
          name="Planned value (PV)"
          stroke={pv}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          type="monotone"
          dataKey="ev"
          name="Earned value (EV)"
          stroke={ev}
          strokeWidth={2}
          strokeDasharray="8 3"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="ac"
          name="Actual cost (AC)"
          stroke={ac}
          strokeWidth={2}
          strokeDasharray="2 2"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="forecast"
          name="Forecast cost (EAC)"
          stroke={fc}
          strokeWidth={2}
          strokeDasharray="10 4 2 4"
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
