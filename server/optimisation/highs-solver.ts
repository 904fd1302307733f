import loadHighs, { type Highs, type HighsCallbackMap } from 'highs';
import type { ModelColumn, PortfolioModel } from '../../core/portfolio/mip-model';

/**
 * Loads HiGHS (compiled to WebAssembly, highs-js) once per process or worker and runs one model
 * built by core/portfolio/mip-model.ts. Solves are synchronous and block the calling thread; the
 * API runs them through worker-runner.ts.
 */
let runtime: Promise<Highs> | undefined;

/** The process-wide HiGHS runtime (the .wasm is compiled on first use). */
export function loadHighsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/** What a run ended with, in the solver's own terms. */
export type RunOutcome = 'optimal' | 'infeasible' | 'limit-with-solution' | 'limit-without-solution';

export interface RunProgress {
  elapsedMs: number;
  /** Best value found so far (incumbent), if any. */
  incumbent: number | null;
  /** Best proven upper bound on the value. */
  bound: number | null;
  /** HiGHS's relative gap between them. */
  gap: number | null;
}

export interface RunOptions {
  timeLimitMs?: number;
  /** HiGHS `mip_rel_gap`: stop once the relative gap is at most this. */
  mipRelGap?: number;
  /** HiGHS `mip_abs_gap`. */
  mipAbsGap?: number;
  /** Column values to try as a first incumbent (MIP start), in the model's column order. */
  start?: readonly number[];
  onProgress?: (progress: RunProgress) => void;
  /** Further HiGHS options (e.g. `mip_heuristic_effort`), set after the defaults. */
  highsOptions?: Record<string, number | string | boolean>;
}

export interface RunResult {
  outcome: RunOutcome;
  /** Value per model column (same order as model.columns); empty without a solution. */
  values: number[];
  /** Best proven bound on the objective (MIP dual bound, or the LP optimum). */
  bound: number | null;
  /** Row duals and activities in model.rows order (LP relaxations only). */
  rowDual: number[];
  rowValue: number[];
}

const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * Runs one portfolio model through HiGHS with a time limit (the `time_limit` option, in seconds).
 * Always disposes the native model, so nothing stays allocated in the Wasm heap.
 */
export function runModel(highs: Highs, model: PortfolioModel, options: RunOptions = {}): RunResult {
  const m = highs.createModel({ format: 'lp', data: model.lp });
  try {
    m.options.set({
      output_flag: false,
      mip_rel_gap: options.mipRelGap ?? 0,
      mip_abs_gap: options.mipAbsGap ?? 1e-6,
      random_seed: 0,
      ...options.highsOptions,
    });
    if (options.timeLimitMs !== undefined)
      m.options.set('time_limit', Math.max(0.001, options.timeLimitMs / 1000));
    const { numCols, numRows } = m.getDimensions();
    const colIndex = new Map<string, number>();
    for (let j = 0; j < numCols; j++) colIndex.set(m.getColName(j), j);
    const rowIndex = model.rows.map((row) => (numRows > 0 ? m.getRowByName(row.name) : -1));
    const at = (col: ModelColumn) => colIndex.get(col.name) ?? -1;
    if (options.start) {
      const colValue = new Array<number>(numCols).fill(0);
      model.columns.forEach((col, k) => {
        const j = at(col);
        if (j >= 0) colValue[j] = options.start?.[k] ?? 0;
      });
      m.setSolution({ colValue });
    }
    const onProgress = options.onProgress;
    const { mipLogging, mipImprovingSolution } = highs.constants.callbackType;
    const report = (data: {
      running_time?: number;
      mip_primal_bound?: number;
      mip_dual_bound?: number;
      mip_gap?: number;
    }) =>
      onProgress?.({
        elapsedMs: (data.running_time ?? 0) * 1000,
        incumbent: finite(data.mip_primal_bound),
        bound: finite(data.mip_dual_bound),
        gap: finite(data.mip_gap),
      });
    const callbacks: HighsCallbackMap = {
      [mipLogging]: (e) => {
        report(e.data);
      },
      [mipImprovingSolution]: (e) => {
        report(e.data);
      },
    };
    const result = m.run(onProgress ? callbacks : undefined);
    const status = highs.constants.modelStatus;
    const hasSolution = Number(m.info.get('primal_solution_status')) === 2;
    let outcome: RunOutcome;
    if (result.modelStatus === status.optimal || result.modelStatus === status.empty) outcome = 'optimal';
    else if (result.modelStatus === status.infeasible || result.modelStatus === status.unboundedOrInfeasible)
      outcome = 'infeasible';
    else outcome = hasSolution ? 'limit-with-solution' : 'limit-without-solution';
    if (!hasSolution && outcome === 'optimal' && numCols > 0) outcome = 'limit-without-solution';
    const solution = hasSolution ? m.getSolution() : undefined;
    const isMip = model.lp.includes('\nBinary\n');
    const bound = isMip ? finite(m.info.get('mip_dual_bound')) : hasSolution ? m.getObjectiveValue() : null;
    return {
      outcome,
      values: solution ? model.columns.map((col) => solution.colValue[at(col)] ?? 0) : [],
      bound,
      rowDual: solution && !isMip ? rowIndex.map((r) => solution.rowDual[r] ?? 0) : [],
      rowValue: solution ? rowIndex.map((r) => solution.rowValue[r] ?? 0) : [],
    };
  } finally {
    m.dispose();
  }
}
