/**
 * Marks that move over a drawing (a message on its way, a token on an arrow) without costing the page
 * a frame. A change inside an <svg>, or to any element's style, makes the browser re-layer the whole
 * page every frame, which on a slow phone is most of a frame. A mark is instead a small element of its
 * own that the browser animates on its compositor (Web Animations, transform and opacity only), so
 * while it moves the page's main thread does nothing.
 *
 *   <div class="sim-overlaid">
 *     <svg viewBox="0 0 640 300">…the still drawing…</svg>
 *     <Marks width={640}><Traveller sim={sim} /></Marks>
 *   </div>
 *
 * where Traveller reads `useProgress(sim)` to know whether a move is under way (and how far it is, so a
 * mark that appears mid-move starts there) and returns
 * `<Mark r={8} poses={[from, to]} ms={TICK_MS} at={t}><circle r={7} /></Mark>`, or null when nothing moves
 * (or a resting mark, below).
 * Its children are drawn around (0, 0) in the drawing's units. The poses are the move; `at` is read only
 * when the move starts, so the re-renders that follow change nothing in the page.
 *
 * Between moves, a mark that comes back often (a token on every tick) should rest rather than leave:
 * `<Mark resting r={8}><circle r={7} /></Mark>` keeps it in the page, unseen, at the drawing's corner.
 * A mark that left and came back each tick was a new element on a layer of its own each time, and the
 * browser re-layered the whole article for it (about 15 ms a frame at 4× CPU). Return the resting and the
 * moving mark from the same place (one component's return, no key that changes), so Preact keeps the one
 * element from rest to move to rest and only its poses change.
 *
 * A mark that glides on over many ticks (a playhead, a stream of bytes) would otherwise start a new
 * animation on every tick, and each start makes the browser resolve its style again: at ten ticks a
 * second that was most of a throttled phone's slowest frames. `<Marks width playing={sim.playing}>` lets
 * a straight move run on: while the simulation plays, the mark keeps moving at the same speed along the
 * same line, and each later tick whose move is that line's next stretch leaves the running animation
 * alone. A tick that turns, speeds up or stops, a pause, or RUN_ON_TICKS ticks in a row start a new one.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import { usePrefersReducedMotion } from './hooks.ts';

/** The drawing's width in its own units (its viewBox width), which the marks' positions are in. */
const DrawingWidth = createContext(1);
/** Whether the simulation under the marks is playing, so that a straight move may run on past its tick. */
const Playing = createContext(false);

/**
 * The layer over the drawing that holds its moving marks; hidden from assistive technology (the drawing's
 * label says what happens). `playing` (the simulation's) lets straight moves run on from tick to tick,
 * except under reduced motion: there the reader's Play jumps from tick to tick (each move starts at its
 * end), and a run would glide on between them, a tick ahead of the model.
 */
export function Marks({ width, playing = false, children }: { width: number; playing?: boolean; children: ComponentChildren }) {
  const reduced = usePrefersReducedMotion();
  return (
    <div class="sim-marks" aria-hidden="true">
      <DrawingWidth.Provider value={width}>
        <Playing.Provider value={playing && !reduced}>{children}</Playing.Provider>
      </DrawingWidth.Provider>
    </div>
  );
}

/** Where a mark is at one moment of its move, in the drawing's units. */
export interface Pose {
  x: number;
  y: number;
  scale?: number;
  opacity?: number;
}

interface MarkShape {
  /** Half the mark's box, in the drawing's units: its children are drawn within [-r, r]. */
  r: number;
  class?: string;
  children?: ComponentChildren;
}

interface Moving extends MarkShape {
  resting?: false;
  /** The move, evenly spaced in time from the first pose to the last. */
  poses: readonly Pose[];
  /** How long the whole move takes. */
  ms: number;
  /** How far (0..1) the move already is when the mark appears. */
  at: number;
}

/** Between moves: in the page, unseen, not moving. */
interface Resting extends MarkShape {
  resting: true;
}

/** Where a resting mark waits: the drawing's corner, unseen. */
const REST: readonly Pose[] = [{ x: 0, y: 0, opacity: 0 }];

/** How many ticks a straight move may run on before it starts again (a bound on how far it is extrapolated). */
export const RUN_ON_TICKS = 40;
/** How far (drawing units, or opacity) a tick's move may be from the running line's next stretch and still be it. */
const ON_LINE = 1e-3;

/** What the mark's animation does: a key that changes exactly when a new animation must start. */
interface Plan {
  /** The caller's move this plan was made for (its poses and duration). */
  move: string;
  playing: boolean;
  /** The animation's identity: '' for none (resting). */
  key: string;
  poses: readonly Pose[];
  ms: number;
  /** Where (ms into the animation) it starts. */
  startMs: number;
  /** For a move that runs on: its first pose, its change per tick, and how many ticks it has run. */
  line?: { from: Pose; perTick: Pose; ticks: number; tickMs: number };
  /**
   * A run paused mid-tick: this tick's move takes over where the run had got to, its clock less the
   * ticks it had already run on.
   */
  resume?: { ticks: number; tickMs: number };
}

const opacityOf = (p: Pose) => p.opacity ?? 1;
const scaleOf = (p: Pose) => p.scale ?? 1;
const change = (a: Pose, b: Pose): Pose => ({ x: b.x - a.x, y: b.y - a.y, scale: scaleOf(b) - scaleOf(a), opacity: opacityOf(b) - opacityOf(a) });
const along = (from: Pose, perTick: Pose, k: number): Pose => ({
  x: from.x + k * perTick.x,
  y: from.y + k * perTick.y,
  scale: scaleOf(from) + k * scaleOf(perTick),
  opacity: opacityOf(from) + k * opacityOf(perTick),
});
const same = (a: Pose, b: Pose) =>
  Math.abs(a.x - b.x) <= ON_LINE &&
  Math.abs(a.y - b.y) <= ON_LINE &&
  Math.abs(scaleOf(a) - scaleOf(b)) <= ON_LINE &&
  Math.abs(opacityOf(a) - opacityOf(b)) <= ON_LINE;

/** Numbers each run, so a new one always has a new key (even one with the same line as the run before). */
let runsStarted = 0;

/**
 * The plan for a new move (or rest), given the last one. Free of the DOM, so it is tested without a browser:
 * the next stretch of a running line keeps the plan's key (the animation runs on); anything else gets a new key.
 */
export function nextPlan(last: Plan | undefined, next: { poses: readonly Pose[]; ms: number; at: number; playing: boolean; resting: boolean }): Plan {
  const move = next.resting ? '' : JSON.stringify([next.poses, next.ms]);
  const { poses, ms, playing } = next;
  if (next.resting) return { move, playing, key: '', poses: REST, ms: 0, startMs: 0 };
  const startMs = Math.min(1, Math.max(0, next.at)) * ms;
  if (last && last.move === move) {
    // Only `playing` changed. Play leaves this tick's move as it is (the next tick may start a run); a
    // pause stops a run at the end of this tick, from where it had got to.
    if (!last.line) return { ...last, playing };
    return { move, playing, key: `move ${move}`, poses, ms, startMs, resume: { ticks: last.line.ticks, tickMs: last.line.tickMs } };
  }
  const straight = playing && poses.length === 2 && ms > 0;
  if (!straight) return { move, playing, key: `move ${move}`, poses, ms, startMs };
  const perTick = change(poses[0]!, poses[1]!);
  const running = last?.playing ? last.line : undefined;
  if (
    running &&
    running.tickMs === ms &&
    running.ticks + 1 < RUN_ON_TICKS &&
    same(perTick, running.perTick) &&
    same(poses[0]!, along(running.from, running.perTick, running.ticks + 1))
  ) {
    return { ...last!, move, line: { ...running, ticks: running.ticks + 1 } };
  }
  const run = [poses[0]!, along(poses[0]!, perTick, RUN_ON_TICKS)];
  return {
    move,
    playing,
    key: `run ${++runsStarted}`,
    poses: run,
    ms: ms * RUN_ON_TICKS,
    startMs,
    line: { from: poses[0]!, perTick, ticks: 0, tickMs: ms },
  };
}

export function Mark(props: Moving | Resting) {
  const { r, class: cls, children } = props;
  const width = useContext(DrawingWidth);
  const playing = useContext(Playing);
  const element = useRef<SVGSVGElement>(null);
  // The drawing scales uniformly with the layer's width, so one unit is (100 / width) cqw in both directions.
  const u = (v: number) => `${((v / width) * 100).toFixed(3)}cqw`;
  const frame = (p: Pose) => ({
    transform: `translate(calc(${u(p.x)} - 50%), calc(${u(p.y)} - 50%)) scale(${(p.scale ?? 1).toFixed(3)})`,
    opacity: p.opacity ?? 1,
  });
  // Re-renders that bring the same move (or the same setting of `playing`) keep the plan: `at` is read
  // only when a move begins, so the frames a move takes change nothing in the page.
  const plan = useRef<Plan>();
  const move = props.resting ? '' : JSON.stringify([props.poses, props.ms]);
  if (!plan.current || plan.current.move !== move || plan.current.playing !== playing) {
    plan.current = nextPlan(plan.current, props.resting ? { poses: REST, ms: 0, at: 1, playing, resting: true } : { ...props, playing, resting: false });
  }
  const { key, poses, ms } = plan.current;
  const frames = poses.map(frame);
  // The clock of the animation that gave way last, for a move that takes over mid-tick (see Plan.resume).
  const stoppedAt = useRef<number | undefined>();
  // Runs when a move begins or ends (a new key), not per frame: the compositor draws the frames in between.
  useLayoutEffect(() => {
    const el = element.current;
    const now = plan.current!;
    if (!key || !el?.animate) return;
    const animation = el.animate(frames as Keyframe[], { duration: ms, easing: 'linear', fill: 'forwards' });
    const { resume } = now;
    const resumed = resume && stoppedAt.current !== undefined ? stoppedAt.current - resume.ticks * resume.tickMs : undefined;
    animation.currentTime = resumed === undefined ? now.startMs : Math.min(resume!.tickMs, Math.max(0, resumed));
    return () => {
      stoppedAt.current = Number(animation.currentTime ?? 0);
      animation.cancel();
    };
    // `frames` follows from `key`, which names the animation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return (
    <svg
      ref={element}
      class={cls ? `sim-mark ${cls}` : 'sim-mark'}
      viewBox={`${-r} ${-r} ${2 * r} ${2 * r}`}
      style={{ width: u(2 * r), height: u(2 * r), ...frames[0] }}
    >
      {children}
    </svg>
  );
}
