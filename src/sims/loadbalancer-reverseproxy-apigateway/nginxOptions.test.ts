import { describe, expect, it } from 'vitest';
import { buildNginxConfig } from './nginxConfig.ts';
import { isAddress, normalizeOptions } from './nginxOptions.ts';

/** Braces balance and never close more than they opened: the structure a hostile value would break. */
function balanced(config: string): boolean {
  let depth = 0;
  for (const ch of config.replace(/'[^']*'/g, '')) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('nginx config builder options', () => {
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
    const options = normalizeOptions({
      services: [
        { name: 'a', path: '/', servers },
        { name: 'a', path: '/b/', servers },
      ],
    });
    expect(options.services[0]!.servers.map((s) => s.address)).toEqual(['10.0.0.0:80', '10.0.0.1:80', '10.0.0.2:80']);
    expect(new Set(options.services.map((s) => s.name)).size).toBe(2);
  });

  it('holds every number to one range, whoever sends it', () => {
    const high = normalizeOptions({ failTimeout: 1e6, readTimeout: 1e6, rateLimit: 1e6, maxFails: 99 });
    expect([high.failTimeout, high.readTimeout, high.rateLimit, high.maxFails]).toEqual([120, 300, 100, 10]);
    const low = normalizeOptions({ failTimeout: 0, readTimeout: -1, rateLimit: -1, maxFails: -1 });
    expect([low.failTimeout, low.readTimeout, low.rateLimit, low.maxFails]).toEqual([1, 1, 0, 0]);
  });
});
