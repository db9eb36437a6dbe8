import { describe, expect, it } from 'vitest';
import { BURST, KEY_CHALLENGE, limitReq, runJourney, type JourneyInput } from './journey.ts';

const ok: JourneyInput = {
  https: true,
  path: '/api/orders',
  apiKey: 'valid',
  burstSize: 1,
  cached: false,
  behindClientProxy: false,
  backends: 'healthy',
};

describe('limit_req model (nginx leaky bucket, nodelay)', () => {
  it('lets burst + 1 simultaneous requests through and rejects the rest', () => {
    expect(limitReq(Array(10).fill(0), 10, 5)).toEqual([true, true, true, true, true, true, false, false, false, false]);
    expect(limitReq(Array(3).fill(0), 10, 0)).toEqual([true, false, false]);
  });

  it('drains at the rate: at 10 r/s with no burst, one request every 100 ms passes, one every 50 ms does not', () => {
    expect(limitReq([0, 100, 200, 300], 10, 0)).toEqual([true, true, true, true]);
    expect(limitReq([0, 50, 100, 150, 200], 10, 0)).toEqual([true, false, true, false, true]);
  });

  it('a rejected request does not fill the bucket', () => {
    // Burst 1: at 0 ms excess goes 0, 1, then the third is rejected. 100 ms drains one unit, so the
    // fourth passes (1 - 1 + 1 = 1); had the rejected one counted, it would be 2 - 1 + 1 = 2 > 1.
    expect(limitReq([0, 0, 0, 100, 100], 10, 1)).toEqual([true, true, false, true, false]);
  });
});

describe("a request's journey", () => {
  it('reaches a room with X-Forwarded-For grown by one address per hop, the client first', () => {
    const result = runJourney(ok);
    expect(result.status).toBe(200);
    expect(result.answeredBy).toBe('room');
    expect(result.atBackend['X-Forwarded-For']).toBe('203.0.113.7, 10.0.0.2, 10.0.0.3');
    expect(result.atBackend['X-Real-IP']).toBe('203.0.113.7');
    expect(result.atBackend['X-Forwarded-Proto']).toBe('https');
    expect(result.backendSeesPeer).toBe('10.0.0.4');
    expect(result.steps.map((s) => s.station)).toEqual(['client', 'doorman', 'concierge', 'front-desk', 'room']);
  });

  it("keeps the client's own proxy in front of the list", () => {
    const result = runJourney({ ...ok, behindClientProxy: true });
    expect(result.atBackend['X-Forwarded-For']).toBe('198.51.100.23, 203.0.113.7, 10.0.0.2, 10.0.0.3');
  });

  it('says which station adds which header', () => {
    const added = Object.fromEntries(runJourney(ok).steps.map((s) => [s.station, Object.keys(s.added).sort()]));
    expect(added['doorman']).toEqual(['X-Forwarded-For', 'X-Forwarded-Proto', 'X-Real-IP']);
    expect(added['concierge']).toEqual(['X-Forwarded-For', 'X-Request-ID']);
    expect(added['front-desk']).toEqual(['X-Forwarded-For']);
  });

  it('answers 401 at the concierge without a valid key, and the room never sees it', () => {
    for (const apiKey of ['missing', 'wrong'] as const) {
      const result = runJourney({ ...ok, apiKey });
      expect([result.status, result.answeredBy]).toEqual([401, 'concierge']);
      expect(result.atBackend).toEqual({});
      // RFC 9110 §15.5.2: a 401 carries a challenge.
      expect(result.steps.at(-1)!.action).toContain(`WWW-Authenticate: ${KEY_CHALLENGE}`);
    }
  });

  it('answers 429 at the concierge past the burst', () => {
    expect(runJourney({ ...ok, burstSize: BURST + 1 }).status).toBe(200);
    expect(runJourney({ ...ok, burstSize: BURST + 2 })).toMatchObject({ status: 429, answeredBy: 'concierge' });
  });

  it('answers public pages from the cache at the doorman, without a key', () => {
    expect(runJourney({ ...ok, path: '/menu', apiKey: 'missing', cached: true })).toMatchObject({ status: 200, answeredBy: 'doorman' });
    expect(runJourney({ ...ok, path: '/menu', apiKey: 'missing', cached: false })).toMatchObject({ status: 200, answeredBy: 'room' });
  });

  it('502 when every room refuses, 504 when no room answers the connection or the room is too slow, 200 when one of several is down', () => {
    expect(runJourney({ ...ok, backends: 'all-down' })).toMatchObject({ status: 502, answeredBy: 'front-desk' });
    expect(runJourney({ ...ok, backends: 'slow' })).toMatchObject({ status: 504, answeredBy: 'front-desk' });
    // A connection attempt nobody answers (a blackholed backend) is a timeout too: 504, not 502.
    expect(runJourney({ ...ok, backends: 'unreachable' })).toMatchObject({ status: 504, answeredBy: 'front-desk', atBackend: {} });
    expect(runJourney({ ...ok, backends: 'one-down' })).toMatchObject({ status: 200, answeredBy: 'room' });
  });

  it('says http when the client did not use TLS, and clamps a nonsense burst', () => {
    expect(runJourney({ ...ok, https: false }).atBackend['X-Forwarded-Proto']).toBe('http');
    expect(runJourney({ ...ok, burstSize: Number.NaN }).status).toBe(200);
    expect(runJourney({ ...ok, burstSize: 1e9 }).status).toBe(429);
  });
});
