/**
 * The front desk at work: the balancing policies dispatching a stream of guests to rooms of unequal
 * speed on the queueing engine, with one room that can be taken out of order for the middle third
 * of the run and brought back. Per room: share of requests, p99 latency, and the line over time.
 */
import { clampNumber, pickOne } from '../kit/model.ts';
import { Simulation, type DispatchPolicy, type RequestView, type SimulationResults } from '../engines/queueing/engine.ts';
import { Balancer, POLICIES, type Backend, type PolicyId } from './policies.ts';

export const ROOM_NAMES = ['Room 1', 'Room 2', 'Room 3', 'Room 4'] as const;
/** Relative speeds of the rooms to start with: one fast, two ordinary, one slow. */
export const ROOM_SPEEDS = [2, 1, 1, 0.5] as const;
/**
 * A room's speed, relative to an ordinary room. Half steps keep weighted round robin's weights whole
 * (weight = 2 x speed), so the weights it is told are exactly proportional to the speeds.
 */
export const ROOM_SPEED = { min: 0.5, max: 4, step: 0.5 } as const;
/** The room that can be failed: an ordinary one, so the others can still carry the load. */
export const FAILING_ROOM = 1;
/** Mean service time on a speed-1 room, in milliseconds. */
export const MEAN_SERVICE_MS = 20;
/** Distinct guests, for the hash policy (each guest keeps coming back). */
const GUESTS = 2000;

/** The policies the simulation offers: every one that needs no client address (ip_hash does). */
export const BALANCING_POLICIES = [
  'round-robin',
  'weighted-round-robin',
  'least-connections',
  'random',
  'two-choices',
  'ring-hash',
] as const satisfies readonly PolicyId[];
export type BalancingPolicy = (typeof BALANCING_POLICIES)[number];

/** Offered load as a fraction of the rooms' total capacity. */
export const LOAD = { min: 0.3, max: 0.95, fallback: 0.7 } as const;
export const REQUESTS = { min: 100, max: 50_000, fallback: 10_000, integer: true } as const;
export const SEED = { min: 1, max: 999, fallback: 1, integer: true } as const;

export interface BalancingScenario {
  policy: BalancingPolicy;
  /** Offered load as a fraction of the rooms' total capacity (LOAD). */
  load: number;
  /** Each room's speed (ROOM_SPEED); missing rooms take ROOM_SPEEDS. */
  speeds?: readonly number[];
  /** Take FAILING_ROOM out of order for the middle third of the run. */
  outage: boolean;
  /** Rooms out of service for the whole run (indexes); at least one room always stays open. */
  closed?: readonly number[];
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

/** The rooms' speeds, each clamped to ROOM_SPEED; anything that is not a number keeps the starting speed. */
export function roomSpeeds(speeds: readonly unknown[] = ROOM_SPEEDS): number[] {
  return ROOM_SPEEDS.map((fallback, i) => clampNumber(speeds[i], { min: ROOM_SPEED.min, max: ROOM_SPEED.max, fallback }));
}

/**
 * A policy as the engine's dispatch hook: the balancer sees what a real one sees, each backend's
 * requests in flight and whether it is up, plus `keyOf(request)` for the hash policies.
 */
export function dispatchWith(
  policy: PolicyId,
  weights: readonly number[],
  keyOf: (request: RequestView) => string = (request) => `guest-${request.key % GUESTS}`,
): DispatchPolicy {
  const balancer = new Balancer(POLICIES[policy], weights.length);
  const backends: Backend[] = weights.map((weight, i) => ({ name: `room-${i + 1}`, weight, active: 0, up: true }));
  return (request, servers, random) => {
    for (const s of servers) {
      const b = backends[s.index]!;
      b.active = s.inSystem;
      b.up = s.up;
    }
    return balancer.pick({ key: keyOf(request) }, backends, random);
  };
}

/** Only weighted round robin is told the speeds (as weights); the others find out from the lines. */
export function dispatcher(policy: PolicyId, speeds: readonly number[]): DispatchPolicy {
  return dispatchWith(
    policy,
    speeds.map((speed) => (policy === 'weighted-round-robin' ? weightFor(speed) : 1)),
  );
}

const SAMPLES = 60;

/** The rooms a scenario closes, valid and distinct, never all of them (the first open one stays open). */
export function closedRooms(closed: readonly unknown[] = []): number[] {
  const rooms = [...new Set(closed.filter((i): i is number => Number.isInteger(i) && (i as number) >= 0 && (i as number) < ROOM_SPEEDS.length))].sort();
  return rooms.length >= ROOM_SPEEDS.length ? rooms.slice(1) : rooms;
}

/** A scenario set up on the queueing engine, with what its result is reported against. */
export interface BalancingSetup {
  simulation: Simulation;
  /** Each room's speed, clamped (roomSpeeds). */
  speeds: number[];
  /** Requests over arrival rate: how long the night should last, ms; the line chart's samples span it. */
  expectedDuration: number;
  /** When FAILING_ROOM is out of order, ms; null without an outage. */
  outageWindow: [number, number] | null;
}

/** The queueing engine set up for a scenario; `onPick` hears every room the front desk picks. */
export function balancingRun(scenario: BalancingScenario, onPick?: (room: number) => void): BalancingSetup {
  const policy = pickOne(scenario.policy, BALANCING_POLICIES, 'round-robin');
  const load = clampNumber(scenario.load, LOAD);
  const requests = clampNumber(scenario.requests, REQUESTS);
  const speeds = roomSpeeds(scenario.speeds);
  const capacity = speeds.reduce((a, b) => a + b, 0) / MEAN_SERVICE_MS; // requests per ms
  const rate = load * capacity;
  const expectedDuration = requests / rate;
  const outageWindow: [number, number] | null = scenario.outage ? [expectedDuration / 3, (2 * expectedDuration) / 3] : null;
  const closures = closedRooms(scenario.closed).map((server) => ({ server, from: 0 }));
  const dispatch = dispatcher(policy, speeds);
  const simulation = new Simulation({
    seed: clampNumber(scenario.seed, SEED),
    arrivals: { kind: 'poisson', rate },
    service: { kind: 'exponential', mean: MEAN_SERVICE_MS },
    servers: speeds.map((speed) => ({ speed })),
    dispatch: onPick
      ? (request, servers, random) => {
          const room = dispatch(request, servers, random);
          onPick(room);
          return room;
        }
      : dispatch,
    outages: [...closures, ...(outageWindow ? [{ server: FAILING_ROOM, from: outageWindow[0], to: outageWindow[1] }] : [])],
    requests,
  });
  return { simulation, speeds, expectedDuration, outageWindow };
}

/**
 * The night's result from the engine's results at its end and the line chart's samples taken on the
 * way (time in s, guests in each room); times in the result are in seconds.
 */
export function resultOf(setup: Pick<BalancingSetup, 'speeds' | 'outageWindow'>, results: SimulationResults, timeline: [number, number][][]): BalancingResult {
  const served = results.servers.reduce((a, s) => a + s.served, 0);
  const { speeds, outageWindow } = setup;
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

/** The lobby at one moment of the run's opening: what the animated drawing shows. */
export interface LobbyFrame {
  /** Simulated time, ms. */
  time: number;
  /** Guests in each room now (waiting or being served). */
  inRoom: number[];
  /** Guests the desk sent to each room since the previous frame. */
  arrived: number[];
  /** Guests each room finished with since the previous frame. */
  left: number[];
}

/** Frames of the lobby and the simulated time between them: 150 frames of 20 ms, the run's first 3 s. */
export const LOBBY = { frames: 150, frameMs: 20 } as const;

/**
 * The opening of the same run as `runBalancing` (same engine, seed and desk, so the same guests go
 * to the same rooms), sampled every `frameMs` for the drawing in which guests walk and queue. Frames
 * are computed as they are asked for, in order, so that a page pays for the lobby a frame at a time.
 */
export class LobbyRun {
  /** The frames computed so far (the first is the empty lobby); `frame(k)` extends it. */
  readonly frames: LobbyFrame[];
  readonly count: number;
  readonly frameMs: number;
  private readonly simulation: Simulation;
  private picks: number[];
  private served: number[];

  constructor(scenario: BalancingScenario, count: number = LOBBY.frames, frameMs: number = LOBBY.frameMs) {
    this.count = count;
    this.frameMs = frameMs;
    this.picks = ROOM_SPEEDS.map(() => 0);
    this.served = ROOM_SPEEDS.map(() => 0);
    this.simulation = balancingRun(scenario, (room) => {
      if (room >= 0 && room < this.picks.length) this.picks[room]!++;
    }).simulation;
    this.frames = [{ time: 0, inRoom: this.picks.map(() => 0), arrived: this.picks.map(() => 0), left: this.picks.map(() => 0) }];
  }

  /** Frame k (at most the last, count - 1), after computing any before it not yet computed. */
  frame(k: number): LobbyFrame {
    const last = Math.min(Math.max(0, Math.floor(k)), this.count - 1);
    const simulation = this.simulation;
    while (this.frames.length <= last) {
      const time = this.frames.length * this.frameMs;
      simulation.runUntil(time);
      const nowServed = simulation.servers.map((s) => s.served);
      this.frames.push({ time, inRoom: simulation.servers.map((s) => s.inSystem), arrived: this.picks, left: nowServed.map((n, i) => n - this.served[i]!) });
      this.picks = this.picks.map(() => 0);
      this.served = nowServed;
    }
    return this.frames[last]!;
  }
}

/** Every frame of the lobby at once. */
export function lobbyFrames(scenario: BalancingScenario, frames: number = LOBBY.frames, frameMs: number = LOBBY.frameMs): LobbyFrame[] {
  const lobby = new LobbyRun(scenario, frames, frameMs);
  lobby.frame(frames - 1);
  return lobby.frames;
}

/**
 * The night of `runBalancing`, run a bounded number of engine events at a time so that a page can run
 * it in slices: call `advance` until it returns true, then read `result`. It makes the same engine
 * calls in the same order as one uninterrupted run, so its result is the same to the bit.
 */
export class BalancingRun {
  /** Guests the front desk has sent to a room so far. */
  sent = 0;
  /** The night's result, once every guest has arrived and left. */
  result: BalancingResult | null = null;
  private readonly setup: BalancingSetup;
  private readonly timeline: [number, number][][];
  /** The next of the SAMPLES points of the line chart; past SAMPLES, the run drains to its end. */
  private sample = 1;

  constructor(scenario: BalancingScenario) {
    this.setup = balancingRun(scenario, () => this.sent++);
    this.timeline = this.setup.speeds.map(() => []);
  }

  /** Processes at most `maxEvents` events of the engine; true once the result is in. */
  advance(maxEvents: number): boolean {
    if (this.result) return true;
    const { simulation, expectedDuration } = this.setup;
    if (this.sample <= SAMPLES) {
      const t = (expectedDuration * this.sample) / SAMPLES;
      if (simulation.runUntil(t, maxEvents)) {
        simulation.servers.forEach((s, i) => this.timeline[i]!.push([t / 1000, s.inSystem]));
        this.sample++;
      }
      return false;
    }
    if (!simulation.runUntil(Infinity, maxEvents)) return false;
    this.result = resultOf(this.setup, simulation.results(), this.timeline);
    return true;
  }
}

export function runBalancing(scenario: BalancingScenario): BalancingResult {
  const run = new BalancingRun(scenario);
  while (!run.advance(Infinity));
  return run.result!;
}
