import { hasCapacityExceptions, predecessorsOf, type RcpspInstance, topologicalJobs } from './rcpsp';
import { SerialSgs } from './serial-sgs';

/**
 * Forward-backward improvement ("double justification", Valls, Ballestín & Quintanilla 2005,
 * EJOR 165:375–386; Tormos & Lova 2001): shift every job as far right as the resources allow,
 * taking them in order of decreasing finish, then as far left, in order of increasing start.
 * Neither pass can lengthen the schedule, and together they often shorten it markedly.
 *
 * Backward scheduling is forward scheduling of the reversed network (successors as predecessors),
 * mirrored at the end: start = T' − start' − duration.
 */
export class Justifier {
  readonly forward: SerialSgs;
  private readonly backward: SerialSgs;
  private readonly durations: Int32Array;
  private readonly rank: Int32Array;
  private readonly keys: Float64Array;
  private readonly list: Int32Array;
  private readonly mirror: Int32Array;
  /** SGS passes spent by the last call (a schedule-count budget charges them all). */
  passes = 0;
  /**
   * Capacity that varies over time has no mirror image independent of the makespan, so with
   * calendar exceptions only the forward serial SGS runs (still feasible, a little less tight).
   */
  private readonly justify: boolean;

  constructor(instance: RcpspInstance) {
    this.forward = new SerialSgs(instance, predecessorsOf(instance));
    this.justify = !hasCapacityExceptions(instance);
    this.backward = new SerialSgs(
      this.justify ? instance : { ...instance, capacityExceptions: [] },
      instance.successors,
    );
    const n = instance.durations.length;
    this.durations = Int32Array.from(instance.durations);
    // Topological rank breaks ties between a zero-length job and its neighbours in time order.
    this.rank = new Int32Array(n);
    (topologicalJobs(instance) ?? []).forEach((job, k) => {
      this.rank[job] = k;
    });
    this.keys = new Float64Array(n);
    this.list = new Int32Array(n);
    this.mirror = new Int32Array(n);
  }

  /**
   * Decodes `list` with the serial SGS and justifies the result. `starts` receives the final
   * schedule and `list` is overwritten with a list that decodes to it (the "write-back" that lets
   * a genetic algorithm inherit the improvement). Returns the makespan.
   */
  decodeAndImprove(list: Int32Array, starts: Int32Array): number {
    this.passes = 1;
    let makespan = this.forward.decode(list, starts);
    const n = this.forward.n;
    const scale = n + 1;
    for (let pass = 0; this.justify && pass < 2; pass++) {
      // Right justification: jobs by decreasing finish, as the reversed network's list.
      for (let j = 0; j < n; j++) this.keys[j] = -(starts[j]! + this.durations[j]!) * scale - this.rank[j]!;
      this.sortByKeys(this.list);
      const reversed = this.backward.decode(this.list, this.mirror);
      this.passes += 2;
      for (let j = 0; j < n; j++) starts[j] = reversed - this.mirror[j]! - this.durations[j]!;
      // Left justification: jobs by increasing start of the right-justified schedule.
      for (let j = 0; j < n; j++) this.keys[j] = starts[j]! * scale + this.rank[j]!;
      this.sortByKeys(list);
      const improved = this.forward.decode(list, starts);
      const better = improved < makespan;
      makespan = improved;
      if (!better) break;
    }
    return makespan;
  }

  private sortByKeys(target: Int32Array): void {
    for (let j = 0; j < target.length; j++) target[j] = j;
    const keys = this.keys;
    target.sort((a, b) => keys[a]! - keys[b]!);
  }
}
