import { describe, expect, it } from 'vitest';
import { FrameLoop, type FrameHost } from './frameLoop.ts';

/** Frames and tasks that the test runs by hand, in the order the browser's event loop would. */
function handDriven() {
  let frame: ((now: number) => void) | undefined;
  const tasks: (() => void)[] = [];
  let time = 0;
  const host: FrameHost = {
    canAnimate: () => true,
    now: () => time,
    requestFrame: (callback) => {
      frame = callback;
      return 1;
    },
    cancelFrame: () => {
      frame = undefined;
    },
    afterThisTask: (fn) => tasks.push(fn),
  };
  return {
    host,
    /** One display frame `ms` after the last. */
    frame(ms: number) {
      time += ms;
      const run = frame;
      frame = undefined;
      run?.(time);
    },
    runTasks() {
      for (const task of tasks.splice(0)) task();
    },
  };
}

/** A loop over a counter model, with what `useSimulation` would tell it on each render. */
function playing(tickMs: number) {
  const driver = handDriven();
  const loop = new FrameLoop(tickMs, driver.host);
  const seen = { ticks: 0, notified: 0 };
  loop.subscribe(() => seen.notified++);
  const render = (running: boolean) => loop.update({ running, reduced: false, tickMs, tick: () => seen.ticks++ });
  return { driver, loop, seen, render };
}

describe('ticks applied in a task after their frame', () => {
  it('applies the ticks a frame found due in the next task, then tells the drawings', () => {
    const { driver, loop, seen, render } = playing(100);
    render(true);
    // A settled clock ticks on playback's first frame.
    driver.frame(16);
    expect(seen.ticks).toBe(0);
    driver.runTasks();
    expect(seen.ticks).toBe(1);
    expect(seen.notified).toBe(1);
    expect(loop.progress).toBeCloseTo(0.16);
  });

  it('draws the old model at the end of its move, not at the start of the next, between the frame and the task', () => {
    const { driver, loop, render } = playing(100);
    render(true);
    driver.frame(16);
    driver.runTasks();
    for (let i = 0; i < 5; i++) driver.frame(16);
    expect(loop.progress).toBeCloseTo(0.96);
    // This frame reaches the next tick; until its task runs the model is the one that just finished moving.
    driver.frame(16);
    expect(loop.progress).toBe(1);
    driver.runTasks();
    expect(loop.progress).toBeCloseTo(0.12);
  });

  it('a Pause between the frame and the task cancels the tick and leaves the drawing at the end of the last move', () => {
    const { driver, loop, seen, render } = playing(100);
    render(true);
    driver.frame(16);
    driver.runTasks();
    for (let i = 0; i < 6; i++) driver.frame(16);
    // The frame counted a tick; the reader's Pause re-renders before the tick's task runs.
    render(false);
    driver.runTasks();
    expect(seen.ticks).toBe(1);
    expect(loop.progress).toBe(1);
    const notified = seen.notified;
    // Later frames must not move the drawing again: it would replay the move it has already shown.
    driver.frame(16);
    driver.frame(16);
    expect(loop.progress).toBe(1);
    expect(seen.notified).toBe(notified);
  });

  it('a Step between the frame and the task draws its own move, whether or not the reader also paused', () => {
    for (const pause of [false, true]) {
      const { driver, loop, render } = playing(100);
      render(true);
      driver.frame(16);
      driver.runTasks();
      for (let i = 0; i < 6; i++) driver.frame(16);
      loop.moved();
      expect(loop.progress).toBe(0);
      if (pause) render(false);
      driver.runTasks();
      expect(loop.progress).toBe(0);
      driver.frame(50);
      expect(loop.progress).toBeCloseTo(0.5);
    }
  });

  it('applies nothing once the simulation is gone', () => {
    const { driver, loop, seen, render } = playing(100);
    render(true);
    driver.frame(16);
    loop.stop();
    driver.runTasks();
    expect(seen.ticks).toBe(0);
  });
});
