/**
 * Seeded pseudo-random numbers for every simulation in Triad (Monte Carlo forecasts, schedule
 * risk, genetic algorithms). core/ never calls Math.random: a seed in, the same answer out.
 *
 * The generator is xoshiro128** (Blackman & Vigna, 2018), seeded through splitmix32 so that
 * nearby seeds give unrelated streams.
 *
 * @example
 * const rng = createRng(42);
 * rng.nextInt(6); // 0..5, the same every run with seed 42
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). `n` must be a positive integer. */
  nextInt(n: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  return {
    next: () => nextUint32() / 4294967296,
    nextInt: (n: number) => {
      if (!Number.isInteger(n) || n <= 0)
        throw new RangeError(`nextInt expects a positive integer, got ${n}`);
      return Math.floor((nextUint32() / 4294967296) * n);
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
