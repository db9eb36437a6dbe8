/**
 * The builder's API gateway in front of a real nginx: a request without valid credentials gets the
 * gateway's JSON 401 and, as RFC 9110 §15.5.2 requires, a WWW-Authenticate challenge: the builder's
 * own for an API key, the auth service's for auth_request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeOptions, presetFor, type BuilderOptions } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/nginxOptions.ts';
import { buildNginxConfig } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/nginxConfig.ts';
import { startBackends, type Pool } from './backends.ts';
import { freePort, makePrefix, startNginx, type Prefix } from '../../support/nginx.ts';

const AUTH_CHALLENGE = 'Bearer realm="example.com", error="invalid_token"';
let pool: Pool;
let prefix: Prefix;
let port: number;
let authService: Server;

beforeAll(async () => {
  pool = await startBackends(2);
  prefix = makePrefix('gateway');
  port = await freePort();
  // An auth service that lets one token through and challenges every other caller.
  authService = createServer((req, res) => {
    if (req.headers.authorization === 'Bearer good') res.writeHead(204).end();
    else res.writeHead(401, { 'www-authenticate': AUTH_CHALLENGE }).end();
  });
  await new Promise<void>((resolve) => authService.listen(0, '127.0.0.1', () => resolve()));
});

afterAll(async () => {
  await pool?.close();
  await new Promise<void>((resolve) => (authService ? authService.close(() => resolve()) : resolve()));
  prefix?.remove();
});

async function withGateway(options: Partial<BuilderOptions>, body: () => Promise<void>): Promise<void> {
  const services = [{ name: 'orders', path: '/api/orders/', servers: pool.backends.map((b) => ({ address: b.address, weight: 1 })) }];
  const config = buildNginxConfig(
    normalizeOptions({ ...presetFor('api-gateway'), tls: false, services, ...options }),
    prefix.deployment({ http: port, https: port }),
  );
  const nginx = await startNginx(prefix, config, port);
  try {
    await body();
  } finally {
    await nginx.stop();
  }
}

const get = (headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}/api/orders/42`, { headers, signal: AbortSignal.timeout(10_000) });

describe("the builder's API gateway answers 401 with a challenge", () => {
  it('API key: 401 JSON with WWW-Authenticate naming the Key scheme, and the request ID kept', async () => {
    await withGateway({ auth: 'api-key' }, async () => {
      const denied = await get();
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toBe('Key realm="example.com"');
      expect(denied.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
      expect(await denied.json()).toEqual({ error: 'missing or invalid credentials' });
      expect((await get({ 'x-api-key': 'demo-key-change-me' })).status).toBe(200);
    });
  });

  it("auth_request: the auth service's challenge reaches the client through the JSON error page", async () => {
    const address = authService.address() as AddressInfo;
    await withGateway({ auth: 'auth-request', authService: `127.0.0.1:${address.port}` }, async () => {
      const denied = await get({ authorization: 'Bearer bad' });
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toBe(AUTH_CHALLENGE);
      expect((await get({ authorization: 'Bearer good' })).status).toBe(200);
    });
  });
});
