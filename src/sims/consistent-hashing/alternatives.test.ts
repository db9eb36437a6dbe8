import { describe, expect, it } from 'vitest';
import { jumpHash, key64, rendezvousRanking, rendezvousServer } from './alternatives.ts';
import { attendants, sampleKeys } from './lockerRoom.ts';
import { murmur3_32 } from '../engines/hash-ring/murmur3.ts';

describe('jump consistent hash', () => {
  it('matches the golden values published with Guava and go-jump', () => {
    const golden100 = [0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83];
    expect(golden100.map((_, i) => jumpHash(BigInt(i), 100))).toEqual(golden100);
    expect(jumpHash(10863919174838991n, 11)).toBe(6);
    expect(jumpHash(2016238256797177309n, 11)).toBe(3);
    expect(jumpHash(1673758223894951030n, 11)).toBe(5);
    expect(jumpHash(2n, 100001)).toBe(80343);
    expect(jumpHash(2201n, 100001)).toBe(22152);
    expect(jumpHash(2202n, 100001)).toBe(15018);
  });

  it('going from n to n+1 buckets moves keys only into the new bucket, about 1/(n+1) of them', () => {
    const keys = sampleKeys(20_000).map(key64);
    for (const n of [1, 4, 9, 30]) {
      let moved = 0;
      for (const k of keys) {
        const [was, is] = [jumpHash(k, n), jumpHash(k, n + 1)];
        if (was !== is) {
          moved++;
          expect(is).toBe(n);
        }
      }
      // Binomial(20 000, 1/(n+1)): sd at most 0.0036 of the keys; the bound is over four sd.
      expect(Math.abs(moved / keys.length - 1 / (n + 1))).toBeLessThan(0.015);
    }
  });

  it('rejects bucket counts that are not whole numbers from 1 to 2^31 - 1', () => {
    for (const b of [0, -3, 2.5, Number.NaN, 2 ** 31]) expect(() => jumpHash(1n, b)).toThrow(RangeError);
  });
});

describe('rendezvous hashing', () => {
  it('removing a server moves only its keys; adding one moves about 1/(N+1) of them, all to it', () => {
    const keys = sampleKeys(10_000);
    const five = attendants(5);
    const six = attendants(6);
    let moved = 0;
    for (const key of keys) {
      const [was, is] = [rendezvousServer(key, five), rendezvousServer(key, six)];
      if (was !== is) {
        moved++;
        expect(is).toBe(six[5]);
      }
    }
    expect(Math.abs(moved / keys.length - 1 / 6)).toBeLessThan(0.02);
  });

  it('ranks servers by the highest bid, whatever order they are listed in', () => {
    const servers = attendants(8);
    for (const key of sampleKeys(200)) {
      const ranking = rendezvousRanking(key, servers);
      const bids = ranking.map((s) => murmur3_32(`${s}\u0000${key}`));
      for (let i = 1; i < bids.length; i++) expect(bids[i]!).toBeLessThanOrEqual(bids[i - 1]!);
      expect(rendezvousRanking(key, [...servers].reverse())).toEqual(ranking);
    }
  });
});
