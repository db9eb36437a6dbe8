/**
 * # Queueing engine
 *
 * A seeded discrete-event simulation of requests arriving at servers, waiting in line, being served,
 * and sometimes giving up. Pure TypeScript (no DOM), deterministic for a given seed, fast enough for
 * runs of millions of requests (scripts/bench/engines/queueing.ts measures it), and able to run in
 * slices so a page never freezes.
 *
 * ## Configure
 * ```ts
 * const config: SimulationConfig = {
 *   seed: 42,
 *   arrivals: { kind: 'poisson', rate: 0.9 },           // or { kind: 'bursty', rate, burstFactor, burstShare, burstLength }
 *   service: { kind: 'exponential', mean: 1 },          // deterministic | lognormal | pareto | mixture
 *   servers: 4,                                         // or [{ speed: 1 }, { speed: 2 }, ...]
 *   queue: 'per-server',                                // or 'shared' (one line, next free server)
 *   dispatch: (request, servers, random) => 0,          // per-server queues with several servers: who gets it
 *   queueCapacity: 100,                                 // waiting places per queue; a full queue drops
 *   timeout: 5,                                         // a request that waited this long gives up
 *   outages: [{ server: 2, from: 100, to: 200 }],       // server 2 is down from t=100 to t=200
 *   requests: 1_000_000,                                // arrivals to simulate (Infinity: open-ended)
 *   warmup: 10_000,                                     // first arrivals left out of the statistics
 * };
 * ```
 * Times are in whatever unit the caller chooses (the articles use milliseconds); rates are per unit.
 * A server of speed s serves a request in (its work) / s. Each request's work is drawn at arrival from
 * `service` on its own random stream, so runs that differ only in dispatch policy or server speeds see
 * the same arrivals and the same work ("common random numbers": fair comparisons).
 *
 * ## Run
 * - `simulate(config)`: run to the end (finite `requests`) and return `SimulationResults`.
 * - `new Simulation(config)`, then in slices: `sim.runFor(events)` (returns `sim.done`) or
 *   `sim.runUntil(time, maxEvents?)`; `sim.results()` is a snapshot at any point. A view calls
 *   `runFor(20_000)` per animation frame (a few milliseconds) instead of blocking the page.
 * - `sim.setServerUp(index, up)` fails or recovers a server now (for a "kill this server" button).
 * - Live views: set `recordLatencies: false` so `results()` stays cheap as the run grows (percentiles
 *   then come from the histogram, within about 1%); with latencies kept, each `results()` sorts them.
 * - `sim.servers`: live read-only view of each server (what a dispatch policy sees).
 *
 * ## Dispatch
 * `DispatchPolicy = (request, servers, random) => serverIndex` picks a server for each arrival when every
 * server has its own queue. `request` and `servers` are live views owned by the engine: read them
 * during the call, do not keep them. Returning an index that is not an up server drops the request
 * ('no-server'). The engine has no policy of its own: the load balancer's policies
 * (`../loadbalancer/policies.ts`) are the ones the articles use. A single server needs no dispatch.
 * With `queue: 'shared'` there is no dispatch: an arrival takes the fastest idle up server, else it waits
 * in the one line and the next server to free up takes the oldest waiting request.
 *
 * ## Failures, timeouts and drops
 * - An arrival that finds its queue holding `queueCapacity` waiting requests is dropped ('queue-full').
 * - A request still waiting `timeout` after it arrived leaves the line ('timeout'); once in service it
 *   completes however long it takes.
 * - When a server fails, the request it is serving is lost and, with per-server queues, so is its line
 *   ('server-failed', like connections reset by a crashed backend). A shared line keeps waiting.
 *
 * ## Results
 * Every latency (time in system = wait + service) of completed requests after warm-up, in completion
 * order; exact p50/p95/p99/p99.9 (nearest rank) when latencies are recorded, else from the histogram;
 * mean, throughput (completions per unit time), utilisation (busy server-time over server-time),
 * time-average number in system and in queue (for Little's law), max queue length per server and
 * overall, drops by reason, per-server served/utilisation/latency, and a `LatencyHistogram`.
 */
import { arrivalClock, serviceSampler, meanServiceTime, type ArrivalProcess, type ServiceTime } from './distributions.ts';
import { LatencyHistogram, type HistogramOptions } from './histogram.ts';
import { RingQueue } from './ringQueue.ts';
import { DepartureHeap } from './departureHeap.ts';
import { substream, type Random } from '../../kit/model.ts';

export type { ArrivalProcess, ServiceTime } from './distributions.ts';
export type { Random } from '../../kit/model.ts';
export { meanServiceTime } from './distributions.ts';
export { LatencyHistogram } from './histogram.ts';

export interface ServerSpec {
  /** Relative speed: 2 serves twice as fast as 1. Default 1. */
  speed?: number;
}

/** A server is down over [from, to) in simulated time. */
export interface Outage {
  server: number;
  from: number;
  to?: number;
}

export type QueueDiscipline = 'per-server' | 'shared';
export type DropReason = 'queue-full' | 'timeout' | 'server-failed' | 'no-server';

export interface SimulationConfig {
  seed: number;
  arrivals: ArrivalProcess;
  service: ServiceTime;
  servers?: number | readonly ServerSpec[];
  queue?: QueueDiscipline;
  dispatch?: DispatchPolicy;
  queueCapacity?: number;
  timeout?: number;
  outages?: readonly Outage[];
  requests?: number;
  warmup?: number;
  /** Keep every latency (exact percentiles; 8 bytes per request). Default true. */
  recordLatencies?: boolean;
  histogram?: HistogramOptions;
}

/** What a dispatch policy knows about the arriving request. */
export interface RequestView {
  readonly id: number;
  readonly arrivalTime: number;
  /** A uniformly random 32-bit unsigned integer per request: a client or session key for hashing. */
  readonly key: number;
}

/** What a dispatch policy (and a view) can see of a server. */
export interface ServerView {
  readonly index: number;
  readonly speed: number;
  readonly up: boolean;
  readonly busy: boolean;
  /** Requests waiting in this server's own line (0 with a shared queue). */
  readonly queueLength: number;
  /** Waiting plus in service: what a load balancer calls active connections. */
  readonly inSystem: number;
  readonly served: number;
}

export type DispatchPolicy = (request: RequestView, servers: readonly ServerView[], random: Random) => number;

export interface ServerResults {
  index: number;
  speed: number;
  up: boolean;
  served: number;
  utilisation: number;
  maxQueueLength: number;
  dropped: number;
  mean: number;
  p99: number;
}

export interface SimulationResults {
  /** Simulated clock at the snapshot. */
  now: number;
  /** Length of the measured window (from the first arrival after warm-up to now). */
  duration: number;
  arrived: number;
  completed: number;
  dropped: number;
  drops: Record<DropReason, number>;
  latencies: Float64Array;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  min: number;
  max: number;
  meanWait: number;
  throughput: number;
  utilisation: number;
  meanInSystem: number;
  meanQueueLength: number;
  maxQueueLength: number;
  servers: ServerResults[];
  histogram: LatencyHistogram;
}

class Server implements ServerView {
  readonly index: number;
  readonly speed: number;
  up = true;
  busy = false;
  queueLength = 0;
  served = 0;
  /** Bumped whenever a scheduled departure stops being valid (the server failed mid-request). */
  generation = 0;
  currentId = -1;
  currentArrival = 0;
  busyFrom = 0;
  busyTime = 0;
  maxQueueLength = 0;
  dropped = 0;
  readonly histogram: LatencyHistogram;

  constructor(index: number, speed: number, histogram: HistogramOptions) {
    this.index = index;
    this.speed = speed;
    this.histogram = new LatencyHistogram(histogram);
  }

  get inSystem(): number {
    return this.queueLength + (this.busy ? 1 : 0);
  }
}

interface OutageEvent {
  time: number;
  server: number;
  up: boolean;
}

const MAX_SERVERS = 10_000;

/** The dispatch of a single server (or a shared line, which never asks): everything goes to server 0. */
const onlyServer: DispatchPolicy = () => 0;

export class Simulation {
  readonly config: Readonly<SimulationConfig>;
  private readonly serverList: Server[];
  private readonly queues: RingQueue[];
  private readonly shared: boolean;
  private readonly dispatch: DispatchPolicy;
  private readonly capacity: number;
  private readonly timeout: number;
  private readonly requests: number;
  private readonly warmup: number;
  private readonly recordLatencies: boolean;
  private readonly nextArrivalAfter: () => number;
  private readonly drawWork: (random: Random) => number;
  private readonly workRandom: Random;
  private readonly dispatchRandom: Random;
  private readonly keyRandom: Random;
  private readonly outageEvents: OutageEvent[];
  private outageCursor = 0;

  private readonly departures: DepartureHeap;

  // Deadlines of waiting requests in arrival order (constant timeout keeps them sorted):
  // (deadline, queue index, request id). Entries whose request already left are skipped lazily.
  private readonly deadlines = new RingQueue(256);

  private clock = 0;
  private nextArrival: number;
  private arrivedTotal = 0;
  private waitingTotal = 0;
  private busyCount = 0;
  private statsStart: number;
  private readonly request = { id: 0, arrivalTime: 0, key: 0 };

  // Statistics over the measured window.
  private arrivedCounted = 0;
  private completedCounted = 0;
  private readonly dropCounts: Record<DropReason, number> = { 'queue-full': 0, timeout: 0, 'server-failed': 0, 'no-server': 0 };
  private areaInSystem = 0;
  private areaWaiting = 0;
  private waitSum = 0;
  private startedCounted = 0;
  private maxQueue = 0;
  private latencyStore: Float64Array;
  private readonly histogram: LatencyHistogram;
  private cachedResults: SimulationResults | null = null;

  constructor(config: SimulationConfig) {
    this.config = config;
    if (typeof config.servers === 'number' && !Number.isInteger(config.servers)) throw new RangeError(`servers must be a whole number, got ${config.servers}`);
    const specs: readonly ServerSpec[] = typeof config.servers === 'object' ? config.servers : Array.from({ length: config.servers ?? 1 }, () => ({}));
    if (!Number.isInteger(specs.length) || specs.length < 1 || specs.length > MAX_SERVERS) {
      throw new RangeError(`servers must be 1..${MAX_SERVERS}, got ${typeof config.servers === 'object' ? specs.length : config.servers}`);
    }
    const histogramOptions = config.histogram ?? {};
    this.serverList = specs.map((spec, i) => {
      const speed = spec.speed ?? 1;
      if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`server ${i}: speed must be a positive number, got ${speed}`);
      return new Server(i, speed, histogramOptions);
    });
    this.shared = (config.queue ?? 'per-server') === 'shared';
    this.queues = this.shared ? [new RingQueue()] : this.serverList.map(() => new RingQueue());
    if (!this.shared && !config.dispatch && this.serverList.length > 1) {
      throw new RangeError('several servers with their own queues need a dispatch policy');
    }
    this.dispatch = config.dispatch ?? onlyServer;
    this.capacity = config.queueCapacity ?? Infinity;
    if (!(this.capacity >= 0)) throw new RangeError(`queueCapacity must be >= 0, got ${config.queueCapacity}`);
    this.timeout = config.timeout ?? Infinity;
    if (!(this.timeout > 0)) throw new RangeError(`timeout must be > 0, got ${config.timeout}`);
    this.requests = config.requests ?? Infinity;
    if (!(this.requests >= 0)) throw new RangeError(`requests must be >= 0, got ${config.requests}`);
    this.warmup = Math.max(0, Math.floor(config.warmup ?? 0));
    this.recordLatencies = config.recordLatencies ?? true;
    if (!Number.isFinite(config.seed)) throw new RangeError(`seed must be a number, got ${config.seed}`);
    if (!Number.isFinite(meanServiceTime(config.service))) throw new RangeError('service time must have a finite mean');

    this.nextArrivalAfter = arrivalClock(config.arrivals, substream(config.seed, 0));
    this.drawWork = serviceSampler(config.service);
    this.workRandom = substream(config.seed, 1);
    this.dispatchRandom = substream(config.seed, 2);
    this.keyRandom = substream(config.seed, 3);

    this.outageEvents = [];
    for (const outage of config.outages ?? []) {
      if (!Number.isInteger(outage.server) || outage.server < 0 || outage.server >= this.serverList.length) {
        throw new RangeError(`outage names server ${outage.server}, but there are ${this.serverList.length}`);
      }
      const to = outage.to ?? Infinity;
      if (!(outage.from >= 0) || !(to > outage.from)) throw new RangeError(`outage must have 0 <= from < to, got ${outage.from}..${to}`);
      this.outageEvents.push({ time: outage.from, server: outage.server, up: false });
      if (to !== Infinity) this.outageEvents.push({ time: to, server: outage.server, up: true });
    }
    this.outageEvents.sort((a, b) => a.time - b.time || Number(a.up) - Number(b.up));

    this.departures = new DepartureHeap(Math.max(16, this.serverList.length * 2));
    this.latencyStore = new Float64Array(this.recordLatencies ? Math.min(Math.max(this.requests, 16), 1 << 20) : 0);
    this.histogram = new LatencyHistogram(histogramOptions);
    this.statsStart = this.warmup === 0 ? 0 : Infinity;
    this.nextArrival = this.requests > 0 ? this.nextArrivalAfter() : Infinity;
  }

  /** Simulated time. */
  get now(): number {
    return this.clock;
  }

  /** True when every requested arrival has happened and the system has emptied. */
  get done(): boolean {
    return this.nextArrival === Infinity && this.waitingTotal === 0 && this.busyCount === 0;
  }

  get servers(): readonly ServerView[] {
    return this.serverList;
  }

  /** Processes up to `maxEvents` events; returns `done`. */
  runFor(maxEvents: number): boolean {
    const limit = Math.max(0, Math.floor(maxEvents));
    for (let i = 0; i < limit; i++) {
      if (!this.handleNextEvent(Infinity)) break;
    }
    this.cachedResults = null;
    return this.done;
  }

  /**
   * Advances simulated time to `time`, processing at most `maxEvents` events; returns true when the
   * clock reached `time` (false: the event budget ran out first, call again).
   */
  runUntil(time: number, maxEvents = Infinity): boolean {
    this.cachedResults = null;
    let budget = maxEvents;
    while (budget-- > 0) {
      if (!this.handleNextEvent(time)) {
        // A finished run keeps its end time, so that its throughput is not diluted by idle time.
        if (!this.done && time > this.clock && Number.isFinite(time)) this.advanceClock(time);
        return true;
      }
    }
    return false;
  }

  /** Runs to the end; only for a finite number of requests. */
  run(): SimulationResults {
    if (!Number.isFinite(this.requests)) throw new RangeError('run() needs a finite number of requests; use runFor or runUntil');
    while (this.handleNextEvent(Infinity));
    this.cachedResults = null;
    return this.results();
  }

  /** Fails (up = false) or recovers a server at the current simulated time. */
  setServerUp(index: number, up: boolean): void {
    const server = this.serverList[index];
    if (!server) throw new RangeError(`no server ${index}`);
    this.applyOutage(server, up);
    this.cachedResults = null;
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /** Handles the next event if it happens at or before `horizon`; false when there is none. */
  private handleNextEvent(horizon: number): boolean {
    // Departures of failed servers and deadlines of requests already served are stale: skip them.
    const departures = this.departures;
    while (departures.size > 0 && departures.generation !== this.serverList[departures.server]!.generation) departures.pop();
    const deadlines = this.deadlines;
    while (deadlines.length > 0 && !this.stillWaiting(deadlines.peek(1), deadlines.peek(2))) deadlines.shift();

    const departure = departures.size > 0 ? departures.time : Infinity;
    const deadline = deadlines.length > 0 ? deadlines.peek(0) : Infinity;
    const drained = this.nextArrival === Infinity && this.waitingTotal === 0 && this.busyCount === 0;
    const outage = !drained && this.outageCursor < this.outageEvents.length ? this.outageEvents[this.outageCursor]!.time : Infinity;
    const t = Math.min(departure, this.nextArrival, deadline, outage);
    if (t === Infinity || t > horizon) return false;

    this.advanceClock(t);
    // At equal times: departures first (a freed server can take the arrival), then outages, timeouts, arrivals.
    if (t === departure) this.depart();
    else if (t === outage) {
      const event = this.outageEvents[this.outageCursor++]!;
      this.applyOutage(this.serverList[event.server]!, event.up);
    } else if (t === deadline) this.expire();
    else this.arrive();
    return true;
  }

  private advanceClock(t: number): void {
    if (t > this.statsStart) {
      const dt = t - Math.max(this.clock, this.statsStart);
      this.areaInSystem += (this.waitingTotal + this.busyCount) * dt;
      this.areaWaiting += this.waitingTotal * dt;
    }
    this.clock = t;
  }

  private arrive(): void {
    const now = this.clock;
    const id = this.arrivedTotal++;
    const work = this.drawWork(this.workRandom);
    const key = (this.keyRandom() * 4294967296) >>> 0;
    this.nextArrival = this.arrivedTotal < this.requests ? this.nextArrivalAfter() : Infinity;
    if (id === this.warmup) this.statsStart = now;
    const counted = id >= this.warmup;
    if (counted) this.arrivedCounted++;

    if (this.shared) {
      const idle = this.fastestIdleServer();
      if (idle) return this.startService(idle, id, now, work);
      return this.enqueue(0, null, id, now, work, counted);
    }
    const request = this.request;
    request.id = id;
    request.arrivalTime = now;
    request.key = key;
    const choice = this.dispatch(request, this.serverList, this.dispatchRandom);
    const server = Number.isInteger(choice) ? this.serverList[choice] : undefined;
    if (!server || !server.up) {
      if (counted) this.dropCounts['no-server']++;
      return;
    }
    if (!server.busy) return this.startService(server, id, now, work);
    this.enqueue(server.index, server, id, now, work, counted);
  }

  private enqueue(queueIndex: number, server: Server | null, id: number, arrival: number, work: number, counted: boolean): void {
    const queue = this.queues[queueIndex]!;
    if (queue.length >= this.capacity) {
      if (counted) {
        this.dropCounts['queue-full']++;
        if (server) server.dropped++;
      }
      return;
    }
    queue.push(id, arrival, work);
    this.waitingTotal++;
    if (server) server.queueLength++;
    if (this.timeout !== Infinity) this.deadlines.push(arrival + this.timeout, queueIndex, id);
    if (this.clock >= this.statsStart) {
      if (queue.length > this.maxQueue) this.maxQueue = queue.length;
      if (server && queue.length > server.maxQueueLength) server.maxQueueLength = queue.length;
    }
  }

  private startService(server: Server, id: number, arrival: number, work: number): void {
    const now = this.clock;
    server.busy = true;
    server.currentId = id;
    server.currentArrival = arrival;
    server.busyFrom = now;
    this.busyCount++;
    if (id >= this.warmup) {
      this.waitSum += now - arrival;
      this.startedCounted++;
    }
    this.departures.push(now + work / server.speed, server.index, server.generation);
  }

  private depart(): void {
    const server = this.serverList[this.departures.server]!;
    this.departures.pop();
    const now = this.clock;
    this.accrueBusy(server, now);
    server.busy = false;
    server.served++;
    this.busyCount--;
    if (server.currentId >= this.warmup) {
      const latency = now - server.currentArrival;
      this.completedCounted++;
      this.histogram.record(latency);
      server.histogram.record(latency);
      if (this.recordLatencies) {
        if (this.completedCounted > this.latencyStore.length) {
          const grown = new Float64Array(Math.max(16, this.latencyStore.length * 2));
          grown.set(this.latencyStore);
          this.latencyStore = grown;
        }
        this.latencyStore[this.completedCounted - 1] = latency;
      }
    }
    this.serveNextWaiting(server);
  }

  /** A free, up server takes the oldest request from its line (or the shared line). */
  private serveNextWaiting(server: Server): void {
    if (!server.up || server.busy) return;
    const queueIndex = this.shared ? 0 : server.index;
    const queue = this.queues[queueIndex]!;
    if (queue.length === 0) return;
    const id = queue.peek(0);
    const arrival = queue.peek(1);
    const work = queue.peek(2);
    queue.shift();
    this.waitingTotal--;
    if (!this.shared) server.queueLength--;
    this.startService(server, id, arrival, work);
  }

  /** The request at the head of a line has waited `timeout`: it gives up. */
  private expire(): void {
    const queueIndex = this.deadlines.peek(1);
    const id = this.deadlines.peek(2);
    this.deadlines.shift();
    this.queues[queueIndex]!.shift();
    this.waitingTotal--;
    if (!this.shared) this.serverList[queueIndex]!.queueLength--;
    if (id >= this.warmup) this.dropCounts.timeout++;
  }

  /**
   * Deadlines are in arrival order and lines are FIFO, so a request whose deadline is the earliest
   * pending one is still waiting exactly when it is at the head of its line.
   */
  private stillWaiting(queueIndex: number, id: number): boolean {
    const queue = this.queues[queueIndex]!;
    return queue.length > 0 && queue.peek(0) === id;
  }

  private applyOutage(server: Server, up: boolean): void {
    if (server.up === up) return;
    server.up = up;
    if (up) {
      if (this.shared) this.serveNextWaiting(server);
      return;
    }
    const now = this.clock;
    if (server.busy) {
      this.accrueBusy(server, now);
      server.busy = false;
      server.generation++;
      this.busyCount--;
      if (server.currentId >= this.warmup) {
        this.dropCounts['server-failed']++;
        server.dropped++;
      }
    }
    if (!this.shared) {
      const queue = this.queues[server.index]!;
      while (queue.length > 0) {
        if (queue.peek(0) >= this.warmup) {
          this.dropCounts['server-failed']++;
          server.dropped++;
        }
        queue.shift();
      }
      this.waitingTotal -= server.queueLength;
      server.queueLength = 0;
    }
  }

  private fastestIdleServer(): Server | null {
    let best: Server | null = null;
    for (const server of this.serverList) {
      if (server.up && !server.busy && (!best || server.speed > best.speed)) best = server;
    }
    return best;
  }

  private accrueBusy(server: Server, now: number): void {
    const from = Math.max(server.busyFrom, this.statsStart);
    if (now > from) server.busyTime += now - from;
    server.busyFrom = now;
  }

  // ---------------------------------------------------------------------------------------------
  // Results

  results(): SimulationResults {
    if (this.cachedResults) return this.cachedResults;
    const now = this.clock;
    const duration = Number.isFinite(this.statsStart) ? Math.max(0, now - this.statsStart) : 0;
    const n = this.completedCounted;
    const latencies = this.recordLatencies ? this.latencyStore.slice(0, n) : new Float64Array(0);
    let quantile: (p: number) => number;
    if (this.recordLatencies && n > 0) {
      const sorted = latencies.slice().sort();
      quantile = (p) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!;
    } else {
      quantile = (p) => this.histogram.quantile(p);
    }
    const busyNow = (s: Server) => s.busyTime + (s.busy ? Math.max(0, now - Math.max(s.busyFrom, this.statsStart)) : 0);
    const totalBusy = this.serverList.reduce((sum, s) => sum + busyNow(s), 0);
    const dropped = Object.values(this.dropCounts).reduce((a, b) => a + b, 0);
    const results: SimulationResults = {
      now,
      duration,
      arrived: this.arrivedCounted,
      completed: n,
      dropped,
      drops: { ...this.dropCounts },
      latencies,
      mean: this.histogram.mean,
      p50: n > 0 ? quantile(0.5) : NaN,
      p95: n > 0 ? quantile(0.95) : NaN,
      p99: n > 0 ? quantile(0.99) : NaN,
      p999: n > 0 ? quantile(0.999) : NaN,
      min: this.histogram.min,
      max: this.histogram.max,
      meanWait: this.startedCounted > 0 ? this.waitSum / this.startedCounted : NaN,
      throughput: duration > 0 ? n / duration : 0,
      utilisation: duration > 0 ? totalBusy / (duration * this.serverList.length) : 0,
      meanInSystem: duration > 0 ? this.areaInSystem / duration : 0,
      meanQueueLength: duration > 0 ? this.areaWaiting / duration : 0,
      maxQueueLength: this.maxQueue,
      servers: this.serverList.map((s) => ({
        index: s.index,
        speed: s.speed,
        up: s.up,
        served: s.histogram.count,
        utilisation: duration > 0 ? busyNow(s) / duration : 0,
        maxQueueLength: this.shared ? this.maxQueue : s.maxQueueLength,
        dropped: s.dropped,
        mean: s.histogram.mean,
        p99: s.histogram.quantile(0.99),
      })),
      histogram: this.histogram,
    };
    this.cachedResults = results;
    return results;
  }
}

/** Runs a finite simulation to the end. */
export function simulate(config: SimulationConfig): SimulationResults {
  return new Simulation(config).run();
}
