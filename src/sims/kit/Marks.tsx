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
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';

/** The drawing's width in its own units (its viewBox width), which the marks' positions are in. */
const DrawingWidth = createContext(1);

/** The layer over the drawing that holds its moving marks; hidden from assistive technology (the drawing's label says what happens). */
export function Marks({ width, children }: { width: number; children: ComponentChildren }) {
  return (
    <div class="sim-marks" aria-hidden="true">
      <DrawingWidth.Provider value={width}>{children}</DrawingWidth.Provider>
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

export function Mark(props: Moving | Resting) {
  const { r, class: cls, children } = props;
  const width = useContext(DrawingWidth);
  const element = useRef<SVGSVGElement>(null);
  // The drawing scales uniformly with the layer's width, so one unit is (100 / width) cqw in both directions.
  const u = (v: number) => `${((v / width) * 100).toFixed(3)}cqw`;
  const frames = (props.resting ? REST : props.poses).map((p) => ({
    transform: `translate(calc(${u(p.x)} - 50%), calc(${u(p.y)} - 50%)) scale(${(p.scale ?? 1).toFixed(3)})`,
    opacity: p.opacity ?? 1,
  }));
  // A resting mark has no move, so no key: its inline style (the rest pose) is all it needs.
  const key = props.resting ? '' : JSON.stringify(frames);
  const ms = props.resting ? 0 : props.ms;
  const at = props.resting ? 1 : props.at;
  // Where the move stood when it began: a mark that stays mounted from one move into the next (the same
  // component, new poses) starts the new move from its own `at`, not from the first move's.
  const start = useRef({ key, at });
  if (start.current.key !== key) start.current = { key, at };
  // Runs when a move begins or ends (a new key), not per frame: the compositor draws the frames in between.
  useLayoutEffect(() => {
    const el = element.current;
    if (!key || !el?.animate) return;
    const animation = el.animate(JSON.parse(key) as Keyframe[], { duration: ms, easing: 'linear', fill: 'forwards' });
    animation.currentTime = Math.min(1, Math.max(0, start.current.at)) * ms;
    return () => animation.cancel();
  }, [key, ms]);
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
