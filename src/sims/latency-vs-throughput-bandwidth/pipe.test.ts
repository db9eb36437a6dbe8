import { describe, expect, it } from 'vitest';
import { BANDWIDTHS, arrivalMs, effectiveThroughputMbps, pipeHoldsKb, pipeOf, snapshotAt, transferMs, type Pipe } from './pipe.ts';

const pipe = (bandwidthMbps: number, latencyMs: number, payloadKb: number): Pipe => ({ bandwidthMbps, latencyMs, payloadKb });

describe('the water pipe', () => {
  it('a 2 kB response over 100 Mbit/s takes 0.16 ms to push in (16,000 bits / 10^8 bit/s)', () => {
    expect(transferMs(pipe(100, 40, 2))).toBeCloseTo(0.16, 12);
    expect(arrivalMs(pipe(100, 40, 2))).toBeCloseTo(40.16, 12);
  });

  it('widening the pipe never brings the first drop sooner, and the whole payload never before the latency', () => {
    for (const payload of [2, 500, 25_000]) {
      let previous = Infinity;
      for (const bw of BANDWIDTHS) {
        const p = pipe(bw, 40, payload);
        expect(snapshotAt(p, 39.999).deliveredKb).toBe(0);
        expect(arrivalMs(p)).toBeGreaterThan(40);
        expect(arrivalMs(p)).toBeLessThan(previous); // wider still helps big payloads...
        previous = arrivalMs(p);
      }
    }
    // ...but for a small one, going from 100 to 1000 Mbit/s saves under 0.2 ms of 40.
    expect(arrivalMs(pipe(100, 40, 2)) - arrivalMs(pipe(1000, 40, 2))).toBeLessThan(0.2);
  });

  it('shortening the pipe shortens the trip by exactly the latency saved', () => {
    expect(arrivalMs(pipe(50, 80, 500)) - arrivalMs(pipe(50, 20, 500))).toBeCloseTo(60, 12);
  });

  it('a full pipe holds bandwidth × latency: 100 Mbit/s over 40 ms is 500 kB in flight', () => {
    const p = pipe(100, 40, 25_000);
    expect(pipeHoldsKb(p)).toBeCloseTo(500, 12);
    // In the middle of a long transfer, what has left the tap but not reached the bucket is exactly that.
    const mid = snapshotAt(p, 1000);
    expect(mid.sentKb - mid.deliveredKb).toBeCloseTo(500, 9);
    expect(mid.front).toBe(1);
    expect(mid.tail).toBe(0);
  });

  it('the slug moves from tap to bucket and the bucket ends up with the whole payload', () => {
    const p = pipe(10, 50, 500); // 400 ms to push in
    expect(snapshotAt(p, 0)).toEqual({ front: 0, tail: 0, sentKb: 0, deliveredKb: 0 });
    expect(snapshotAt(p, 25).front).toBeCloseTo(0.5, 12);
    const end = snapshotAt(p, arrivalMs(p));
    expect(end.deliveredKb).toBeCloseTo(500, 9);
    expect(end.tail).toBe(1);
  });

  it('effective throughput of a small payload is a tiny fraction of the bandwidth', () => {
    expect(effectiveThroughputMbps(pipe(1000, 40, 2))).toBeLessThan(0.5);
    expect(effectiveThroughputMbps(pipe(10, 1, 25_000)) / 10).toBeGreaterThan(0.99);
  });

  it('nonsense from a URL becomes a valid pipe', () => {
    expect(pipeOf({ bandwidthMbps: '7', latencyMs: 'NaN', payloadKb: '<b>' })).toEqual({ bandwidthMbps: 100, latencyMs: 40, payloadKb: 2 });
    expect(pipeOf({ bandwidthMbps: 1000, latencyMs: 1e9, payloadKb: 500 })).toEqual({ bandwidthMbps: 1000, latencyMs: 300, payloadKb: 500 });
    expect(snapshotAt(pipe(10, 10, 2), Number.NaN).front).toBe(0);
  });
});
