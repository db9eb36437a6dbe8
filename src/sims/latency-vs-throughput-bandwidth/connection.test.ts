import { describe, expect, it } from 'vitest';
import { MSS_BYTES, initialWindowBytes, newConnectionFetchMs, slowStart } from './connection.ts';
import { BANDWIDTHS, arrivalMs, type Pipe } from './pipe.ts';

const pipe = (bandwidthMbps: number, latencyMs: number, payloadKb: number): Pipe => ({ bandwidthMbps, latencyMs, payloadKb });

/**
 * Kurose and Ross's closed form for the time slow start adds, generalised from an initial window of one
 * segment to w0: with S the segment, R the bandwidth and K the flights needed, the sender stalls after
 * flight k (for k up to P = min(Q, K − 1), Q the last flight that cannot fill the pipe) for
 * S/R + RTT − w0 2^(k−1) S/R, which sums to P (S/R + RTT) − w0 (2^P − 1) S/R.
 */
function closedFormSendMs(p: Pipe, w0 = 10, mss = MSS_BYTES): number {
  const bytes = p.payloadKb * 1000;
  const segmentMs = (mss * 8) / (p.bandwidthMbps * 1000);
  const rtt = 2 * p.latencyMs;
  const k = Math.ceil(Math.log2(bytes / (w0 * mss) + 1));
  const q = Math.floor(Math.log2((1 + rtt / segmentMs) / w0)) + 1;
  const stalls = Math.max(0, Math.min(q, k - 1));
  return (bytes * 8) / (p.bandwidthMbps * 1000) + stalls * (segmentMs + rtt) - w0 * (2 ** stalls - 1) * segmentMs;
}

describe('a new connection', () => {
  it('starts with RFC 6928 initial window: 14,600 bytes at a 1,460-byte MSS, ten segments of a small MSS, two of a jumbo one', () => {
    expect(initialWindowBytes(1460)).toBe(14_600);
    expect(initialWindowBytes(536)).toBe(5360);
    expect(initialWindowBytes(8960)).toBe(17_920);
  });

  it('sends 2 kB in one flight, 500 kB in 6 and 25 MB in 11 (10, 20, 40 ... segments)', () => {
    expect(slowStart(pipe(100, 40, 2)).flights).toBe(1);
    // 10 + 20 + 40 + 80 + 160 = 310 segments = 452,600 bytes < 500 kB, so a sixth flight is needed.
    expect(slowStart(pipe(100, 40, 500)).flights).toBe(6);
    // 10 × (2^10 − 1) segments = 14.9 MB < 25 MB ≤ 10 × (2^11 − 1) segments = 29.9 MB.
    expect(slowStart(pipe(100, 40, 25_000)).flights).toBe(11);
  });

  it('stalls after every flight smaller than the pipe: 5 times for 500 kB, 7 for 25 MB at 100 Mbit/s and 40 ms', () => {
    expect(slowStart(pipe(100, 40, 500)).stalls).toBe(5);
    // The pipe holds 100 Mbit/s × 80 ms = 1 MB: flight 8 (1,280 segments, 1.87 MB) fills it.
    expect(slowStart(pipe(100, 40, 25_000)).stalls).toBe(7);
    // A 1 Mbit/s pipe is full from the first flight (14.6 kB takes 117 ms to send, longer than 80 ms).
    expect(slowStart(pipe(1, 40, 500)).stalls).toBe(0);
  });

  it('agrees with the closed form of Kurose and Ross for every width, several lengths and every payload', () => {
    for (const bw of BANDWIDTHS) {
      for (const latency of [1, 5, 40, 150, 300]) {
        for (const kb of [2, 500, 25_000]) {
          const p = pipe(bw, latency, kb);
          expect(slowStart(p).sendMs, `${bw} Mbit/s, ${latency} ms, ${kb} kB`).toBeCloseTo(closedFormSendMs(p), 6);
        }
      }
    }
  });

  it('costs three round trips before a 2 kB response (TCP, TLS 1.3, the request), and never less than the pipe formula', () => {
    expect(newConnectionFetchMs(pipe(100, 40, 2))).toBeCloseTo(3 * 80 + 0.16, 9);
    for (const bw of BANDWIDTHS) {
      for (const kb of [2, 500, 25_000]) {
        const p = pipe(bw, 40, kb);
        expect(newConnectionFetchMs(p)).toBeGreaterThan(arrivalMs(p) + 2 * 80);
      }
    }
  });

  it('makes a 500 kB photo 8 times slower than the pipe formula says at 100 Mbit/s and 40 ms', () => {
    const p = pipe(100, 40, 500);
    expect(arrivalMs(p)).toBeCloseTo(80, 9);
    // 3 round trips, 40 ms at full rate, and five stalls of (0.1168 + 80 − w × 0.1168) ms, w = 10 ... 160.
    const stalls = [10, 20, 40, 80, 160].reduce((sum, w) => sum + 0.1168 + 80 - w * 0.1168, 0);
    expect(newConnectionFetchMs(p)).toBeCloseTo(240 + 40 + stalls, 9);
    expect(newConnectionFetchMs(p) / arrivalMs(p)).toBeGreaterThan(8);
  });
});
