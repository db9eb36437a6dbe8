/** A source of uniform numbers in [0, 1). Models take one of these, never Math.random, so runs repeat. */
export type Random = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG with a full 2^32 period, good enough for simulations and fast.
 * The same seed gives the same sequence on every machine.
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Exponentially distributed with the given rate (mean 1/rate), by inversion. */
export function exponential(random: Random, rate: number): number {
  return -Math.log(1 - random()) / rate;
}

/** Normally distributed, by the Box-Muller transform. */
export function normal(random: Random, mean = 0, sd = 1): number {
  const u = 1 - random();
  const v = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * An independent stream for each source of randomness in one model (arrivals, service work, dispatch),
 * derived from one seed with a SplitMix32-style mix. Separate streams give "common random numbers": two
 * runs that differ only in one choice (a dispatch policy, say) see exactly the same arrivals and work.
 */
export function substream(seed: number, stream: number): Random {
  let z = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  z = (z ^ (z >>> 16)) >>> 0;
  return mulberry32(z);
}
