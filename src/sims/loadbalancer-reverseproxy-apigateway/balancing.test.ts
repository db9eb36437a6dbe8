import { describe, expect, it } from 'vitest';
import { Simulation, simulate, type SimulationConfig } from '../engines/queueing/engine.ts';
import {
  FAILING_ROOM,
  LOBBY,
  ROOM_SPEEDS,
  BalancingRun,
  LobbyRun,
  balancingRun,
  closedRooms,
  dispatchWith,
  dispatcher,
  lobbyFrames,
  resultOf,
  roomSpeeds,
  runBalancing,
  weightFor,
  type BalancingScenario,
} from './balancing.ts';
import type { PolicyId } from './policies.ts';
import { Balancer, twoChoices, randomChoice, type Backend } from './policies.ts';

const base: BalancingScenario = { policy: 'round-robin', load: 0.6, outage: false, seed: 3, requests: 20_000 };
const slowest = ROOM_SPEEDS.indexOf(Math.min(...ROOM_SPEEDS) as (typeof ROOM_SPEEDS)[number]);

describe('balancing policies on rooms of unequal speed', () => {
  it('round robin gives every room a quarter, so the half-speed room is overloaded and its p99 explodes', () => {
    // At 60% of total capacity each room gets 0.6 * 4.5 / 4 = 0.675 units of work per unit time:
    // more than the slow room's 0.5, so its line grows for the whole run.
    const rr = runBalancing(base);
    for (const room of rr.rooms) expect(Math.abs(room.share - 0.25)).toBeLessThan(0.01);
    const lc = runBalancing({ ...base, policy: 'least-connections' });
    expect(rr.rooms[slowest]!.p99).toBeGreaterThan(10 * lc.rooms[slowest]!.p99);
    expect(rr.p99).toBeGreaterThan(5 * lc.p99);
  });

  it('least connections and two choices send the fast room more than its equal share, without being told speeds', () => {
    for (const policy of ['least-connections', 'two-choices'] as const) {
      const result = runBalancing({ ...base, policy });
      expect(result.rooms[0]!.share).toBeGreaterThan(0.3);
      expect(result.rooms[slowest]!.share).toBeLessThan(0.2);
    }
  });

  it('weighted round robin with weights proportional to speed matches the shares to the speeds', () => {
    const result = runBalancing({ ...base, policy: 'weighted-round-robin' });
    const total = ROOM_SPEEDS.reduce((a, b) => a + weightFor(b), 0);
    result.rooms.forEach((room, i) => expect(Math.abs(room.share - weightFor(ROOM_SPEEDS[i]!) / total)).toBeLessThan(0.01));
  });

  it('a failed room gets no guests while it is out of order and gets them back after', () => {
    for (const policy of ['round-robin', 'least-connections', 'ring-hash'] as const) {
      const result = runBalancing({ ...base, policy, outage: true });
      const [from, to] = result.outageWindow!;
      const line = result.timeline[FAILING_ROOM]!;
      const during = line.filter(([t]) => t > from + 0.5 && t < to);
      expect(during.length).toBeGreaterThan(5);
      for (const [, n] of during) expect(n).toBe(0);
      const after = line.filter(([t]) => t > to + 1);
      expect(
        after.some(([, n]) => n > 0),
        policy,
      ).toBe(true);
      expect(result.rooms[FAILING_ROOM]!.served).toBeGreaterThan(0);
    }
  });

  it('runs the rooms at the speeds it is given: made equal, round robin no longer overloads one', () => {
    const equal = { ...base, speeds: [1, 1, 1, 1] };
    const rr = runBalancing(equal);
    expect(rr.rooms.map((r) => r.speed)).toEqual([1, 1, 1, 1]);
    // Four M/M/1 rooms at 60% busy: p99 = ln(100) x 20 ms / (1 - 0.6), about 230 ms, in every room.
    for (const room of rr.rooms) expect(room.p99).toBeGreaterThan(150);
    for (const room of rr.rooms) expect(room.p99).toBeLessThan(320);
    // With the default speeds the half-speed room's line never stops growing.
    expect(runBalancing(base).rooms[slowest]!.p99).toBeGreaterThan(2000);
    // Weighted round robin follows whatever speeds it is told.
    const weighted = runBalancing({ ...base, policy: 'weighted-round-robin', speeds: [1, 1, 1, 4] });
    expect(Math.abs(weighted.rooms[3]!.share - 8 / 14)).toBeLessThan(0.01);
  });

  it('clamps every room speed to its range and keeps the starting speed for a non-number', () => {
    expect(roomSpeeds([Number.NaN, 100, -1, 1.5])).toEqual([2, 4, 0.5, 1.5]);
    expect(roomSpeeds([3])).toEqual([3, 1, 1, 0.5]);
  });

  it('clamps nonsense input instead of running forever or producing NaN', () => {
    const result = runBalancing({ ...base, load: Number.NaN, requests: Number.POSITIVE_INFINITY, seed: 1 });
    expect(Number.isFinite(result.p99)).toBe(true);
    expect(result.rooms.reduce((a, r) => a + r.served, 0)).toBeLessThanOrEqual(50_000);
  });
});

describe('power of two choices against random (Mitzenmacher)', () => {
  it('keeps the longest queue far shorter than random dispatch on 10 equal servers at 90% load', () => {
    // Theory: with n servers, random's longest queue grows like log n / log log n, two choices' like
    // log log n; at 90% load the gap is large. Checked over three seeds.
    for (const seed of [1, 2, 3]) {
      const run = (policy: typeof twoChoices) => {
        const balancer = new Balancer(policy, 10);
        const backends: Backend[] = Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, weight: 1, active: 0, up: true }));
        return new Simulation({
          seed,
          arrivals: { kind: 'poisson', rate: 0.9 * 10 },
          service: { kind: 'exponential', mean: 1 },
          servers: 10,
          requests: 50_000,
          dispatch: (_request, servers, random) => {
            for (const s of servers) backends[s.index]!.active = s.inSystem;
            return balancer.pick({}, backends, random);
          },
        }).run();
      };
      const random = run(randomChoice);
      const two = run(twoChoices);
      expect(two.maxQueueLength * 2).toBeLessThan(random.maxQueueLength);
      expect(two.p99 * 2).toBeLessThan(random.p99);
    }
  });
});

describe('on the queueing engine: 20 equal servers at 90% load', () => {
  const farm = (policy: PolicyId, seed: number): SimulationConfig => ({
    seed,
    arrivals: { kind: 'poisson', rate: 18 },
    service: { kind: 'exponential', mean: 1 },
    servers: 20,
    dispatch: dispatchWith(policy, Array(20).fill(1)),
    requests: 200_000,
  });

  it('power of two choices beats random on max queue length (and on p99)', () => {
    for (const seed of [1, 2, 3]) {
      const random = simulate(farm('random', seed));
      const two = simulate(farm('two-choices', seed));
      expect(two.maxQueueLength * 3).toBeLessThan(random.maxQueueLength);
      expect(two.p99 * 2).toBeLessThan(random.p99);
      // Asking every server (least connections) does at least as well as asking two.
      expect(simulate(farm('least-connections', seed)).maxQueueLength).toBeLessThanOrEqual(two.maxQueueLength);
    }
  });
});

describe('dispatcher', () => {
  it('tells only weighted round robin the speeds', () => {
    expect(ROOM_SPEEDS.map(weightFor)).toEqual([4, 2, 2, 1]);
    const servers = ROOM_SPEEDS.map((speed, index) => ({ index, speed, up: true, busy: false, queueLength: 0, inSystem: 0, served: 0 }));
    const picks = (policy: 'round-robin' | 'weighted-round-robin') => {
      const d = dispatcher(policy, ROOM_SPEEDS);
      return Array.from({ length: 9 }, (_, id) => d({ id, arrivalTime: 0, key: id }, servers, () => 0.5));
    };
    expect(picks('round-robin')).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0]);
    expect(picks('weighted-round-robin').filter((p) => p === 0).length).toBe(4);
  });
});

describe('the lobby: guests walking to rooms, queueing and leaving', () => {
  it('keeps every guest accounted for: a room holds what it had, plus arrivals, minus departures', () => {
    for (const policy of ['round-robin', 'least-connections', 'ring-hash'] as const) {
      const frames = lobbyFrames({ ...base, policy });
      expect(frames.length).toBe(LOBBY.frames);
      for (let k = 1; k < frames.length; k++) {
        frames[k]!.inRoom.forEach((n, i) => expect(n).toBe(frames[k - 1]!.inRoom[i]! + frames[k]!.arrived[i]! - frames[k]!.left[i]!));
      }
      const arrivals = frames.reduce((sum, f) => sum + f.arrived.reduce((a, b) => a + b, 0), 0);
      // Poisson arrivals at 60% of 4.5 rooms' capacity (4.5 / 20 ms) over 2.98 s: about 400.
      expect(arrivals).toBeGreaterThan(300);
      expect(arrivals).toBeLessThan(520);
    }
  });

  it('under round robin the half-speed room builds the longest line', () => {
    const last = lobbyFrames(base).at(-1)!;
    expect(last.inRoom.indexOf(Math.max(...last.inRoom))).toBe(slowest);
    expect(last.inRoom[slowest]).toBeGreaterThan(2 * Math.max(...last.inRoom.filter((_, i) => i !== slowest)));
  });

  it('a room out of service gets nobody, in the lobby and in the whole run, and the others take its share', () => {
    const frames = lobbyFrames({ ...base, closed: [2] });
    for (const f of frames) expect([f.arrived[2], f.inRoom[2]]).toEqual([0, 0]);
    const run = runBalancing({ ...base, closed: [2] });
    expect(run.rooms[2]!.served).toBe(0);
    expect(run.rooms.reduce((a, r) => a + r.served, 0)).toBe(base.requests);
  });

  it('never closes every room, and ignores rooms that do not exist', () => {
    expect(closedRooms([0, 1, 2, 3])).toEqual([1, 2, 3]);
    expect(closedRooms([3, 3, 9, -1, 1.5])).toEqual([3]);
  });
});

/**
 * The night and the lobby as one uninterrupted run computed them before they ran in slices: every
 * sample with `runUntil` straight to its time, then the engine's own `run()` to the end. Written out
 * here on the engine, so that the sliced runs are checked against something other than themselves.
 */
function uninterruptedNight(scenario: BalancingScenario) {
  const setup = balancingRun(scenario);
  const { simulation, speeds, expectedDuration } = setup;
  const timeline: [number, number][][] = speeds.map(() => []);
  for (let k = 1; k <= 60; k++) {
    const t = (expectedDuration * k) / 60;
    simulation.runUntil(t);
    simulation.servers.forEach((s, i) => timeline[i]!.push([t / 1000, s.inSystem]));
  }
  return resultOf(setup, simulation.run(), timeline);
}

function uninterruptedLobby(scenario: BalancingScenario) {
  let picks = [0, 0, 0, 0];
  const { simulation } = balancingRun(scenario, (room) => {
    if (room >= 0 && room < 4) picks[room]!++;
  });
  const out = [{ time: 0, inRoom: [0, 0, 0, 0], arrived: [0, 0, 0, 0], left: [0, 0, 0, 0] }];
  let served = [0, 0, 0, 0];
  for (let k = 1; k < LOBBY.frames; k++) {
    simulation.runUntil(k * LOBBY.frameMs);
    const nowServed = simulation.servers.map((s) => s.served);
    out.push({ time: k * LOBBY.frameMs, inRoom: simulation.servers.map((s) => s.inSystem), arrived: picks, left: nowServed.map((n, i) => n - served[i]!) });
    picks = [0, 0, 0, 0];
    served = nowServed;
  }
  return out;
}

describe('the night reported from the engine', () => {
  // The engine's own results for a short night, with the figures the report is made of set by hand.
  const engine = balancingRun({ ...base, requests: 200 }).simulation.run();
  const withServed = (served: number[], now: number) => ({ ...engine, now, servers: engine.servers.map((s, i) => ({ ...s, served: served[i]! })) });

  it('gives each room its name, speed and share of the guests served, and times in seconds', () => {
    const timeline: [number, number][][] = [[[0.5, 2]], [[0.5, 0]], [[0.5, 1]], [[0.5, 3]]];
    const night = resultOf({ speeds: [2, 1, 1, 0.5], outageWindow: [1000, 2000] }, withServed([30, 10, 0, 60], 4500), timeline);
    expect(night.rooms.map((r) => [r.name, r.speed, r.served, r.share])).toEqual([
      ['Room 1', 2, 30, 0.3],
      ['Room 2', 1, 10, 0.1],
      ['Room 3', 1, 0, 0],
      ['Room 4', 0.5, 60, 0.6],
    ]);
    expect(night.rooms.map((r) => r.p99)).toEqual(engine.servers.map((s) => s.p99));
    expect([night.p99, night.mean, night.dropped]).toEqual([engine.p99, engine.mean, engine.dropped]);
    expect(night.outageWindow).toEqual([1, 2]);
    expect(night.duration).toBe(4.5);
    expect(night.timeline).toBe(timeline);
  });

  it('gives every room a share of 0, not NaN, when nobody was served, and no window without an outage', () => {
    const night = resultOf({ speeds: [1, 1, 1, 1], outageWindow: null }, withServed([0, 0, 0, 0], 0), [[], [], [], []]);
    expect(night.rooms.map((r) => r.share)).toEqual([0, 0, 0, 0]);
    expect(night.outageWindow).toBeNull();
  });
});

describe('the night in slices, as a page runs it', () => {
  const scenarios: BalancingScenario[] = [
    { ...base, requests: 12_000 },
    { policy: 'least-connections', load: 0.95, speeds: [4, 0.5, 1, 2], outage: true, seed: 7, requests: 12_000 },
    { policy: 'ring-hash', load: 0.3, outage: false, closed: [0, 3], seed: 999, requests: 5_000 },
    { policy: 'two-choices', load: 0.8, outage: true, closed: [2], seed: 42, requests: 8_000 },
  ];

  it.each(scenarios.map((s) => [s.policy, s]))('%s: slices of any size give the result of one uninterrupted run, to the bit', (_, scenario) => {
    const whole = uninterruptedNight(scenario);
    expect(runBalancing(scenario)).toStrictEqual(whole);
    for (const maxEvents of [1, 37, 1000]) {
      const run = new BalancingRun(scenario);
      let calls = 0;
      while (!run.advance(maxEvents)) calls++;
      // Numbers compare exactly (Object.is): the same bits, not just close.
      expect(run.result).toStrictEqual(whole);
      expect(calls).toBeGreaterThan(0);
    }
  });

  it.each(scenarios.map((s) => [s.policy, s]))('%s: the lobby computed a frame at a time, or skipping ahead, is the uninterrupted one', (_, scenario) => {
    const whole = uninterruptedLobby(scenario);
    expect(lobbyFrames(scenario)).toStrictEqual(whole);
    const walked = new LobbyRun(scenario);
    for (let k = 0; k < LOBBY.frames; k++) expect(walked.frame(k)).toStrictEqual(whole[k]);
    const jumped = new LobbyRun(scenario);
    expect(jumped.frame(97)).toStrictEqual(whole[97]);
    expect(jumped.frame(LOBBY.frames + 10)).toStrictEqual(whole.at(-1));
    expect(jumped.frames).toStrictEqual(whole);
  });

  it('a slice handles at most the events it is given: each guest is one arrival event, so a night of n guests takes at least n / maxEvents slices', () => {
    const scenario = { ...base, requests: 12_000 };
    const maxEvents = 200;
    const run = new BalancingRun(scenario);
    let slices = 0;
    let sent = 0;
    while (!run.advance(maxEvents)) {
      slices++;
      expect(run.sent - sent).toBeLessThanOrEqual(maxEvents);
      sent = run.sent;
      expect(run.result).toBeNull();
    }
    expect(run.sent).toBe(12_000);
    // Arrivals and departures: about two events per guest, so about twice the floor below.
    expect(slices).toBeGreaterThanOrEqual(12_000 / maxEvents);
    expect(run.advance(maxEvents)).toBe(true);
  });
});
