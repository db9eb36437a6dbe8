import { describe, expect, it } from 'vitest';
import { HOLD_TICKS, REPLAY_TICKS, advanceReplay, newReplay, shownMs } from './replay.ts';
import { bytesThrough } from './timeline.ts';

const MiB = 1024 * 1024;
const input = { logBytes: 10 * MiB, missShare: 0.9, clientMbps: 100, clientRttMs: 40 };

describe('the replay of one request', () => {
  it('opens with the log on its way in both routes', () => {
    const r = newReplay(input);
    const last = (phases: typeof r.db.phases) => phases.at(-1)!;
    for (const t of [r.db, r.url]) {
      expect(r.atMs).toBeGreaterThan(last(t.phases).startMs);
      expect(r.atMs).toBeLessThan(last(t.phases).endMs);
    }
    // Part of the log has passed through the app, and part of it is still to come.
    expect(bytesThrough(r.db, 'app', r.atMs)).toBeGreaterThan(10 * MiB);
    expect(bytesThrough(r.db, 'app', r.atMs)).toBeLessThan(20 * MiB);
  });

  it("reaches the slower route's last byte in 40 ticks, holds it 10 ticks, then starts again at the click", () => {
    let r = { ...newReplay(input), atMs: 0 };
    expect(r.endMs).toBe(Math.max(r.db.totalMs, r.url.totalMs));
    for (let i = 0; i < REPLAY_TICKS; i++) r = advanceReplay(r);
    expect(r.atMs).toBeCloseTo(r.endMs, 6);
    for (let i = 0; i < HOLD_TICKS; i++) {
      r = advanceReplay(r);
      expect(shownMs(r)).toBe(r.endMs);
    }
    r = advanceReplay(r);
    expect(r.atMs).toBe(0);
  });

  it('takes as many ticks for a 200 MiB log on a slow link as for a small one', () => {
    let r = { ...newReplay({ logBytes: 200 * MiB, clientMbps: 5, clientRttMs: 300 }), atMs: 0 };
    expect(r.endMs).toBeGreaterThan(300_000);
    for (let i = 0; i < REPLAY_TICKS; i++) r = advanceReplay(r);
    expect(r.atMs).toBeCloseTo(r.endMs, 3);
  });
});
