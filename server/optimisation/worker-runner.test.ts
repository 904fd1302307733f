import { describe, expect, it } from 'vitest';
import { generatePortfolioInstance } from '../../core/portfolio/generate-instance';
import { verifyPlan } from '../../core/portfolio/verify-plan';
import { SolveCancelledError, solvePortfolioInWorker } from './worker-runner';

describe('solvePortfolioInWorker', () => {
  it('solves on a worker thread and returns a plan that keeps every rule', async () => {
    const problem = generatePortfolioInstance(
      { candidates: 12, periods: 4, skills: 2, dependencyRate: 0.3 },
      11,
    );
    const result = await solvePortfolioInWorker(problem, { timeLimitMs: 10_000 });
    expect(result.status).toBe('optimal');
    expect(verifyPlan(problem, result.plan)).toEqual([]);
  });

  it('stops a long solve at once when cancelled, reporting progress before that', async () => {
    const problem = generatePortfolioInstance(
      { candidates: 500, periods: 12, skills: 10, tightness: 0.35 },
      3,
    );
    const controller = new AbortController();
    const started = Date.now();
    const solving = solvePortfolioInWorker(problem, {
      timeLimitMs: 60_000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(solving).rejects.toBeInstanceOf(SolveCancelledError);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
