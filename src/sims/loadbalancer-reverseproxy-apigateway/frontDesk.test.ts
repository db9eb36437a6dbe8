import { describe, expect, it } from 'vitest';
import { MEAN_SERVICE_MS, ROOM_SPEEDS, lobbyFrames } from './balancing.ts';
import {
  OPENING,
  RUN_GUESTS,
  closedFrom,
  guestsSent,
  lastFrame,
  lobbyFrame,
  longestLine,
  nextFrame,
  openDesk,
  restartDesk,
  settleDesk,
  shownResult,
  startDesk,
} from './frontDesk.ts';

describe('the front desk figure', () => {
  const desk = openDesk(OPENING);

  it('runs every guest of the opening settings and starts the lobby at its first frame', () => {
    const served = desk.night.result!.rooms.reduce((n, r) => n + r.served, 0);
    expect(served + desk.night.result!.dropped).toBe(RUN_GUESTS);
    expect(desk.frame).toBe(0);
    expect(desk.lobby.frames[0]!.inRoom).toEqual([0, 0, 0, 0]);
  });

  it('finds the half-speed room slowest under round robin at 60% load, as the predict step says', () => {
    // Round robin gives each room a quarter of the guests: 0.6 x 4.5 / 4 = 0.675 guests per 20 ms for
    // a room that serves 0.5 per 20 ms, so only the half-speed room is over capacity.
    const slow = ROOM_SPEEDS.indexOf(0.5);
    const rate = (0.6 * ROOM_SPEEDS.reduce((a, b) => a + b, 0)) / MEAN_SERVICE_MS / 4;
    expect(rate).toBeGreaterThan(0.5 / MEAN_SERVICE_MS);
    expect(longestLine(desk.night.result!)).toBe(String(slow));
    // Its line keeps growing: at the end of the run it is still near its longest, while the others are short.
    const end = desk.night.result!.timeline.map((points) => points.at(-1)![1]);
    expect(end[slow]).toBeGreaterThan(500);
    for (const [i, n] of end.entries()) if (i !== slow) expect(n).toBeLessThan(10);
  });

  it('reads the longest line from the rooms over time, not from their p99, first on a tie', () => {
    // Room 0 has the worst p99 but room 2 the longest line.
    const rooms = [90, 10, 20, 30].map((p99, i) => ({ name: `r${i}`, speed: 1, served: 1, share: 0.25, p99 }));
    const timeline: [number, number][][] = [
      [
        [1, 2],
        [2, 3],
      ],
      [
        [1, 1],
        [2, 7],
      ],
      [
        [1, 9],
        [2, 4],
      ],
      [
        [1, 9],
        [2, 0],
      ],
    ];
    expect(longestLine({ ...desk.night.result!, rooms, timeline })).toBe('2');
  });

  it('steps through the lobby frames and stops at the last', () => {
    let d = desk;
    for (let i = 0; i < desk.lobby.frames.length + 5; i++) d = nextFrame(d);
    expect(d.frame).toBe(desk.lobby.frames.length - 1);
    expect(lastFrame(d)).toBe(true);
    expect(lastFrame(desk)).toBe(false);
  });

  it('reads closed rooms from a mask and keeps one room open', () => {
    expect(closedFrom(0b0101)).toEqual([0, 2]);
    expect(closedFrom(0b1111)).toHaveLength(3);
    expect(openDesk({ ...OPENING, closed: 0b1111 }).closed).toBe(0b1110);
  });

  it('a desk for new settings computes its lobby a frame at a time and runs its night in slices, showing the previous night until then', () => {
    const settings = { ...OPENING, policy: 'least-connections' as const, closed: 0b0100 };
    const next = startDesk(settings, shownResult(desk));
    expect(next.lobby.frames).toHaveLength(1);
    let walked = next;
    const frames = [lobbyFrame(walked)];
    while (!lastFrame(walked)) frames.push(lobbyFrame((walked = nextFrame(walked))));
    expect(frames).toEqual(lobbyFrames({ ...settings, load: settings.load / 100, requests: RUN_GUESTS, closed: [2] }));
    expect(frames).toEqual(openDesk(settings).lobby.frames);
    expect(next.night.result).toBeNull();
    expect(shownResult(next)).toBe(desk.night.result);
    // A tick copies the desk; the slices advance the night both copies share.
    const ticked = nextFrame(next);
    let slices = 0;
    while (!settleDesk(next)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(ticked.night.result).toStrictEqual(openDesk(settings).night.result);
    expect(shownResult(ticked)).toBe(ticked.night.result);
    expect(guestsSent(ticked)).toBe(RUN_GUESTS);
    expect(ticked.night.result!.rooms[2]!.served).toBe(0);
  });

  it('counts the guests sent while the night runs', () => {
    const next = startDesk({ ...OPENING, load: 90 });
    expect(guestsSent(next)).toBe(0);
    expect(shownResult(next)).toBeNull();
    settleDesk(next, 500);
    expect(guestsSent(next)).toBeGreaterThan(0);
    expect(guestsSent(next)).toBeLessThanOrEqual(500);
  });
});

describe('restarting the front desk', () => {
  const opening = openDesk(OPENING);

  it('keeps the night of the same settings (the lock-in on the settings shown): the same charts, at once', () => {
    let ended = opening;
    while (!lastFrame(ended)) ended = nextFrame(ended);
    const again = restartDesk(ended, { ...OPENING, speeds: [...OPENING.speeds] });
    expect(again.frame).toBe(0);
    expect(again.night.result).toBe(opening.night.result);
    expect(shownResult(again)).toBe(opening.night.result);
    // A mask naming every room closes only the rooms really closed: the same settings as closing 2, 3 and 4.
    const closed = openDesk({ ...OPENING, closed: 0b1110 });
    expect(restartDesk(closed, { ...OPENING, closed: 0b1111 }).night).toBe(closed.night);
  });

  it('starts a new night for other settings, the charts keeping the last finished night meanwhile', () => {
    const changed = restartDesk(opening, { ...OPENING, seed: 2 });
    expect(changed.night.result).toBeNull();
    expect(shownResult(changed)).toBe(opening.night.result);
    // A change while that night still runs keeps pointing at the last finished night, never the partial one.
    const again = restartDesk(changed, { ...OPENING, seed: 3 });
    expect(shownResult(again)).toBe(opening.night.result);
    while (!settleDesk(again));
    expect(again.night.result).toStrictEqual(openDesk({ ...OPENING, seed: 3 }).night.result);
    expect(changed.night.result).toBeNull();
  });
});
