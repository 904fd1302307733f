import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartTheme } from './chart-theme';

export interface BudgetBar {
  period: string;
  original: number;
  current: number;
  forecast: number;
  actual: number;
}

/** Budget versions against actual cost per period, as grouped bars. */
export function BudgetBars({ data, formatValue }: { data: BudgetBar[]; formatValue: (v: number) => string }) {
  const theme = useChartTheme();
  const tick = { fill: theme.axis, fontSize: 12 };
  const series: [keyof BudgetBar, string][] = [
    ['original', 'Original budget'],
    ['current', 'Current budget'],
    ['forecast', 'Forecast'],
    ['actual', 'Actual cost'],
  ];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={theme.grid} vertical={false} />
        <XAxis dataKey="period" tick={tick} stroke={theme.grid} />
        <YAxis tick={tick} stroke={theme.grid} width={90} tickFormatter={(v: number) => formatValue(v)} />
        <Tooltip
          contentStyle={{ background: theme.surface, borderColor: theme.grid, color: theme.text }}
          labelStyle={{ color: theme.text }}
          cursor={{ fill: theme.grid, opacity: 0.4 }}
          formatter={(value) => formatValue(Number(value))}
        />
        <Legend wrapperStyle={{ color: theme.text }} />
        {series.map(([key, name], i) => (
          <Bar key={key} dataKey={key} name={name} fill={theme.series[i]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
