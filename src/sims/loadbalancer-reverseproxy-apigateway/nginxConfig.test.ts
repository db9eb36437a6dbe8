import { describe, expect, it } from 'vitest';
import { buildNginxConfig } from './nginxConfig.ts';
import { normalizeOptions, presetFor, type BuilderOptions } from './nginxOptions.ts';

function build(raw: Partial<BuilderOptions>, role: BuilderOptions['role'] = 'load-balancer'): string {
  return buildNginxConfig(normalizeOptions({ ...presetFor(role), ...raw }));
}

describe('nginx config builder', () => {
  it('writes the balancing method first in the upstream, before keepalive', () => {
    const upstream = /upstream app \{([^}]*)\}/.exec(build({ policy: 'consistent-hash', hashKey: '$http_x_client' }))![1]!;
    const lines = upstream
      .trim()
      .split('\n')
      .map((l) => l.trim());
    expect(lines[0]).toBe('hash $http_x_client consistent;');
    expect(lines.at(-1)).toBe('keepalive 32;');
  });

  it('maps each policy to its nginx directive', () => {
    expect(build({ policy: 'round-robin' })).not.toMatch(/least_conn|ip_hash|random|hash /);
    expect(build({ policy: 'least-connections' })).toContain('least_conn;');
    expect(build({ policy: 'random' })).toContain('random;');
    expect(build({ policy: 'two-choices' })).toContain('random two least_conn;');
    expect(build({ policy: 'ip-hash' })).toContain('ip_hash;');
  });

  it('writes weights except for plain round robin, and passive health checks per server', () => {
    expect(build({ policy: 'weighted-round-robin' })).toContain('server 10.0.1.11:8080 weight=3 max_fails=3 fail_timeout=10s;');
    expect(build({ policy: 'round-robin' })).toContain('server 10.0.1.11:8080 max_fails=3 fail_timeout=10s;');
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

  it("answers 401 with a WWW-Authenticate challenge, also through the gateway's JSON error page", () => {
    const challenge = `add_header WWW-Authenticate 'Key realm="example.com"' always;`;
    const gateway = build({}, 'api-gateway');
    const unauthorized = /location @unauthorized \{([^}]*)\}/.exec(gateway)![1]!;
    expect(unauthorized).toContain(challenge);
    expect(unauthorized).toContain('add_header X-Request-ID $request_id always;');
    const balancer = build({ auth: 'api-key' });
    expect(/if \(\$api_client = ""\) \{([^}]*)\}/.exec(balancer)![1]).toContain(challenge);
  });

  it('keeps per-client cache entries apart when the gateway caches authenticated answers', () => {
    expect(build({ cache: true, auth: 'api-key' }, 'api-gateway')).toContain('proxy_cache_key $scheme$proxy_host$request_uri$http_x_api_key;');
  });
});
