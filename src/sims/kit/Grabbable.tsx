/**
 * A thing in a drawing the reader acts on directly (an attendant on the ring, a pod, a room): drag it,
 * click or tap it, or focus it and use the keys (grab.ts). Every action is a pure function of the
 * model applied through `sim.act`, the same path as a Step. See README.md, "Direct actions".
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { grabCommand, isDrag } from './grab.ts';
import { useHydrated } from './hooks.ts';
import type { Simulation } from './useSimulation.ts';
import type { Schema, StateOf } from './urlState.ts';

export interface Point {
  x: number;
  y: number;
}

/** How a move came about: `to` is where the object goes, `dx`/`dy` the change from where it was drawn. */
export interface Nudge {
  dx: number;
  dy: number;
  via: 'pointer' | 'keyboard';
}

interface GrabbableProps<S extends Schema, M> {
  sim: Simulation<S, M>;
  /** What the object is and what acting on it does, e.g. "Pod web-2, ready. Press Enter to delete it." */
  label: string;
  /** Where the object is drawn (its centre, in the drawing's units). */
  x: number;
  y: number;
  /** The drawn object's radius in the drawing's units; the hit area is at least 24 CSS px across regardless. */
  r?: number;
  /** Click, tap, Enter or Space. */
  activate?(model: M, params: StateOf<S>): M;
  /** Delete or Backspace. */
  remove?(model: M, params: StateOf<S>): M;
  /** A drag (pointer, touch) or an arrow key; `to` is in the drawing's units. */
  move?(model: M, to: Point, how: Nudge, params: StateOf<S>): M;
  /** Drawing units per arrow press (Shift: five times). */
  step?: number;
  /** For an object that toggles (a room in or out of service): announced as a pressed button. */
  pressed?: boolean;
  disabled?: boolean;
  children: ComponentChildren;
}

/** Renders inside an `<svg>`: a focusable group around the caller's drawing, with its hit area and focus ring. */
export function Grabbable<S extends Schema, M>({
  sim,
  label,
  x,
  y,
  r = 6,
  activate,
  remove,
  move,
  step = 10,
  pressed,
  disabled = false,
  children,
}: GrabbableProps<S, M>) {
  const hydrated = useHydrated();
  const live = hydrated && !disabled;
  const press = useRef<{ pointer: number; x0: number; y0: number; dragging: boolean } | null>(null);
  // A drag ends in a click event on the same element; that click is not an activation.
  const dragged = useRef(false);

  const moveTo = (to: Point, via: Nudge['via']) => {
    if (move) sim.act((m, p) => move(m, to, { dx: to.x - x, dy: to.y - y, via }, p));
  };

  /** The pointer's position in the drawing's units (the group's own coordinate system). */
  const inDrawing = (element: SVGGraphicsElement, clientX: number, clientY: number): Point | null => {
    const matrix = element.getScreenCTM();
    if (!matrix) return null;
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  };

  return (
    <g
      class={`sim-grab${move ? ' sim-grab-movable' : ''}`}
      role="button"
      aria-label={label}
      aria-pressed={pressed}
      aria-disabled={live ? undefined : 'true'}
      // Lower case: on SVG elements Preact sets attributes, and only `tabindex` makes the group focusable.
      tabindex={live ? 0 : undefined}
      onPointerDown={(e) => {
        if (!live || (e.pointerType === 'mouse' && e.button !== 0)) return;
        dragged.current = false;
        e.currentTarget.setPointerCapture(e.pointerId);
        press.current = { pointer: e.pointerId, x0: e.clientX, y0: e.clientY, dragging: false };
      }}
      onPointerMove={(e) => {
        const held = press.current;
        if (!held || held.pointer !== e.pointerId || !move) return;
        if (!held.dragging && !isDrag(held.x0, held.y0, e.clientX, e.clientY)) return;
        held.dragging = true;
        e.preventDefault();
        const to = inDrawing(e.currentTarget, e.clientX, e.clientY);
        if (to) moveTo(to, 'pointer');
      }}
      onPointerUp={(e) => {
        if (press.current?.pointer !== e.pointerId) return;
        dragged.current = press.current.dragging;
        press.current = null;
      }}
      onPointerCancel={() => {
        press.current = null;
      }}
      onClick={() => {
        // Also how assistive technology presses a button: a click without pointer events.
        if (dragged.current) {
          dragged.current = false;
          return;
        }
        if (live && activate) sim.act(activate);
      }}
      onKeyDown={(e) => {
        if (!live) return;
        const command = grabCommand(e.key, e.shiftKey, { activate: Boolean(activate), remove: Boolean(remove), move: Boolean(move), step });
        if (!command) return;
        e.preventDefault();
        if (command.kind === 'activate') sim.act(activate!);
        else if (command.kind === 'remove') sim.act(remove!);
        else moveTo({ x: x + command.dx, y: y + command.dy }, 'keyboard');
      }}
    >
      {/* Beneath the drawing, so only its outer band shows: a focus ring in screen pixels at any scale. */}
      <circle class="sim-grab-ring" cx={x} cy={y} r={Math.max(r, 0.5)} />
      {children}
      {/* Invisible, on top: a 24 px-wide stroke in screen pixels around the object makes the target at least 24 px across. */}
      <circle class="sim-grab-hit" cx={x} cy={y} r={Math.max(r, 0.5)} />
    </g>
  );
}
