/**
 * "Fetch the log" as a request timeline, once with the log in the database and once through a
 * presigned URL. A deliberately simple, explicit latency model: each phase is a propagation delay
 * plus bytes over a bandwidth, with the assumptions named below so a reader can disagree with them.
 * Bytes flow at the full bandwidth from the first one: TCP's slow start is left out, though it would cost
 * the bucket's new connection a few more round trips (an initial window of about 14 KB, RFC 6928).
 */
// The kit's plain-TypeScript module, not its index (which pulls in .tsx), so the model runs in Node too.
import { clampNumber, pickOne, type NumberRange } from '../kit/model.ts';

export type Route = 'database' | 'presigned';
export type Lane = 'browser' | 'app' | 'database' | 'storage';

export interface TimelineInput {
  logBytes: number;
  /** Share of the log's pages not in the buffer pool (they are read from disk). */
  missShare: number;
  /** The reader's download bandwidth, Mbit/s. */
  clientMbps: number;
  /** Round trip between the browser and the app, and between the browser and the bucket, ms. */
  clientRttMs: number;
  /**
   * Whether the browser already holds a connection to the bucket's host. The page came from the app,
   * so that connection exists; the bucket is another origin, and its first request must resolve the
   * name and open TCP and TLS before it can be sent.
   */
  bucketConnected: boolean;
}

/** The fixed parts of the model, each a typical figure for one region of one cloud. */
export const ASSUMPTIONS = {
  pageBytes: 16 * 1024,
  /** One random 16 KiB read from an SSD-backed volume. */
  pageReadMs: 0.1,
  /** App to database: same availability zone, 10 Gbit/s, 0.3 ms round trip. */
  dbMbps: 10_000,
  dbRttMs: 0.3,
  /** Object storage time to first byte for a GET. */
  storageFirstByteMs: 30,
  /** Signing is a few HMACs; looking up one row is a few cached pages. */
  signMs: 0.05,
  lookupMs: 0.2,
  /** The app's JSON answer holding a presigned URL. */
  urlResponseBytes: 700,
  /** Resolving the bucket's host name: a resolver that has it cached, a little over a typical round trip away. */
  dnsMs: 20,
  /** Round trips to open a connection: one for TCP's handshake, one for TLS 1.3's (TLS 1.2 needs two). */
  handshakeRoundTrips: 2,
} as const;

const MiB = 1024 * 1024;

export const DEFAULT_TIMELINE: TimelineInput = { logBytes: 10 * MiB, missShare: 0.9, clientMbps: 100, clientRttMs: 40, bucketConnected: false };

/**
 * The one range of each number the reader can set, from a small log to one no one should fetch through
 * an app, and from a slow mobile link to a fast office one; the figure's controls take theirs from here.
 */
export const TIMELINE_RANGES: Record<Exclude<keyof TimelineInput, 'bucketConnected'>, Omit<NumberRange, 'fallback'>> = {
  logBytes: { min: MiB, max: 200 * MiB, integer: true },
  missShare: { min: 0, max: 1 },
  clientMbps: { min: 5, max: 1000 },
  clientRttMs: { min: 5, max: 300 },
};

export function normaliseTimeline(input: Partial<Record<keyof TimelineInput, unknown>>): TimelineInput {
  const d = DEFAULT_TIMELINE;
  const R = TIMELINE_RANGES;
  return {
    logBytes: clampNumber(input.logBytes, { ...R.logBytes, fallback: d.logBytes }),
    missShare: clampNumber(input.missShare, { ...R.missShare, fallback: d.missShare }),
    clientMbps: clampNumber(input.clientMbps, { ...R.clientMbps, fallback: d.clientMbps }),
    clientRttMs: clampNumber(input.clientRttMs, { ...R.clientRttMs, fallback: d.clientRttMs }),
    bucketConnected: typeof input.bucketConnected === 'boolean' ? input.bucketConnected : d.bucketConnected,
  };
}

/** What travels between two places during a phase: a request, the app's URL answer, or the log itself. */
export interface Hop {
  from: Lane;
  to: Lane;
  what: 'request' | 'url' | 'log';
  /** Bytes the model counts: the log's or the URL answer's; a request's few hundred bytes count as none. */
  bytes: number;
  /**
   * The one-way delay of the link, the part of the phase that is not sending: the sender pushes the
   * bytes out over the phase's first (duration - latencyMs) ms, and each arrives latencyMs later.
   */
  latencyMs: number;
}

export interface Phase {
  lane: Lane;
  label: string;
  startMs: number;
  endMs: number;
  /** Absent for work done in one place (reading pages, signing, a handshake's round trips). */
  hop?: Hop;
}

export interface Timeline {
  route: Route;
  phases: Phase[];
  /** From the click to the last byte in the browser. */
  totalMs: number;
  /** Bytes the app server receives plus bytes it sends for this request. */
  appBytes: number;
  /** The most the app holds in memory at once for this request. */
  appPeakBytes: number;
  /** Time the database spends on this request. */
  databaseMs: number;
  /**
   * Time an app server worker is tied up: from receiving the request until its last byte is handed to
   * the network. This is what limits how many downloads a server can serve at once.
   */
  appBusyMs: number;
}

/** Milliseconds to move `bytes` at `mbps` megabits per second. */
export function transferMs(bytes: number, mbps: number): number {
  return (bytes * 8) / (mbps * 1000);
}

export function timeline(route: Route, raw: Partial<TimelineInput> = {}): Timeline {
  const input = normaliseTimeline({ ...DEFAULT_TIMELINE, ...raw });
  const a = ASSUMPTIONS;
  const r = pickOne(route, ['database', 'presigned'] as const, 'database');
  const phases: Phase[] = [];
  let t = 0;
  const add = (lane: Lane, label: string, ms: number, hop?: Hop) => {
    phases.push({ lane, label, startMs: t, endMs: t + ms, ...(hop ? { hop } : {}) });
    t += ms;
  };
  // A request is all delay (its bytes count as none); a log or URL answer is a delay plus its bytes at the link's rate.
  const request = (from: Lane, to: Lane, latencyMs: number): Hop => ({ from, to, what: 'request', bytes: 0, latencyMs });
  const log = (from: Lane, to: Lane, latencyMs: number): Hop => ({ from, to, what: 'log', bytes: input.logBytes, latencyMs });
  add('browser', 'request to the app', input.clientRttMs / 2, request('browser', 'app', input.clientRttMs / 2));
  if (r === 'database') {
    const pages = Math.ceil(input.logBytes / a.pageBytes);
    const dbStart = t;
    add('app', 'query to the database', a.dbRttMs / 2, request('app', 'database', a.dbRttMs / 2));
    add('database', `read ${pages} pages (${Math.round(pages * input.missShare)} from disk)`, a.lookupMs + pages * input.missShare * a.pageReadMs);
    add('database', 'send the log to the app', transferMs(input.logBytes, a.dbMbps) + a.dbRttMs / 2, log('database', 'app', a.dbRttMs / 2));
    const databaseMs = t - dbStart;
    // Most drivers and ORMs buffer the whole result before the handler sees it.
    add(
      'app',
      'send the log to the browser',
      input.clientRttMs / 2 + transferMs(input.logBytes, input.clientMbps),
      log('app', 'browser', input.clientRttMs / 2),
    );
    const appBusyMs = databaseMs + transferMs(input.logBytes, input.clientMbps);
    return { route: r, phases, totalMs: t, appBytes: 2 * input.logBytes, appPeakBytes: input.logBytes, databaseMs, appBusyMs };
  }
  const dbStart = t;
  add('app', 'look up the pointer', a.dbRttMs + a.lookupMs);
  const databaseMs = t - dbStart;
  add('app', 'sign a GET URL', a.signMs);
  add('app', 'answer with the URL', input.clientRttMs / 2 + transferMs(a.urlResponseBytes, input.clientMbps), {
    from: 'app',
    to: 'browser',
    what: 'url',
    bytes: a.urlResponseBytes,
    latencyMs: input.clientRttMs / 2,
  });
  if (!input.bucketConnected) {
    add('browser', "look up the bucket's name (DNS)", a.dnsMs);
    add('browser', 'open TCP and TLS to the bucket', a.handshakeRoundTrips * input.clientRttMs);
  }
  add('browser', 'GET from the bucket', input.clientRttMs / 2, request('browser', 'storage', input.clientRttMs / 2));
  add('storage', 'first byte', a.storageFirstByteMs);
  add(
    'storage',
    'send the log to the browser',
    input.clientRttMs / 2 + transferMs(input.logBytes, input.clientMbps),
    log('storage', 'browser', input.clientRttMs / 2),
  );
  const appBusyMs = databaseMs + a.signMs + transferMs(a.urlResponseBytes, input.clientMbps);
  return { route: r, phases, totalMs: t, appBytes: a.urlResponseBytes, appPeakBytes: a.urlResponseBytes, databaseMs, appBusyMs };
}

/** How far a phase has got at `atMs`: 0 before it starts, 1 once it ends. */
export function phaseDone(phase: Phase, atMs: number): number {
  if (atMs <= phase.startMs) return 0;
  if (atMs >= phase.endMs) return 1;
  return (atMs - phase.startMs) / (phase.endMs - phase.startMs);
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** A phase in which something travels between two places. */
export type HopPhase = Phase & { hop: Hop };

/** Share of a hop's bytes its sender has pushed out by `atMs`: they leave over the phase's sending time. */
export function sentShare(phase: HopPhase, atMs: number): number {
  const sending = phase.endMs - phase.startMs - phase.hop.latencyMs;
  return sending > 0 ? clamp01((atMs - phase.startMs) / sending) : atMs >= phase.startMs ? 1 : 0;
}

/** Share of a hop's bytes that have reached the other end by `atMs`: each arrives latencyMs after it left. */
export function receivedShare(phase: HopPhase, atMs: number): number {
  return sentShare(phase, atMs - phase.hop.latencyMs);
}

/**
 * Where a hop's bytes are on the link at `atMs`, as shares of its length from the sender: [tail, head],
 * the last byte sent so far and the first. A byte sent at s is (atMs - s) / latencyMs of the way along.
 * A request (no sending time) is a point; a link with no delay is full while the sender is sending.
 */
export function inTransit(phase: HopPhase, atMs: number): [tail: number, head: number] {
  const { startMs, endMs, hop } = phase;
  const sendEnd = endMs - hop.latencyMs;
  if (atMs < startMs || atMs > endMs) return [0, 0];
  if (hop.latencyMs <= 0) return atMs < sendEnd ? [0, 1] : [1, 1];
  return [clamp01((atMs - Math.min(atMs, sendEnd)) / hop.latencyMs), clamp01((atMs - startMs) / hop.latencyMs)];
}

/**
 * Bytes that have passed through `place` by `atMs`: those it has sent, and those that have reached it.
 * At the end, the app's count is the timeline's `appBytes`.
 */
export function bytesThrough(t: Timeline, place: Lane, atMs: number): number {
  let sum = 0;
  for (const p of t.phases) {
    if (!p.hop) continue;
    const hop: HopPhase = { ...p, hop: p.hop };
    if (p.hop.from === place) sum += p.hop.bytes * sentShare(hop, atMs);
    if (p.hop.to === place) sum += p.hop.bytes * receivedShare(hop, atMs);
  }
  return sum;
}
