/**
 * Two placements the article offers as alternatives to the ring: rendezvous (highest random weight)
 * hashing and jump consistent hashing. Neither needs a ring; both move only about 1/(N+1) of the
 * keys when a server joins.
 */
import { murmur3_32 } from '../engines/hash-ring/murmur3.ts';
import type { Hash } from '../engines/hash-ring/ring.ts';

/**
 * Rendezvous hashing (Thaler and Ravishankar, 1998): every server "bids" hash(server, key) and the
 * highest bid wins. The next-highest bidders are natural replicas.
 */
export function rendezvousRanking(key: string, servers: readonly string[], hash: Hash = murmur3_32): string[] {
  // Ties are broken by name so that the ranking does not depend on the order servers are listed in.
  return servers
    .map((server) => ({ server, bid: hash(`${server}\u0000${key}`) >>> 0 }))
    .sort((a, b) => b.bid - a.bid || (a.server < b.server ? -1 : 1))
    .map((b) => b.server);
}

export function rendezvousServer(key: string, servers: readonly string[], hash: Hash = murmur3_32): string {
  if (servers.length === 0) throw new Error('no servers');
  return rendezvousRanking(key, servers, hash)[0]!;
}

const MASK_64 = (1n << 64n) - 1n;
const LCG_MULTIPLIER = 2862933555777941757n;
export const MAX_BUCKETS = 2 ** 31 - 1;

/**
 * Jump consistent hash (Lamping and Veach, 2014): a bucket number in [0, buckets) from a 64-bit key,
 * with no table at all. Buckets can only be added or removed at the end, which suits numbered shards
 * rather than servers that come and go by name.
 */
export function jumpHash(key: bigint, buckets: number): number {
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > MAX_BUCKETS)
    throw new RangeError(`buckets must be an integer from 1 to ${MAX_BUCKETS}, got ${buckets}`);
  let state = BigInt.asUintN(64, key);
  let b = -1;
  let j = 0;
  // Each step jumps forward by a factor with mean about 2, so the loop runs about ln(buckets) times.
  while (j < buckets) {
    b = j;
    state = (state * LCG_MULTIPLIER + 1n) & MASK_64;
    j = Math.floor((b + 1) * (2 ** 31 / (Number(state >> 33n) + 1)));
  }
  return b;
}

/** A 64-bit key for jumpHash from two independent 32-bit Murmur3 hashes of a string. */
export function key64(key: string): bigint {
  return (BigInt(murmur3_32(key, 0)) << 32n) | BigInt(murmur3_32(key, 0x9e3779b9));
}
