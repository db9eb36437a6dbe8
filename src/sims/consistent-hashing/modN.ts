/**
 * The naive placement: server index = hash(key) mod N. In the locker room, the attendant is chosen
 * by the locker number modulo the number of attendants on shift, so a new hire renumbers almost
 * every locker.
 */
import { murmur3_32 } from '../engines/hash-ring/murmur3.ts';
import type { Hash } from '../engines/hash-ring/ring.ts';

export function modNIndex(position: number, serverCount: number): number {
  if (!Number.isInteger(serverCount) || serverCount < 1) throw new RangeError(`the server count must be an integer >= 1, got ${serverCount}`);
  return (position >>> 0) % serverCount;
}

export function modNServer(key: string, servers: readonly string[], hash: Hash = murmur3_32): string {
  return servers[modNIndex(hash(key), servers.length)]!;
}
