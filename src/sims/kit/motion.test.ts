import { describe, expect, it } from 'vitest';
import { Clock, isRunning, lerp, MAX_FRAME_GAP_MS, MAX_TICKS_PER_FRAME, seenFrom, type PlaybackFacts } from './motion.ts';
import { grabCommand, isDrag } from './grab.ts';
import { reveal } from './predict.ts';

describe('ticks from display frames', () => {
  it('ticks once per tickMs of frame time, carrying the remainder as progress between ticks', () => {
    const clock = new Clock(100);
    // A new clock starts settled, so playback's first frame ticks at once.
    expect(clock.advance(16, true)).toBe(1);
    expect(clock.progress).toBeCloseTo(0.16);
    let ticks = 0;
    for (let frame = 0; frame < 60; frame++) ticks += clock.advance(1000 / 60, true);
    // One second at 60 Hz: ten ticks of 100 ms, the 16 ms already carried included.
    expect(ticks).toBe(10);
    expect(clock.progress).toBeGreaterThanOrEqual(0);
    expect(clock.progress).toBeLessThan(1);
  });

  it('drops a long gap (a background tab) instead of replaying hundreds of ticks', () => {
    const clock = new Clock(100);
    expect(clock.advance(0, true)).toBe(1);
    // Of a minute away only MAX_FRAME_GAP_MS (250 ms) counts: two ticks of 100 ms, 50 ms carried.
    expect(MAX_FRAME_GAP_MS).toBe(250);
    expect(clock.advance(60_000, true)).toBe(2);
    expect(clock.progress).toBeCloseTo(0.5);
    const fast = new Clock(16);
    fast.advance(0, true);
    expect(fast.advance(60_000, true)).toBe(MAX_TICKS_PER_FRAME);
    expect(fast.progress).toBeLessThan(1);
  });

  it('never ticks while not running, and a move after a Step reaches its end in tickMs', () => {
    const clock = new Clock(200);
    clock.restart();
    expect(clock.progress).toBe(0);
    expect(clock.moving).toBe(true);
    expect(clock.advance(100, false)).toBe(0);
    expect(clock.progress).toBe(0.5);
    expect(clock.advance(150, false)).toBe(0);
    expect(clock.progress).toBe(1);
    expect(clock.moving).toBe(false);
  });

  it('ignores a frame time that runs backwards', () => {
    const clock = new Clock(100);
    clock.restart();
    expect(clock.advance(-50, true)).toBe(0);
    expect(clock.progress).toBe(0);
  });

  it('interpolates within the two models and never past them', () => {
    expect(lerp(10, 20, 0.25)).toBe(12.5);
    expect(lerp(10, 20, 1.5)).toBe(20);
    expect(lerp(10, 20, -1)).toBe(10);
  });
});

describe('who decides whether playback runs', () => {
  const base: PlaybackFacts = { intent: 'auto', seen: 'in', pageHidden: false, reduced: false, canPlay: true, autoplay: true, finished: false };

  it('starts by itself when the frame is in view, and stops when it leaves or the tab is hidden', () => {
    expect(isRunning(base)).toBe(true);
    expect(isRunning({ ...base, seen: 'partly' })).toBe(false);
    expect(isRunning({ ...base, seen: 'off' })).toBe(false);
    expect(isRunning({ ...base, pageHidden: true })).toBe(false);
  });

  it("keeps the reader's Pause over being in view, until they press Play", () => {
    expect(isRunning({ ...base, intent: 'pause' })).toBe(false);
    expect(isRunning({ ...base, intent: 'play' })).toBe(true);
    // The reader's Play runs with only part of the frame showing (the button may be all they see)...
    expect(isRunning({ ...base, intent: 'play', seen: 'partly' })).toBe(true);
    // ...but not off screen or in a hidden tab.
    expect(isRunning({ ...base, intent: 'play', seen: 'off' })).toBe(false);
    expect(isRunning({ ...base, intent: 'play', pageHidden: true })).toBe(false);
  });

  it('under reduced motion moves only when the reader presses Play', () => {
    expect(isRunning({ ...base, reduced: true })).toBe(false);
    expect(isRunning({ ...base, reduced: true, intent: 'play' })).toBe(true);
  });

  it('never runs without playback, once finished, or when the simulation opts out of starting by itself', () => {
    expect(isRunning({ ...base, canPlay: false, intent: 'play' })).toBe(false);
    expect(isRunning({ ...base, finished: true, intent: 'play' })).toBe(false);
    expect(isRunning({ ...base, autoplay: false })).toBe(false);
    expect(isRunning({ ...base, autoplay: false, intent: 'play' })).toBe(true);
  });

  it('counts a frame as in view at 40 % visible, or when it fills 40 % of a shorter viewport', () => {
    expect(seenFrom(0, 0, 800)).toBe('off');
    expect(seenFrom(0.39, 100, 800)).toBe('partly');
    expect(seenFrom(0.4, 100, 800)).toBe('in');
    // A frame three viewports tall can never be 40 % visible, but filling the screen is in view.
    expect(seenFrom(0.33, 800, 800)).toBe('in');
  });
});

describe('keyboard equivalents of direct actions', () => {
  const all = { activate: true, remove: true, move: true, step: 10 };

  it('maps Enter and Space to activate, Delete and Backspace to remove, arrows to a move by the step', () => {
    expect(grabCommand('Enter', false, all)).toEqual({ kind: 'activate' });
    expect(grabCommand(' ', false, all)).toEqual({ kind: 'activate' });
    expect(grabCommand('Delete', false, all)).toEqual({ kind: 'remove' });
    expect(grabCommand('Backspace', false, all)).toEqual({ kind: 'remove' });
    expect(grabCommand('ArrowLeft', false, all)).toEqual({ kind: 'move', dx: -10, dy: 0 });
    expect(grabCommand('ArrowRight', false, all)).toEqual({ kind: 'move', dx: 10, dy: 0 });
    expect(grabCommand('ArrowUp', false, all)).toEqual({ kind: 'move', dx: 0, dy: -10 });
    expect(grabCommand('ArrowDown', true, all)).toEqual({ kind: 'move', dx: 0, dy: 50 });
  });

  it('leaves keys the object cannot use to the page (Tab, or arrows on something that does not move)', () => {
    expect(grabCommand('Tab', false, all)).toBeNull();
    expect(grabCommand('a', false, all)).toBeNull();
    const clickOnly = { activate: true, remove: false, move: false, step: 10 };
    expect(grabCommand('ArrowLeft', false, clickOnly)).toBeNull();
    expect(grabCommand('Delete', false, clickOnly)).toBeNull();
    expect(grabCommand('Enter', false, { ...clickOnly, activate: false })).toBeNull();
  });

  it('tells a drag from a click by 4 px of travel', () => {
    expect(isDrag(0, 0, 3, 0)).toBe(false);
    expect(isDrag(0, 0, 3, 3)).toBe(true);
  });
});

describe('a predict step', () => {
  it('reveals nothing before a guess is locked in', () => {
    expect(reveal(undefined, 'even')).toBeNull();
    expect(reveal(undefined, 50)).toBeNull();
  });

  it('shows the guess beside the truth and whether it was right, within a tolerance for numbers', () => {
    expect(reveal('heads', 'tails')).toEqual({ guess: 'heads', truth: 'tails', right: false });
    expect(reveal('tails', 'tails')).toEqual({ guess: 'tails', truth: 'tails', right: true });
    expect(reveal(47, 52, 5)).toEqual({ guess: 47, truth: 52, right: true });
    expect(reveal(46, 52, 5)).toMatchObject({ right: false });
  });
});
