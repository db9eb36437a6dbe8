/**
 * Load-balancing policies as pure functions: given the request, the backends as the balancer sees
 * them and the state carried from the previous pick, return the chosen backend and the next state.
 *
 * Where nginx has the same method, the function follows nginx 1.22's algorithm step by step
 * (src/http/ngx_http_upstream_round_robin.c and src/http/modules/ngx_http_upstream_*_module.c), so the
 * integration tests can predict a real nginx request by request.
 */
import type { Random } from '../kit/model.ts';
import { Ring } from '../engines/hash-ring/ring.ts';
import { crc32, littleEndian32, utf8 } from './crc32.ts';

export type { Random };

export interface Backend {
  /** The address exactly as written in the upstream block: nginx's consistent hash hashes this text. */
  name: string;
  /** nginx's `weight=`; 1 unless set. */
  weight: number;
  /** Requests in flight to this backend (nginx's per-peer `conns`). */
  active: number;
  /** False while the backend is down or failed its health check (max_fails within fail_timeout). */
  up: boolean;
}

/** What a balancer may look at in a request: a hash key (a header, a URI) and the client's address. */
export interface RequestInfo {
  key?: string;
  clientIp?: string;
}

/** nginx's smooth weighted round robin keeps one `current_weight` per backend between requests. */
export interface BalancerState {
  currentWeight: number[];
}

export interface Choice {
  /** The chosen backend, or -1 when none is live (nginx answers 502 "no live upstreams"). */
  index: number;
  state: BalancerState;
}

export type Policy = (request: RequestInfo, backends: readonly Backend[], state: BalancerState, random: Random) => Choice;

/**
 * The load-balancing policies, one id each, used by the model, the simulation, the config builder and
 * the tests alike. `consistent-hash` is nginx's `hash $key consistent` (its ketama ring of CRC-32
 * points); `ring-hash` is the consistent hashing article's ring (MurmurHash3, virtual nodes).
 */
export const POLICY_IDS = [
  'round-robin',
  'weighted-round-robin',
  'least-connections',
  'random',
  'two-choices',
  'ip-hash',
  'consistent-hash',
  'ring-hash',
] as const;
export type PolicyId = (typeof POLICY_IDS)[number];

/** What each policy is called wherever a reader sees it. */
export const POLICY_LABELS: Record<PolicyId, string> = {
  'round-robin': 'Round robin',
  'weighted-round-robin': 'Weighted round robin',
  'least-connections': 'Least connections',
  random: 'Random',
  'two-choices': 'Power of two choices',
  'ip-hash': 'IP hash',
  'consistent-hash': "Consistent hash (nginx's ring)",
  'ring-hash': 'Consistent hash (the locker-room ring)',
};

export function initialState(backendCount: number): BalancerState {
  return { currentWeight: new Array<number>(backendCount).fill(0) };
}

function weightsOf(backends: readonly Backend[]): number[] {
  return backends.map((b) => Math.max(1, Math.floor(b.weight)));
}

function currentWeights(state: BalancerState, n: number): number[] {
  return Array.from({ length: n }, (_, i) => state.currentWeight[i] ?? 0);
}

/**
 * nginx's smooth weighted round robin among the backends `eligible` allows: every candidate's current
 * weight grows by its weight, the largest wins (the first on a tie) and pays back the sum. Weights
 * 5,1,1 give a a b a c a a: the heavy server's turns are spread out instead of bunched.
 */
function smoothPick(backends: readonly Backend[], weights: readonly number[], state: BalancerState, eligible: (i: number) => boolean): Choice {
  const current = currentWeights(state, backends.length);
  let best = -1;
  let total = 0;
  for (let i = 0; i < backends.length; i++) {
    if (!backends[i]!.up || !eligible(i)) continue;
    current[i]! += weights[i]!;
    total += weights[i]!;
    if (best === -1 || current[i]! > current[best]!) best = i;
  }
  if (best !== -1) current[best]! -= total;
  return { index: best, state: { currentWeight: current } };
}

/** Plain rotation: nginx's default method when no server has a weight. */
export const roundRobin: Policy = (_request, backends, state) =>
  smoothPick(
    backends,
    backends.map(() => 1),
    state,
    () => true,
  );

export const weightedRoundRobin: Policy = (_request, backends, state) => smoothPick(backends, weightsOf(backends), state, () => true);

/**
 * nginx's `least_conn`: the fewest requests in flight relative to weight; ties are broken by smooth
 * weighted round robin among the tied backends only.
 */
export const leastConnections: Policy = (_request, backends, state) => {
  const weights = weightsOf(backends);
  let best = -1;
  for (let i = 0; i < backends.length; i++) {
    if (!backends[i]!.up) continue;
    // Cross-multiplied to compare active/weight without division, as nginx does.
    if (best === -1 || backends[i]!.active * weights[best]! < backends[best]!.active * weights[i]!) best = i;
  }
  if (best === -1) return { index: -1, state };
  const tied = (i: number) => backends[i]!.active * weights[best]! === backends[best]!.active * weights[i]!;
  return smoothPick(backends, weights, state, tied);
};

function weightedDraw(backends: readonly Backend[], weights: readonly number[], random: Random, skip = -1): number {
  let total = 0;
  for (let i = 0; i < backends.length; i++) if (backends[i]!.up && i !== skip) total += weights[i]!;
  if (total === 0) return -1;
  let x = Math.min(total - 1, Math.floor(random() * total));
  for (let i = 0; i < backends.length; i++) {
    if (!backends[i]!.up || i === skip) continue;
    if (x < weights[i]!) return i;
    x -= weights[i]!;
  }
  return -1;
}

/** nginx's `random`: a live backend drawn with probability proportional to its weight. */
export const randomChoice: Policy = (_request, backends, state, random) => ({
  index: weightedDraw(backends, weightsOf(backends), random),
  state,
});

/**
 * Power of two choices (nginx's `random two least_conn`): draw two different live backends, send the
 * request to the one with fewer requests in flight per unit of weight. On a tie nginx keeps the second
 * one drawn: ngx_http_upstream_get_random2_peer goes back to the first only when the second is busier.
 */
export const twoChoices: Policy = (_request, backends, state, random) => {
  const weights = weightsOf(backends);
  const first = weightedDraw(backends, weights, random);
  if (first === -1) return { index: -1, state };
  const second = weightedDraw(backends, weights, random, first);
  if (second === -1) return { index: first, state };
  const secondIsBusier = backends[second]!.active * weights[first]! > backends[first]!.active * weights[second]!;
  return { index: secondIsBusier ? first : second, state };
};

// ---------------------------------------------------------------------------------------------
// ip_hash

/** The bytes nginx hashes for a client: the first three octets of an IPv4 address. */
export function ipHashBytes(clientIp: string | undefined): number[] {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(clientIp ?? '');
  const octets = match ? match.slice(1, 4).map(Number) : [];
  // Anything else (no address, IPv6 not modelled) hashes like nginx's pseudo-address for unix sockets.
  return octets.length === 3 && octets.every((o) => o <= 255) ? octets : [0, 0, 0];
}

/**
 * nginx's `ip_hash`: hash = (hash * 113 + octet) % 6271 from 89, then walk the weights; a dead pick
 * re-hashes from where it stopped, and after 20 misses nginx falls back to round robin.
 */
export const ipHash: Policy = (request, backends, state, random) => {
  const weights = weightsOf(backends);
  if (backends.length < 2) return weightedRoundRobin(request, backends, state, random);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const bytes = ipHashBytes(request.clientIp);
  let hash = 89;
  for (let tries = 0; tries <= 20; tries++) {
    for (const byte of bytes) hash = (hash * 113 + byte) % 6271;
    let w = hash % totalWeight;
    let p = 0;
    while (w >= weights[p]!) {
      w -= weights[p]!;
      p++;
    }
    if (backends[p]!.up) return { index: p, state };
  }
  return weightedRoundRobin(request, backends, state, random);
};

// ---------------------------------------------------------------------------------------------
// hash $key consistent (ketama, as nginx builds it)

export interface RingPoint {
  hash: number;
  server: string;
}

/** Host and port the way nginx splits a server name: the port is the digits after the last colon. */
function splitHostPort(name: string): [string, string] {
  if (name.toLowerCase().startsWith('unix:')) return [name.slice(5), ''];
  const match = /^(.*):(\d*)$/.exec(name);
  return match ? [match[1]!, match[2]!] : [name, ''];
}

/**
 * nginx's consistent-hash ring: 160 points per unit of weight, point j of a server being
 * crc32(host \0 port previous-point), sorted, duplicates dropped.
 */
export function ketamaPoints(backends: readonly Pick<Backend, 'name' | 'weight'>[]): RingPoint[] {
  const points: RingPoint[] = [];
  for (const backend of backends) {
    const [host, port] = splitHostPort(backend.name);
    const base = [utf8(host), new Uint8Array([0]), utf8(port)];
    let previous = 0;
    const count = Math.max(1, Math.floor(backend.weight)) * 160;
    for (let j = 0; j < count; j++) {
      previous = crc32(...base, littleEndian32(previous));
      points.push({ hash: previous, server: backend.name });
    }
  }
  // A stable sort keeps nginx's order among equal hashes only approximately; equal 32-bit hashes
  // between servers are rare enough that the first one kept is the same in practice.
  points.sort((a, b) => a.hash - b.hash);
  return points.filter((p, i) => i === 0 || p.hash !== points[i - 1]!.hash);
}

/** Index of the first point whose hash is >= `hash` (points.length when past the last one). */
export function firstPointAtOrAfter(points: readonly RingPoint[], hash: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.hash < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ringCache = new Map<string, RingPoint[]>();

function ringFor(backends: readonly Backend[]): RingPoint[] {
  const id = backends.map((b) => `${b.name}*${b.weight}`).join('\n');
  let points = ringCache.get(id);
  if (!points) {
    points = ketamaPoints(backends);
    if (ringCache.size >= 16) ringCache.delete(ringCache.keys().next().value!);
    ringCache.set(id, points);
  }
  return points;
}

/** Ring points nginx tries past the first before falling back to round robin. */
export const CHASH_TRIES = 20;

/**
 * nginx's `hash $key consistent`: crc32 of the key, the first ring point at or after it, and that
 * point's server if it is live; otherwise the next point clockwise. After 20 further points without a
 * live server nginx gives up on the ring and falls back to weighted round robin
 * (ngx_http_upstream_get_chash_peer: `if (hp->tries > 20) return hp->get_rr_peer(...)`).
 */
export const nginxConsistentHash: Policy = (request, backends, state, random) => {
  const points = ringFor(backends);
  const weights = weightsOf(backends);
  let position = firstPointAtOrAfter(points, crc32(utf8(request.key ?? '')));
  for (let tries = 0; tries <= CHASH_TRIES; tries++, position++) {
    const server = points[position % points.length]!.server;
    const pick = smoothPick(backends, weights, state, (i) => backends[i]!.name === server);
    if (pick.index !== -1) return pick;
  }
  return weightedRoundRobin(request, backends, state, random);
};

// ---------------------------------------------------------------------------------------------
// Consistent hash on the hashing article's ring (MurmurHash3, virtual nodes)

/** Virtual nodes per server: enough to keep shares within a few percent, as in the hashing article. */
export const RING_VNODES = 100;

interface LiveRing {
  ring: Ring;
  /** Owners already looked up: a balancer sees the same clients again and again. */
  owners: Map<string, string>;
}

const murmurRings = new Map<string, LiveRing>();

/** The ring of the live backends, built once per distinct set of live backends. */
function murmurRingFor(backends: readonly Backend[]): LiveRing | null {
  let id = '';
  for (const b of backends) if (b.up) id += `${b.name}\n`;
  if (id === '') return null;
  let ring = murmurRings.get(id);
  if (!ring) {
    ring = {
      ring: Ring.of(
        backends.filter((b) => b.up).map((b) => b.name),
        { vnodesPerServer: RING_VNODES },
      ),
      owners: new Map(),
    };
    if (murmurRings.size >= 32) murmurRings.delete(murmurRings.keys().next().value!);
    murmurRings.set(id, ring);
  }
  return ring;
}

/**
 * Consistent hashing with the locker-room ring: the ring holds only live backends, so when one fails
 * just its keys move to their clockwise neighbours, and they move back when it recovers.
 */
export const ringConsistentHash: Policy = (request, backends, state) => {
  const live = murmurRingFor(backends);
  if (!live) return { index: -1, state };
  const key = request.key ?? '';
  let server = live.owners.get(key);
  if (server === undefined) {
    server = live.ring.serverFor(key);
    if (live.owners.size < 100_000) live.owners.set(key, server);
  }
  return { index: backends.findIndex((b) => b.name === server), state };
};

// ---------------------------------------------------------------------------------------------
// Putting a policy to work

export const POLICIES: Record<PolicyId, Policy> = {
  'round-robin': roundRobin,
  'weighted-round-robin': weightedRoundRobin,
  'least-connections': leastConnections,
  random: randomChoice,
  'two-choices': twoChoices,
  'ip-hash': ipHash,
  'consistent-hash': nginxConsistentHash,
  'ring-hash': ringConsistentHash,
};

/** A policy with its state kept between calls: what a balancer process holds in memory. */
export class Balancer {
  private readonly policy: Policy;
  private state: BalancerState;

  constructor(policy: Policy, backendCount: number) {
    this.policy = policy;
    this.state = initialState(backendCount);
  }

  pick(request: RequestInfo, backends: readonly Backend[], random: Random): number {
    const { index, state } = this.policy(request, backends, this.state, random);
    this.state = state;
    return index;
  }
}
