/**
 * The rule of a predict step, apart from its markup (Predict.tsx): the answer is shown only for a
 * guess the reader has locked in, and then always beside it.
 */

export interface Reveal<T> {
  guess: T;
  truth: T;
  /** The guess is right: the same choice, or a number within the stated tolerance. */
  right: boolean;
}

/** Nothing to reveal until a guess is locked in; then the guess, the truth and whether they agree. */
export function reveal<T extends string | number>(locked: T | undefined, truth: T, tolerance = 0): Reveal<T> | null {
  if (locked === undefined) return null;
  const right = typeof locked === 'number' && typeof truth === 'number' ? Math.abs(locked - truth) <= tolerance : locked === truth;
  return { guess: locked, truth, right };
}
