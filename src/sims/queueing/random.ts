/**
 * Seeded randomness for the engine: the kit's `mulberry32` (imported from its pure module, so the engine
 * stays free of UI code), split into independent streams.
 */

import { mulberry32, type Random } from '../kit/random.ts';

export { mulberry32, type Random };

/**
 * An independent stream for each source of randomness (arrivals, service work, dispatch), derived from
 * one seed with a SplitMix32-style mix. Separate streams give "common random numbers": two runs that
 * differ only in their dispatch policy see exactly the same arrivals and the same work.
 */
export function substream(seed: number, stream: number): Random {
  let z = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  z = (z ^ (z >>> 16)) >>> 0;
  return mulberry32(z);
}

/** Exponential variate with the given mean (inverse transform; 1 - u avoids log(0)). */
export function exponentialWithMean(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}

/** Standard normal variate (Box–Muller; one of the pair is discarded to keep the generator stateless). */
export function standardNormal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
