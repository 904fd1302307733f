import { parentPort, workerData } from 'node:worker_threads';
import type { PortfolioProblem } from '../../core/portfolio/problem';
import { type SolvePortfolioOptions, solvePortfolio } from './solve-portfolio';

/**
 * Worker-thread entry: solves one portfolio problem and posts progress and the result back to
 * worker-runner.ts. Cancelling is terminating this thread, which also frees its Wasm heap.
 */
export interface SolveRequest {
  problem: PortfolioProblem;
  options: Omit<SolvePortfolioOptions, 'onProgress'>;
}

const port = parentPort;
const request = workerData as SolveRequest;
if (port) {
  try {
    const result = await solvePortfolio(request.problem, {
      ...request.options,
      onProgress: (progress) => port.postMessage({ type: 'progress', progress }),
    });
    port.postMessage({ type: 'result', result });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
