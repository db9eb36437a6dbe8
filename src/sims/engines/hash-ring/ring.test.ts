import { describe, expect, it } from 'vitest';
import { murmur3_32 } from './murmur3.ts';
import { MAX_VNODES, Ring, RING_SIZE, summarizeLoad, virtualNodeLabel, type Hash } from './ring.ts';

/** Server names and keys of the engine's own tests (the article's cast is its own business). */
const NAMES = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lin', 'Mo', 'Nia', 'Oto', 'Pia', 'Quin', 'Rui', 'Sol', 'Tess'];
const attendants = (count: number) => NAMES.slice(0, count);
const sampleKeys = (count: number) => Array.from({ length: count }, (_, i) => `user:${i + 1}`);

/** Independent rings: the same servers and keys, hashed with another Murmur3 seed. */
const seeded =
  (seed: number): Hash =>
  (s) =>
    murmur3_32(s, seed);
const seeds = (count: number, from = 1) => Array.from({ length: count }, (_, i) => from + i);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const harmonic = (n: number) => seeds(n).reduce((sum, k) => sum + 1 / k, 0);

describe('where a key goes', () => {
  it('is the server whose virtual node is nearest clockwise, found by brute force over every node', () => {
    const servers = attendants(7);
    for (const vnodes of [1, 3, 40]) {
      const ring = Ring.of(servers, { vnodesPerServer: vnodes });
      for (const key of sampleKeys(500)) {
        const at = murmur3_32(key);
        let best = { server: '', distance: Infinity };
        for (const s of servers) {
          for (let i = 0; i < vnodes; i++) {
            const distance = (murmur3_32(virtualNodeLabel(s, i)) - at + RING_SIZE) % RING_SIZE;
            if (distance < best.distance) best = { server: s, distance };
          }
        }
        expect(ring.serverFor(key), key).toBe(best.server);
      }
    }
  });

  it('wraps past the top of the ring to the first node', () => {
    // Two servers with hand-placed single nodes: positions 100 and 200.
    const ring = Ring.of(['low', 'high'], { vnodesPerServer: 1, hash: (s) => (s.startsWith('low') ? 100 : s.startsWith('high') ? 200 : Number(s)) });
    expect(ring.serverFor('50')).toBe('low');
    expect(ring.serverFor('100')).toBe('low');
    expect(ring.serverFor('101')).toBe('high');
    expect(ring.serverFor('200')).toBe('high');
    expect(ring.serverFor('201')).toBe('low');
    expect(ring.serverFor(String(RING_SIZE - 1))).toBe('low');
  });

  it('can take virtual node positions from another placement scheme, and checks them', () => {
    const spots: Record<string, number[]> = { a: [10, 1000], b: [500, 3000] };
    const ring = Ring.of(['a', 'b'], { vnodesPerServer: 2, hash: Number, tagPositions: (s) => spots[s]! });
    expect(['5', '10', '11', '500', '501', '1000', '2999', '3001'].map((k) => ring.serverFor(k))).toEqual(['a', 'a', 'b', 'b', 'a', 'a', 'b', 'a']);
    for (const bad of [[1], [1, -1], [1, 2 ** 32], [1, 0.5]]) {
      const r = new Ring({ vnodesPerServer: 2, tagPositions: () => bad });
      expect(() => r.addServer('x')).toThrow(RangeError);
      expect(r.servers()).toEqual([]);
    }
  });

  it('gives each server a share of the ring, the shares summing to 1', () => {
    const ring = Ring.of(attendants(9), { vnodesPerServer: 17 });
    const shares = [...ring.shares().values()];
    expect(shares).toHaveLength(9);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares.every((s) => s > 0)).toBe(true);
  });
});

describe('adding a server', () => {
  it('moves keys only to the new server', () => {
    const keys = sampleKeys(3000);
    const before = Ring.of(attendants(6), { vnodesPerServer: 64 });
    const after = Ring.of(attendants(7), { vnodesPerServer: 64 });
    let moved = 0;
    for (const key of keys) {
      const [was, is] = [before.serverFor(key), after.serverFor(key)];
      if (was !== is) {
        moved++;
        expect(is).toBe(attendants(7)[6]);
      }
    }
    expect(moved).toBeGreaterThan(0);
  });
});

describe('removing a server', () => {
  it('moves only the keys that server held, and all of them', () => {
    const keys = sampleKeys(4000);
    const servers = attendants(8);
    const ring = Ring.of(servers, { vnodesPerServer: 50 });
    const before = keys.map((k) => ring.serverFor(k));
    for (const gone of servers) {
      const smaller = Ring.of(
        servers.filter((s) => s !== gone),
        { vnodesPerServer: 50 },
      );
      const wrong = keys.filter((key, i) => {
        const now = smaller.serverFor(key);
        return before[i] === gone ? now === gone : now !== before[i];
      });
      expect(wrong, `${gone} left`).toEqual([]);
    }
  });

  it('is undone by adding the server back', () => {
    const ring = Ring.of(attendants(5), { vnodesPerServer: 30 });
    const keys = sampleKeys(2000);
    const before = keys.map((k) => ring.serverFor(k));
    ring.removeServer('Cleo');
    expect(ring.servers()).toEqual(['Ada', 'Ben', 'Dev', 'Eli']);
    ring.addServer('Cleo');
    expect(keys.map((k) => ring.serverFor(k))).toEqual(before);
  });
});

describe('load balance and virtual nodes', () => {
  const cv2 = (ring: Ring) => {
    const shares = [...ring.shares().values()];
    const m = 1 / shares.length;
    return shares.reduce((sum, s) => sum + (s - m) ** 2, 0) / shares.length / m ** 2;
  };

  it('has the squared coefficient of variation of a Dirichlet(V..V) split, (N-1)/(NV+1) (150 to 400 seeds)', () => {
    // N·V uniform points cut the circle into spacings that are Dirichlet(1, ..., 1); a server owns V
    // of them, so its share is a sum of V spacings and the shares are Dirichlet(V, ..., V).
    const n = 10;
    for (const [v, rings] of [
      [1, 400],
      [10, 400],
      [100, 150],
      [500, 150],
    ] as const) {
      // The estimate's relative sd is about sqrt(2/(N-1))/sqrt(rings): at most 0.04, so 15% is > 3.5 sd.
      const observed = mean(seeds(rings).map((seed) => cv2(Ring.of(attendants(n), { vnodesPerServer: v, hash: seeded(seed) }))));
      const expected = (n - 1) / (n * v + 1);
      expect(Math.abs(observed / expected - 1), `V = ${v}: ${observed} vs ${expected}`).toBeLessThan(0.15);
    }
  });

  it('with one virtual node, the busiest server owns about H(N) times its fair share (400 seeds)', () => {
    // The largest of N spacings of N uniform points on a circle has mean H(N)/N (harmonic number).
    const n = 10;
    const ratios = seeds(400).map(
      (seed) =>
        Math.max(
          ...Ring.of(attendants(n), { vnodesPerServer: 1, hash: seeded(seed) })
            .shares()
            .values(),
        ) * n,
    );
    expect(Math.abs(mean(ratios) / harmonic(n) - 1)).toBeLessThan(0.08);
  });

  it('max/mean of keys per server falls as virtual nodes grow (1, 10, 100, 500; 20 seeds, 20 000 keys)', () => {
    const keys = sampleKeys(20_000);
    const byVnodes = [1, 10, 100, 500].map((v) =>
      mean(seeds(20).map((seed) => Ring.of(attendants(10), { vnodesPerServer: v, hash: seeded(seed) }).load(keys).maxOverMean)),
    );
    for (let i = 1; i < byVnodes.length; i++) expect(byVnodes[i]!).toBeLessThan(byVnodes[i - 1]!);
    expect(byVnodes[0]!).toBeGreaterThan(2);
    expect(byVnodes[3]!).toBeLessThan(1.1);
  });

  it('keeps the busiest server under 1.5x the mean share at 100 or more virtual nodes, up to 20 servers', () => {
    // The bound the article states. At V = 100 and N = 20 a share's relative sd is
    // sqrt(19/2001) = 0.097, so 1.5 is about five standard deviations above the mean.
    for (const n of [2, 5, 10, 20]) {
      for (const v of [100, 200, MAX_VNODES]) {
        for (const seed of seeds(25)) {
          const shares = [
            ...Ring.of(attendants(n), { vnodesPerServer: v, hash: seeded(seed) })
              .shares()
              .values(),
          ];
          expect(Math.max(...shares) * n, `N ${n}, V ${v}, seed ${seed}`).toBeLessThan(1.5);
        }
      }
    }
  });

  it('summarises a load: mean, max, max/mean and population standard deviation', () => {
    const s = summarizeLoad([
      { server: 'a', keys: 2 },
      { server: 'b', keys: 4 },
      { server: 'c', keys: 4 },
      { server: 'd', keys: 6 },
    ]);
    expect(s).toMatchObject({ total: 16, mean: 4, max: 6, maxOverMean: 1.5 });
    expect(s.stdDev).toBeCloseTo(Math.SQRT2, 12);
    expect(summarizeLoad([])).toMatchObject({ total: 0, mean: 0, maxOverMean: 0, stdDev: 0 });
  });
});

describe('replicas', () => {
  const servers = attendants(12);
  const keys = sampleKeys(400);

  it('are the N servers met first walking clockwise, in that order, and distinct', () => {
    for (const vnodes of [1, 8, 100]) {
      const ring = Ring.of(servers, { vnodesPerServer: vnodes });
      for (const key of keys) {
        const at = murmur3_32(key);
        // Each server's clockwise distance from the key to its nearest node, computed by brute force.
        const nearest = servers.map((s) => ({
          s,
          d: Math.min(...seeds(vnodes, 0).map((i) => (murmur3_32(virtualNodeLabel(s, i)) - at + RING_SIZE) % RING_SIZE)),
        }));
        const expected = nearest.sort((a, b) => a.d - b.d).map((x) => x.s);
        for (const rf of [1, 3, 5]) {
          const replicas = ring.replicasFor(key, rf);
          expect(replicas).toEqual(expected.slice(0, rf));
          expect(new Set(replicas).size).toBe(rf);
        }
        expect(ring.replicasFor(key, 1)[0]).toBe(ring.serverFor(key));
      }
    }
  });

  it('do not change when a server that holds none of them leaves', () => {
    const ring = Ring.of(servers, { vnodesPerServer: 20 });
    for (const key of keys.slice(0, 100)) {
      const replicas = ring.replicasFor(key, 3);
      const bystander = servers.find((s) => !replicas.includes(s))!;
      const smaller = Ring.of(
        servers.filter((s) => s !== bystander),
        { vnodesPerServer: 20 },
      );
      expect(smaller.replicasFor(key, 3)).toEqual(replicas);
    }
  });

  it('when a holder leaves, keep the others in order and take the next server clockwise', () => {
    const ring = Ring.of(servers, { vnodesPerServer: 20 });
    for (const key of keys.slice(0, 100)) {
      const four = ring.replicasFor(key, 4);
      const [gone] = four.splice(1, 1);
      const smaller = Ring.of(
        servers.filter((s) => s !== gone),
        { vnodesPerServer: 20 },
      );
      expect(smaller.replicasFor(key, 3)).toEqual(four);
    }
  });

  it('are every server once when the factor exceeds the server count', () => {
    const ring = Ring.of(attendants(3), { vnodesPerServer: 5 });
    expect(ring.replicasFor('user:1', 7).sort()).toEqual(['Ada', 'Ben', 'Cleo']);
  });
});

describe('bad input is rejected, never looped on', () => {
  it('rejects virtual node counts outside 1..500 or not whole', () => {
    for (const v of [0, -1, 501, 1.5, Number.NaN, Infinity]) expect(() => new Ring({ vnodesPerServer: v })).toThrow(RangeError);
    expect(new Ring({ vnodesPerServer: 500 }).vnodesPerServer).toBe(500);
  });

  it('rejects empty, over-long or duplicate server ids and unknown removals', () => {
    const ring = new Ring({ vnodesPerServer: 2 });
    expect(() => ring.addServer('')).toThrow(RangeError);
    expect(() => ring.addServer('x'.repeat(65))).toThrow(RangeError);
    ring.addServer('Ada');
    expect(() => ring.addServer('Ada')).toThrow(/already/);
    expect(() => ring.removeServer('Zed')).toThrow(/not on the ring/);
  });

  it('refuses lookups on an empty ring and replication factors below 1 or not whole', () => {
    const ring = new Ring({ vnodesPerServer: 3 });
    expect(() => ring.serverFor('k')).toThrow(/no servers/);
    ring.addServer('Ada');
    for (const rf of [0, -2, 1.5, Number.NaN]) expect(() => ring.replicasFor('k', rf)).toThrow(RangeError);
  });
});
