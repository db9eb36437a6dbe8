/**
 * The config builder's controls: a flat, URL-friendly set of choices a reader makes, turned into
 * builder options. Every number keeps the range nginxOptions.ts states for it.
 */
import { RANGES, presetFor, normalizeOptions, type AuthMode, type BuilderOptions, type HashKey, type NginxPolicy, type Role } from './nginxOptions.ts';
import { clampNumber } from '../kit/model.ts';

export interface BuilderControls {
  role: Role;
  policy: NginxPolicy;
  hashKey: HashKey;
  /** Servers per service. */
  servers: number;
  /** Weight of the first server (the others weigh 1). */
  weight: number;
  maxFails: number;
  failTimeout: number;
  tls: boolean;
  cache: boolean;
  headers: boolean;
  keepalive: boolean;
  shared: boolean;
  retry: boolean;
  realip: boolean;
  readTimeout: number;
  rate: number;
  auth: AuthMode;
}

/** The controls as a role's preset sets them. */
export function controlsForRole(role: Role): BuilderControls {
  const p = presetFor(role);
  return {
    role,
    policy: p.policy,
    hashKey: p.hashKey,
    servers: p.services[0]!.servers.length,
    weight: p.services[0]!.servers[0]!.weight,
    maxFails: p.maxFails,
    failTimeout: p.failTimeout,
    tls: p.tls,
    cache: p.cache,
    headers: p.forwardedHeaders,
    keepalive: p.keepalive,
    shared: p.sharedState,
    retry: p.retryNextServer,
    realip: p.trustedProxy !== '',
    readTimeout: p.readTimeout,
    rate: p.rateLimit,
    auth: p.auth,
  };
}

function serverAddress(role: Role, service: number, i: number): string {
  return role === 'reverse-proxy' ? `127.0.0.1:${3000 + i}` : `10.0.${service + 1}.${11 + i}:8080`;
}

export function optionsFromControls(c: BuilderControls): BuilderOptions {
  const preset = presetFor(c.role);
  const count = clampNumber(c.servers, { ...RANGES.servers, fallback: 1 });
  return normalizeOptions({
    ...preset,
    services: preset.services.map((s, k) => ({
      ...s,
      servers: Array.from({ length: count }, (_, i) => ({ address: serverAddress(c.role, k, i), weight: i === 0 ? c.weight : 1 })),
    })),
    policy: c.policy,
    hashKey: c.hashKey,
    maxFails: c.maxFails,
    failTimeout: c.failTimeout,
    tls: c.tls,
    cache: c.cache,
    forwardedHeaders: c.headers,
    keepalive: c.keepalive,
    sharedState: c.shared,
    retryNextServer: c.retry,
    trustedProxy: c.realip ? '10.0.0.0/8' : '',
    readTimeout: c.readTimeout,
    rateLimit: c.rate,
    auth: c.auth,
  });
}
