/**
 * What a change of staff costs: how many keys change server when the server count goes from one
 * value to another, under hash mod N and on the ring. Servers join and leave at the end of the
 * attendant list, so both schemes see exactly the same change.
 */
import { attendants } from './lockerRoom.ts';
import { modNServer } from './modN.ts';
import { Ring, type Hash } from './ring.ts';
import { murmur3_32 } from './murmur3.ts';

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

export function compareResize(keys: readonly string[], from: number, to: number, vnodesPerServer: number, hash: Hash = murmur3_32): Resize {
  const before = attendants(from);
  const after = attendants(to);
  const ringBefore = Ring.of(before, { vnodesPerServer, hash });
  const ringAfter = Ring.of(after, { vnodesPerServer, hash });
  return {
    keys: keys.length,
    modNMoved: countMoved(keys.map((k) => modNServer(k, before, hash)), keys.map((k) => modNServer(k, after, hash))),
    ringMoved: countMoved(keys.map((k) => ringBefore.serverFor(k)), keys.map((k) => ringAfter.serverFor(k))),
  };
}
