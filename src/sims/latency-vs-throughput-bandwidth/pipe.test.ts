import { describe, expect, it } from 'vitest';
import {
  BANDWIDTHS,
  arrivalMs,
  effectiveThroughputMbps,
  parcelsInPipe,
  pipeHoldsKb,
  pipeOf,
  runFinished,
  runOf,
  runStepped,
  runTicked,
  snapshotAt,
  tickSimMs,
  transferMs,
  type Pipe,
} from './pipe.ts';

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

describe('the parcels in the pipe', () => {
  it('a longer pipe is slower to the first parcel: it needs the whole latency to cross', () => {
    // 500 kB at 100 Mbit/s: 40 ms to push in, so a parcel every 40 / 12 ms; the first enters at 1.67 ms.
    for (const latency of [20, 40, 160]) {
      const p = pipe(100, latency, 500);
      expect(parcelsInPipe(p, 1).map((q) => q.id)).toEqual([]);
      expect(parcelsInPipe(p, 2).map((q) => q.id)).toEqual([0]);
      // Still inside just before 1.67 ms + latency, gone into the bucket just after.
      expect(parcelsInPipe(p, 1.6 + latency).map((q) => q.id)).toContain(0);
      expect(parcelsInPipe(p, 1.7 + latency).map((q) => q.id)).not.toContain(0);
    }
  });

  it('a wider pipe carries more of the payload at once', () => {
    // 500 kB, 40 ms long, 20 ms after the tap opened. At 1000 Mbit/s the payload goes in within 4 ms,
    // so all 12 parcels are inside; at 10 Mbit/s it takes 400 ms, a parcel every 33.3 ms: only the first.
    expect(parcelsInPipe(pipe(1000, 40, 500), 20)).toHaveLength(12);
    expect(parcelsInPipe(pipe(10, 40, 500), 20)).toHaveLength(1);
    // At 100 Mbit/s a parcel enters every 3.33 ms: by 20 ms, six have (1.67, 5, 8.33, 11.7, 15, 18.3 ms).
    expect(parcelsInPipe(pipe(100, 40, 500), 20)).toHaveLength(6);
  });

  it('a full pipe holds, on average, as many parcels as bandwidth × latency ÷ a parcel’s size', () => {
    // 25 MB at 100 Mbit/s through 300 ms: 2,000 ms to push in. The pipe holds 100 Mbit/s × 300 ms =
    // 3,750 kB and a parcel is 25,000 / 12 = 2,083 kB, so 1.8 parcels are inside on average while it runs
    // full (from the first drop's arrival at 300 ms to the last drop's entry at 2,000 ms).
    const p = pipe(100, 300, 25_000);
    let sum = 0;
    let samples = 0;
    for (let t = 300.5; t < 2000; t += 1) {
      sum += parcelsInPipe(p, t).length;
      samples++;
    }
    expect(sum / samples).toBeCloseTo(1.8, 1);
    // Meanwhile the water is there all along: the whole pipe, from the tap to the bucket.
    for (const t of [400, 1000, 1900]) expect(snapshotAt(p, t)).toMatchObject({ front: 1, tail: 0 });
  });

  it('a parcel moves along the pipe at the pipe length per latency', () => {
    const p = pipe(100, 40, 500);
    const [first] = parcelsInPipe(p, 11.67);
    // Entered at 1.667 ms, so 10 ms of 40 in: a quarter of the way.
    expect(first!.along).toBeCloseTo(0.25, 3);
  });

  it('plays short trips at one speed, a twentieth of real time, so a longer pipe takes longer to watch', () => {
    // A tick is 50 ms of the reader's time, so 2.5 ms of the pipe's.
    expect(tickSimMs(pipe(100, 40, 2))).toBe(2.5);
    expect(tickSimMs(pipe(100, 300, 2))).toBe(2.5);
    // An app download over a slow link would take 4,000 s at a twentieth of real time: it is sped up to 160 ticks.
    expect(tickSimMs(pipe(1, 40, 25_000))).toBeCloseTo(200_040 / 160, 9);
  });

  it('a run starts at the tap, moves a tick or a tenth of the trip at a time and stops when the last parcel lands', () => {
    const p = pipe(100, 40, 2); // the whole trip: 40.16 ms
    let run = runOf(p);
    expect(run.t).toBe(0);
    run = runTicked(run);
    expect(run.t).toBe(2.5);
    expect(runStepped(runOf(p)).t).toBeCloseTo(4.016, 12);
    for (let i = 0; i < 20; i++) run = runTicked(run);
    expect(run.t).toBeCloseTo(40.16, 12);
    expect(runFinished(run)).toBe(true);
    expect(runFinished(runOf(p, 40))).toBe(false);
  });
});
