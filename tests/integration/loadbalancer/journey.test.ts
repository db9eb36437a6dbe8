/**
 * The journey model against a real chain: one nginx runs the doorman (edge reverse proxy), the
 * concierge (API gateway) and the front desk (load balancer) as three servers on three loopback ports,
 * each proxying to the next, in front of Node backends. For each scenario the status the client gets,
 * and the headers the backend receives, are compared with runJourney's answer.
 *
 * On loopback every hop's address is 127.0.0.1, so X-Forwarded-For is compared by its shape: the same
 * number of entries, the client's own proxy first when there is one, the hops after it.
 *
 * A room that never answers a connection attempt (a blackholed address) is a listening socket whose
 * accept queue is full and which never accepts: Linux then drops every new SYN, so nginx's connect
 * times out exactly as it would against a firewall that drops packets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDRESSES,
  BURST,
  CONNECT_TIMEOUT_MS,
  KEY_CHALLENGE,
  RATE_PER_SECOND,
  READ_TIMEOUT_MS,
  limitReq,
  runJourney,
  type JourneyInput,
} from '../../../src/sims/loadbalancer-reverseproxy-apigateway/journey.ts';
import { startBackends, type Pool } from './backends.ts';
import { PYTHON } from '../../../scripts/testMachine.ts';
import { freePort, makePrefix, startNginx, type Prefix, type RunningNginx } from '../../support/nginx.ts';

let pool: Pool;
let prefix: Prefix;
let ports: { doorman: number; concierge: number; desk: number };
let nginx: RunningNginx | undefined;

beforeAll(async () => {
  pool = await startBackends(2);
  prefix = makePrefix('journey');
  ports = { doorman: await freePort(), concierge: await freePort(), desk: await freePort() };
});

afterAll(async () => {
  await nginx?.stop();
  await pool?.close();
  prefix?.remove();
});

function chainConfig(rooms: string[]): string {
  return `
user root;
worker_processes 1;
pid logs/nginx.pid;
error_log logs/error.log;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path tmp/client_body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    proxy_cache_path cache/edge levels=1:2 keys_zone=edge:1m;
    limit_req_zone $http_x_api_key zone=per_key:1m rate=${RATE_PER_SECOND}r/s;
    limit_req_status 429;
    map $http_x_api_key $api_client { default ""; "k-7f3a" "guest"; "k-burst" "busy-guest"; }
    upstream rooms {
${rooms.map((r) => `        server ${r} max_fails=0;`).join('\n')}
    }
    # The doorman: the only one the street sees.
    server {
        listen 127.0.0.1:${ports.doorman};
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-Proto $scheme;
        location /menu {
            proxy_cache edge;
            proxy_cache_valid 200 10m;
            add_header X-Cache-Status $upstream_cache_status;
            proxy_pass http://127.0.0.1:${ports.concierge};
        }
        location / { proxy_pass http://127.0.0.1:${ports.concierge}; }
    }
    # The concierge: keys and rate limits for the API.
    server {
        listen 127.0.0.1:${ports.concierge};
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Request-ID $request_id;
        location /api/ {
            if ($api_client = "") {
                add_header WWW-Authenticate '${KEY_CHALLENGE}' always;
                return 401;
            }
            limit_req zone=per_key burst=${BURST} nodelay;
            proxy_pass http://127.0.0.1:${ports.desk};
        }
        location / { proxy_pass http://127.0.0.1:${ports.desk}; }
    }
    # The front desk: a room for every request.
    server {
        listen 127.0.0.1:${ports.desk};
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_connect_timeout ${CONNECT_TIMEOUT_MS}ms;
        proxy_read_timeout ${READ_TIMEOUT_MS}ms;
        proxy_next_upstream error;
        location / { proxy_pass http://rooms; }
    }
}
`;
}

async function withChain(rooms: string[], body: () => Promise<void>): Promise<void> {
  nginx = await startNginx(prefix, chainConfig(rooms), ports.doorman);
  try {
    await body();
  } finally {
    await nginx.stop();
    nginx = undefined;
  }
}

interface Observed {
  status: number;
  cache: string | null;
  challenge: string | null;
  atBackend: Record<string, string> | null;
}

const live = () => pool.backends.map((b) => b.address);

/** What the article says these tests saw; the two tests below assert each status against it. */
const ARTICLE_SAYS = 'a silent backend gets a 504 and a missing key a 401 with its challenge';
const stated = (what: RegExp) => Number(what.exec(ARTICLE_SAYS)![1]);

/**
 * A listening socket that never accepts, with its one-place accept queue already taken: new
 * connection attempts get no answer at all. Python, because Node accepts every connection itself.
 */
async function blackhole(): Promise<{ address: string; close(): void }> {
  const python: ChildProcess = spawn(
    PYTHON,
    ['-c', "import socket, sys\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(0)\nprint(s.getsockname()[1], flush=True)\nsys.stdin.read()"],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: python.stdout! })[Symbol.asyncIterator]();
  const line = (await lines.next()).value as string;
  const port = Number(line);
  // The first connection completes and fills the queue; from then on SYNs are dropped.
  const filler: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => filler.once('connect', () => resolve()).once('error', reject));
  return {
    address: `127.0.0.1:${port}`,
    close() {
      filler.destroy();
      python.kill();
    },
  };
}

async function send(input: JourneyInput, keyOverride?: string): Promise<Observed> {
  const headers: Record<string, string> = {};
  if (input.behindClientProxy) headers['x-forwarded-for'] = '198.51.100.23';
  if (input.apiKey === 'valid') headers['x-api-key'] = keyOverride ?? 'k-7f3a';
  if (input.apiKey === 'wrong') headers['x-api-key'] = 'k-guess';
  const response = await fetch(`http://127.0.0.1:${ports.doorman}${input.path}`, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let atBackend: Record<string, string> | null = null;
  try {
    atBackend = (JSON.parse(text) as { headers: Record<string, string> }).headers;
  } catch {
    // nginx's own error pages are HTML: the request never reached a backend.
  }
  return { status: response.status, cache: response.headers.get('x-cache-status'), challenge: response.headers.get('www-authenticate'), atBackend };
}

const base: JourneyInput = {
  https: false,
  path: '/api/orders',
  apiKey: 'valid',
  burstSize: 1,
  cached: false,
  behindClientProxy: false,
  backends: 'healthy',
};

function forwardedFor(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

describe('the request journey model against a real nginx chain', () => {
  it('healthy rooms: 200, headers as the model says, X-Forwarded-For one entry per hop', async () => {
    await withChain(live(), async () => {
      for (const behindClientProxy of [false, true]) {
        const input = { ...base, behindClientProxy };
        const model = runJourney(input);
        const real = await send(input);
        expect(real.status).toBe(model.status);
        const modelChain = forwardedFor(model.atBackend['X-Forwarded-For']);
        const realChain = forwardedFor(real.atBackend!['x-forwarded-for']);
        expect(realChain.length).toBe(modelChain.length);
        if (behindClientProxy) expect(realChain[0]).toBe(modelChain[0]);
        // Every hop after the client's own proxy is a loopback address here.
        expect(realChain.slice(behindClientProxy ? 1 : 0).every((a) => a === '127.0.0.1')).toBe(true);
        // X-Real-IP: set by the doorman to the client, passed through untouched by the inner hops.
        expect(real.atBackend!['x-real-ip']).toBe('127.0.0.1');
        expect(model.atBackend['X-Real-IP']).toBe(ADDRESSES.client);
        expect(real.atBackend!['x-forwarded-proto']).toBe(model.atBackend['X-Forwarded-Proto']);
        expect(real.atBackend!['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      }
    });
  });

  it('no key or a wrong key: 401 with a WWW-Authenticate challenge from the concierge, no backend reached', async () => {
    await withChain(live(), async () => {
      const before = pool.backends.reduce((n, b) => n + b.received.length, 0);
      for (const apiKey of ['missing', 'wrong'] as const) {
        const input = { ...base, apiKey };
        const real = await send(input);
        expect(real.status).toBe(runJourney(input).status);
        expect(real.status).toBe(stated(/missing key a (\d{3})/));
        // RFC 9110 §15.5.2: the 401 says how to authenticate.
        expect(real.challenge).toBe(KEY_CHALLENGE);
      }
      expect(pool.backends.reduce((n, b) => n + b.received.length, 0)).toBe(before);
    });
  });

  it(`a burst of 10 at once: limit_req lets burst + 1 = ${BURST + 1} through, the rest get 429 (tolerance +1 for drain while sending)`, async () => {
    await withChain(live(), async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => send(base, 'k-burst')));
      const passed = results.filter((r) => r.status === 200).length;
      expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
      const predicted = limitReq(Array(10).fill(0), RATE_PER_SECOND, BURST).filter(Boolean).length;
      expect(predicted).toBe(6);
      expect(passed).toBeGreaterThanOrEqual(predicted);
      expect(passed).toBeLessThanOrEqual(predicted + 1);
      expect(runJourney({ ...base, burstSize: 10 }).status).toBe(429);
    });
  });

  it('a public page: the first visit reaches a room, the second is answered by the doorman from cache', async () => {
    await withChain(live(), async () => {
      const before = pool.backends.reduce((n, b) => n + b.received.length, 0);
      const first = await send({ ...base, path: '/menu', apiKey: 'missing' });
      expect([first.status, first.cache]).toEqual([200, 'MISS']);
      expect(runJourney({ ...base, path: '/menu', apiKey: 'missing', cached: false }).answeredBy).toBe('room');
      const second = await send({ ...base, path: '/menu', apiKey: 'missing' });
      expect([second.status, second.cache]).toEqual([200, 'HIT']);
      expect(runJourney({ ...base, path: '/menu', apiKey: 'missing', cached: true }).answeredBy).toBe('doorman');
      expect(pool.backends.reduce((n, b) => n + b.received.length, 0)).toBe(before + 1);
    });
  });

  it('one room refusing connections: the front desk tries the next, the guest gets 200', async () => {
    const dead = `127.0.0.1:${await freePort()}`;
    await withChain([dead, live()[0]!], async () => {
      const model = runJourney({ ...base, backends: 'one-down' });
      for (let i = 0; i < 4; i++) expect((await send(base)).status).toBe(model.status);
    });
  });

  it('every room refusing: 502 from the front desk', async () => {
    const dead = [`127.0.0.1:${await freePort()}`, `127.0.0.1:${await freePort()}`];
    await withChain(dead, async () => {
      const real = await send(base);
      expect(real.status).toBe(runJourney({ ...base, backends: 'all-down' }).status);
      expect(real.status).toBe(502);
    });
  });

  it('rooms that never answer a connection attempt: 504 from the front desk after proxy_connect_timeout, not 502', async () => {
    const silent = await blackhole();
    try {
      await withChain([silent.address], async () => {
        const started = Date.now();
        const real = await send(base);
        expect(real.status).toBe(runJourney({ ...base, backends: 'unreachable' }).status);
        expect(real.status).toBe(stated(/silent backend gets a (\d{3})/));
        expect(Date.now() - started).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 50);
        expect(nginx!.errorLog()).toMatch(/upstream timed out \(110: Connection timed out\) while connecting to upstream/);
      });
    } finally {
      silent.close();
    }
  });

  it('a room slower than proxy_read_timeout: 504 from the front desk', async () => {
    for (const b of pool.backends) b.mode = { kind: 'delay', ms: READ_TIMEOUT_MS + 500 };
    try {
      await withChain(live(), async () => {
        const real = await send(base);
        expect(real.status).toBe(runJourney({ ...base, backends: 'slow' }).status);
        expect(real.status).toBe(504);
      });
    } finally {
      for (const b of pool.backends) b.mode = { kind: 'fast' };
    }
  });
});
