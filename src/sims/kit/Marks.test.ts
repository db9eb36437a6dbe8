// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, render, type ComponentChild } from 'preact';
import { Mark, Marks, RUN_ON_TICKS, nextPlan, type Pose } from './Marks.tsx';

const container = () => document.body.appendChild(document.createElement('div'));
/**
 * Renders into `root`. The spec marks the rejection of a cancelled animation's `finished` as handled;
 * happy-dom does not, so a move that gives way would fail the run as an unhandled rejection.
 */
function draw(vnode: ComponentChild, root: HTMLElement) {
  for (const mark of root.querySelectorAll('.sim-mark')) for (const a of mark.getAnimations()) a.finished.catch(() => undefined);
  render(vnode, root);
}
afterEach(() => {
  document.body.innerHTML = '';
});

const across: Pose[] = [
  { x: 10, y: 40 },
  { x: 90, y: 40 },
];
const back: Pose[] = [
  { x: 90, y: 40 },
  { x: 10, y: 40 },
];
/** A drawing 100 units wide whose token rests, or moves through `poses`. */
const token = (move?: { poses: Pose[]; at: number }) => {
  const circle = h('circle', { r: 7 });
  const mark = move ? h(Mark, { r: 8, poses: move.poses, ms: 1000, at: move.at }, circle) : h(Mark, { resting: true, r: 8 }, circle);
  return h(Marks, { width: 100, children: mark });
};

describe('a resting mark', () => {
  it('is the same element at rest, on the move, at the turn and at rest again', () => {
    const root = container();
    draw(token(), root);
    const resting = root.querySelector('.sim-mark');
    expect(resting).not.toBeNull();
    draw(token({ poses: across, at: 0 }), root);
    expect(root.querySelector('.sim-mark')).toBe(resting);
    draw(token({ poses: back, at: 0 }), root);
    expect(root.querySelector('.sim-mark')).toBe(resting);
    draw(token(), root);
    expect(root.querySelector('.sim-mark')).toBe(resting);
    expect(root.querySelectorAll('.sim-mark')).toHaveLength(1);
    expect(resting!.isConnected).toBe(true);
  });

  it('is unseen at the corner and runs no animation, while a move runs one from where it stands', () => {
    const root = container();
    draw(token(), root);
    const mark = root.querySelector<SVGSVGElement>('.sim-mark')!;
    expect(mark.style.opacity).toBe('0');
    expect(mark.style.transform).toBe('translate(calc(0.000cqw - 50%), calc(0.000cqw - 50%)) scale(1.000)');
    expect(mark.getAnimations()).toHaveLength(0);

    draw(token({ poses: across, at: 0.25 }), root);
    expect(mark.style.opacity).toBe('1');
    const [move] = mark.getAnimations();
    expect(mark.getAnimations()).toHaveLength(1);
    // A quarter of the way in; the clock runs on from there while the test reads it.
    expect(Number(move!.currentTime)).toBeGreaterThanOrEqual(250);
    expect(Number(move!.currentTime)).toBeLessThan(500);

    // At the turn the old move gives way to the new one rather than running beside it.
    draw(token({ poses: back, at: 0 }), root);
    expect(mark.getAnimations()).toHaveLength(1);
    expect(mark.getAnimations()[0]).not.toBe(move);

    draw(token(), root);
    expect(mark.getAnimations()).toHaveLength(0);
    expect(mark.style.opacity).toBe('0');
  });

  it('keeps its children while it rests, so a move draws them without creating them', () => {
    const root = container();
    draw(token(), root);
    const circle = root.querySelector('.sim-mark circle');
    expect(circle).not.toBeNull();
    draw(token({ poses: across, at: 0 }), root);
    expect(root.querySelector('.sim-mark circle')).toBe(circle);
  });
});

describe('a straight move while the simulation plays', () => {
  const TICK = 100;
  /** Tick `k`'s move along a line from x = 10, 5 units a tick. */
  const stretch = (k: number): Pose[] => [
    { x: 10 + k * 5, y: 40 },
    { x: 10 + (k + 1) * 5, y: 40 },
  ];
  const plan = (last: ReturnType<typeof nextPlan> | undefined, poses: Pose[], playing = true, at = 0) =>
    nextPlan(last, { poses, ms: TICK, at, playing, resting: false });

  it('runs on along its line: the next tick whose move is the next stretch keeps the running animation', () => {
    const first = plan(undefined, stretch(0), true, 0.25);
    expect(first.ms).toBe(TICK * RUN_ON_TICKS);
    expect(first.poses).toEqual([
      { x: 10, y: 40 },
      { x: 10 + 5 * RUN_ON_TICKS, y: 40, scale: 1, opacity: 1 },
    ]);
    // A quarter of the first tick in, as for any move that appears mid-tick.
    expect(first.startMs).toBe(25);
    let last = first;
    for (let k = 1; k < RUN_ON_TICKS; k++) {
      last = plan(last, stretch(k));
      expect(last.key).toBe(first.key);
    }
    // RUN_ON_TICKS ticks in, the line's end is reached: a new run starts from where the mark is.
    const again = plan(last, stretch(RUN_ON_TICKS));
    expect(again.key).not.toBe(first.key);
    expect(again.poses[0]).toEqual({ x: 10 + 5 * RUN_ON_TICKS, y: 40 });
  });

  it('starts a new animation when a tick turns, changes speed, jumps or fades', () => {
    const running = plan(plan(undefined, stretch(0)), stretch(1));
    expect(plan(running, [stretch(2)[0]!, { x: 25, y: 45 }]).key).not.toBe(running.key);
    // From the right place, but 7 units a tick instead of 5.
    const faster: Pose[] = [
      { x: 20, y: 40 },
      { x: 27, y: 40 },
    ];
    expect(plan(running, faster).key).not.toBe(running.key);
    expect(plan(running, stretch(3)).key).not.toBe(running.key);
    expect(
      plan(
        running,
        stretch(2).map((p, i) => ({ ...p, opacity: 1 - i })),
      ).key,
    ).not.toBe(running.key);
    // A move of more than two poses (it turns within the tick) plays as it is, for one tick.
    const bent = plan(running, [stretch(2)[0]!, { x: 22, y: 42 }, stretch(2)[1]!]);
    expect(bent.ms).toBe(TICK);
    expect(bent.line).toBeUndefined();
  });

  it('plays each move as it is, for one tick, when the simulation does not play (a Step)', () => {
    const first = plan(undefined, stretch(0), false);
    const second = plan(first, stretch(1), false);
    expect(first.ms).toBe(TICK);
    expect(first.poses).toEqual(stretch(0));
    expect(second.key).not.toBe(first.key);
  });

  it('on a pause ends the run at this tick’s end, from where it had got to; on Play leaves the move as it is', () => {
    let running = plan(undefined, stretch(0));
    running = plan(running, stretch(1));
    running = plan(running, stretch(2));
    const paused = nextPlan(running, { poses: stretch(2), ms: TICK, at: 0, playing: false, resting: false });
    expect(paused.key).not.toBe(running.key);
    expect(paused.poses).toEqual(stretch(2));
    expect(paused.ms).toBe(TICK);
    expect(paused.resume).toEqual({ ticks: 2, tickMs: TICK });
    const played = nextPlan(paused, { poses: stretch(2), ms: TICK, at: 0, playing: true, resting: false });
    expect(played.key).toBe(paused.key);
  });
});

describe('a mark in a playing layer', () => {
  const layer = (poses: Pose[], playing: boolean) =>
    h(Marks, { width: 100, playing, children: h(Mark, { r: 8, poses, ms: 100, at: 0 }, h('circle', { r: 7 })) });
  const stretch = (k: number): Pose[] => [
    { x: 10 + 5 * k, y: 40 },
    { x: 15 + 5 * k, y: 40 },
  ];

  it('keeps one animation from tick to tick along a line, and gives way to one that ends with the tick when paused', () => {
    const root = container();
    draw(layer(stretch(0), true), root);
    const mark = root.querySelector<SVGSVGElement>('.sim-mark')!;
    const [run] = mark.getAnimations();
    draw(layer(stretch(1), true), root);
    draw(layer(stretch(2), true), root);
    expect(mark.getAnimations()).toEqual([run]);
    expect(run!.effect!.getTiming().duration).toBe(100 * RUN_ON_TICKS);

    // Half way through the third tick (ticks 0 and 1 run, 250 ms in): the pause leaves the mark there.
    run!.currentTime = 250;
    draw(layer(stretch(2), false), root);
    const [tick] = mark.getAnimations();
    expect(tick).not.toBe(run);
    expect(tick!.effect!.getTiming().duration).toBe(100);
    // happy-dom's clock runs on a little while the test renders.
    expect(Number(tick!.currentTime)).toBeGreaterThanOrEqual(50);
    expect(Number(tick!.currentTime)).toBeLessThan(80);
  });

  it('under reduced motion plays each move from its end, one animation per tick, though the simulation plays', async () => {
    const settings = (window as unknown as { happyDOM: { settings: { device: { prefersReducedMotion: string } } } }).happyDOM.settings.device;
    const before = settings.prefersReducedMotion;
    settings.prefersReducedMotion = 'reduce';
    try {
      const root = container();
      const at = (poses: Pose[]) => h(Marks, { width: 100, playing: true, children: h(Mark, { r: 8, poses, ms: 100, at: 1 }, h('circle', { r: 7 })) });
      draw(at(stretch(0)), root);
      const mark = root.querySelector<SVGSVGElement>('.sim-mark')!;
      // The layer learns of the reader's setting in an effect, after the first paint, and re-renders.
      for (const a of mark.getAnimations()) a.finished.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const seen = new Set<Animation>();
      for (let k = 1; k <= 3; k++) {
        draw(at(stretch(k)), root);
        const [move] = mark.getAnimations();
        seen.add(move!);
        expect(move!.effect!.getTiming().duration).toBe(100);
        expect(Number(move!.currentTime)).toBeGreaterThanOrEqual(100);
      }
      expect(seen.size).toBe(3);
    } finally {
      settings.prefersReducedMotion = before;
    }
  });

  it('starts an animation per move when the layer is not playing', () => {
    const root = container();
    draw(layer(stretch(0), false), root);
    const mark = root.querySelector<SVGSVGElement>('.sim-mark')!;
    const [first] = mark.getAnimations();
    draw(layer(stretch(1), false), root);
    expect(mark.getAnimations()).toHaveLength(1);
    expect(mark.getAnimations()[0]).not.toBe(first);
  });
});
