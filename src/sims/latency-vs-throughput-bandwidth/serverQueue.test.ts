import { describe, expect, it } from 'vitest';
import { SERVICE_MS } from './hockey.ts';
import { TICK_SIM_MS, advanceQueue, meanTimeInServiceTimes, serverQueue, snapshotAt, traceOf } from './serverQueue.ts';

describe('the server the hockey stick is about', () => {
  it('serves one request at a time, first come first served', () => {
    const trace = traceOf(0.9, 3, 2000);
    for (let i = 0; i < trace.length; i++) {
      const v = trace[i]!;
      expect(v.start).toBeGreaterThanOrEqual(v.arrive);
      expect(v.done).toBeGreaterThan(v.start);
      if (i > 0) expect(v.start).toBeGreaterThanOrEqual(trace[i - 1]!.done);
    }
  });

  it('puts each request that has arrived in exactly one place until it has walked off', () => {
    const trace = traceOf(0.8, 5);
    for (let t = 0; t < 2000; t += 37) {
      const s = snapshotAt(trace, t);
      const ids = [...s.waiting, ...(s.serving === null ? [] : [s.serving]), ...s.leaving.map((l) => l.id)];
      expect(new Set(ids).size).toBe(ids.length);
      // Waiting in the order they came, and nobody waits while the server is idle.
      expect(s.waiting).toEqual([...s.waiting].sort((a, b) => a - b));
      if (s.waiting.length) expect(s.serving).not.toBeNull();
    }
  });

  it('matches M/M/1 on average: a request at 50% spends two service times at the server', () => {
    const trace = traceOf(0.5, 11, 200_000);
    const mean = trace.reduce((sum, v) => sum + v.done - v.arrive, 0) / trace.length / SERVICE_MS;
    expect(mean).toBeGreaterThan(1.9);
    expect(mean).toBeLessThan(2.1);
    // 1 / (1 - 0.9) = 10, worked by hand.
    expect(meanTimeInServiceTimes(0.9)).toBeCloseTo(10, 9);
  });

  it('draws a longer line at 90% than at 30%', () => {
    const average = (rho: number) => {
      let q = serverQueue(rho, 7);
      let total = 0;
      for (let i = 0; i < 600; i++) {
        q = advanceQueue(q);
        total += q.now.waiting.length;
      }
      return total / 600;
    };
    expect(average(0.9)).toBeGreaterThan(3 * average(0.3) + 1);
  });

  it('moves time on by one tick and starts over at the end of the trace', () => {
    const q = serverQueue(0.5, 1);
    expect(advanceQueue(q).now.t).toBe(q.now.t + TICK_SIM_MS);
    const end = { ...q, now: snapshotAt(q.trace, q.trace.at(-1)!.arrive) };
    expect(advanceQueue(end).now.t).toBe(q.now.t);
  });
});
