import { describe, expect, it } from 'vitest';
import { buildNginxConfig, isAddress, normalizeOptions, presetFor, type BuilderOptions } from './nginxConfig.ts';

function build(raw: Partial<BuilderOptions>, role: BuilderOptions['role'] = 'load-balancer'): string {
  return buildNginxConfig(normalizeOptions({ ...presetFor(role), ...raw }));
}

/** Braces balance and never close more than they opened: the structure a hostile value would break. */
function balanced(config: string): boolean {
  let depth = 0;
  for (const ch of config.replace(/'[^']*'/g, '')) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('nginx config builder', () => {
  it('writes the balancing method first in the upstream, before keepalive', () => {
    const upstream = /upstream app \{([^}]*)\}/.exec(build({ algorithm: 'consistent-hash', hashKey: '$http_x_client' }))![1]!;
    const lines = upstream.trim().split('\n').map((l) => l.trim());
    expect(lines[0]).toBe('hash $http_x_client consistent;');
    expect(lines.at(-1)).toBe('keepalive 32;');
  });

  it('maps each algorithm to its nginx directive', () => {
    expect(build({ algorithm: 'round-robin' })).not.toMatch(/least_conn|ip_hash|random|hash /);
    expect(build({ algorithm: 'least-conn' })).toContain('least_conn;');
    expect(build({ algorithm: 'random' })).toContain('random;');
    expect(build({ algorithm: 'random-two' })).toContain('random two least_conn;');
    expect(build({ algorithm: 'ip-hash' })).toContain('ip_hash;');
  });

  it('writes weights except for plain round robin, and passive health checks per server', () => {
    expect(build({ algorithm: 'weighted' })).toContain('server 10.0.1.11:8080 weight=3 max_fails=3 fail_timeout=10s;');
    expect(build({ algorithm: 'round-robin' })).toContain('server 10.0.1.11:8080 max_fails=3 fail_timeout=10s;');
    expect(build({ maxFails: 0 })).toContain('server 10.0.1.12:8080 max_fails=0;');
  });

  it('terminates TLS with a redirect from plain HTTP when asked', () => {
    const config = build({ tls: true });
    expect(config).toContain('listen 443 ssl;');
    expect(config).toContain('return 301 https://$host$request_uri;');
    expect(build({ tls: false })).not.toContain('ssl');
  });

  it('appends the client to X-Forwarded-For and trusts a front proxy only when told', () => {
    expect(build({})).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(build({ forwardedHeaders: false })).not.toContain('X-Forwarded-For');
    expect(build({ trustedProxy: '10.0.0.0/8' })).toContain('set_real_ip_from 10.0.0.0/8;');
  });

  it('gateway: key check, rate limit per key, JSON errors, prefix stripped', () => {
    const config = build({}, 'api-gateway');
    expect(config).toContain('limit_req_zone $http_x_api_key zone=per_client:10m rate=10r/s;');
    expect(config).toContain('"demo-key-change-me" "client-1";');
    expect(config).toContain('error_page 429 @rate_limited;');
    expect(config).toContain('proxy_pass http://users/;');
    expect(build({ auth: 'auth-request' }, 'api-gateway')).toContain('auth_request /_auth;');
  });

  it('keeps per-client cache entries apart when the gateway caches authenticated answers', () => {
    expect(build({ cache: true, auth: 'api-key' }, 'api-gateway')).toContain('proxy_cache_key $scheme$proxy_host$request_uri$http_x_api_key;');
  });

  it('accepts only IPv4:port addresses with a real port', () => {
    expect(isAddress('10.0.0.1:8080')).toBe(true);
    expect(isAddress('10.0.0.1:65535')).toBe(true);
    expect(isAddress('10.0.0.1:65536')).toBe(false);
    expect(isAddress('256.0.0.1:80')).toBe(false);
    expect(isAddress('app.internal:80')).toBe(false);
    expect(isAddress('10.0.0.1')).toBe(false);
  });

  it('hostile values fall back to safe ones and never change the structure', () => {
    const options = normalizeOptions({
      role: 'api-gateway',
      serverName: 'a.com; } server { listen 1',
      apiKey: 'x"; } return 200 "',
      trustedProxy: '1.2.3.4/8; allow all',
      services: [{ name: 'u', path: '/a;b/', servers: [{ address: '1.1.1.1:80; include /etc/passwd', weight: 1e9 }] }] as never,
      rateLimit: -3,
      readTimeout: Number.NaN,
    });
    expect(options.serverName).toBe('example.com');
    expect(options.apiKey).toBe('demo-key-change-me');
    expect(options.trustedProxy).toBe('');
    expect(options.services[0]!.path).toBe('/api/users/');
    expect(options.services[0]!.servers[0]).toEqual({ address: '10.0.2.21:8080', weight: 100 });
    expect(options.rateLimit).toBe(0);
    expect(options.readTimeout).toBe(30);
    const config = buildNginxConfig(options);
    expect(balanced(config)).toBe(true);
    expect(config).not.toContain('passwd');
  });

  it('drops duplicate servers, caps the count and gives each service a distinct name', () => {
    const servers = Array.from({ length: 12 }, (_, i) => ({ address: `10.0.0.${i % 3}:80`, weight: 1 }));
    const options = normalizeOptions({ services: [{ name: 'a', path: '/', servers }, { name: 'a', path: '/b/', servers }] });
    expect(options.services[0]!.servers.map((s) => s.address)).toEqual(['10.0.0.0:80', '10.0.0.1:80', '10.0.0.2:80']);
    expect(new Set(options.services.map((s) => s.name)).size).toBe(2);
  });
});
