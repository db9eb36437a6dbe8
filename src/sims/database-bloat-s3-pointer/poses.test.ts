import { describe, expect, it } from 'vitest';
import { fewestPoses } from './poses.ts';

const at = (xs: number[], opacity: number[] = xs.map(() => 1)) => xs.map((x, i) => ({ x, y: 5, opacity: opacity[i] }));

describe('fewest poses for a move', () => {
  it('keeps one pose for a mark that does not move', () => {
    expect(fewestPoses(at([3, 3, 3, 3, 3, 3, 3, 3, 3]))).toEqual(at([3]));
  });

  it('keeps the two ends of a straight move', () => {
    expect(fewestPoses(at([0, 1, 2, 3, 4, 5, 6, 7, 8]))).toEqual(at([0, 8]));
  });

  it('keeps the middle when the move turns there', () => {
    // Out to 8 by the half, then back: a straight line from 0 to 0 would miss it.
    expect(fewestPoses(at([0, 2, 4, 6, 8, 6, 4, 2, 0]))).toEqual(at([0, 8, 0]));
  });

  it('keeps every other pose when a phase starts on one of them', () => {
    // Still until the third of nine samples, then moving: samples 0, 2, 4, 6, 8 hold the corner.
    expect(fewestPoses(at([0, 0, 0, 1, 2, 3, 4, 5, 6]))).toEqual(at([0, 0, 2, 4, 6]));
  });

  it('keeps every pose when a phase starts on an odd sample', () => {
    const poses = at([0, 0, 0, 0, 1, 2, 3, 4, 5]);
    expect(fewestPoses(poses)).toEqual(poses);
  });

  it('keeps a change of opacity where it happens', () => {
    const poses = at([0, 1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(fewestPoses(poses)).toHaveLength(9);
  });
});
