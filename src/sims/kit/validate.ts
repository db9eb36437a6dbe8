export interface NumberRange {
  min: number;
  max: number;
  /** Used when the value is not a finite number at all. */
  fallback: number;
  /** Round to the nearest integer before clamping. */
  integer?: boolean;
}

/**
 * Turns whatever a control, a URL or a reader typed into a number the model can use: non-numbers
 * become the fallback, out-of-range values are clamped. A model never sees NaN or Infinity.
 */
export function clampNumber(value: unknown, { min, max, fallback, integer = false }: NumberRange): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return fallback;
  const rounded = integer ? Math.round(n) : n;
  return Math.min(max, Math.max(min, rounded));
}

/** `value` if it is one of `allowed`, else `fallback`. */
export function pickOne<T extends string | number | boolean>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
