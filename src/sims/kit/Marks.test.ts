// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { Mark, Marks, type Pose } from './Marks.tsx';

const container = () => document.body.appendChild(document.createElement('div'));
/**
 * Renders into `root`. The spec marks the rejection of a cancelled animation's `finished` as handled;
 * happy-dom does not, so a move that gives way would fail the run as an unhandled rejection.
 */
function draw(vnode: ReturnType<typeof token>, root: HTMLElement) {
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
