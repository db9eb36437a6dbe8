import { describe, expect, it } from 'vitest';
import { UTILISATIONS, type KnownSweep } from './hockey.ts';
import { hockeyScene, nearestUtilisation, queueRestarted, queueTicked, utilisationMoved, type HockeyModel } from './hockeyScene.ts';
import { TICK_SIM_MS } from './serverQueue.ts';

const at = (rho: number) => UTILISATIONS.indexOf(rho as (typeof UTILISATIONS)[number]);

/** Ticks the server through `ticks` steps, collecting what the drawing would show at each. */
function watch(model: HockeyModel, ticks: number) {
  const seen: { inSystem: number; serving: number | null; t: number }[] = [];
  let m = model;
  for (let i = 0; i < ticks; i++) {
    m = queueTicked(m);
    const now = m.queue.now;
    seen.push({ inSystem: now.waiting.length + (now.serving === null ? 0 : 1), serving: now.serving, t: now.t });
  }
  return { seen, last: m };
}

describe('the hockey stick scene', () => {
  it('puts the server at the utilisation looked at, clamping an index off either end', () => {
    expect(hockeyScene('exponential', 1, at(0.9)).queue.rho).toBe(0.9);
    expect(hockeyScene('exponential', 1, 99).queue.rho).toBe(0.99);
    expect(hockeyScene('exponential', 1, -4).queue.rho).toBe(0.1);
    expect(hockeyScene('exponential', 1, 2.6).at).toBe(3);
  });

  it('looking at another utilisation keeps the sweep (nothing reruns) and moves the server', () => {
    const scene = hockeyScene('heavy', 7, at(0.5));
    scene.sweep.advance(5_000);
    const moved = utilisationMoved(scene, at(0.95));
    expect(moved.sweep).toBe(scene.sweep);
    expect(moved.queue.rho).toBe(0.95);
    expect(utilisationMoved(scene, at(0.5))).toBe(scene);
  });

  it('moves the clock on by one tick at a time and serves requests first come, first served', () => {
    const scene = hockeyScene('exponential', 3, at(0.8));
    const { seen } = watch(scene, 200);
    expect(seen[0]!.t - scene.queue.now.t).toBe(TICK_SIM_MS);
    expect(seen[1]!.t - seen[0]!.t).toBe(TICK_SIM_MS);
    const served = seen.map((s) => s.serving).filter((id): id is number => id !== null);
    for (let i = 1; i < served.length; i++) expect(served[i]!).toBeGreaterThanOrEqual(served[i - 1]!);
    expect(new Set(served).size).toBeGreaterThan(10);
  });

  it('shows lines as long as M/M/1 says on average: rho / (1 - rho) requests at the server', () => {
    for (const rho of [0.5, 0.8] as const) {
      let sum = 0;
      let count = 0;
      for (let seed = 1; seed <= 8; seed++) {
        // About a whole trace of 400 requests: 400 arrivals at rate rho / 10 ms take 4000 / rho ms.
        const { seen } = watch(hockeyScene('exponential', seed, at(rho)), Math.floor(4000 / rho / TICK_SIM_MS));
        for (const s of seen) sum += s.inSystem;
        count += seen.length;
      }
      expect(sum / count / (rho / (1 - rho))).toBeGreaterThan(0.7);
      expect(sum / count / (rho / (1 - rho))).toBeLessThan(1.3);
    }
  });

  it('Reset puts the line back as it opened; the trace starts over when it runs out', () => {
    const scene = hockeyScene('exponential', 2, at(0.9));
    const { last } = watch(scene, 40);
    expect(last.queue.now).not.toEqual(scene.queue.now);
    expect(queueRestarted(last).queue.now).toEqual(scene.queue.now);
    const { seen } = watch(scene, 3000); // 15 s of simulated time, past the last of 400 arrivals (about 4.4 s)
    expect(seen.some((s, i) => i > 0 && s.t < seen[i - 1]!.t)).toBe(true);
  });

  it('opens with a sweep finished at build time only when it was run with the same service times and seed', () => {
    const known: KnownSweep = {
      shape: 'exponential',
      seed: 1,
      points: UTILISATIONS.map((u) => ({ utilisation: u, p50: 1, p99: 2, mean: 1, measuredUtilisation: u })),
    };
    const opened = hockeyScene('exponential', 1, 0, known);
    expect(opened.sweep.done).toBe(true);
    expect(opened.sweep.points).toEqual(known.points);
    for (const [shape, seed] of [
      ['exponential', 2],
      ['deterministic', 1],
    ] as const) {
      const fresh = hockeyScene(shape, seed, 0, known);
      expect(fresh.sweep.done).toBe(false);
      expect(fresh.sweep.points).toEqual([]);
    }
  });

  it('the marker dragged to a utilisation snaps to the nearest one offered', () => {
    expect(UTILISATIONS[nearestUtilisation(0.87)]).toBe(0.85);
    expect(UTILISATIONS[nearestUtilisation(0.93)]).toBe(0.95);
    expect(UTILISATIONS[nearestUtilisation(-1)]).toBe(0.1);
    expect(UTILISATIONS[nearestUtilisation(1.4)]).toBe(0.99);
  });
});
