import { describe, expect, it } from 'vitest';
// An independent implementation (npm murmurhash3js-revisited), used only as a second opinion.
import reference from 'murmurhash3js-revisited';
import { murmur3_32 } from './murmur3.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('murmur3_32 against published MurmurHash3_x86_32 vectors', () => {
  // Each vector appears in at least two independent published test suites (SMHasher-derived lists
  // collected on Stack Overflow question 14747343 and reused by Boost.Hash2, hlibc, Wikipedia's
  // MurmurHash page, PeterScott/murmur3's test.c and several language ports).
  const strings: [string, number, number][] = [
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['', 1234, 0x0f2cc00b],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['ab', 0x9747b28c, 0x74875592],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['abc', 0, 0xb3dd93fa],
    ['test', 0, 0xba6bd213],
    ['test', 0x9747b28c, 0x704b81dc],
    ['Hello, world!', 0, 0xc0363e43],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['Hello, world!', 1234, 0xfaf6cdb3],
    ['Hello, world!', 4321, 0xbf505788],
    ['x'.repeat(28), 1234, 0x8905ac28],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
    ['a'.repeat(256), 0x9747b28c, 0x37405bdc],
    // Multi-byte UTF-8: a string must be hashed as its UTF-8 bytes, not as UTF-16 code units.
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
  ];
  for (const [input, seed, expected] of strings) {
    it(`hashes ${JSON.stringify(input.length > 20 ? `${input.slice(0, 12)}…(${input.length})` : input)} with seed 0x${seed.toString(16)} to 0x${expected.toString(16)}`, () => {
      expect(murmur3_32(input, seed)).toBe(expected);
    });
  }

  it('hashes raw byte blocks and every tail length as the reference does', () => {
    expect(murmur3_32(bytes(0, 0, 0, 0), 0)).toBe(0x2362f9de);
    expect(murmur3_32(bytes(0, 0, 0), 0)).toBe(0x85f0b427);
    expect(murmur3_32(bytes(0, 0), 0)).toBe(0x30f4c306);
    expect(murmur3_32(bytes(0xff, 0xff, 0xff, 0xff), 0)).toBe(0x76293b50);
    expect(murmur3_32(bytes(0x21, 0x43, 0x65, 0x87), 0)).toBe(0xf55b516b);
    expect(murmur3_32(bytes(0x21, 0x43, 0x65, 0x87), 0x5082edee)).toBe(0x2362f9de);
    expect(murmur3_32(bytes(0x21, 0x43, 0x65), 0)).toBe(0x7e4a8634);
    expect(murmur3_32(bytes(0x21, 0x43), 0)).toBe(0xa0f7b07a);
    expect(murmur3_32(bytes(0x21), 0)).toBe(0x72661cf4);
  });

  it("passes SMHasher's verification test (0xB0F57EE3 for Murmur3A)", () => {
    // SMHasher's VerificationTest: hash {}, {0}, {0,1}, ... {0..254} with seed 256 - length, store
    // the 256 results little-endian, hash that buffer with seed 0 and read the result little-endian.
    const key = new Uint8Array(256);
    const hashes = new Uint8Array(4 * 256);
    const view = new DataView(hashes.buffer);
    for (let i = 0; i < 256; i++) {
      key[i] = i;
      view.setUint32(4 * i, murmur3_32(key.subarray(0, i), 256 - i), true);
    }
    expect(murmur3_32(hashes, 0)).toBe(0xb0f57ee3);
  });

  it('returns an unsigned 32-bit integer and treats the seed modulo 2^32', () => {
    expect(murmur3_32('', -1)).toBe(0x81f16f39);
    for (const s of ['', 'x', 'locker 17', '🔑']) {
      const h = murmur3_32(s);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });
});

describe('murmur3_32 against murmurhash3js-revisited', () => {
  // A small xorshift generator keeps this test reproducible without depending on the code under test.
  function xorshift(seed: number) {
    let s = seed >>> 0 || 1;
    return () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 2 ** 32;
    };
  }
  // Code points from ASCII, Latin, Greek, CJK, emoji (astral, so surrogate pairs) and combining marks.
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0xa0, 0x17f],
    [0x370, 0x3ff],
    [0x4e00, 0x9fff],
    [0x1f300, 0x1faff],
    [0x300, 0x36f],
    [0, 0x1f],
  ];

  it('agrees on 5000 random unicode strings of length 0 to 40 with random seeds', () => {
    const random = xorshift(20251103);
    const utf8 = new TextEncoder();
    let multiByte = 0;
    const disagreements: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 41);
      let s = '';
      for (let i = 0; i < length; i++) {
        const [lo, hi] = ranges[Math.floor(random() * ranges.length)]!;
        s += String.fromCodePoint(lo + Math.floor(random() * (hi - lo + 1)));
      }
      const seed = Math.floor(random() * 2 ** 32);
      const encoded = utf8.encode(s);
      if (encoded.length > s.length) multiByte++;
      if (murmur3_32(s, seed) !== reference.x86.hash32(encoded, seed)) disagreements.push(JSON.stringify(s));
    }
    expect(disagreements).toEqual([]);
    expect(multiByte).toBeGreaterThan(3000);
  });

  it('agrees on 2000 random byte arrays, including every length from 0 to 300', () => {
    const random = xorshift(7);
    const disagreements: number[] = [];
    for (let n = 0; n < 2000; n++) {
      const data = new Uint8Array(n <= 300 ? n : Math.floor(random() * 1000));
      for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
      const seed = Math.floor(random() * 2 ** 32);
      if (murmur3_32(data, seed) !== reference.x86.hash32(data, seed)) disagreements.push(n);
    }
    expect(disagreements).toEqual([]);
  });
});
