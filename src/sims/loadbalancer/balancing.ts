/**
 * The front desk at work: the balancing policies dispatching a stream of guests to rooms of unequal
 * speed on the queueing engine, with one room that can be taken out of order for the middle third
 * of the run and brought back. Per room: share of requests, p99 latency, and the line over time.
 */
import { Simulation, type DispatchPolicy, type ServerView } from '../queueing/engine.ts';
import { Balancer, POLICIES, type Backend, type PolicyName } from './policies.ts';

/** Relative speeds of the rooms: one fast, two ordinary, one slow. */
export const ROOM_SPEEDS = [2, 1, 1, 0.5] as const;
export const ROOM_NAMES = ['Room 1', 'Room 2', 'Room 3', 'Room 4'] as const;
/** The room that can be failed: an ordinary one, so the others can still carry the load. */
export const FAILING_ROOM = 1;
/** Mean service time on a speed-1 room, in milliseconds. */
export const MEAN_SERVICE_MS = 20;
/** Distinct guests, for the hash policy (each guest keeps coming back). */
const GUESTS = 2000;

export const SIM_POLICIES = [
  'round-robin',
  'weighted-round-robin',
  'least-connections',
  'random',
  'two-choices',
  'consistent-hash',
] as const satisfies readonly PolicyName[];
export type SimPolicy = (typeof SIM_POLICIES)[number];

export interface BalancingScenario {
  policy: SimPolicy;
  /** Offered load as a fraction of the rooms' total capacity (0.3 to 0.95). */
  load: number;
  /** Take FAILING_ROOM out of order for the middle third of the run. */
  outage: boolean;
  seed: number;
  requests: number;
}

export interface RoomResult {
  name: string;
  speed: number;
  served: number;
  share: number;
  p99: number;
}

export interface BalancingResult {
  rooms: RoomResult[];
  p99: number;
  mean: number;
  dropped: number;
  /** Requests in each room (waiting + in service) sampled over time: [time in s, count][] per room. */
  timeline: [number, number][][];
  outageWindow: [number, number] | null;
  duration: number;
}

/** Weights an operator would write for weighted round robin: proportional to speed. */
export function weightFor(speed: number): number {
  return Math.max(1, Math.round(speed * 2));
}

/**
 * The engine's dispatch hook running one of the policies. Only weighted round robin is told the
 * speeds (as weights); the others see what a real balancer sees: who is up and how busy.
 */
export function dispatcher(policy: SimPolicy, speeds: readonly number[]): DispatchPolicy {
  const balancer = new Balancer(POLICIES[policy], speeds.length);
  const weighted = policy === 'weighted-round-robin';
  const backends: Backend[] = speeds.map((speed, i) => ({ name: `room-${i + 1}`, weight: weighted ? weightFor(speed) : 1, active: 0, up: true }));
  return (request, servers: readonly ServerView[], random) => {
    for (const s of servers) {
      const b = backends[s.index]!;
      b.active = s.inSystem;
      b.up = s.up;
    }
    return balancer.pick({ key: `guest-${request.key % GUESTS}` }, backends, random);
  };
}

export const MIN_LOAD = 0.3;
export const MAX_LOAD = 0.95;
export const MAX_REQUESTS = 50_000;
const SAMPLES = 60;

export function runBalancing(scenario: BalancingScenario): BalancingResult {
  const load = Math.min(MAX_LOAD, Math.max(MIN_LOAD, Number.isFinite(scenario.load) ? scenario.load : 0.7));
  const requests = Math.min(MAX_REQUESTS, Math.max(100, Math.floor(Number.isFinite(scenario.requests) ? scenario.requests : 10_000)));
  const speeds = [...ROOM_SPEEDS];
  const capacity = speeds.reduce((a, b) => a + b, 0) / MEAN_SERVICE_MS; // requests per ms
  const rate = load * capacity;
  const expectedDuration = requests / rate;
  const outageWindow: [number, number] | null = scenario.outage ? [expectedDuration / 3, (2 * expectedDuration) / 3] : null;
  const simulation = new Simulation({
    seed: scenario.seed,
    arrivals: { kind: 'poisson', rate },
    service: { kind: 'exponential', mean: MEAN_SERVICE_MS },
    servers: speeds.map((speed) => ({ speed })),
    dispatch: dispatcher(scenario.policy, speeds),
    outages: outageWindow ? [{ server: FAILING_ROOM, from: outageWindow[0], to: outageWindow[1] }] : [],
    requests,
  });
  const timeline: [number, number][][] = speeds.map(() => []);
  for (let k = 1; k <= SAMPLES; k++) {
    const t = (expectedDuration * k) / SAMPLES;
    simulation.runUntil(t);
    simulation.servers.forEach((s, i) => timeline[i]!.push([t / 1000, s.inSystem]));
  }
  const results = simulation.run();
  const served = results.servers.reduce((a, s) => a + s.served, 0);
  return {
    rooms: results.servers.map((s, i) => ({
      name: ROOM_NAMES[i]!,
      speed: speeds[i]!,
      served: s.served,
      share: served > 0 ? s.served / served : 0,
      p99: s.p99,
    })),
    p99: results.p99,
    mean: results.mean,
    dropped: results.dropped,
    timeline,
    outageWindow: outageWindow ? [outageWindow[0] / 1000, outageWindow[1] / 1000] : null,
    duration: results.now / 1000,
  };
}
