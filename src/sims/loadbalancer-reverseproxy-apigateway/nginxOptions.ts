/**
 * The nginx config builder's options: a role and a handful of choices, each validated at this edge.
 *
 * Everything a reader can type is checked against a strict pattern before it reaches the text, so a
 * pasted `;` or `}` can never change the configuration's structure. Addresses are IPv4:port on purpose:
 * nginx resolves host names once, when it loads the file, and `nginx -t` fails on a name it cannot
 * resolve, which would make the builder's promise ("this passes nginx -t") depend on the reader's DNS.
 */
import { clampNumber, pickOne, type NumberRange } from '../kit/model.ts';
import { POLICY_IDS, type PolicyId } from './policies.ts';

export const ROLES = ['load-balancer', 'reverse-proxy', 'api-gateway'] as const;
export type Role = (typeof ROLES)[number];

/** The policies nginx has a directive for: all but the hashing article's ring, which nginx does not run. */
export const NGINX_POLICIES = POLICY_IDS.filter((p): p is Exclude<PolicyId, 'ring-hash'> => p !== 'ring-hash');
export type NginxPolicy = (typeof NGINX_POLICIES)[number];

export const HASH_KEYS = ['$request_uri', '$remote_addr', '$cookie_session', '$http_x_client'] as const;
export type HashKey = (typeof HASH_KEYS)[number];

export const AUTH_MODES = ['none', 'api-key', 'auth-request'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export interface UpstreamServer {
  /** IPv4:port, e.g. 10.0.1.11:8080. */
  address: string;
  weight: number;
}

/** One group of backends and the path prefix routed to it. */
export interface Service {
  name: string;
  path: string;
  servers: UpstreamServer[];
}

export interface BuilderOptions {
  role: Role;
  serverName: string;
  services: Service[];
  policy: NginxPolicy;
  hashKey: HashKey;
  /** Passive health checks: after maxFails failures within failTimeout seconds, skip the server for failTimeout. 0 turns them off. */
  maxFails: number;
  failTimeout: number;
  /** Retry the next server on a connection error, a timeout or a 502/503. */
  retryNextServer: boolean;
  /** Share balancer state between worker processes (`zone`), so round robin is one rotation, not one per worker. */
  sharedState: boolean;
  keepalive: boolean;
  tls: boolean;
  cache: boolean;
  forwardedHeaders: boolean;
  /** CIDR of a proxy in front of this one whose X-Forwarded-For is trusted (realip), or '' for none. */
  trustedProxy: string;
  connectTimeout: number;
  readTimeout: number;
  /** Requests per second per client (per API key with key auth); 0 turns rate limiting off. */
  rateLimit: number;
  burst: number;
  auth: AuthMode;
  apiKey: string;
  /** IPv4:port of the service auth_request asks. */
  authService: string;
}

/** Where the configuration lives on disk; the tests swap these for a private prefix. */
export interface Deployment {
  user: string;
  workerProcesses: 'auto' | number;
  pidFile: string;
  errorLog: string;
  accessLog: string;
  /** Directory for nginx's temporary files, or null for the paths compiled into the package. */
  tempDir: string | null;
  certificate: string;
  certificateKey: string;
  cacheDir: string;
  /** Address to listen on, or '' for all. */
  listenAddress: string;
  httpPort: number;
  httpsPort: number;
}

export const DEBIAN_DEPLOYMENT: Deployment = {
  user: 'www-data',
  workerProcesses: 'auto',
  pidFile: '/run/nginx.pid',
  errorLog: '/var/log/nginx/error.log',
  accessLog: '/var/log/nginx/access.log',
  tempDir: null,
  certificate: '/etc/ssl/certs/example.com.crt',
  certificateKey: '/etc/ssl/private/example.com.key',
  cacheDir: '/var/cache/nginx/app',
  listenAddress: '',
  httpPort: 80,
  httpsPort: 443,
};

const APP_SERVERS: UpstreamServer[] = [
  { address: '10.0.1.11:8080', weight: 3 },
  { address: '10.0.1.12:8080', weight: 1 },
  { address: '10.0.1.13:8080', weight: 1 },
];

/** The starting point for each role: what that role usually switches on. */
export function presetFor(role: Role): BuilderOptions {
  const common: BuilderOptions = {
    role,
    serverName: 'example.com',
    services: [{ name: 'app', path: '/', servers: APP_SERVERS }],
    policy: 'least-connections',
    hashKey: '$request_uri',
    maxFails: 3,
    failTimeout: 10,
    retryNextServer: true,
    sharedState: true,
    keepalive: true,
    tls: false,
    cache: false,
    forwardedHeaders: true,
    trustedProxy: '',
    connectTimeout: 2,
    readTimeout: 30,
    rateLimit: 0,
    burst: 20,
    auth: 'none',
    apiKey: 'demo-key-change-me',
    authService: '10.0.9.10:9000',
  };
  switch (role) {
    case 'load-balancer':
      return common;
    case 'reverse-proxy':
      return {
        ...common,
        services: [{ name: 'app', path: '/', servers: [{ address: '127.0.0.1:3000', weight: 1 }] }],
        policy: 'round-robin',
        tls: true,
        cache: true,
      };
    case 'api-gateway':
      return {
        ...common,
        services: [
          {
            name: 'users',
            path: '/api/users/',
            servers: [
              { address: '10.0.2.21:8080', weight: 1 },
              { address: '10.0.2.22:8080', weight: 1 },
            ],
          },
          {
            name: 'orders',
            path: '/api/orders/',
            servers: [
              { address: '10.0.3.31:8080', weight: 1 },
              { address: '10.0.3.32:8080', weight: 1 },
            ],
          },
        ],
        policy: 'round-robin',
        tls: true,
        rateLimit: 10,
        auth: 'api-key',
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: anything that is not plainly valid falls back to the role's preset value.

const IPV4_PORT = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}:(?<port>[1-9]\d{0,4})$/;
const CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/([12]?\d|3[0-2])$/;
const SERVER_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const SERVICE_NAME = /^[a-z][a-z0-9_]{0,30}$/;
const PATH_PREFIX = /^\/([A-Za-z0-9._~-]+\/)*$/;
const API_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export function isAddress(value: string): boolean {
  const match = IPV4_PORT.exec(value);
  return match !== null && Number(match.groups!.port) <= 65535;
}

function text(value: unknown, pattern: RegExp, fallback: string): string {
  return typeof value === 'string' && pattern.test(value) ? value : fallback;
}

function address(value: unknown, fallback: string): string {
  return typeof value === 'string' && isAddress(value) ? value : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

type WholeRange = Omit<NumberRange, 'fallback'>;
const whole = (min: number, max: number): WholeRange => ({ min, max, integer: true });

/**
 * The range of every number the builder accepts, stated once: normalizeOptions clamps to it and the
 * builder's sliders offer it. Timeouts are in seconds, the rate in requests per second.
 */
export const RANGES = {
  servers: whole(1, 8),
  weight: whole(1, 100),
  maxFails: whole(0, 10),
  failTimeout: whole(1, 120),
  connectTimeout: whole(1, 60),
  readTimeout: whole(1, 300),
  rateLimit: whole(0, 100),
  burst: whole(0, 1000),
} as const satisfies Record<string, WholeRange>;

function number(value: unknown, range: WholeRange, fallback: number): number {
  return clampNumber(value, { ...range, fallback });
}

export const MAX_SERVERS = RANGES.servers.max;

/** Options from anywhere (a form, a URL, a test) made safe: valid values kept, the rest from the preset. */
export function normalizeOptions(raw: Partial<Record<keyof BuilderOptions, unknown>>): BuilderOptions {
  const role = pickOne(raw.role, ROLES, 'load-balancer');
  const preset = presetFor(role);
  const rawServices = Array.isArray(raw.services) && raw.services.length > 0 ? raw.services.slice(0, 4) : preset.services;
  const usedNames = new Set<string>();
  const services: Service[] = rawServices.map((s: Partial<Service>, i) => {
    const fallback = preset.services[i] ?? preset.services[0]!;
    let name = text(s?.name, SERVICE_NAME, fallback.name);
    while (usedNames.has(name)) name = `${name}_${i}`;
    usedNames.add(name);
    const rawServers = Array.isArray(s?.servers) && s.servers.length > 0 ? s.servers.slice(0, MAX_SERVERS) : fallback.servers;
    const servers = rawServers.map((server: Partial<UpstreamServer>, j) => ({
      address: address(server?.address, fallback.servers[j % fallback.servers.length]!.address),
      weight: number(server?.weight, RANGES.weight, 1),
    }));
    // nginx accepts the same address twice, but it silently doubles that server's share: keep one.
    const unique = servers.filter((server, j) => servers.findIndex((o) => o.address === server.address) === j);
    return { name, path: text(s?.path, PATH_PREFIX, fallback.path), servers: unique };
  });
  return {
    role,
    serverName: text(raw.serverName, SERVER_NAME, preset.serverName),
    services,
    policy: pickOne(raw.policy, NGINX_POLICIES, preset.policy),
    hashKey: pickOne(raw.hashKey, HASH_KEYS, preset.hashKey),
    maxFails: number(raw.maxFails, RANGES.maxFails, preset.maxFails),
    failTimeout: number(raw.failTimeout, RANGES.failTimeout, preset.failTimeout),
    retryNextServer: flag(raw.retryNextServer, preset.retryNextServer),
    sharedState: flag(raw.sharedState, preset.sharedState),
    keepalive: flag(raw.keepalive, preset.keepalive),
    tls: flag(raw.tls, preset.tls),
    cache: flag(raw.cache, preset.cache),
    forwardedHeaders: flag(raw.forwardedHeaders, preset.forwardedHeaders),
    trustedProxy: raw.trustedProxy === '' ? '' : text(raw.trustedProxy, CIDR, preset.trustedProxy),
    connectTimeout: number(raw.connectTimeout, RANGES.connectTimeout, preset.connectTimeout),
    readTimeout: number(raw.readTimeout, RANGES.readTimeout, preset.readTimeout),
    rateLimit: number(raw.rateLimit, RANGES.rateLimit, preset.rateLimit),
    burst: number(raw.burst, RANGES.burst, preset.burst),
    auth: pickOne(raw.auth, AUTH_MODES, preset.auth),
    apiKey: text(raw.apiKey, API_KEY, preset.apiKey),
    authService: address(raw.authService, preset.authService),
  };
}
