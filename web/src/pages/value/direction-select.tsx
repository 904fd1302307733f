import type { ComponentProps } from 'react';
import { METRIC_DIRECTIONS } from '../../../../core/value/vocabulary';
import { Select } from '../../design';

const OPTIONS = METRIC_DIRECTIONS.map((d) => ({
  value: d,
  label: d === 'increase' ? 'Higher (increase)' : 'Lower (decrease)',
}));

/** "Better when": whether a KPI, key result or benefit improves as its value rises or falls. */
export function DirectionSelect(props: Omit<ComponentProps<typeof Select>, 'label' | 'options'>) {
  return <Select label="Better when" options={OPTIONS} {...props} />;
}
