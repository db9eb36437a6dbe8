import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, utf8 } from './crc32.ts';
import { mulberry32 } from '../kit/model.ts';
import { Ring } from '../engines/hash-ring/ring.ts';
import {
  Balancer,
  firstPointAtOrAfter,
  ipHash,
  ipHashBytes,
  ketamaPoints,
  leastConnections,
  nginxConsistentHash,
  randomChoice,
  ringConsistentHash,
  roundRobin,
  twoChoices,
  weightedRoundRobin,
  type Backend,
  type Policy,
  type RequestInfo,
} from './policies.ts';

function backends(weights: number[], overrides: Partial<Backend>[] = []): Backend[] {
  return weights.map((weight, i) => ({ name: `10.0.0.${i + 1}:8080`, weight, active: 0, up: true, ...overrides[i] }));
}

function sequence(policy: Policy, pool: Backend[], n: number, request: (i: number) => RequestInfo = () => ({})): number[] {
  const balancer = new Balancer(policy, pool.length);
  const random = mulberry32(1);
  return Array.from({ length: n }, (_, i) => balancer.pick(request(i), pool, random));
}

describe('round robin', () => {
  it('takes the backends in turn', () => {
    expect(sequence(roundRobin, backends([1, 1, 1]), 7)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('ignores weights', () => {
    expect(sequence(roundRobin, backends([5, 1, 1]), 6)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('skips a backend that is down and answers -1 when none is up', () => {
    expect(sequence(roundRobin, backends([1, 1, 1], [{}, { up: false }]), 4)).toEqual([0, 2, 0, 2]);
    expect(sequence(roundRobin, backends([1, 1], [{ up: false }, { up: false }]), 2)).toEqual([-1, -1]);
  });
});

describe('weighted round robin (nginx smooth weighted)', () => {
  it('spreads weights 5,1,1 as a a b a c a a, the sequence nginx documents', () => {
    expect(sequence(weightedRoundRobin, backends([5, 1, 1]), 14)).toEqual([0, 0, 1, 0, 2, 0, 0, 0, 0, 1, 0, 2, 0, 0]);
  });

  it('gives weights 3,2,1 exactly 3:2:1 in every cycle of 6', () => {
    const picks = sequence(weightedRoundRobin, backends([3, 2, 1]), 600);
    for (let cycle = 0; cycle < 100; cycle++) {
      const slice = picks.slice(cycle * 6, cycle * 6 + 6);
      expect([0, 1, 2].map((b) => slice.filter((p) => p === b).length)).toEqual([3, 2, 1]);
    }
  });

  it('never sends a heavy backend more than its share in a row when weights are 2,1', () => {
    expect(sequence(weightedRoundRobin, backends([2, 1]), 6)).toEqual([0, 1, 0, 0, 1, 0]);
  });
});

describe('least connections (nginx least_conn)', () => {
  it('picks the backend with the fewest requests in flight', () => {
    const pool = backends([1, 1, 1], [{ active: 4 }, { active: 1 }, { active: 2 }]);
    expect(sequence(leastConnections, pool, 3)).toEqual([1, 1, 1]);
  });

  it('compares in-flight requests relative to weight', () => {
    // 4/4 = 1 beats 2/1 = 2.
    const pool = backends([4, 1], [{ active: 4 }, { active: 2 }]);
    expect(sequence(leastConnections, pool, 1)).toEqual([0]);
  });

  it('breaks ties by round robin among the tied backends only', () => {
    const pool = backends([1, 1, 1], [{ active: 1 }, {}, {}]);
    expect(sequence(leastConnections, pool, 6)).toEqual([1, 2, 1, 2, 1, 2]);
  });

  it('with nothing in flight, behaves like round robin', () => {
    expect(sequence(leastConnections, backends([1, 1, 1]), 6)).toEqual([0, 1, 2, 0, 1, 2]);
  });
});

describe('random and power of two choices', () => {
  it('random draws in proportion to weight', () => {
    const picks = sequence(randomChoice, backends([2, 1, 1]), 40_000);
    const share = [0, 1, 2].map((b) => picks.filter((p) => p === b).length / picks.length);
    // Standard error of a share near 0.5 over 40 000 draws is 0.0025: allow four of them.
    expect(share[0]).toBeCloseTo(0.5, 1);
    expect(Math.abs(share[0]! - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(share[1]! - 0.25)).toBeLessThan(0.01);
    expect(Math.abs(share[2]! - 0.25)).toBeLessThan(0.01);
  });

  it('random never picks a backend that is down', () => {
    const picks = sequence(randomChoice, backends([1, 1, 1], [{}, { up: false }]), 1000);
    expect(picks).not.toContain(1);
    expect(new Set(picks)).toEqual(new Set([0, 2]));
  });

  it('two choices never sends to the most loaded of three backends', () => {
    const pool = backends([1, 1, 1], [{ active: 9 }, { active: 3 }, { active: 1 }]);
    const picks = sequence(twoChoices, pool, 3000);
    expect(picks).not.toContain(0);
    // Backend 2 wins whenever it is drawn (2 of 3 pairs), backend 1 only in the pair {0,1}.
    const share2 = picks.filter((p) => p === 2).length / picks.length;
    expect(Math.abs(share2 - 2 / 3)).toBeLessThan(0.03);
  });

  it('two choices keeps the second backend drawn on a tie, as nginx does', () => {
    // Draws at 0.1 then 0.9: the first is backend 0 of three, the second (backend 0 set aside) is backend 2.
    const draws = [0.1, 0.9];
    const random = () => draws.shift()!;
    expect(twoChoices({}, backends([1, 1, 1], [{ active: 4 }, { active: 0 }, { active: 4 }]), { currentWeight: [] }, random).index).toBe(2);
    // The first is kept only when the second is busier.
    const again = [0.1, 0.9];
    expect(twoChoices({}, backends([1, 1, 1], [{ active: 4 }, { active: 0 }, { active: 5 }]), { currentWeight: [] }, () => again.shift()!).index).toBe(0);
  });

  it('two choices between two backends always takes the lighter one', () => {
    const pool = backends([1, 1], [{ active: 5 }, { active: 2 }]);
    expect(new Set(sequence(twoChoices, pool, 200))).toEqual(new Set([1]));
  });
});

describe('ip_hash (nginx)', () => {
  it('hashes only the first three octets of an IPv4 address', () => {
    expect(ipHashBytes('192.168.1.77')).toEqual([192, 168, 1]);
    expect(ipHashBytes('not an address')).toEqual([0, 0, 0]);
    expect(ipHashBytes('300.1.1.1')).toEqual([0, 0, 0]);
  });

  it('maps clients to the backend worked out by hand from nginx formula', () => {
    // 192.168.1.x: 89 -> 3978 -> 4441 -> 154; 154 % 3 = 1. 10.0.0.x: ... -> 2565; 2565 % 3 = 0.
    expect(sequence(ipHash, backends([1, 1, 1]), 1, () => ({ clientIp: '192.168.1.77' }))).toEqual([1]);
    expect(sequence(ipHash, backends([1, 1, 1]), 1, () => ({ clientIp: '10.0.0.9' }))).toEqual([0]);
    // With weights 2,1,1 (total 4): 154 % 4 = 2 falls in backend 1's slot, 2565 % 4 = 1 in backend 0's.
    expect(sequence(ipHash, backends([2, 1, 1]), 1, () => ({ clientIp: '192.168.1.5' }))).toEqual([1]);
    expect(sequence(ipHash, backends([2, 1, 1]), 1, () => ({ clientIp: '10.0.0.200' }))).toEqual([0]);
  });

  it('puts a whole /24 on one backend and is sticky', () => {
    const picks = sequence(ipHash, backends([1, 1, 1, 1]), 256, (i) => ({ clientIp: `203.0.113.${i}` }));
    expect(new Set(picks).size).toBe(1);
  });

  it('moves a client whose backend is down and keeps the others where they were', () => {
    const clients = Array.from({ length: 300 }, (_, i) => `10.${i % 250}.${i >> 3}.1`);
    const before = clients.map((ip) => sequence(ipHash, backends([1, 1, 1]), 1, () => ({ clientIp: ip }))[0]);
    const pool = backends([1, 1, 1], [{}, { up: false }]);
    const after = clients.map((ip) => sequence(ipHash, pool, 1, () => ({ clientIp: ip }))[0]);
    clients.forEach((_, i) => {
      if (before[i] === 1) expect(after[i]).not.toBe(1);
      else expect(after[i]).toBe(before[i]);
    });
  });
});

describe('consistent hash (nginx ketama)', () => {
  it('uses standard CRC-32 (check value of "123456789" is 0xCBF43926, and agrees with zlib)', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    for (const text of ['', 'a', 'client-42', '127.0.0.1\u000080']) {
      expect(crc32(utf8(text))).toBe(zlibCrc32(text));
    }
  });

  it('puts 160 points per unit of weight on the ring, sorted, first point = crc32(host NUL port 0000)', () => {
    const points = ketamaPoints([
      { name: '127.0.0.1:8081', weight: 1 },
      { name: '127.0.0.1:8082', weight: 2 },
    ]);
    expect(points.length).toBe(480);
    for (let i = 1; i < points.length; i++) expect(points[i]!.hash).toBeGreaterThan(points[i - 1]!.hash);
    expect(points.filter((p) => p.server === '127.0.0.1:8082').length).toBe(320);
    const first = zlibCrc32(Buffer.from('127.0.0.1\u00008081\u0000\u0000\u0000\u0000', 'latin1'));
    expect(points.some((p) => p.hash === first && p.server === '127.0.0.1:8081')).toBe(true);
  });

  it('finds the first point at or after a hash, wrapping past the end', () => {
    const points = [
      { hash: 10, server: 'a' },
      { hash: 20, server: 'b' },
      { hash: 30, server: 'c' },
    ];
    expect(firstPointAtOrAfter(points, 5)).toBe(0);
    expect(firstPointAtOrAfter(points, 20)).toBe(1);
    expect(firstPointAtOrAfter(points, 21)).toBe(2);
    expect(firstPointAtOrAfter(points, 31)).toBe(3);
  });

  it('is sticky per key and roughly balanced', () => {
    const pool = backends([1, 1, 1, 1]);
    const keys = Array.from({ length: 4000 }, (_, i) => `client-${i}`);
    const picks = keys.map((k) => sequence(nginxConsistentHash, pool, 3, () => ({ key: k })));
    for (const p of picks) expect(new Set(p).size).toBe(1);
    const counts = [0, 1, 2, 3].map((b) => picks.filter((p) => p[0] === b).length);
    // 160 points per server keeps every share within about 15% of the fair 1000.
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  it('when a backend goes down, only its keys move', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `user:${i}`);
    const before = keys.map((k) => sequence(nginxConsistentHash, backends([1, 1, 1, 1]), 1, () => ({ key: k }))[0]);
    const pool = backends([1, 1, 1, 1], [{}, {}, { up: false }]);
    const after = keys.map((k) => sequence(nginxConsistentHash, pool, 1, () => ({ key: k }))[0]);
    let moved = 0;
    keys.forEach((_, i) => {
      if (before[i] === 2) moved++;
      else expect(after[i]).toBe(before[i]);
      expect(after[i]).not.toBe(2);
    });
    expect(moved).toBeGreaterThan(350);
    expect(moved).toBeLessThan(650);
  });

  it('gives up on the ring after 21 points of dead servers and falls back to round robin, as nginx does', () => {
    // Two heavy servers down (800 points each) and two light ones up (160 each): some keys meet 21 dead
    // points in a row. Their first live point names backend 3 for the key chosen below, yet nginx's
    // fallback, round robin from a fresh state, takes the first live backend, 2.
    const pool = backends([5, 5, 1, 1], [{ up: false }, { up: false }]);
    const points = ketamaPoints(pool);
    const names = pool.map((b) => b.name);
    const runOfDead = (key: string) => {
      const at = firstPointAtOrAfter(points, zlibCrc32(key));
      const walk = Array.from({ length: points.length }, (_, j) => names.indexOf(points[(at + j) % points.length]!.server));
      return { dead: walk.findIndex((i) => i >= 2), firstLive: walk.find((i) => i >= 2) };
    };
    const key = Array.from({ length: 5000 }, (_, i) => `k${i}`).find((k) => {
      const r = runOfDead(k);
      return r.dead > 20 && r.firstLive === 3;
    })!;
    expect(key).toBeDefined();
    expect(sequence(nginxConsistentHash, pool, 1, () => ({ key }))).toEqual([2]);
    // A key whose live point comes within 21 stays on the ring.
    const near = Array.from({ length: 5000 }, (_, i) => `k${i}`).find((k) => {
      const r = runOfDead(k);
      return r.dead > 0 && r.dead <= 20 && r.firstLive === 3;
    })!;
    expect(sequence(nginxConsistentHash, pool, 1, () => ({ key: near }))).toEqual([3]);
  });
});

describe('consistent hash on the hashing article ring', () => {
  it('sends each key where the locker-room Ring says', () => {
    const pool = backends([1, 1, 1]);
    const ring = Ring.of(
      pool.map((b) => b.name),
      { vnodesPerServer: 100 },
    );
    for (let i = 0; i < 500; i++) {
      const key = `session-${i}`;
      const [index] = sequence(ringConsistentHash, pool, 1, () => ({ key }));
      expect(pool[index!]!.name).toBe(ring.serverFor(key));
    }
  });

  it('a failed backend leaves the ring: its keys move, the others stay, and all return on recovery', () => {
    const keys = Array.from({ length: 1500 }, (_, i) => `k${i}`);
    const healthy = backends([1, 1, 1]);
    const failed = backends([1, 1, 1], [{ up: false }]);
    const pick = (pool: Backend[], key: string) => sequence(ringConsistentHash, pool, 1, () => ({ key }))[0];
    for (const key of keys) {
      const before = pick(healthy, key);
      const during = pick(failed, key);
      if (before === 0) expect(during).not.toBe(0);
      else expect(during).toBe(before);
      expect(pick(healthy, key)).toBe(before);
    }
    expect(sequence(ringConsistentHash, backends([1], [{ up: false }]), 1)).toEqual([-1]);
  });
});
