import { parentPort, workerData } from 'node:worker_threads';
import type { PortfolioProblem } from '../../core/portfolio/problem';
import { type AnalysisOptions, analysePortfolio } from './analyse-portfolio';
import { type SolvePortfolioOptions, solvePortfolio } from './solve-portfolio';

/**
 * Worker-thread entry: solves (or fully analyses) one portfolio problem and posts progress and the
 * result back to worker-runner.ts. Cancelling is terminating this thread, which also frees its
 * Wasm heap.
 */
export type SolveRequest =
  | { kind?: 'solve'; problem: PortfolioProblem; options: Omit<SolvePortfolioOptions, 'onProgress'> }
  | { kind: 'analyse'; problem: PortfolioProblem; options: Omit<AnalysisOptions, 'onProgress'> };

const port = parentPort;
const request = workerData as SolveRequest;
if (port) {
  try {
    const onProgress = (progress: unknown) => port.postMessage({ type: 'progress', progress });
    const result =
      request.kind === 'analyse'
        ? await analysePortfolio(request.problem, { ...request.options, onProgress })
        : await solvePortfolio(request.problem, { ...request.options, onProgress });
    port.postMessage({ type: 'result', result });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
