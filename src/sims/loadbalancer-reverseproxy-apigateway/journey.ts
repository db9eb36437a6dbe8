/**
 * A request's journey through the Grand Hotel: the doorman (an edge reverse proxy), the concierge
 * (an API gateway), the front desk (a load balancer) and the rooms (backends). Each hop is a separate
 * machine, so X-Forwarded-For grows by one address per hop and the backend's own view of "who is
 * calling" is only the last hop's address.
 *
 * Each station behaves as the nginx directives the builder emits for that role:
 *  - doorman: `listen 443 ssl` (TLS ends here), `proxy_cache` for public pages,
 *    `X-Forwarded-For $proxy_add_x_forwarded_for`, `X-Real-IP $remote_addr`, `X-Forwarded-Proto $scheme`;
 *  - concierge: API key check (401), `limit_req` (429, nginx's leaky bucket), `X-Request-ID`;
 *  - front desk: an upstream with `proxy_next_upstream`, 502 when every backend refuses the
 *    connection, 504 when a backend leaves the connection attempt unanswered past
 *    `proxy_connect_timeout` or the request unanswered past `proxy_read_timeout` (nginx answers 504
 *    for every upstream timeout: `ngx_http_upstream_next` in src/http/ngx_http_upstream.c).
 * The inner hops only append to X-Forwarded-For and pass X-Real-IP and X-Forwarded-Proto through: were
 * they to set them from their own `$remote_addr` and `$scheme`, the room would see the concierge's
 * address and "http".
 */

import { clampNumber } from '../kit/model.ts';

export const STATIONS = ['client', 'doorman', 'concierge', 'front-desk', 'room'] as const;
export type Station = (typeof STATIONS)[number];

/** The machines' addresses, as each next hop sees them. */
export const ADDRESSES: Record<Station, string> = {
  client: '203.0.113.7',
  doorman: '10.0.0.2',
  concierge: '10.0.0.3',
  'front-desk': '10.0.0.4',
  room: '10.0.1.11',
};

export const PATHS = ['/menu', '/api/orders'] as const;
export type RequestPath = (typeof PATHS)[number];

export const KEY_STATES = ['valid', 'missing', 'wrong'] as const;
export type KeyState = (typeof KEY_STATES)[number];

export const BACKEND_STATES = ['healthy', 'one-down', 'all-down', 'unreachable', 'slow'] as const;
export type BackendState = (typeof BACKEND_STATES)[number];

export interface JourneyInput {
  https: boolean;
  path: RequestPath;
  apiKey: KeyState;
  /** How many requests this client sends at the same instant (this one is the last of them). */
  burstSize: number;
  /** The doorman already holds a fresh copy of this page. */
  cached: boolean;
  /** The client itself sits behind a corporate proxy that added X-Forwarded-For. */
  behindClientProxy: boolean;
  backends: BackendState;
}

export const RATE_PER_SECOND = 10;
export const BURST = 5;
/** Requests one client sends at the same instant. */
export const BURST_SIZE = { min: 1, max: 20, fallback: 1, integer: true } as const;
export const CONNECT_TIMEOUT_MS = 1000;
export const READ_TIMEOUT_MS = 3000;
/** The concierge's answer to a request without a valid key: RFC 9110 §15.5.2 requires a challenge. */
export const KEY_CHALLENGE = 'Key realm="orders"';
export const SLOW_BACKEND_MS = 5000;
const CLIENT_PROXY_ADDRESS = '198.51.100.23';

export interface Step {
  station: Station;
  /** What the station did, in a sentence. */
  action: string;
  /** Headers this station set on the request it forwards. */
  added: Record<string, string>;
}

export interface JourneyResult {
  steps: Step[];
  status: number;
  /** The station that wrote the response. */
  answeredBy: Station;
  /** The headers the room received (empty if the request never got there). */
  atBackend: Record<string, string>;
  /** The peer address the room's socket shows: the lost client IP. */
  backendSeesPeer: string | null;
}

/**
 * nginx's limit_req (leaky bucket, `nodelay`): `excess` drains at `rate` per second and each request
 * adds one; a request that would push excess past `burst` is rejected and not counted.
 * Returns, for each arrival time (ms), whether it was let through.
 */
export function limitReq(arrivalsMs: readonly number[], rate: number, burst: number): boolean[] {
  let excess = 0;
  let last: number | null = null;
  return arrivalsMs.map((t) => {
    // A client's first request creates its bucket with excess zero; later ones drain, then add one.
    const candidate = last === null ? 0 : Math.max(0, excess - (rate * Math.max(0, t - last)) / 1000 + 1);
    if (candidate > burst) return false;
    excess = candidate;
    last = t;
    return true;
  });
}

function appendForwardedFor(previous: string | undefined, peer: string): string {
  return previous ? `${previous}, ${peer}` : peer;
}

export function runJourney(input: JourneyInput): JourneyResult {
  const burstSize = clampNumber(input.burstSize, BURST_SIZE);
  const steps: Step[] = [];
  const headers: Record<string, string> = { Host: 'grandhotel.example' };
  if (input.behindClientProxy) headers['X-Forwarded-For'] = CLIENT_PROXY_ADDRESS;
  const isApi = input.path === '/api/orders';
  if (isApi && input.apiKey !== 'missing') headers['X-Api-Key'] = input.apiKey === 'valid' ? 'k-7f3a' : 'k-guess';
  steps.push({
    station: 'client',
    action: `${input.https ? 'Opens a TLS connection and sends' : 'Sends'} GET ${input.path}${input.behindClientProxy ? ' through its office proxy' : ''}.`,
    added: { ...headers },
  });
  const stop = (station: Station, status: number, action: string): JourneyResult => {
    steps.push({ station, action, added: {} });
    return { steps, status, answeredBy: station, atBackend: {}, backendSeesPeer: null };
  };

  // Doorman: TLS ends here; public pages may come straight from the cache.
  const scheme = input.https ? 'https' : 'http';
  if (!isApi && input.cached) {
    return stop(
      'doorman',
      200,
      `${input.https ? 'Decrypts the request. ' : ''}Has a fresh copy of ${input.path} and answers from the cache (X-Cache-Status: HIT); nobody behind him is disturbed.`,
    );
  }
  const fromDoorman: Record<string, string> = {
    'X-Forwarded-For': appendForwardedFor(headers['X-Forwarded-For'], ADDRESSES.client),
    'X-Real-IP': ADDRESSES.client,
    'X-Forwarded-Proto': scheme,
  };
  Object.assign(headers, fromDoorman);
  steps.push({
    station: 'doorman',
    action: `${input.https ? 'Decrypts the request (TLS ends here) and ' : ''}${isApi ? 'passes the API call on' : 'misses in the cache and passes the request on'}, noting who knocked.`,
    added: fromDoorman,
  });

  // Concierge: the API needs a key and has a rate limit; public pages walk past.
  if (isApi) {
    if (input.apiKey !== 'valid') {
      const why = input.apiKey === 'missing' ? 'No X-Api-Key' : 'Unknown X-Api-Key';
      return stop('concierge', 401, `${why}: answers 401 Unauthorized, with WWW-Authenticate: ${KEY_CHALLENGE} saying how to sign in.`);
    }
    const admitted = limitReq(Array(burstSize).fill(0), RATE_PER_SECOND, BURST);
    if (!admitted.at(-1)) {
      return stop(
        'concierge',
        429,
        `This is request ${burstSize} of a burst; the limit is ${RATE_PER_SECOND}/s with a burst of ${BURST}: answers 429 Too Many Requests.`,
      );
    }
  }
  const fromConcierge: Record<string, string> = {
    'X-Forwarded-For': appendForwardedFor(headers['X-Forwarded-For'], ADDRESSES.doorman),
    'X-Request-ID': '7c1e9a52d0b34f6e',
  };
  Object.assign(headers, fromConcierge);
  steps.push({
    station: 'concierge',
    action: isApi
      ? 'Key accepted, within the rate limit; tags the request with an ID for tracing.'
      : 'Public page: no key needed; tags the request with an ID.',
    added: fromConcierge,
  });

  // Front desk: pick a room, skip one that refuses, give up when none answers in time.
  if (input.backends === 'all-down') {
    return stop('front-desk', 502, 'Every room refuses the connection: answers 502 Bad Gateway.');
  }
  const fromDesk: Record<string, string> = {
    'X-Forwarded-For': appendForwardedFor(headers['X-Forwarded-For'], ADDRESSES.concierge),
  };
  Object.assign(headers, fromDesk);
  steps.push({
    station: 'front-desk',
    action:
      input.backends === 'one-down'
        ? 'The first room it tries refuses the connection; marks it and tries the next one (proxy_next_upstream).'
        : input.backends === 'unreachable'
          ? 'Chooses a room (least connections) and tries to open a connection to it.'
          : 'Chooses a room (least connections) and forwards the request.',
    added: fromDesk,
  });
  if (input.backends === 'unreachable') {
    return stop(
      'front-desk',
      504,
      `No room answers the connection attempt within proxy_connect_timeout (${CONNECT_TIMEOUT_MS / 1000} s): answers 504 Gateway Timeout.`,
    );
  }
  if (input.backends === 'slow') {
    steps.push({ station: 'room', action: `Works on it for ${SLOW_BACKEND_MS / 1000} s.`, added: {} });
    return {
      ...stop('front-desk', 504, `No answer within proxy_read_timeout (${READ_TIMEOUT_MS / 1000} s): answers 504 Gateway Timeout.`),
      atBackend: { ...headers },
      backendSeesPeer: ADDRESSES['front-desk'],
    };
  }
  steps.push({
    station: 'room',
    action: `Answers 200. Its socket says the caller is ${ADDRESSES['front-desk']}; the guest is only in X-Forwarded-For and X-Real-IP.`,
    added: {},
  });
  return { steps, status: 200, answeredBy: 'room', atBackend: { ...headers }, backendSeesPeer: ADDRESSES['front-desk'] };
}
