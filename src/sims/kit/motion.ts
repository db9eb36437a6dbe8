/**
 * The pure rules of motion (useSimulation.ts applies them): when playback runs, how frame time turns
 * into model ticks, and how far the drawing has moved between two models. No DOM here, so each rule
 * is unit-tested on its own.
 */

/** The reader's own say over playback: none yet (`auto`), Play pressed, or Pause pressed. */
export type Intent = 'auto' | 'play' | 'pause';

/** How much of the frame the reader can see: none, some, or enough to start by itself. */
export type Seen = 'off' | 'partly' | 'in';

/** A frame starts by itself once this share of it is visible (or it fills this share of the viewport). */
export const IN_VIEW_SHARE = 0.4;
/** Frame time beyond this is dropped: a background tab or a long task must not replay a burst of ticks. */
export const MAX_FRAME_GAP_MS = 250;
/** And at most this many ticks in one display frame, however short `tickMs` is. */
export const MAX_TICKS_PER_FRAME = 4;

/**
 * What the frame's visibility means for playback. A tall frame that fills much of the viewport counts
 * as in view even though less than 40 % of it can ever show.
 */
export function seenFrom(ratio: number, visibleHeight: number, viewportHeight: number): Seen {
  if (ratio <= 0 || visibleHeight <= 0) return 'off';
  if (ratio >= IN_VIEW_SHARE || visibleHeight >= IN_VIEW_SHARE * viewportHeight) return 'in';
  return 'partly';
}

export interface PlaybackFacts {
  intent: Intent;
  seen: Seen;
  /** The tab is hidden (another tab, a minimised window). */
  pageHidden: boolean;
  /** The reader's system asks for reduced motion. */
  reduced: boolean;
  /** The simulation has something to play (a `step` or `tick`) and opts into starting by itself. */
  canPlay: boolean;
  autoplay: boolean;
  finished: boolean;
}

/**
 * Whether playback runs now. The reader's Pause wins until they press Play; Play works under reduced
 * motion and while any part of the frame shows; starting by itself needs the frame in view, no reduced
 * motion and no earlier choice. Nothing runs in a hidden tab, off screen, or once finished.
 */
export function isRunning(f: PlaybackFacts): boolean {
  if (!f.canPlay || f.finished || f.pageHidden || f.seen === 'off') return false;
  if (f.intent === 'play') return true;
  if (f.intent === 'pause') return false;
  return f.autoplay && !f.reduced && f.seen === 'in';
}

/**
 * Display time against model time. `carry` is the milliseconds since the drawing's latest move
 * began: a tick of playback, a Step or an action. `progress` (0..1) is how far the drawing has
 * moved from the model before that move to the model after it; it reaches 1 after `tickMs`.
 */
export class Clock {
  private carry: number;

  constructor(public tickMs: number) {
    // A new clock has finished moving: the opening model is drawn as it is.
    this.carry = tickMs;
  }

  get progress(): number {
    return Math.min(1, this.carry / this.tickMs);
  }

  /** Still moving towards the latest model. */
  get moving(): boolean {
    return this.carry < this.tickMs;
  }

  /** A move begins now (a Step, an action, a change of the model other than a tick). */
  restart(): void {
    this.carry = 0;
  }

  /** The drawing jumps to the latest model (reduced motion). */
  settle(): void {
    this.carry = this.tickMs;
  }

  /**
   * One display frame, `elapsedMs` after the last: the number of model ticks now due while `running`.
   * Time past `MAX_FRAME_GAP_MS` is dropped and at most `MAX_TICKS_PER_FRAME` ticks come at once, so a
   * tab coming back to the foreground carries on where it was instead of replaying what it missed.
   */
  advance(elapsedMs: number, running: boolean): number {
    const gap = Math.min(Math.max(0, elapsedMs), MAX_FRAME_GAP_MS);
    if (!running) {
      this.carry = Math.min(this.tickMs, this.carry + gap);
      return 0;
    }
    const due = this.carry + gap;
    const ticks = Math.floor(due / this.tickMs);
    if (ticks > MAX_TICKS_PER_FRAME) {
      this.carry = due % this.tickMs;
      return MAX_TICKS_PER_FRAME;
    }
    this.carry = due - ticks * this.tickMs;
    return ticks;
  }
}

/** The point `t` (0..1) of the way from `a` to `b`: where a moving thing is drawn between two models. */
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * Math.min(1, Math.max(0, t));
}
