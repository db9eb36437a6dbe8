/**
 * The kit's only timer (useSimulation.ts holds one per simulation): a requestAnimationFrame loop,
 * alive while playback runs or a drawing is still moving. Its own module so that the order of
 * frames, ticks and the reader's input can be tested without a browser (frameLoop.test.ts).
 */
import { Clock } from './motion.ts';

/** The display-rate side of a simulation (stable for its lifetime). */
export interface Motion {
  /** 0 right after a Step, tick, action or change; 1 once the move is drawn (always 1 under reduced motion and before hydration). */
  readonly progress: number;
  /** Calls `listener` on every display frame in which `progress` changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Where the loop gets its frames and tasks: the browser's, or a test's that it drives by hand. */
export interface FrameHost {
  /** False during server rendering: no loop starts there. */
  canAnimate(): boolean;
  now(): number;
  requestFrame(callback: (now: number) => void): number;
  cancelFrame(handle: number): void;
  /** Runs `fn` in a task of its own, queued now: after the current one (a display frame) ends. */
  afterThisTask(fn: () => void): void;
}

export const browserFrames: FrameHost = {
  canAnimate: () => typeof requestAnimationFrame === 'function',
  now: () => performance.now(),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  afterThisTask(fn) {
    if (typeof MessageChannel !== 'function') {
      setTimeout(fn, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      fn();
    };
    channel.port2.postMessage(null);
  },
};

/**
 * Each display frame advances the clock and tells `useProgress` subscribers the new progress. A frame
 * with ticks due applies them (through the same transition as a Step) in a task of their own right
 * after the frame: a tick re-renders the view, and doing that inside the frame would add its script to
 * that frame's style, layout and paint, one task of 70 to 90 ms on a phone's CPU where each half stays
 * under 50 ms.
 */
export class FrameLoop implements Motion {
  private clock: Clock;
  private running = false;
  private reduced = false;
  private tick: () => void = () => {};
  private frame: number | undefined;
  /** Ticks a frame found due, waiting for their task. */
  private due = 0;
  /** A Step, action or change began its own move after the frame that counted `due`. */
  private movedSinceDue = false;
  private stopped = false;
  private last = 0;
  private listeners = new Set<() => void>();

  constructor(
    tickMs: number,
    private host: FrameHost = browserFrames,
  ) {
    this.clock = new Clock(tickMs);
  }

  get progress(): number {
    // Between a frame that found ticks due and their task the clock already counts from the new
    // move, but the model is still the old one, whose move has ended: a render in that gap (a Pause,
    // a hover) must draw the old model at its end, not back at its start.
    if (this.reduced || (this.due > 0 && !this.movedSinceDue)) return 1;
    return this.clock.progress;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called on every render with what the render decided. */
  update(now: { running: boolean; reduced: boolean; tickMs: number; tick: () => void }): void {
    this.running = now.running;
    this.reduced = now.reduced;
    this.tick = now.tick;
    this.clock.tickMs = Math.max(16, now.tickMs);
    if (this.reduced) this.clock.settle();
    // A render has no business starting a frame loop during server rendering.
    if (this.host.canAnimate()) this.ensure();
  }

  /** The model changed by a Step, an action or a control: the drawing moves there (unless motion is reduced). */
  moved(): void {
    if (this.reduced) return;
    this.movedSinceDue = true;
    this.clock.restart();
    this.ensure();
  }

  stop(): void {
    if (this.frame !== undefined) this.host.cancelFrame(this.frame);
    this.frame = undefined;
    this.stopped = true;
    this.listeners.clear();
  }

  private wanted(): boolean {
    return this.running || (!this.reduced && this.clock.moving);
  }

  private ensure(): void {
    if (this.frame !== undefined || !this.wanted()) return;
    this.last = this.host.now();
    this.frame = this.host.requestFrame(this.onFrame);
  }

  private onFrame = (now: number) => {
    this.frame = undefined;
    const before = this.progress;
    const ticks = this.clock.advance(now - this.last, this.running);
    this.last = now;
    if (ticks > 0) {
      // The drawing stays where it is for this frame; the ticks' task moves it on with the new model.
      if (this.due === 0) {
        this.movedSinceDue = false;
        this.host.afterThisTask(this.applyDue);
      }
      this.due += ticks;
    } else if (this.progress !== before) this.notify();
    if (this.wanted()) {
      this.frame = this.host.requestFrame(this.onFrame);
    }
  };

  private applyDue = () => {
    const ticks = this.due;
    this.due = 0;
    if (this.stopped) return;
    if (!this.running) {
      // A Pause pressed (or the frame scrolled away) since the frame counted them cancels them. The
      // clock had already begun their move; the drawing stays at the end of the one before instead
      // (unless a Step or action since began a move of its own, which goes on).
      if (!this.movedSinceDue) this.clock.settle();
      this.notify();
      return;
    }
    for (let i = 0; i < ticks; i++) this.tick();
    this.notify();
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
