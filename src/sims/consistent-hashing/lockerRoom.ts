/**
 * The cast and the coats: attendant names for servers and deterministic sample keys, shared by the
 * simulations so that a server is a name a reader can follow from one figure to the next.
 */
export const ATTENDANTS = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lin',
  'Mo',
  'Nia',
  'Oto',
  'Pia',
  'Quin',
  'Rui',
  'Sol',
  'Tess',
] as const;
export const MAX_SERVERS = ATTENDANTS.length;
export const MAX_KEYS = 100_000;

/** The first `count` attendants. */
export function attendants(count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERVERS)
    throw new RangeError(`the server count must be an integer from 1 to ${MAX_SERVERS}, got ${count}`);
  return ATTENDANTS.slice(0, count);
}

/**
 * `count` distinct keys. `batch` picks another set of the same size, which the statistical tests use
 * as an independent sample.
 */
export function sampleKeys(count: number, batch = 0): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_KEYS) throw new RangeError(`the key count must be an integer from 1 to ${MAX_KEYS}, got ${count}`);
  return Array.from({ length: count }, (_, i) => (batch === 0 ? `user:${i + 1}` : `user:${batch}/${i + 1}`));
}
