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

describe('fewest poses trace the move they replace', () => {
  // Piecewise-linear moves like a tick's: still, then moving, turning or fading at a sample the test names.
  const moves: { name: string; xs: number[]; opacity?: number[] }[] = [
    { name: 'starts late', xs: [0, 0, 0, 0, 0, 3, 6, 9, 12] },
    { name: 'stops early', xs: [0, 5, 10, 15, 15, 15, 15, 15, 15] },
    { name: 'turns twice', xs: [0, 4, 8, 4, 0, 4, 8, 4, 0] },
    { name: 'fades out midway', xs: [0, 1, 2, 3, 4, 5, 6, 7, 8], opacity: [1, 1, 1, 1, 1, 0, 0, 0, 0] },
  ];
  for (const { name, xs, opacity } of moves) {
    it(`passes within a twentieth of a unit of every sample when the move ${name}`, () => {
      const poses = at(xs, opacity);
      const kept = fewestPoses(poses);
      expect(kept.length).toBeGreaterThan(1);
      // The kept poses are evenly spaced over the same span of time, so sample i falls at i / 8 of it.
      const segments = kept.length - 1;
      poses.forEach((p, i) => {
        const pos = (i / (poses.length - 1)) * segments;
        const seg = Math.min(Math.floor(pos), segments - 1);
        const f = pos - seg;
        const a = kept[seg]!;
        const b = kept[seg + 1]!;
        expect(Math.abs(a.x + (b.x - a.x) * f - p.x)).toBeLessThanOrEqual(0.05);
        expect(Math.abs((a.opacity ?? 1) + ((b.opacity ?? 1) - (a.opacity ?? 1)) * f - (p.opacity ?? 1))).toBeLessThanOrEqual(0.05);
      });
    });
  }
});
