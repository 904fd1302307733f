import { useMemo } from 'react';
import { useTheme } from '../shell/theme';

// One theme for every chart, read from the CSS tokens so charts follow light and dark mode.
export interface ChartTheme {
  series: string[];
  grid: string;
  axis: string;
  text: string;
  surface: string;
  font: string;
}

function token(style: CSSStyleDeclaration, name: string): string {
  return style.getPropertyValue(name).trim();
}

export function useChartTheme(): ChartTheme {
  const { resolved } = useTheme();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the CSS variables change with the theme
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    return {
      series: ['--chart-1', '--chart-2', '--chart-3', '--chart-4'].map((name) => token(style, name)),
      grid: token(style, '--chart-grid'),
      axis: token(style, '--chart-axis'),
      text: token(style, '--text'),
      surface: token(style, '--surface-raised'),
      font: token(style, '--font'),
    };
  }, [resolved]);
}
