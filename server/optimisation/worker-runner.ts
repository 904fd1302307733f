import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PortfolioProblem } from '../../core/portfolio/problem';
import type { AnalysisOptions, AnalysisProgress, PortfolioAnalysis } from './analyse-portfolio';
import type { RunProgress } from './highs-solver';
import type { PortfolioSolution, SolvePortfolioOptions } from './solve-portfolio';
import type { SolveRequest } from './solve-worker';

/** Thrown (as the rejection) when a solve is cancelled before it finishes. */
export class SolveCancelledError extends Error {
  constructor() {
    super('portfolio solve cancelled');
    this.name = 'SolveCancelledError';
  }
}

export interface WorkerSolveOptions extends Omit<SolvePortfolioOptions, 'onProgress'> {
  onProgress?: (progress: RunProgress) => void;
  /** Aborting terminates the worker at once, even in the middle of a HiGHS run. */
  signal?: AbortSignal;
}

type WorkerMessage<R, P> =
  | { type: 'progress'; progress: P }
  | { type: 'result'; result: R }
  | { type: 'error'; message: string };

// The worker runs TypeScript source, so it registers tsx first, as bin/triad.js does.
// (`require.resolve` would pick tsx's CommonJS build, whose hooks do not load in a worker.)
const tsxApi = new URL(
  'dist/esm/api/index.mjs',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
).href;
const workerFile = new URL('./solve-worker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile)}); });`;

/**
 * Solves a portfolio problem on a worker thread so a long HiGHS run never blocks the API's event
 * loop. Progress (incumbent, bound, gap) arrives through `onProgress`; cancelling through
 * `signal` terminates the thread (HiGHS cannot be interrupted from outside its own callbacks).
 * The time limit is passed to HiGHS as its `time_limit` option.
 */
export function solvePortfolioInWorker(
  problem: PortfolioProblem,
  options: WorkerSolveOptions = {},
): Promise<PortfolioSolution> {
  const { onProgress, signal, ...solveOptions } = options;
  return runInWorker<PortfolioSolution, RunProgress>({ problem, options: solveOptions }, onProgress, signal);
}

export interface WorkerAnalysisOptions extends Omit<AnalysisOptions, 'onProgress'> {
  onProgress?: (progress: AnalysisProgress) => void;
  signal?: AbortSignal;
}

/** The full analysis of a scenario run (analyse-portfolio.ts) on a worker thread, cancellable. */
export function analysePortfolioInWorker(
  problem: PortfolioProblem,
  options: WorkerAnalysisOptions,
): Promise<PortfolioAnalysis> {
  const { onProgress, signal, ...analysisOptions } = options;
  return runInWorker<PortfolioAnalysis, AnalysisProgress>(
    { kind: 'analyse', problem, options: analysisOptions },
    onProgress,
    signal,
  );
}

function runInWorker<R, P>(
  request: SolveRequest,
  onProgress: ((progress: P) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<R> {
  if (signal?.aborted) return Promise.reject(new SolveCancelledError());
  const worker = new Worker(bootstrap, { eval: true, workerData: request });
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(new SolveCancelledError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage<R, P>) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.result));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`solver worker exited with code ${code}`))));
  });
}
