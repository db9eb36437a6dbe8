import { percentile, sampleLatency, type Latency } from './latency.ts';
import { mulberry32, type Random } from '../kit/model.ts';

/**
 * A request's call graph: the work one page view or API call triggers. A `call` is one piece of work
 * (a function in the mansion, a service in the village); `sequence` runs its steps one after another;
 * `parallel` fans out and waits for the slowest branch.
 */
export type CallNode =
  { kind: 'call'; name: string; work: Latency; failure: number } | { kind: 'sequence'; steps: CallNode[] } | { kind: 'parallel'; branches: CallNode[] };

/**
 * What crossing a boundary costs on every call: nothing measurable for an in-process function call,
 * a network round trip plus (de)serialisation, and a small chance of failing, for a remote one.
 */
export interface Transport {
  name: string;
  hop: Latency;
  failure: number;
}

/** A function call inside one process: nanoseconds (100 ns is generous), and it does not drop packets. */
export const IN_PROCESS: Transport = { name: 'in-process', hop: { kind: 'constant', ms: 0.0001 }, failure: 0 };

/** Spread of a network hop's log-normal delay: its p99 is e^(2.326 × 0.6) ≈ 4 times its median. */
export const HOP_SIGMA = 0.6;

/** A call to another service whose hop has this median delay (ms) and fails with this probability. */
export function networkTransport(medianMs: number, failure: number): Transport {
  return { name: 'network', hop: { kind: 'lognormal', median: medianMs, sigma: HOP_SIGMA }, failure };
}

/**
 * A call to another service in the same data centre: about a millisecond for the round trip, TLS and
 * JSON at the median with a long tail, and roughly one call in a thousand lost to a timeout,
 * a restart or a full connection pool.
 */
export const NETWORK_HOP_MEDIAN_MS = 1;
export const NETWORK_FAILURE = 0.001;
export const NETWORK: Transport = networkTransport(NETWORK_HOP_MEDIAN_MS, NETWORK_FAILURE);

export interface Outcome {
  latency: number;
  ok: boolean;
}

/**
 * One request through the graph. A failed call fails the request (no retries: a retry is a second
 * call, with its own latency, and hides the failure from the success rate this sim is about).
 */
export function sampleRequest(node: CallNode, transport: Transport, random: Random): Outcome {
  switch (node.kind) {
    case 'call': {
      const latency = sampleLatency(transport.hop, random) + sampleLatency(node.work, random);
      const ok = random() >= transport.failure && random() >= node.failure;
      return { latency, ok };
    }
    case 'sequence':
    case 'parallel': {
      // In a row the times add up; side by side the request waits for the slowest.
      const parts = node.kind === 'sequence' ? node.steps : node.branches;
      const combine = node.kind === 'sequence' ? (a: number, b: number) => a + b : Math.max;
      let latency = 0;
      let ok = true;
      for (const part of parts) {
        const o = sampleRequest(part, transport, random);
        latency = combine(latency, o.latency);
        ok &&= o.ok;
      }
      return { latency, ok };
    }
  }
}

export interface Summary {
  requests: number;
  /** Ascending end-to-end latencies of every request, failed or not. */
  latencies: number[];
  successRate: number;
  p50: number;
  p99: number;
}

export function simulate(graph: CallNode, transport: Transport, requests: number, seed: number): Summary {
  const batch = sampleBatch(graph, transport, requests, mulberry32(seed));
  return summarize(batch.latencies, batch.ok);
}

/** `requests` more requests from a running generator, so a view can add samples a batch at a time. */
export function sampleBatch(graph: CallNode, transport: Transport, requests: number, random: Random): { latencies: number[]; ok: number } {
  const latencies: number[] = new Array(requests);
  let ok = 0;
  for (let i = 0; i < requests; i++) {
    const o = sampleRequest(graph, transport, random);
    latencies[i] = o.latency;
    if (o.ok) ok++;
  }
  return { latencies, ok };
}

export function summarize(latencies: readonly number[], ok: number): Summary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: sorted.length, latencies: sorted, successRate: ok / sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

export function callsIn(node: CallNode): Extract<CallNode, { kind: 'call' }>[] {
  if (node.kind === 'call') return [node];
  return (node.kind === 'sequence' ? node.steps : node.branches).flatMap(callsIn);
}

/**
 * The chance that a request calling `n` independent backends meets at least one slow call, when each
 * is slow with probability `slowShare` (0.01 for "beyond its p99"): 1 − (1 − slowShare)^n.
 */
export function atLeastOneSlow(n: number, slowShare = 0.01): number {
  return 1 - (1 - slowShare) ** n;
}

/**
 * Fan-out: a request calls `n` services in parallel, each with the same log-normal latency, and is
 * "slow" when any of them lands beyond its own p99. Returns the share of slow requests.
 */
export function fanOutSlowShare(n: number, work: Extract<Latency, { kind: 'lognormal' }>, p99: number, requests: number, seed: number): number {
  const random = mulberry32(seed);
  let slow = 0;
  for (let r = 0; r < requests; r++) {
    let hit = false;
    // Every branch is drawn even after a hit, so that a request's draws do not depend on earlier ones.
    for (let i = 0; i < n; i++) if (sampleLatency(work, random) > p99) hit = true;
    if (hit) slow++;
  }
  return slow / requests;
}
