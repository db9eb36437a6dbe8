/**
 * What a change of staff costs: how many keys change server when the server count goes from one
 * value to another, under hash mod N and on the ring. Servers join and leave at the end of the
 * attendant list, so both schemes see exactly the same change.
 */
import { attendants } from './lockerRoom.ts';
import { modNServer } from './modN.ts';
import { Ring, type Hash } from '../engines/hash-ring/ring.ts';
import { murmur3_32 } from '../engines/hash-ring/murmur3.ts';

export interface Resize {
  keys: number;
  modNMoved: number;
  ringMoved: number;
}

export function countMoved(before: readonly string[], after: readonly string[]): number {
  if (before.length !== after.length) throw new RangeError('placements of different key sets');
  let moved = 0;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) moved++;
  return moved;
}

/** Which keys change server, key by key, under each scheme. */
export interface ResizeDetail {
  movedModN: boolean[];
  movedRing: boolean[];
}

export function resizeDetail(keys: readonly string[], from: number, to: number, vnodesPerServer: number, hash: Hash = murmur3_32): ResizeDetail {
  const before = attendants(from);
  const after = attendants(to);
  const ringBefore = Ring.of(before, { vnodesPerServer, hash });
  const ringAfter = Ring.of(after, { vnodesPerServer, hash });
  return {
    movedModN: keys.map((k) => modNServer(k, before, hash) !== modNServer(k, after, hash)),
    movedRing: keys.map((k) => ringBefore.serverFor(k) !== ringAfter.serverFor(k)),
  };
}

export function compareResize(keys: readonly string[], from: number, to: number, vnodesPerServer: number, hash: Hash = murmur3_32): Resize {
  const { movedModN, movedRing } = resizeDetail(keys, from, to, vnodesPerServer, hash);
  const count = (flags: boolean[]) => flags.reduce((n, f) => n + (f ? 1 : 0), 0);
  return { keys: keys.length, modNMoved: count(movedModN), ringMoved: count(movedRing) };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Expected fraction of keys that change server under hash mod N when N goes from `from` to `to`.
 * A uniform hash h keeps its server when h mod from = h mod to; over one period lcm(from, to) that
 * holds for exactly min(from, to) residues (one per common remainder, by the Chinese remainder theorem).
 */
export function expectedModNMoved(from: number, to: number): number {
  const lcm = (from / gcd(from, to)) * to;
  return 1 - Math.min(from, to) / lcm;
}

/** Expected fraction that changes server on the ring: the joiners' share, or the leavers' share. */
export function expectedRingMoved(from: number, to: number): number {
  return Math.abs(to - from) / Math.max(from, to);
}
