/**
 * The keyboard equivalents of direct manipulation, as a pure mapping (Grabbable.tsx applies it), so
 * every grabbable object in every simulation answers the same keys.
 */

export type GrabCommand = { kind: 'activate' } | { kind: 'remove' } | { kind: 'move'; dx: number; dy: number };

/** What the object can do; a key for something it cannot do is left to the page (no preventDefault). */
export interface GrabAbilities {
  activate: boolean;
  remove: boolean;
  move: boolean;
  /** Distance of one arrow press, in the drawing's units; Shift moves five times as far. */
  step: number;
}

export const SHIFT_STEP_FACTOR = 5;

/** The command for a key press on a focused grabbable object, or null when the key is not ours. */
export function grabCommand(key: string, shift: boolean, can: GrabAbilities): GrabCommand | null {
  if ((key === 'Enter' || key === ' ') && can.activate) return { kind: 'activate' };
  if ((key === 'Delete' || key === 'Backspace') && can.remove) return { kind: 'remove' };
  if (!can.move) return null;
  const d = can.step * (shift ? SHIFT_STEP_FACTOR : 1);
  switch (key) {
    case 'ArrowLeft':
      return { kind: 'move', dx: -d, dy: 0 };
    case 'ArrowRight':
      return { kind: 'move', dx: d, dy: 0 };
    case 'ArrowUp':
      return { kind: 'move', dx: 0, dy: -d };
    case 'ArrowDown':
      return { kind: 'move', dx: 0, dy: d };
    default:
      return null;
  }
}

/** Pointer travel (CSS px) below which a press and release is a click, not a drag. */
export const DRAG_THRESHOLD_PX = 4;

/** Whether a pointer that went down at (x0, y0) and is now at (x, y) has started a drag. */
export function isDrag(x0: number, y0: number, x: number, y: number): boolean {
  return Math.hypot(x - x0, y - y0) >= DRAG_THRESHOLD_PX;
}
