/**
 * The nginx config builder's text: validated options (nginxOptions.ts) in, a complete nginx.conf out,
 * laid out for a deployment's paths.
 */
import { DEBIAN_DEPLOYMENT, type BuilderOptions, type Deployment, type NginxPolicy, type Service } from './nginxOptions.ts';

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

/** Each policy's directive in the upstream block; round robin, weighted or not, is nginx's default. */
const METHOD_DIRECTIVE: Record<NginxPolicy, (o: BuilderOptions) => string | null> = {
  'round-robin': () => null,
  'weighted-round-robin': () => null,
  'least-connections': () => 'least_conn;',
  random: () => 'random;',
  'two-choices': () => 'random two least_conn;',
  'ip-hash': () => 'ip_hash;',
  'consistent-hash': (o) => `hash ${o.hashKey} consistent;`,
};

function upstreamBlock(o: BuilderOptions, service: Service): Line[] {
  const method = METHOD_DIRECTIVE[o.policy](o);
  const servers = service.servers.map((s) => {
    const parts = [`server ${s.address}`];
    // Plain round robin ignores weights by definition; every other method honours them.
    if (o.policy !== 'round-robin' && s.weight !== 1) parts.push(`weight=${s.weight}`);
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
    ...(o.auth === 'api-key' ? block('if ($api_client = "")', [keyChallenge(o), 'return 401;']) : []),
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

/**
 * RFC 9110 §15.5.2: a 401 MUST carry a WWW-Authenticate challenge saying how to authenticate. An API
 * key in its own header has no registered scheme, so the challenge names one ("Key", as Kong's
 * key-auth plugin does); auth_request passes on the challenge of the auth service instead.
 */
function keyChallenge(o: BuilderOptions): string {
  return `add_header WWW-Authenticate 'Key realm="${o.serverName}"' always;`;
}

function jsonError(name: string, code: number, message: string, headers: Line[] = []): Line[] {
  return block(`location @${name}`, [...headers, 'default_type application/json;', `return ${code} '{"error":"${message}"}\\n';`]);
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
          // The redirect to this location drops headers added on the way, so the challenge is set here;
          // and an add_header here stops the server-level X-Request-ID from being inherited, so repeat it.
          ...jsonError(
            'unauthorized',
            401,
            'missing or invalid credentials',
            o.auth === 'api-key' ? [keyChallenge(o), 'add_header X-Request-ID $request_id always;'] : [],
          ),
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
      o.cache ? `proxy_cache_path ${d.cacheDir} levels=1:2 keys_zone=app_cache:10m max_size=1g inactive=60m use_temp_path=off;` : null,
      ...(o.auth === 'api-key' ? ['', ...block('map $http_x_api_key $api_client', ['default "";', `"${o.apiKey}" "client-1";`])] : []),
      '',
      ...o.services.flatMap((s) => upstreamBlock(o, s)),
      ...(o.auth === 'auth-request' ? block('upstream auth_service', [`server ${o.authService};`]) : []),
      '',
      ...(o.tls ? block('server', [listen(d, d.httpPort, false), `server_name ${o.serverName};`, `return 301 https://$host$request_uri;`]) : []),
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
