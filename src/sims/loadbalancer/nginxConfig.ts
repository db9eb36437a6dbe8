/**
 * The nginx config builder's model: a role and a handful of options in, a complete nginx.conf out.
 *
 * Everything a reader can type is validated against a strict pattern before it reaches the text, so a
 * pasted `;` or `}` can never change the configuration's structure. Addresses are IPv4:port on purpose:
 * nginx resolves host names once, when it loads the file, and `nginx -t` fails on a name it cannot
 * resolve, which would make the builder's promise ("this passes nginx -t") depend on the reader's DNS.
 */

export const ROLES = ['load-balancer', 'reverse-proxy', 'api-gateway'] as const;
export type Role = (typeof ROLES)[number];

export const ALGORITHMS = [
  'round-robin',
  'weighted',
  'least-conn',
  'random',
  'random-two',
  'ip-hash',
  'consistent-hash',
] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

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
  algorithm: Algorithm;
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
    algorithm: 'least-conn',
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
        algorithm: 'round-robin',
        tls: true,
        cache: true,
      };
    case 'api-gateway':
      return {
        ...common,
        services: [
          { name: 'users', path: '/api/users/', servers: [{ address: '10.0.2.21:8080', weight: 1 }, { address: '10.0.2.22:8080', weight: 1 }] },
          { name: 'orders', path: '/api/orders/', servers: [{ address: '10.0.3.31:8080', weight: 1 }, { address: '10.0.3.32:8080', weight: 1 }] },
        ],
        algorithm: 'round-robin',
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

function integer(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export const MAX_SERVERS = 8;

/** Options from anywhere (a form, a URL, a test) made safe: valid values kept, the rest from the preset. */
export function normalizeOptions(raw: Partial<Record<keyof BuilderOptions, unknown>>): BuilderOptions {
  const role = oneOf(raw.role, ROLES, 'load-balancer');
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
      weight: integer(server?.weight, 1, 100, 1),
    }));
    // nginx accepts the same address twice, but it silently doubles that server's share: keep one.
    const unique = servers.filter((server, j) => servers.findIndex((o) => o.address === server.address) === j);
    return { name, path: text(s?.path, PATH_PREFIX, fallback.path), servers: unique };
  });
  return {
    role,
    serverName: text(raw.serverName, SERVER_NAME, preset.serverName),
    services,
    algorithm: oneOf(raw.algorithm, ALGORITHMS, preset.algorithm),
    hashKey: oneOf(raw.hashKey, HASH_KEYS, preset.hashKey),
    maxFails: integer(raw.maxFails, 0, 10, preset.maxFails),
    failTimeout: integer(raw.failTimeout, 1, 300, preset.failTimeout),
    retryNextServer: flag(raw.retryNextServer, preset.retryNextServer),
    sharedState: flag(raw.sharedState, preset.sharedState),
    keepalive: flag(raw.keepalive, preset.keepalive),
    tls: flag(raw.tls, preset.tls),
    cache: flag(raw.cache, preset.cache),
    forwardedHeaders: flag(raw.forwardedHeaders, preset.forwardedHeaders),
    trustedProxy: raw.trustedProxy === '' ? '' : text(raw.trustedProxy, CIDR, preset.trustedProxy),
    connectTimeout: integer(raw.connectTimeout, 1, 60, preset.connectTimeout),
    readTimeout: integer(raw.readTimeout, 1, 600, preset.readTimeout),
    rateLimit: integer(raw.rateLimit, 0, 10_000, preset.rateLimit),
    burst: integer(raw.burst, 0, 1000, preset.burst),
    auth: oneOf(raw.auth, AUTH_MODES, preset.auth),
    apiKey: text(raw.apiKey, API_KEY, preset.apiKey),
    authService: address(raw.authService, preset.authService),
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Lines with their nesting; `null` entries are dropped so optional parts read inline. */
type Line = string | null | false | Line[];

function render(lines: Line[], depth = 0): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line === null || line === false) continue;
    if (Array.isArray(line)) out.push(...render(line, depth + 1));
    else out.push(line === '' ? '' : '    '.repeat(depth) + line);
  }
  return out;
}

function block(head: string, body: Line[]): Line[] {
  return [`${head} {`, body, '}'];
}

const METHOD_DIRECTIVE: Record<Algorithm, (o: BuilderOptions) => string | null> = {
  'round-robin': () => null,
  weighted: () => null,
  'least-conn': () => 'least_conn;',
  random: () => 'random;',
  'random-two': () => 'random two least_conn;',
  'ip-hash': () => 'ip_hash;',
  'consistent-hash': (o) => `hash ${o.hashKey} consistent;`,
};

function upstreamBlock(o: BuilderOptions, service: Service): Line[] {
  const method = METHOD_DIRECTIVE[o.algorithm](o);
  const servers = service.servers.map((s) => {
    const parts = [`server ${s.address}`];
    // Plain round robin ignores weights by definition; every other method honours them.
    if (o.algorithm !== 'round-robin' && s.weight !== 1) parts.push(`weight=${s.weight}`);
    parts.push(`max_fails=${o.maxFails}`);
    if (o.maxFails > 0) parts.push(`fail_timeout=${o.failTimeout}s`);
    return `${parts.join(' ')};`;
  });
  return block(`upstream ${service.name}`, [
    // The method must come before keepalive, or keepalive wraps the wrong balancer.
    method,
    o.sharedState ? `zone ${service.name} 64k;` : null,
    ...servers,
    o.keepalive ? 'keepalive 32;' : null,
  ]);
}

function listen(d: Deployment, port: number, ssl: boolean): string {
  const where = d.listenAddress ? `${d.listenAddress}:${port}` : String(port);
  return `listen ${where}${ssl ? ' ssl' : ''};`;
}

function proxyLocation(o: BuilderOptions, service: Service): Line[] {
  const gateway = o.role === 'api-gateway';
  return block(`location ${service.path}`, [
    // nginx rejects burst=0; leaving it out means the same thing.
    o.rateLimit > 0 ? `limit_req zone=per_client${o.burst > 0 ? ` burst=${o.burst} nodelay` : ''};` : null,
    ...(o.auth === 'api-key' ? block('if ($api_client = "")', ['return 401;']) : []),
    o.auth === 'auth-request' ? 'auth_request /_auth;' : null,
    o.cache ? 'proxy_cache app_cache;' : null,
    o.cache ? 'proxy_cache_valid 200 301 10m;' : null,
    o.cache ? 'proxy_cache_valid 404 1m;' : null,
    o.cache ? 'proxy_cache_use_stale error timeout updating http_502 http_503 http_504;' : null,
    o.cache ? 'proxy_cache_lock on;' : null,
    // A cache shared by every caller must not hand one client's answer to another.
    o.cache && o.auth === 'api-key' ? 'proxy_cache_key $scheme$proxy_host$request_uri$http_x_api_key;' : null,
    o.cache && o.auth === 'auth-request' ? 'proxy_cache_key $scheme$proxy_host$request_uri$http_authorization;' : null,
    o.cache ? 'add_header X-Cache-Status $upstream_cache_status always;' : null,
    // add_header here stops the server-level one from being inherited, so repeat it.
    o.cache && gateway ? 'add_header X-Request-ID $request_id always;' : null,
    // With a URI part ("/") nginx strips the location prefix: /api/users/42 reaches the service as /42.
    `proxy_pass http://${service.name}${gateway ? '/' : ''};`,
  ]);
}

function jsonError(name: string, code: number, message: string): Line[] {
  return block(`location @${name}`, ['default_type application/json;', `return ${code} '{"error":"${message}"}\\n';`]);
}

function serverBlock(o: BuilderOptions, d: Deployment): Line[] {
  const gateway = o.role === 'api-gateway';
  const headers: Line[] = o.forwardedHeaders
    ? [
        'proxy_set_header Host $host;',
        'proxy_set_header X-Real-IP $remote_addr;',
        'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
        'proxy_set_header X-Forwarded-Proto $scheme;',
      ]
    : [];
  return block('server', [
    o.tls ? listen(d, d.httpsPort, true) : listen(d, d.httpPort, false),
    `server_name ${o.serverName};`,
    o.tls ? `ssl_certificate ${d.certificate};` : null,
    o.tls ? `ssl_certificate_key ${d.certificateKey};` : null,
    o.tls ? 'ssl_protocols TLSv1.2 TLSv1.3;' : null,
    o.tls ? 'ssl_session_cache shared:TLS:10m;' : null,
    '',
    o.trustedProxy ? `set_real_ip_from ${o.trustedProxy};` : null,
    o.trustedProxy ? 'real_ip_header X-Forwarded-For;' : null,
    o.trustedProxy ? 'real_ip_recursive on;' : null,
    ...headers,
    // A location that sets any proxy_set_header of its own inherits none of these, hence all here.
    gateway ? 'proxy_set_header X-Request-ID $request_id;' : null,
    o.keepalive ? 'proxy_http_version 1.1;' : null,
    o.keepalive ? 'proxy_set_header Connection "";' : null,
    `proxy_connect_timeout ${o.connectTimeout}s;`,
    `proxy_read_timeout ${o.readTimeout}s;`,
    o.retryNextServer ? 'proxy_next_upstream error timeout http_502 http_503;' : 'proxy_next_upstream off;',
    o.retryNextServer ? 'proxy_next_upstream_tries 2;' : null,
    gateway ? 'add_header X-Request-ID $request_id always;' : null,
    gateway ? 'error_page 401 @unauthorized;' : null,
    gateway ? 'error_page 429 @rate_limited;' : null,
    gateway ? 'error_page 502 503 @bad_gateway;' : null,
    gateway ? 'error_page 504 @gateway_timeout;' : null,
    '',
    ...o.services.flatMap((s) => proxyLocation(o, s)),
    ...(gateway && !o.services.some((s) => s.path === '/')
      ? block('location /', ['default_type application/json;', `return 404 '{"error":"no such route"}\\n';`])
      : []),
    ...(o.auth === 'auth-request'
      ? block('location = /_auth', [
          'internal;',
          'proxy_pass http://auth_service/verify;',
          'proxy_pass_request_body off;',
          'proxy_set_header Content-Length "";',
          'proxy_set_header X-Original-URI $request_uri;',
        ])
      : []),
    ...(gateway
      ? [
          ...jsonError('unauthorized', 401, 'missing or invalid credentials'),
          ...jsonError('rate_limited', 429, 'too many requests'),
          ...jsonError('bad_gateway', 502, 'upstream unavailable'),
          ...jsonError('gateway_timeout', 504, 'upstream timed out'),
        ]
      : []),
  ]);
}

/** The complete nginx.conf for the options, laid out for `deployment`'s paths. */
export function buildNginxConfig(options: BuilderOptions, deployment: Deployment = DEBIAN_DEPLOYMENT): string {
  const o = options;
  const d = deployment;
  const rateKey = o.auth === 'api-key' ? '$http_x_api_key' : '$binary_remote_addr';
  const temp = d.tempDir;
  const lines: Line[] = [
    `# nginx.conf: ${o.role.replace('-', ' ')} for ${o.serverName}`,
    `user ${d.user};`,
    `worker_processes ${d.workerProcesses};`,
    `pid ${d.pidFile};`,
    `error_log ${d.errorLog};`,
    '',
    ...block('events', ['worker_connections 1024;']),
    '',
    ...block('http', [
      `access_log ${d.accessLog};`,
      'server_tokens off;',
      temp ? `client_body_temp_path ${temp}/client_body;` : null,
      temp ? `proxy_temp_path ${temp}/proxy;` : null,
      temp ? `fastcgi_temp_path ${temp}/fastcgi;` : null,
      temp ? `uwsgi_temp_path ${temp}/uwsgi;` : null,
      temp ? `scgi_temp_path ${temp}/scgi;` : null,
      '',
      o.rateLimit > 0 ? `limit_req_zone ${rateKey} zone=per_client:10m rate=${o.rateLimit}r/s;` : null,
      o.rateLimit > 0 ? 'limit_req_status 429;' : null,
      o.cache
        ? `proxy_cache_path ${d.cacheDir} levels=1:2 keys_zone=app_cache:10m max_size=1g inactive=60m use_temp_path=off;`
        : null,
      ...(o.auth === 'api-key'
        ? ['', ...block('map $http_x_api_key $api_client', ['default "";', `"${o.apiKey}" "client-1";`])]
        : []),
      '',
      ...o.services.flatMap((s) => upstreamBlock(o, s)),
      ...(o.auth === 'auth-request' ? block('upstream auth_service', [`server ${o.authService};`]) : []),
      '',
      ...(o.tls
        ? block('server', [
            listen(d, d.httpPort, false),
            `server_name ${o.serverName};`,
            `return 301 https://$host$request_uri;`,
          ])
        : []),
      ...serverBlock(o, d),
    ]),
  ];
  return (
    render(lines)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/\{\n\n/g, '{\n')
      .replace(/\n\n(\s*\})/g, '\n$1') + '\n'
  );
}

// ---------------------------------------------------------------------------------------------
// The builder's controls: a flat, URL-friendly set of choices, turned into options.

export interface BuilderControls {
  role: Role;
  algorithm: Algorithm;
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
    algorithm: p.algorithm,
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
  const count = integer(c.servers, 1, MAX_SERVERS, 1);
  return normalizeOptions({
    ...preset,
    services: preset.services.map((s, k) => ({
      ...s,
      servers: Array.from({ length: count }, (_, i) => ({ address: serverAddress(c.role, k, i), weight: i === 0 ? c.weight : 1 })),
    })),
    algorithm: c.algorithm,
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
