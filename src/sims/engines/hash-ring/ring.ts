/**
 * A consistent-hashing ring with virtual nodes. In the article's locker room, the ring is the row of
 * lockers bent into a circle (the 2^32 hash values), a server is an attendant, and each virtual node
 * is one of the attendant's name tags hung at a locker; a key belongs to the first tag found walking
 * clockwise from the key's locker.
 */
import { murmur3_32 } from './murmur3.ts';

export const MIN_VNODES = 1;
export const MAX_VNODES = 500;
export const MAX_SERVER_ID_LENGTH = 64;
/** Size of the hash space: positions are unsigned 32-bit integers. */
export const RING_SIZE = 2 ** 32;

export type Hash = (s: string) => number;

export interface RingOptions {
  vnodesPerServer: number;
  /** Places keys (and, unless tagPositions is given, virtual nodes) on the ring. */
  hash?: Hash;
  /**
   * Where a server's virtual nodes go. By default each is hash(virtualNodeLabel(server, i)); real
   * systems have their own schemes (nginx chains CRC32s), which this lets the ring reproduce.
   */
  tagPositions?: (server: string, count: number) => number[];
}

/** One virtual node: a point on the ring owned by a server. */
export interface VirtualNode {
  position: number;
  server: string;
}

export interface ServerLoad {
  server: string;
  keys: number;
}

export interface LoadSummary {
  perServer: ServerLoad[];
  total: number;
  mean: number;
  max: number;
  /** max / mean: 1 is perfectly even; 2 means the busiest server carries twice its fair share. */
  maxOverMean: number;
  /** Population standard deviation of keys per server. */
  stdDev: number;
}

/** The label hashed to place a server's i-th virtual node. */
export function virtualNodeLabel(server: string, index: number): string {
  return `${server}#${index}`;
}

export class Ring {
  readonly vnodesPerServer: number;
  private readonly hash: Hash;
  private readonly tagPositions: (server: string, count: number) => number[];
  private readonly members: string[] = [];
  private nodes: VirtualNode[] = [];

  constructor({ vnodesPerServer, hash = murmur3_32, tagPositions }: RingOptions) {
    if (!Number.isInteger(vnodesPerServer) || vnodesPerServer < MIN_VNODES || vnodesPerServer > MAX_VNODES) {
      throw new RangeError(`vnodesPerServer must be an integer from ${MIN_VNODES} to ${MAX_VNODES}, got ${vnodesPerServer}`);
    }
    this.vnodesPerServer = vnodesPerServer;
    this.hash = hash;
    this.tagPositions = tagPositions ?? ((server, count) => Array.from({ length: count }, (_, i) => hash(virtualNodeLabel(server, i))));
  }

  /** A ring holding `servers`, in that order. */
  static of(servers: readonly string[], options: RingOptions): Ring {
    const ring = new Ring(options);
    for (const s of servers) ring.addServer(s);
    return ring;
  }

  addServer(id: string): void {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_SERVER_ID_LENGTH) {
      throw new RangeError(`a server id is a non-empty string of at most ${MAX_SERVER_ID_LENGTH} characters`);
    }
    if (this.members.includes(id)) throw new Error(`server ${id} is already on the ring`);
    const positions = this.tagPositions(id, this.vnodesPerServer);
    if (positions.length !== this.vnodesPerServer || !positions.every((p) => Number.isInteger(p) && p >= 0 && p < RING_SIZE)) {
      throw new RangeError(`tagPositions must give ${this.vnodesPerServer} integer positions in [0, 2^32) for ${id}`);
    }
    const added = positions.map((position) => ({ position, server: id }));
    this.members.push(id);
    this.nodes = merge(this.nodes, added.sort(byPositionThenServer));
  }

  removeServer(id: string): void {
    const at = this.members.indexOf(id);
    if (at < 0) throw new Error(`server ${id} is not on the ring`);
    this.members.splice(at, 1);
    this.nodes = this.nodes.filter((n) => n.server !== id);
  }

  /** Servers in the order they joined. */
  servers(): string[] {
    return [...this.members];
  }

  /** All virtual nodes in clockwise order (ascending position). */
  virtualNodes(): readonly VirtualNode[] {
    return this.nodes;
  }

  /** Position of a key on the ring. */
  positionOf(key: string): number {
    return this.hash(key) >>> 0;
  }

  /** Index of the first virtual node at or clockwise after `position`, wrapping past the top. */
  private successorIndex(position: number): number {
    const nodes = this.nodes;
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodes[mid]!.position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo === nodes.length ? 0 : lo;
  }

  serverFor(key: string): string {
    return this.serverAt(this.positionOf(key));
  }

  /** The server owning a position on the ring (0 <= position < 2^32). */
  serverAt(position: number): string {
    if (this.nodes.length === 0) throw new Error('the ring has no servers');
    return this.nodes[this.successorIndex(position)]!.server;
  }

  /**
   * The `n` servers that hold a key's replicas: walk clockwise from the key and take each server the
   * first time one of its virtual nodes is met (Cassandra's SimpleStrategy). Asking for more replicas
   * than there are servers gives every server once.
   */
  replicasFor(key: string, n: number): string[] {
    return this.replicaNodesFor(key, n).map((node) => node.server);
  }

  /** The virtual nodes at which replicasFor's walk picks each replica, in walking order. */
  replicaNodesFor(key: string, n: number): VirtualNode[] {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`the replication factor must be an integer >= 1, got ${n}`);
    if (this.nodes.length === 0) throw new Error('the ring has no servers');
    const wanted = Math.min(n, this.members.length);
    const start = this.successorIndex(this.positionOf(key));
    const picked: VirtualNode[] = [];
    const seen = new Set<string>();
    // At most one lap: bounded by the number of virtual nodes.
    for (let step = 0; step < this.nodes.length && picked.length < wanted; step++) {
      const node = this.nodes[(start + step) % this.nodes.length]!;
      if (!seen.has(node.server)) {
        seen.add(node.server);
        picked.push(node);
      }
    }
    return picked;
  }

  /** Fraction of the hash space each server owns: the arcs ending at its virtual nodes. */
  shares(): Map<string, number> {
    const shares = new Map(this.members.map((s) => [s, 0]));
    const nodes = this.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const previous = i === 0 ? nodes[nodes.length - 1]!.position - RING_SIZE : nodes[i - 1]!.position;
      shares.set(node.server, shares.get(node.server)! + (node.position - previous) / RING_SIZE);
    }
    return shares;
  }

  /** Keys per server for a set of keys, with the imbalance figures the article talks about. */
  load(keys: readonly string[]): LoadSummary {
    const counts = new Map(this.members.map((s) => [s, 0]));
    for (const key of keys) {
      const s = this.serverFor(key);
      counts.set(s, counts.get(s)! + 1);
    }
    return summarizeLoad([...counts].map(([server, keys]) => ({ server, keys })));
  }
}

/** Merges two lists sorted by byPositionThenServer: linear, where re-sorting everything is not. */
function merge(a: VirtualNode[], b: VirtualNode[]): VirtualNode[] {
  const out: VirtualNode[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byPositionThenServer(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

function byPositionThenServer(a: VirtualNode, b: VirtualNode): number {
  return a.position - b.position || (a.server < b.server ? -1 : a.server > b.server ? 1 : 0);
}

export function summarizeLoad(perServer: ServerLoad[]): LoadSummary {
  const total = perServer.reduce((sum, s) => sum + s.keys, 0);
  const n = perServer.length;
  const mean = n === 0 ? 0 : total / n;
  const max = perServer.reduce((m, s) => Math.max(m, s.keys), 0);
  const variance = n === 0 ? 0 : perServer.reduce((sum, s) => sum + (s.keys - mean) ** 2, 0) / n;
  return { perServer, total, mean, max, maxOverMean: mean === 0 ? 0 : max / mean, stdDev: Math.sqrt(variance) };
}
