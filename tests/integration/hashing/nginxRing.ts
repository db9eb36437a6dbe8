/**
 * nginx's `hash $key consistent` expressed with our Ring: what nginx 1.22 does in
 * ngx_http_upstream_init_chash / find_chash_point (src/http/modules/ngx_http_upstream_hash_module.c).
 * - A server "host:port" gets 160 points per unit of weight. Point j is CRC32 of
 *   host, a zero byte, port, then the previous point's value as 4 little-endian bytes (0 for the first).
 * - A key's position is CRC32 of the key; it goes to the first point at or after that position,
 *   wrapping past the top. That last part is exactly Ring.serverFor.
 */
import { Ring } from '../../../src/sims/engines/hash-ring/ring.ts';

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE 802.3, reflected, as zlib and nginx's ngx_crc32) over bytes; `state` continues a running CRC. */
export function crc32Update(state: number, bytes: Uint8Array): number {
  let c = state;
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}

const utf8 = new TextEncoder();
export const crc32 = (s: string | Uint8Array): number => (crc32Update(0xffffffff, typeof s === 'string' ? utf8.encode(s) : s) ^ 0xffffffff) >>> 0;

export const NGINX_POINTS_PER_WEIGHT = 160;

/** nginx's chained point positions for a server named "host:port". */
export function nginxPoints(server: string, count: number): number[] {
  const colon = server.lastIndexOf(':');
  const host = utf8.encode(server.slice(0, colon));
  const port = utf8.encode(server.slice(colon + 1));
  const base = crc32Update(crc32Update(crc32Update(0xffffffff, host), new Uint8Array([0])), port);
  const points: number[] = [];
  const previous = new DataView(new ArrayBuffer(4));
  for (let j = 0; j < count; j++) {
    const point = (crc32Update(base, new Uint8Array(previous.buffer)) ^ 0xffffffff) >>> 0;
    points.push(point);
    previous.setUint32(0, point, true);
  }
  return points;
}

export function nginxRing(servers: readonly string[]): Ring {
  return Ring.of(servers, { vnodesPerServer: NGINX_POINTS_PER_WEIGHT, hash: crc32, tagPositions: nginxPoints });
}
