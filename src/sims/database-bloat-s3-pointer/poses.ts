/**
 * Fewer keyframes for a mark's move. The browser resolves the page's style once per keyframe when a move
 * starts (about 2 ms each at 4× CPU here), so a tick that restarted ten marks with nine poses each cost a
 * 30 ms frame. Most moves within a tick are straight lines: two poses say the same.
 */

/** A mark's place at one moment, as the kit's Mark takes it (drawing units; scale and opacity default to 1). */
export interface Pose {
  x: number;
  y: number;
  scale?: number;
  opacity?: number;
}

/** How far (drawing units, or opacity) the shorter move may stray from the sampled one. */
const TOLERANCE = 0.05;

function between(a: Pose, b: Pose, f: number): Pose {
  const mix = (p: number, q: number) => p + (q - p) * f;
  return { x: mix(a.x, b.x), y: mix(a.y, b.y), scale: mix(a.scale ?? 1, b.scale ?? 1), opacity: mix(a.opacity ?? 1, b.opacity ?? 1) };
}

function near(a: Pose, b: Pose): boolean {
  return (
    Math.abs(a.x - b.x) <= TOLERANCE &&
    Math.abs(a.y - b.y) <= TOLERANCE &&
    Math.abs((a.scale ?? 1) - (b.scale ?? 1)) <= TOLERANCE &&
    Math.abs((a.opacity ?? 1) - (b.opacity ?? 1)) <= TOLERANCE
  );
}

/**
 * The fewest evenly spaced poses, taken from `poses` (themselves evenly spaced in time), whose straight
 * segments pass within TOLERANCE of every one of them: one pose for a mark that stays put, two for a
 * straight move, and so on up to all of them.
 */
export function fewestPoses(poses: readonly Pose[]): Pose[] {
  const last = poses.length - 1;
  if (last <= 0) return [...poses];
  for (let n = 1; n <= last; n++) {
    if (last % n !== 0) continue;
    const every = last / n;
    const kept = poses.filter((_, i) => i % every === 0);
    const fits = poses.every((p, i) => {
      const seg = Math.min(Math.floor(i / every), n - 1);
      return near(p, between(kept[seg]!, kept[seg + 1]!, (i - seg * every) / every));
    });
    if (fits) return poses.every((p) => near(p, poses[0]!)) ? [poses[0]!] : kept;
  }
  return [...poses];
}
