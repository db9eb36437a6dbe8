/**
 * Every configuration the builder can produce passes `nginx -t` (Debian's nginx 1.22), over a
 * systematic sample of the option space:
 *  - every role x policy x auth mode, once with every feature on and once with every feature off;
 *  - every role x hash key for the consistent-hash method;
 *  - every role x each of the 16 rows of a strength-2 orthogonal array over the nine on/off options,
 *    so every pair of those options is seen in all four on/off combinations;
 *  - edge cases: one server, the maximum number of servers, heavy weights, hostile input.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  AUTH_MODES,
  HASH_KEYS,
  MAX_SERVERS,
  NGINX_POLICIES,
  RANGES,
  ROLES,
  normalizeOptions,
  presetFor,
  type BuilderOptions,
} from '../../../src/sims/loadbalancer-reverseproxy-apigateway/nginxOptions.ts';
import { buildNginxConfig } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/nginxConfig.ts';
import { controlsForRole, optionsFromControls } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/builderControls.ts';
import { makePrefix } from '../../support/nginx.ts';

const prefix = makePrefix('syntax');
afterAll(() => prefix.remove());

function allFeatures(on: boolean): Partial<BuilderOptions> {
  return {
    tls: on,
    cache: on,
    forwardedHeaders: on,
    keepalive: on,
    sharedState: on,
    retryNextServer: on,
    rateLimit: on ? 25 : 0,
    maxFails: on ? 3 : 0,
    trustedProxy: on ? '10.0.0.0/8' : '',
  };
}

/** Row r, column c of the Hadamard-derived orthogonal array OA(16, 15, 2, 2): parity of r AND c. */
function oaBit(row: number, column: number): boolean {
  let x = row & column;
  let parity = 0;
  while (x) {
    parity ^= x & 1;
    x >>= 1;
  }
  return parity === 1;
}

function oaRow(row: number): Partial<BuilderOptions> {
  const bit = (c: number) => oaBit(row, c);
  return {
    tls: bit(1),
    cache: bit(2),
    forwardedHeaders: bit(3),
    keepalive: bit(4),
    sharedState: bit(5),
    retryNextServer: bit(6),
    rateLimit: bit(7) ? 5 : 0,
    maxFails: bit(8) ? 2 : 0,
    trustedProxy: bit(9) ? '192.168.0.0/16' : '',
    policy: NGINX_POLICIES[row % NGINX_POLICIES.length],
    auth: AUTH_MODES[row % AUTH_MODES.length],
    hashKey: HASH_KEYS[row % HASH_KEYS.length],
  };
}

interface Case {
  label: string;
  options: BuilderOptions;
}

function sample(): Case[] {
  const cases: Case[] = [];
  const add = (label: string, raw: Partial<BuilderOptions>, role: BuilderOptions['role']) =>
    cases.push({ label, options: normalizeOptions({ ...presetFor(role), ...raw }) });
  for (const role of ROLES) {
    add(`${role} preset`, {}, role);
    for (const policy of NGINX_POLICIES)
      for (const auth of AUTH_MODES)
        for (const on of [true, false]) add(`${role} ${policy} ${auth} features ${on ? 'on' : 'off'}`, { policy, auth, ...allFeatures(on) }, role);
    for (const hashKey of HASH_KEYS) add(`${role} hash ${hashKey}`, { policy: 'consistent-hash', hashKey }, role);
    for (let row = 0; row < 16; row++) add(`${role} OA row ${row}`, oaRow(row), role);
    add(`${role} one server`, { services: [{ name: 'solo', path: '/', servers: [{ address: '127.0.0.1:9000', weight: 1 }] }] }, role);
    add(
      `${role} many heavy servers`,
      {
        policy: 'weighted-round-robin',
        services: [
          {
            name: 'wide',
            path: '/v1/',
            servers: Array.from({ length: MAX_SERVERS + 3 }, (_, i) => ({ address: `10.9.0.${i + 1}:80${i}`, weight: 100 })),
          },
        ],
      },
      role,
    );
  }
  // What a hostile URL could hand the builder: normalisation must still give a valid configuration.
  cases.push({
    label: 'hostile input',
    options: normalizeOptions({
      role: 'api-gateway',
      serverName: 'evil.com; } server { listen 1;',
      services: [
        {
          name: 'x;y',
          path: '/a b/',
          servers: [
            { address: '1.2.3.4:99999', weight: -5 },
            { address: 'localhost:80', weight: NaN },
          ],
        },
      ] as never,
      apiKey: 'k"; return 200',
      trustedProxy: '0.0.0.0/99',
      rateLimit: Infinity,
      burst: -1,
      policy: 'magic',
      auth: 'api-key',
    }),
  });
  return cases;
}

describe('nginx config builder against nginx -t', () => {
  const cases = sample();

  it(`samples a useful number of configurations (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThan(190);
    expect(new Set(cases.map((c) => buildNginxConfig(c.options, prefix.deployment()))).size).toBeGreaterThan(150);
  });

  it('every sampled configuration passes nginx -t', () => {
    const failures: string[] = [];
    for (const c of cases) {
      const config = buildNginxConfig(c.options, prefix.deployment());
      const problem = prefix.check(config);
      if (problem) failures.push(`${c.label}: ${problem}\n${config}`);
    }
    expect(failures.slice(0, 2).join('\n\n')).toBe('');
    expect(failures.length).toBe(0);
  });

  it('a configuration nginx rejects is reported (the check can fail)', () => {
    const broken = buildNginxConfig(presetFor('load-balancer'), prefix.deployment()).replace('least_conn;', 'least_conn');
    expect(prefix.check(broken)).toMatch(/emerg|invalid|unexpected/);
  });
});

describe('the builder controls, as a reader sets them, against nginx -t', () => {
  it('every role x policy x auth x server count x features on/off passes', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const role of ROLES)
      for (const policy of NGINX_POLICIES)
        for (const auth of AUTH_MODES)
          for (const servers of [1, MAX_SERVERS])
            for (const on of [true, false]) {
              const controls = {
                ...controlsForRole(role),
                policy,
                auth,
                servers,
                weight: on ? RANGES.weight.max : RANGES.weight.min,
                maxFails: on ? RANGES.maxFails.max : RANGES.maxFails.min,
                failTimeout: on ? RANGES.failTimeout.max : RANGES.failTimeout.min,
                tls: on,
                cache: on,
                headers: on,
                keepalive: on,
                shared: on,
                retry: on,
                realip: on,
                readTimeout: on ? RANGES.readTimeout.max : RANGES.readTimeout.min,
                rate: on ? RANGES.rateLimit.max : RANGES.rateLimit.min,
                hashKey: HASH_KEYS[checked % HASH_KEYS.length]!,
              };
              const config = buildNginxConfig(optionsFromControls(controls), prefix.deployment());
              const problem = prefix.check(config);
              checked++;
              if (problem) failures.push(`${JSON.stringify(controls)}: ${problem}`);
            }
    expect(checked).toBe(252);
    expect(failures.slice(0, 2).join('\n')).toBe('');
  });
});
