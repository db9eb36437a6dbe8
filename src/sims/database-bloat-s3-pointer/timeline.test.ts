import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, normaliseTimeline, timeline, transferMs } from './timeline.ts';

const MiB = 1024 * 1024;

describe('the timeline model', () => {
  it('moves 10 MiB at 100 Mbit/s in 10 MiB × 8 / 100 Mbit = 838.9 ms', () => {
    expect(transferMs(10 * MiB, 100)).toBeCloseTo((10 * MiB * 8) / 100e3, 9);
    expect(transferMs(10 * MiB, 100)).toBeCloseTo(838.8608, 3);
  });

  it('sends every byte of the log through the app twice when it lives in the database', () => {
    const t = timeline('database', { logBytes: 10 * MiB });
    expect(t.appBytes).toBe(20 * MiB);
    expect(t.appPeakBytes).toBe(10 * MiB);
  });

  it('sends only the small URL answer through the app with a presigned URL', () => {
    const t = timeline('presigned', { logBytes: 10 * MiB });
    expect(t.appBytes).toBe(ASSUMPTIONS.urlResponseBytes);
    expect(t.appBytes).toBeLessThan(1024);
  });

  it('charges the database the page reads plus the transfer, and nothing that grows with the log for a pointer', () => {
    const small = timeline('database', { logBytes: MiB, missShare: 1 });
    const large = timeline('database', { logBytes: 10 * MiB, missShare: 1 });
    // 64 pages vs 640 pages at 0.1 ms, plus 1 vs 10 MiB over 10 Gbit/s.
    expect(large.databaseMs - small.databaseMs).toBeCloseTo(576 * 0.1 + transferMs(9 * MiB, 10_000), 6);
    expect(timeline('presigned', { logBytes: MiB }).databaseMs).toBe(timeline('presigned', { logBytes: 10 * MiB }).databaseMs);
  });

  it('costs the presigned route one more round trip and the first byte from storage, no more, on a connection to the bucket already open', () => {
    const input = { logBytes: 10 * MiB, missShare: 0, clientRttMs: 40, clientMbps: 100, bucketConnected: true };
    const db = timeline('database', input);
    const url = timeline('presigned', input);
    const extra = 40 + ASSUMPTIONS.storageFirstByteMs;
    // Both look the row up; only the database route also ships the log from the database to the app.
    const saved = transferMs(10 * MiB, ASSUMPTIONS.dbMbps);
    expect(url.totalMs - db.totalMs).toBeCloseTo(extra - saved + ASSUMPTIONS.signMs + transferMs(ASSUMPTIONS.urlResponseBytes, 100), 6);
  });

  it('adds a DNS lookup and the TCP and TLS 1.3 handshakes (two round trips) when the bucket is a new origin', () => {
    const input = { logBytes: 10 * MiB, missShare: 0, clientRttMs: 40, clientMbps: 100 };
    const warm = timeline('presigned', { ...input, bucketConnected: true });
    const cold = timeline('presigned', { ...input, bucketConnected: false });
    expect(cold.totalMs - warm.totalMs).toBeCloseTo(ASSUMPTIONS.dnsMs + 2 * 40, 9);
    expect(cold.phases.map((p) => p.label)).toContain('open TCP and TLS to the bucket');
    // The first download from a page is the cold one: that is the default.
    expect(timeline('presigned', input).totalMs).toBe(cold.totalMs);
    expect(cold.appBusyMs).toBe(warm.appBusyMs);
  });

  it('ties an app worker up for the whole download with the database route, for well under a millisecond with a URL', () => {
    const input = { logBytes: 10 * MiB, missShare: 0.5, clientMbps: 100 };
    const db = timeline('database', input);
    const url = timeline('presigned', input);
    expect(db.appBusyMs).toBeCloseTo(db.databaseMs + transferMs(10 * MiB, 100), 9);
    expect(db.appBusyMs).toBeGreaterThan(838);
    expect(url.appBusyMs).toBeCloseTo(ASSUMPTIONS.dbRttMs + ASSUMPTIONS.lookupMs + ASSUMPTIONS.signMs + transferMs(ASSUMPTIONS.urlResponseBytes, 100), 9);
    expect(url.appBusyMs).toBeLessThan(1);
  });

  it('lays phases end to end from zero to the total', () => {
    for (const route of ['database', 'presigned'] as const) {
      const t = timeline(route);
      expect(t.phases[0]!.startMs).toBe(0);
      for (let i = 1; i < t.phases.length; i++) expect(t.phases[i]!.startMs).toBeCloseTo(t.phases[i - 1]!.endMs, 9);
      expect(t.phases.at(-1)!.endMs).toBeCloseTo(t.totalMs, 9);
    }
  });

  it('clamps nonsense input', () => {
    expect(normaliseTimeline({ logBytes: -1, missShare: 7, clientMbps: 'fast', clientRttMs: Number.POSITIVE_INFINITY, bucketConnected: 'yes' })).toEqual({
      logBytes: 1024,
      missShare: 1,
      clientMbps: 100,
      clientRttMs: 40,
      bucketConnected: false,
    });
    expect(Number.isFinite(timeline('database', { logBytes: Number.NaN }).totalMs)).toBe(true);
  });
});
