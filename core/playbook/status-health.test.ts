import { describe, expect, it } from 'vitest';
import { computeHealthScore } from './health';
import { computeSetupProgress, DEFAULT_SETUP_PLAN } from './setup-plan';
import { computeStatusDraft, type StatusSignals } from './status-prefill';

const quiet: StatusSignals = {
  asOf: '2026-06-30',
  milestones: [],
  openRisks: [],
  budget: null,
  actualCost: null,
  startDate: null,
  endDate: null,
  throughput: { recent: 0, previous: 0 },
  scope: { items: 0, addedRecently: 0 },
};

describe('status pre-fill', () => {
  it('rates schedule from milestone slippage', () => {
    const amber = computeStatusDraft({
      ...quiet,
      milestones: [{ name: 'Beta', dueDate: '2026-06-20', completedOn: null }],
    });
    expect(amber.schedule).toEqual({ rag: 'amber', reasons: ['Milestone "Beta" is 10 days late'] });
    const red = computeStatusDraft({
      ...quiet,
      milestones: [{ name: 'Beta', dueDate: '2026-06-01', completedOn: null }],
    });
    expect(red.schedule.rag).toBe('red');
    const green = computeStatusDraft({
      ...quiet,
      milestones: [{ name: 'GA', dueDate: '2026-07-20', completedOn: null }],
    });
    expect(green.schedule).toEqual({ rag: 'green', reasons: ['No milestone is late'] });
  });

  it('turns schedule amber when throughput falls by more than 30 %', () => {
    const d = computeStatusDraft({ ...quiet, throughput: { recent: 6, previous: 10 } });
    expect(d.schedule.rag).toBe('amber');
    expect(d.schedule.reasons).toEqual(['Throughput fell from 10 to 6 items per 4 weeks']);
  });

  it('rates cost by burn against elapsed time, and leaves it unrated without a budget', () => {
    expect(computeStatusDraft(quiet).cost).toEqual({ rag: null, reasons: ['No budget recorded'] });
    const half = { ...quiet, budget: 100_000, startDate: '2026-01-01', endDate: '2026-12-31' };
    // About 49.3 % of the year elapsed by 30 June.
    expect(computeStatusDraft({ ...half, actualCost: 50_000 }).cost.rag).toBe('green');
    expect(computeStatusDraft({ ...half, actualCost: 58_000 }).cost.rag).toBe('amber');
    expect(computeStatusDraft({ ...half, actualCost: 70_000 }).cost.rag).toBe('red');
    expect(computeStatusDraft({ ...half, actualCost: 120_000 }).cost.rag).toBe('red');
  });

  it('rates risk by open high risks and scope by recent growth; overall is the worst', () => {
    const high = (title: string) => ({ title, score: 16, rating: 'high' as const, escalating: false });
    const d = computeStatusDraft({
      ...quiet,
      openRisks: [high('Vendor'), high('Skills'), high('Data')],
      scope: { items: 100, addedRecently: 25 },
    });
    expect(d.risk.rag).toBe('red');
    expect(d.risk.reasons[0]).toBe('3 open high risk(s): Vendor, Skills, Data');
    expect(d.scope.rag).toBe('amber');
    expect(d.overall.rag).toBe('red');
    expect(computeStatusDraft({ ...quiet, openRisks: [high('Vendor')] }).risk.rag).toBe('amber');
  });
});

describe('health score', () => {
  it('weights the dimensions and shows its formula', () => {
    const h = computeHealthScore({ schedule: 'amber', cost: 'green', scope: 'green', risk: 'red' });
    // (0.3×50 + 0.25×100 + 0.15×100 + 0.3×0) / 1 = 55
    expect(h.score).toBe(55);
    expect(h.rating).toBe('amber');
    expect(h.formula).toContain('= (0.3×50 + 0.25×100 + 0.15×100 + 0.3×0) / 1');
  });

  it('renormalises over rated dimensions and is null with none', () => {
    expect(computeHealthScore({ schedule: 'green', cost: null, scope: null, risk: 'red' }).score).toBe(50);
    expect(computeHealthScore({ schedule: null, cost: null, scope: null, risk: null }).score).toBeNull();
  });
});

describe('PMO setup plan', () => {
  it('has the four steps and measures progress', () => {
    expect([...new Set(DEFAULT_SETUP_PLAN.map((s) => s.step))]).toEqual([
      '1. Define clear goals',
      '2. Establish roles and responsibilities',
      '3. Create essential documentation',
      '4. Choose the right tools',
    ]);
    const p = computeSetupProgress(DEFAULT_SETUP_PLAN.map((s, i) => ({ step: s.step, done: i < 3 })));
    expect(p).toMatchObject({ done: 3, total: 12, share: 0.25 });
    expect(p.steps[0]).toEqual({ step: '1. Define clear goals', done: 3, total: 3 });
  });
});
