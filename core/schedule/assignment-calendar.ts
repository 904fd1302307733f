/**
 * Scheduling a task on the working time of its assigned resources (per-resource calendar
 * exceptions such as leave), in the engine's work units: unit k is the interval [k, k + 1) of the
 * project calendar, and a resource's leave is the sorted list of units it does not work.
 *
 * Rule for a task with several resources — MS Project's, for its default fixed-units task type:
 * "If a task has resources assigned and no task calendar, it's scheduled according to the
 * resource calendars" (Microsoft, "About using calendars in Project", Project 2003 help), and each
 * assignment follows its own resource's calendar (D. Howard, "Assigning Resources with Different
 * Working Schedules", MPUG, 2019). So every assigned resource works the task's duration on its
 * own working units, starting at its first working unit on or after the task's earliest start;
 * the task starts with the first assignment to start and finishes with the last one to finish.
 * A resource on leave therefore stretches the task, a task whose only resource is away moves past
 * the leave, and a milestone (duration 0) ignores calendars. Times may be fractional (Monte
 * Carlo); a unit is then worked in proportion.
 */

/** Index of the first entry of `units` that is ≥ `u` (units.length when none). */
function lowerBound(units: Int32Array, u: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isAway(leave: Int32Array, unit: number): boolean {
  const k = lowerBound(leave, unit);
  return k < leave.length && leave[k] === unit;
}

/** The first working position at or after `x` (x itself when its unit is worked). */
export function nextWorking(leave: Int32Array, x: number): number {
  let unit = Math.floor(x);
  let k = lowerBound(leave, unit);
  if (k >= leave.length || leave[k] !== unit) return x;
  while (k < leave.length && leave[k] === unit) {
    k++;
    unit++;
  }
  return unit;
}

/** The last working end at or before `x`: x itself when the unit just before it is worked. */
export function previousWorkingEnd(leave: Int32Array, x: number): number {
  let unit = Math.ceil(x) - 1;
  let k = lowerBound(leave, unit);
  if (k >= leave.length || leave[k] !== unit) return x;
  while (k >= 0 && leave[k] === unit) {
    k--;
    unit--;
  }
  return unit + 1;
}

/** Where `work` units of work started at the working position `start` end. */
export function advanceWork(leave: Int32Array, start: number, work: number): number {
  let x = start;
  let left = work;
  let k = lowerBound(leave, Math.floor(x));
  for (;;) {
    const away = k < leave.length ? leave[k]! : Number.POSITIVE_INFINITY;
    if (x + left <= away) return x + left;
    left -= away - x;
    x = away;
    while (k < leave.length && leave[k] === x) {
      k++;
      x++;
    }
  }
}

/** Where `work` units of work that end at the working end `finish` start. */
export function retreatWork(leave: Int32Array, finish: number, work: number): number {
  let x = finish;
  let left = work;
  let k = lowerBound(leave, Math.ceil(x)) - 1;
  for (;;) {
    const free = k >= 0 ? leave[k]! + 1 : Number.NEGATIVE_INFINITY;
    if (x - left >= free) return x - left;
    left -= x - free;
    x = free - 1;
    while (k >= 0 && leave[k] === x) {
      k--;
      x--;
    }
    x++;
  }
}

/**
 * The earliest candidate start from which one resource's `work` units finish at or after `bound`.
 * (A candidate on leave waits for the resource's next working unit, so the candidate is moved
 * back to the start of the leave run before that unit: other resources may start there.)
 */
function startToFinishBy(leave: Int32Array, bound: number, work: number): number {
  const unit = Math.ceil(bound) - 1;
  const start = isAway(leave, unit)
    ? // The bound falls on leave: the work can only finish in the next working unit.
      retreatWork(leave, nextWorking(leave, unit) + Math.min(work, 1), work)
    : retreatWork(leave, bound, work);
  return previousWorkingEnd(leave, start);
}

/**
 * The latest candidate start at which one resource starts at or before `bound`: the bound itself
 * when the resource works then, else a working position just before its leave run (one unit, or
 * the work when shorter, before the run).
 */
function latestCandidateStartingBy(leave: Int32Array, bound: number, work: number): number {
  const unit = Math.floor(bound);
  if (!isAway(leave, unit)) return bound;
  return previousWorkingEnd(leave, unit + 1) - Math.min(work, 1);
}

/** Where the task's assignments run when it may start at candidate `from` (the rule above). */
function place(leave: readonly Int32Array[], from: number, work: number): { start: number; finish: number } {
  let start = Number.POSITIVE_INFINITY;
  let finish = Number.NEGATIVE_INFINITY;
  for (const l of leave) {
    const s = nextWorking(l, from);
    start = Math.min(start, s);
    finish = Math.max(finish, advanceWork(l, s, work));
  }
  return { start, finish };
}

/**
 * Early dates of a task worked by resources with the given leave, from the bounds of the forward
 * pass: the placement from the earliest candidate start whose start is not before `startBound`
 * and whose finish is not before `finishBound`.
 *
 * @example
 * // 3 units of work, the only resource away on unit 1: works units 0, 2 and 3.
 * earlyDates([Int32Array.of(1)], 0, Number.NEGATIVE_INFINITY, 3); // { start: 0, finish: 4 }
 */
export function earlyDates(
  leave: readonly Int32Array[],
  startBound: number,
  finishBound: number,
  work: number,
): { start: number; finish: number } {
  if (work <= 0 || leave.length === 0) {
    const at = Math.max(startBound, finishBound - Math.max(0, work));
    return { start: at, finish: at + Math.max(0, work) };
  }
  let from = startBound;
  if (finishBound > Number.NEGATIVE_INFINITY) {
    // The finish is the latest assignment's: one resource finishing late enough suffices.
    let fromFinish = Number.POSITIVE_INFINITY;
    for (const l of leave) fromFinish = Math.min(fromFinish, startToFinishBy(l, finishBound, work));
    from = Math.max(from, fromFinish);
  }
  return place(leave, from, work);
}

/**
 * Late dates of a task worked by resources with the given leave, from the bounds of the backward
 * pass: the placement from the latest candidate start whose finish is not after `finishBound`
 * and whose start is not after `startBound`. Being a placement, the late dates are a schedule the
 * resources can work, and they never precede the early dates.
 */
export function lateDates(
  leave: readonly Int32Array[],
  finishBound: number,
  startBound: number,
  work: number,
): { start: number; finish: number } {
  if (work <= 0 || leave.length === 0) {
    const at = Math.min(finishBound - Math.max(0, work), startBound);
    return { start: at, finish: at + Math.max(0, work) };
  }
  // Every assignment must finish by the bound.
  let from = Number.POSITIVE_INFINITY;
  for (const l of leave) from = Math.min(from, retreatWork(l, previousWorkingEnd(l, finishBound), work));
  if (startBound < Number.POSITIVE_INFINITY) {
    // The start is the first assignment's: one resource starting early enough suffices.
    let fromStart = Number.NEGATIVE_INFINITY;
    for (const l of leave) fromStart = Math.max(fromStart, latestCandidateStartingBy(l, startBound, work));
    from = Math.min(from, fromStart);
  }
  return place(leave, from, work);
}

/** Sorted, de-duplicated integer units, as the compiled network stores a resource's leave. */
export function toLeaveUnits(units: readonly number[]): Int32Array {
  return Int32Array.from(new Set(units.filter((u) => Number.isInteger(u)))).sort();
}
