import { describe, expect, it } from 'vitest';
import { describeRequest } from './request-text';

describe('describeRequest', () => {
  it('names the role, the skill with its least proficiency, or both', () => {
    expect(describeRequest({ role: 'QA Engineer', skill: null, minProficiency: 1 })).toBe('QA Engineer');
    expect(describeRequest({ role: null, skill: 'Java', minProficiency: 3 })).toBe('Java (3+)');
    expect(describeRequest({ role: null, skill: 'Java', minProficiency: 1 })).toBe('Java');
    expect(describeRequest({ role: 'Developer', skill: 'Java', minProficiency: 4 })).toBe(
      'Developer with Java (4+)',
    );
  });
});
