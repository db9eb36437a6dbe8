/**
 * Seeded randomness for the models until the shared kit's `mulberry32` lands on main; same algorithm
 * and signature, so switching is an import change.
 */
export type Random = () => number;

/** mulberry32: a small 32-bit generator, plenty for Monte Carlo with a few hundred thousand draws. */
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

/** A standard normal draw by Box-Muller; 1 - u keeps the logarithm away from zero. */
export function standardNormal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
