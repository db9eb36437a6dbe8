/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby, SMHasher), over the UTF-8 bytes of a string.
 * The ring needs a fast, well-mixed, non-cryptographic hash; Murmur3 is what Cassandra's default
 * partitioner uses (its 128-bit x64 sibling), so the article's figures come from the same family.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const utf8 = new TextEncoder();
let scratch = new Uint8Array(64);

/**
 * The UTF-8 bytes of a string. Keys and tag labels are almost always ASCII, whose UTF-8 bytes are its
 * char codes, so those are copied into a reused buffer instead of allocating a new array per hash
 * (building a 10 000-tag ring hashes 10 000 labels).
 */
function utf8Bytes(s: string): Uint8Array {
  if (s.length > scratch.length) scratch = new Uint8Array(2 * s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return utf8.encode(s);
    scratch[i] = c;
  }
  return scratch.subarray(0, s.length);
}

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** Scrambles one 4-byte block before it is folded into the state. */
function scramble(k: number): number {
  return Math.imul(rotl32(Math.imul(k, C1), 15), C2);
}

/** The finaliser ("fmix32"): every input bit affects every output bit. */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3_x86_32 of `input` (a string is hashed as UTF-8) as an unsigned 32-bit integer. */
export function murmur3_32(input: string | Uint8Array, seed = 0): number {
  const bytes = typeof input === 'string' ? utf8Bytes(input) : input;
  const length = bytes.length;
  const tail = length & ~3;
  let h = seed >>> 0;
  // Blocks are read little-endian, as the reference does on x86.
  for (let i = 0; i < tail; i += 4) {
    const k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h ^= scramble(k);
    h = rotl32(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  switch (length & 3) {
    case 3:
      k ^= bytes[tail + 2]! << 16;
    // falls through
    case 2:
      k ^= bytes[tail + 1]! << 8;
    // falls through
    case 1:
      k ^= bytes[tail]!;
      h ^= scramble(k);
  }
  // The reference mixes in the length modulo 2^32.
  return avalanche(h ^ length);
}
