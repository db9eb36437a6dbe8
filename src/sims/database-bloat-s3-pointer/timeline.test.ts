import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, bytesThrough, inTransit, normaliseTimeline, phaseDone, timeline, transferMs } from './timeline.ts';

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
      logBytes: MiB,
      missShare: 1,
      clientMbps: 100,
      clientRttMs: 40,
      bucketConnected: false,
    });
    expect(Number.isFinite(timeline('database', { logBytes: Number.NaN }).totalMs)).toBe(true);
  });

  it('holds every number to one range: a 1 to 200 MiB log, 5 to 1000 Mbit/s, a 5 to 300 ms round trip', () => {
    const low = normaliseTimeline({ logBytes: 10, missShare: -0.5, clientMbps: 0, clientRttMs: -3 });
    expect([low.logBytes, low.missShare, low.clientMbps, low.clientRttMs]).toEqual([MiB, 0, 5, 5]);
    const high = normaliseTimeline({ logBytes: 1e12, missShare: 2, clientMbps: 1e6, clientRttMs: 5000 });
    expect([high.logBytes, high.missShare, high.clientMbps, high.clientRttMs]).toEqual([200 * MiB, 1, 1000, 300]);
    const nan = normaliseTimeline({ logBytes: Number.NaN, missShare: Number.NaN, clientMbps: Number.NaN, clientRttMs: '' });
    expect([nan.logBytes, nan.missShare, nan.clientMbps, nan.clientRttMs]).toEqual([10 * MiB, 0.9, 100, 40]);
    // The model itself clamps, so a direct call cannot divide by a zero bandwidth.
    expect(timeline('database', { clientMbps: 0 }).totalMs).toBe(timeline('database', { clientMbps: 5 }).totalMs);
  });
});

describe('what travels where', () => {
  const input = { logBytes: 10 * MiB, missShare: 0.5, clientMbps: 100, clientRttMs: 40 };

  it('carries the log database to app to browser in one route, and bucket to browser in the other', () => {
    const hops = (route: 'database' | 'presigned') => timeline(route, input).phases.flatMap((p) => (p.hop ? [`${p.hop.from}>${p.hop.to}:${p.hop.what}`] : []));
    expect(hops('database')).toEqual(['browser>app:request', 'app>database:request', 'database>app:log', 'app>browser:log']);
    expect(hops('presigned')).toEqual(['browser>app:request', 'app>browser:url', 'browser>storage:request', 'storage>browser:log']);
  });

  it('counts the bytes through the app from nothing at the click to the whole of appBytes at the last byte', () => {
    const db = timeline('database', input);
    const url = timeline('presigned', input);
    expect(bytesThrough(db, 'app', 0)).toBe(0);
    expect(bytesThrough(db, 'app', db.totalMs)).toBe(20 * MiB);
    expect(bytesThrough(url, 'app', url.totalMs)).toBe(700);
    expect(bytesThrough(url, 'storage', url.totalMs)).toBe(10 * MiB);
    expect(bytesThrough(url, 'database', url.totalMs)).toBe(0);
    // 10 MiB at 100 Mbit/s leaves the app in 838.8608 ms: halfway through that, the app has received it all and sent half.
    const last = db.phases.at(-1)!;
    expect(bytesThrough(db, 'app', last.startMs + 838.8608 / 2)).toBeCloseTo(15 * MiB, 0);
    let previous = 0;
    for (let at = 0; at <= db.totalMs; at += db.totalMs / 50) {
      const now = bytesThrough(db, 'app', at);
      expect(now).toBeGreaterThanOrEqual(previous);
      previous = now;
    }
  });

  it('has the browser receive nothing until half a round trip after the app starts sending, then the log at the link rate', () => {
    // 40 ms round trip, so 20 ms one way; 10 MiB at 100 Mbit/s takes 838.8608 ms to send.
    const db = timeline('database', input);
    const send = db.phases.at(-1)!;
    expect(bytesThrough(db, 'browser', send.startMs + 19.9)).toBe(0);
    expect(bytesThrough(db, 'app', send.startMs + 19.9)).toBeCloseTo(10 * MiB + (10 * MiB * 19.9) / 838.8608, 0);
    expect(bytesThrough(db, 'browser', send.startMs + 20 + 838.8608 / 4)).toBeCloseTo(2.5 * MiB, 0);
    // The app has sent everything 20 ms before the browser has it all.
    expect(bytesThrough(db, 'app', send.endMs - 20)).toBeCloseTo(20 * MiB, 0);
    expect(bytesThrough(db, 'browser', send.endMs - 20)).toBeLessThan(10 * MiB);
  });

  it('puts the bytes in transit on the stretch of the link between the last byte sent and the first', () => {
    const db = timeline('database', input);
    const send = { ...db.phases.at(-1)!, hop: db.phases.at(-1)!.hop! };
    // 10 ms after the start the first byte is halfway along a 20 ms link, and the sender is still sending.
    expect(inTransit(send, send.startMs + 10)).toEqual([0, 0.5]);
    // Once it has sent the last byte, the train leaves the sender's end: 5 ms later it starts a quarter of the way along.
    const [tail, head] = inTransit(send, send.startMs + 838.8608 + 5);
    expect(tail).toBeCloseTo(0.25, 6);
    expect(head).toBe(1);
    // A request is one point crossing the link over its phase (20 ms one way).
    const request = { ...db.phases[0]!, hop: db.phases[0]!.hop! };
    expect(inTransit(request, 5)).toEqual([0.25, 0.25]);
  });

  it('says how far a phase has got, 0 before and 1 after', () => {
    const phase = { lane: 'app' as const, label: 'x', startMs: 10, endMs: 30 };
    expect([phaseDone(phase, 0), phaseDone(phase, 15), phaseDone(phase, 30), phaseDone(phase, 99)]).toEqual([0, 0.25, 1, 1]);
  });
});
