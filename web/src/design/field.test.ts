import { describe, expect, it } from 'vitest';
import { optionsOf, recordOptions } from './field';

describe('select options', () => {
  it('takes records’ ids as values and names as labels, and nothing from a list not loaded yet', () => {
    expect(recordOptions([{ id: 'p1', name: 'Digital', extra: 1 } as { id: string; name: string }])).toEqual([
      { value: 'p1', label: 'Digital' },
    ]);
    expect(recordOptions(undefined)).toEqual([]);
  });

  it('humanises words', () => {
    expect(optionsOf(['on_hold'])).toEqual([{ value: 'on_hold', label: 'On hold' }]);
  });
});
