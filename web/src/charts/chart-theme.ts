import { useMemo } from 'react';
import { useTheme } from '../shell/theme';

// One theme for every chart, read from the CSS tokens so charts follow light and dark mode.
export type RagTone = 'green' | 'amber' | 'red' | 'none';

export interface ChartTheme {
  series: string[];
  /** RAG status colours (the badges' ink), for charts whose bars are statuses. */
  rag: Record<RagTone, string>;
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
      rag: {
        green: token(style, '--green-fg'),
        amber: token(style, '--amber-fg'),
        red: token(style, '--red-fg'),
        none: token(style, '--chart-axis'),
      },
      grid: token(style, '--chart-grid'),
      axis: token(style, '--chart-axis'),
      text: token(style, '--text'),
      surface: token(style, '--surface-raised'),
      font: token(style, '--font'),
    };
  }, [resolved]);
}
