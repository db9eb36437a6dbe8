/**
 * The article's claims checked on real software: nginx's `hash $key consistent` (a ketama ring, 160
 * points per unit of weight) against its plain `hash $key` (a remainder of the hash over the
 * servers). One private nginx runs six tiny backends, each answering its own name, and front
 * locations that route the same keys over different upstream groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NGINX, freePort, makePrefix, startNginx, type RunningNginx } from '../../support/nginx.ts';
import { sampleKeys } from '../../../src/sims/consistent-hashing/lockerRoom.ts';
import { crc32, nginxRing } from './nginxRing.ts';

const BACKENDS = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay'] as const;
const KEYS = sampleKeys(2000);

/** Upstream groups: name → backends, hashed consistently or not. */
const GROUPS = {
  ring4: { members: BACKENDS.slice(0, 4), consistent: true },
  ring5: { members: BACKENDS.slice(0, 5), consistent: true },
  ring5noBen: { members: BACKENDS.slice(0, 5).filter((b) => b !== 'Ben'), consistent: true },
  modN4: { members: BACKENDS.slice(0, 4), consistent: false },
  modN5: { members: BACKENDS.slice(0, 5), consistent: false },
} as const;
type Group = keyof typeof GROUPS;

const prefix = makePrefix('hashing');
let nginx: RunningNginx | undefined;
let front = 0;
const ports: Record<string, number> = {};

function config(frontPort: number, ports: Record<string, number>): string {
  const upstreams = Object.entries(GROUPS).map(
    ([name, g]) => `upstream ${name} { hash $arg_key${g.consistent ? ' consistent' : ''}; ${g.members.map((m) => `server 127.0.0.1:${ports[m]};`).join(' ')} }`,
  );
  const backends = BACKENDS.map((b) => `server { listen 127.0.0.1:${ports[b]}; location / { return 200 "${b}"; } }`);
  const locations = Object.keys(GROUPS).map((name) => `location /${name} { proxy_pass http://${name}; }`);
  return `
user root;
worker_processes 1;
pid logs/nginx.pid;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path tmp/body; proxy_temp_path tmp/proxy; fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi; scgi_temp_path tmp/scgi;
  ${upstreams.join('\n  ')}
  ${backends.join('\n  ')}
  server { listen 127.0.0.1:${frontPort}; ${locations.join(' ')} }
}`;
}

beforeAll(async () => {
  for (const b of BACKENDS) ports[b] = await freePort();
  front = await freePort();
  // The backends are server blocks of the same nginx, so they listen as soon as the front does:
  // no proxied request can fail early and mark a backend down (max_fails=1).
  nginx = await startNginx(prefix, config(front, ports), front);
});

afterAll(async () => {
  await nginx?.stop();
  prefix.remove();
});

/** Which backend nginx sends each key to through a group: 2000 requests, 16 at a time. */
async function placement(group: Group): Promise<string[]> {
  const out: string[] = new Array(KEYS.length);
  let next = 0;
  const worker = async () => {
    while (next < KEYS.length) {
      const i = next++;
      const response = await fetch(`http://127.0.0.1:${front}/${group}?key=${encodeURIComponent(KEYS[i]!)}`);
      out[i] = await response.text();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return out;
}

const movedBetween = (a: string[], b: string[]) => a.flatMap((was, i) => (was === b[i] ? [] : [{ was, is: b[i]! }]));

describe('nginx upstream hashing', () => {
  it('runs the nginx release the article names in its footnote', () => {
    const article = readFileSync(join(import.meta.dirname, '../../../src/content/posts/consistent-hashing/index.mdx'), 'utf8');
    const named = /^\[\^nginx\]:.*Tested against Debian's nginx (\d+\.\d+)\./m.exec(article)?.[1];
    expect(named, 'the [^nginx] footnote names the nginx release').toBeDefined();
    // `nginx -v` prints "nginx version: nginx/1.22.1" on stderr.
    const reported = spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr;
    expect(reported).toMatch(new RegExp(`nginx/${named!.replace('.', '\\.')}\\.`));
  });

  it('hash consistent: adding a fifth server moves about 1/5 of the keys, all of them to the newcomer', async () => {
    const [four, five] = [await placement('ring4'), await placement('ring5')];
    expect(new Set(four)).toEqual(new Set(BACKENDS.slice(0, 4)));
    const moved = movedBetween(four, five);
    expect(moved.filter((m) => m.is !== 'Eli')).toEqual([]);
    // Eli's share of a 160-point-per-server ring: mean 1/5, relative sd about 1/sqrt(160) = 8%.
    expect(moved.length / KEYS.length).toBeGreaterThan(0.13);
    expect(moved.length / KEYS.length).toBeLessThan(0.27);
  });

  it('hash consistent: removing a server moves only that server’s keys', async () => {
    const [five, withoutBen] = [await placement('ring5'), await placement('ring5noBen')];
    const moved = movedBetween(five, withoutBen);
    expect(moved.filter((m) => m.was !== 'Ben')).toEqual([]);
    expect(moved.length).toBe(five.filter((s) => s === 'Ben').length);
  });

  it('plain hash (remainder over the servers): adding a fifth server moves most keys, as mod-N does', async () => {
    const [four, five] = [await placement('modN4'), await placement('modN5')];
    const moved = movedBetween(four, five);
    // Under hash mod N, 4 → 5 moves 4/5 of the keys; many land on the old servers, not only the newcomer.
    expect(Math.abs(moved.length / KEYS.length - 4 / 5)).toBeLessThan(0.05);
    expect(moved.filter((m) => m.is !== 'Eli').length).toBeGreaterThan(KEYS.length / 2);
  });

  it('hash consistent routes every key exactly where our Ring, given nginx’s point placement, predicts', async () => {
    // CRC-32 check value from the CRC catalogue (and zlib): "123456789" → 0xCBF43926.
    expect(crc32('123456789')).toBe(0xcbf43926);
    for (const group of ['ring4', 'ring5', 'ring5noBen'] as const) {
      const members = GROUPS[group].members;
      const byAddress = new Map(members.map((m) => [`127.0.0.1:${ports[m]}`, m]));
      const ring = nginxRing([...byAddress.keys()]);
      // $arg_key is the argument as sent, still percent-encoded, so that is what nginx hashes.
      const predicted = KEYS.map((k) => byAddress.get(ring.serverFor(encodeURIComponent(k)))!);
      const actual = await placement(group);
      expect(actual.filter((served, i) => served !== predicted[i]).length, group).toBe(0);
    }
  });
});
