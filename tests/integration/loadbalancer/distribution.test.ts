/**
 * A real nginx (one worker) on loopback, configured by the builder, in front of Node backends: the
 * backend each request reaches is compared with what the policy model predicts for the same requests.
 *
 * Exact, request by request: round robin, smooth weighted round robin, `hash $http_x_client consistent`
 * (the model rebuilds nginx's ketama ring), `ip_hash` (client addresses set through the realip module,
 * since every loopback client shares 127.0.0.x), and `least_conn` while one backend holds a request.
 * Statistical, with stated tolerances: `least_conn` against a slow backend under concurrent load,
 * weighted `random`, and `random two least_conn` never choosing a backend that is busy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/sims/kit/index.ts';
import { normalizeOptions, presetFor, type BuilderOptions } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/nginxOptions.ts';
import { buildNginxConfig } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/nginxConfig.ts';
import {
  Balancer,
  ipHash,
  leastConnections,
  nginxConsistentHash,
  roundRobin,
  weightedRoundRobin,
  type Backend,
  type Policy,
  type RequestInfo,
} from '../../../src/sims/loadbalancer-reverseproxy-apigateway/policies.ts';
import { startBackends, type Pool } from './backends.ts';
import { freePort, makePrefix, startNginx, type Prefix, type RunningNginx } from '../../support/nginx.ts';

const BACKENDS = 3;
let pool: Pool;
let prefix: Prefix;
let port: number;
let nginx: RunningNginx | undefined;

beforeAll(async () => {
  pool = await startBackends(BACKENDS);
  prefix = makePrefix('dist');
  port = await freePort();
});

afterAll(async () => {
  await nginx?.stop();
  await pool?.close();
  prefix?.remove();
});

/** Runs `body` against an nginx configured by the builder with these options over the test backends. */
async function withNginx(options: Partial<BuilderOptions>, weights: number[], body: () => Promise<void>): Promise<void> {
  for (const b of pool.backends) {
    b.mode = { kind: 'fast' };
    b.received.length = 0;
  }
  const config = buildNginxConfig(
    normalizeOptions({
      ...presetFor('load-balancer'),
      services: [{ name: 'app', path: '/', servers: pool.backends.map((b, i) => ({ address: b.address, weight: weights[i] ?? 1 })) }],
      // No passive health checks and no retries: a slow or held backend must not be marked down.
      maxFails: 0,
      retryNextServer: false,
      keepalive: false,
      ...options,
    }),
    prefix.deployment({ http: port, https: port }),
  );
  nginx = await startNginx(prefix, config, port);
  try {
    await body();
  } finally {
    await nginx.stop();
    nginx = undefined;
  }
}

async function ask(headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers, signal: AbortSignal.timeout(10_000) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { backend: number }).backend;
}

function modelBackends(weights: number[], active: number[] = []): Backend[] {
  return pool.backends.map((b, i) => ({ name: b.address, weight: weights[i] ?? 1, active: active[i] ?? 0, up: true }));
}

function predict(policy: Policy, weights: number[], requests: RequestInfo[]): number[] {
  const balancer = new Balancer(policy, BACKENDS);
  const random = mulberry32(1);
  return requests.map((r) => balancer.pick(r, modelBackends(weights), random));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('nginx distributes requests as the policy model predicts', () => {
  it('round robin: 30 sequential requests in exactly the predicted order', async () => {
    await withNginx({ policy: 'round-robin' }, [], async () => {
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) seen.push(await ask());
      expect(seen).toEqual(predict(roundRobin, [1, 1, 1], Array(30).fill({})));
    });
  });

  it('smooth weighted round robin 5:1:1: 35 requests in exactly the predicted order (a a b a c a a)', async () => {
    const weights = [5, 1, 1];
    await withNginx({ policy: 'weighted-round-robin' }, weights, async () => {
      const seen: number[] = [];
      for (let i = 0; i < 35; i++) seen.push(await ask());
      expect(seen.slice(0, 7)).toEqual([0, 0, 1, 0, 2, 0, 0]);
      expect(seen).toEqual(predict(weightedRoundRobin, weights, Array(35).fill({})));
    });
  });

  for (const weights of [
    [1, 1, 1],
    [2, 1, 1],
  ]) {
    it(`hash $http_x_client consistent (weights ${weights.join(':')}): 150 clients each land where the ketama model says`, async () => {
      await withNginx({ policy: 'consistent-hash', hashKey: '$http_x_client' }, weights, async () => {
        const clients = Array.from({ length: 150 }, (_, i) => `client-${i * 7919}`);
        const seen: number[] = [];
        for (const client of clients) seen.push(await ask({ 'x-client': client }));
        const expected = predict(
          nginxConsistentHash,
          weights,
          clients.map((key) => ({ key })),
        );
        expect(seen).toEqual(expected);
        // Every backend gets some clients, or the comparison would prove little.
        for (let b = 0; b < BACKENDS; b++) expect(seen.filter((s) => s === b).length).toBeGreaterThan(15);
        // And it is sticky: the same clients again, in reverse order, land on the same backends.
        const again: number[] = [];
        for (const client of [...clients].reverse()) again.push(await ask({ 'x-client': client }));
        expect(again.reverse()).toEqual(seen);
      });
    });
  }

  it('ip_hash: 100 client addresses (via realip) land where the model says; loopback alone uses one backend', async () => {
    await withNginx({ policy: 'ip-hash', trustedProxy: '127.0.0.1/32' }, [1, 1, 1], async () => {
      const random = mulberry32(6);
      const byte = () => Math.floor(random() * 256);
      const ips = Array.from({ length: 100 }, () => `${1 + Math.floor(random() * 222)}.${byte()}.${byte()}.${byte()}`);
      const seen: number[] = [];
      for (const ip of ips) seen.push(await ask({ 'x-forwarded-for': ip }));
      expect(seen).toEqual(
        predict(
          ipHash,
          [1, 1, 1],
          ips.map((clientIp) => ({ clientIp })),
        ),
      );
      for (let b = 0; b < BACKENDS; b++) expect(seen).toContain(b);

      const loopback: number[] = [];
      for (let i = 0; i < 10; i++) loopback.push(await ask());
      expect(loopback).toEqual(predict(ipHash, [1, 1, 1], Array(10).fill({ clientIp: '127.0.0.1' })));
    });
  });

  it('least_conn: while backend 0 holds a request, the next 12 go exactly where the model says (never to 0)', async () => {
    await withNginx({ policy: 'least-connections' }, [1, 1, 1], async () => {
      const balancer = new Balancer(leastConnections, BACKENDS);
      const random = mulberry32(1);
      pool.backends[0]!.mode = { kind: 'hold' };
      const first = balancer.pick({}, modelBackends([1, 1, 1]), random);
      expect(first).toBe(0);
      const held = ask();
      await until(() => pool.backends[0]!.held.length === 1, 'backend 0 to hold a request');

      const seen: number[] = [];
      const expected: number[] = [];
      for (let i = 0; i < 12; i++) {
        seen.push(await ask());
        expected.push(balancer.pick({}, modelBackends([1, 1, 1], [1, 0, 0]), random));
      }
      expect(seen).toEqual(expected);
      expect(seen).not.toContain(0);

      pool.backends[0]!.release();
      expect(await held).toBe(0);
    });
  });

  it('least_conn vs round robin with one slow backend under 6 concurrent clients (tolerance: slow share < 15%)', async () => {
    const run = async (): Promise<number[]> => {
      pool.backends[0]!.mode = { kind: 'delay', ms: 60 };
      const counts = new Array<number>(BACKENDS).fill(0);
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let i = 0; i < 20; i++) counts[await ask()]!++;
        }),
      );
      return counts;
    };
    let roundRobinCounts: number[] = [];
    await withNginx({ policy: 'round-robin' }, [1, 1, 1], async () => {
      roundRobinCounts = await run();
    });
    // Round robin does not look at load: exactly a third each, slow or not.
    expect(roundRobinCounts).toEqual([40, 40, 40]);
    await withNginx({ policy: 'least-connections' }, [1, 1, 1], async () => {
      const counts = await run();
      expect(counts.reduce((a, b) => a + b, 0)).toBe(120);
      expect(counts[0]! / 120).toBeLessThan(0.15);
    });
  });

  it('random with weights 2:1:1: 400 requests split about 200/100/100 (tolerance: 4 standard deviations)', async () => {
    await withNginx({ policy: 'random' }, [2, 1, 1], async () => {
      const counts = [0, 0, 0];
      for (let i = 0; i < 400; i++) counts[await ask()]!++;
      // Binomial standard deviations: sqrt(400 * 1/2 * 1/2) = 10 and sqrt(400 * 1/4 * 3/4) = 8.7.
      expect(Math.abs(counts[0]! - 200)).toBeLessThan(40);
      expect(Math.abs(counts[1]! - 100)).toBeLessThan(35);
      expect(Math.abs(counts[2]! - 100)).toBeLessThan(35);
    });
  });

  it('random two least_conn never picks a backend that is holding a request (30 of 30)', async () => {
    await withNginx({ policy: 'two-choices' }, [1, 1, 1], async () => {
      for (const b of pool.backends) b.mode = { kind: 'hold' };
      const held = ask();
      await until(() => pool.backends.some((b) => b.held.length === 1), 'a backend to hold a request');
      const busy = pool.backends.findIndex((b) => b.held.length === 1);
      for (const b of pool.backends) if (b.index !== busy) b.mode = { kind: 'fast' };
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) seen.push(await ask());
      expect(seen).not.toContain(busy);
      expect(new Set(seen).size).toBe(2);
      pool.backends[busy]!.release();
      expect(await held).toBe(busy);
    });
  });
});
