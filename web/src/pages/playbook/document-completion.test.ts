import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENTS } from '../../../../core/playbook/default-templates';
import { computeCompletion, filledFields } from './document-completion';

const charter = DEFAULT_DOCUMENTS.find((d) => d.key === 'charter');
if (!charter) throw new Error('the defaults have a charter');
const required = charter.fields.filter((f) => f.required);

describe('project document completion', () => {
  it('counts the required fields filled and names the empty ones', () => {
    const [first, second] = required;
    if (!first || !second) throw new Error('the charter has two required fields');
    const c = computeCompletion(charter, { [first.key]: 'Replace the ledger', [second.key]: '   ' });
    expect(c).toMatchObject({ required: required.length, filled: 1, complete: false });
    expect(c.missing).toContain(second.label);
    expect(c.missing).not.toContain(first.label);
  });

  it('is complete when every required field has text, whatever the optional ones hold', () => {
    const all = Object.fromEntries(required.map((f) => [f.key, 'x']));
    expect(computeCompletion(charter, all)).toEqual({
      required: required.length,
      filled: required.length,
      missing: [],
      complete: true,
    });
  });

  it('sends only fields with text, trimmed', () => {
    expect(filledFields({ a: ' A ', b: '  ', c: '' })).toEqual({ a: 'A' });
  });
});
