/**
 * Geometry for drawing a ring cheaply. At 20 servers x 500 virtual nodes the ring holds 10 000 arcs,
 * most far thinner than a pixel, so ownership is sampled at a fixed angular resolution and runs of
 * the same owner are merged: at most RESOLUTION arcs whatever the vnode count, one SVG path per server.
 */
import { RING_SIZE, type Ring } from '../engines/hash-ring/ring.ts';

/** Angular samples around the circle: a quarter of a degree, finer than a 320 px wide figure shows. */
export const RESOLUTION = 1440;

export interface OwnerArc {
  server: string;
  /** Fractions of the circle, 0 at the top, clockwise. */
  from: number;
  to: number;
}

/** Who owns each stretch of the ring, sampled at RESOLUTION points and merged into runs. */
export function ownerArcs(ring: Ring, resolution = RESOLUTION): OwnerArc[] {
  if (ring.servers().length === 0) return [];
  const arcs: OwnerArc[] = [];
  for (let i = 0; i < resolution; i++) {
    const server = ring.serverAt(Math.floor(((i + 0.5) / resolution) * RING_SIZE));
    const last = arcs.at(-1);
    if (last && last.server === server) last.to = (i + 1) / resolution;
    else arcs.push({ server, from: i / resolution, to: (i + 1) / resolution });
  }
  return arcs;
}

/** A point at fraction `t` of the circle (0 at 12 o'clock, clockwise) on a circle of radius r. */
export function pointAt(t: number, r: number, cx = 0, cy = 0): [number, number] {
  const a = 2 * Math.PI * t;
  return [round(cx + r * Math.sin(a)), round(cy - r * Math.cos(a))];
}

function round(v: number): number {
  return Math.round(v * 10) / 10 + 0; // + 0 turns -0 into 0
}

/** SVG path data for arcs along a circle of radius r, one subpath per arc. */
export function arcPath(arcs: readonly Pick<OwnerArc, 'from' | 'to'>[], r: number, cx = 0, cy = 0): string {
  return arcs
    .map(({ from, to }) => {
      // A whole circle cannot be one SVG arc command, so it is drawn as two halves.
      if (to - from >= 1) return `${arcPath([{ from: 0, to: 0.5 }], r, cx, cy)}${arcPath([{ from: 0.5, to: 1 }], r, cx, cy)}`;
      const [x1, y1] = pointAt(from, r, cx, cy);
      const [x2, y2] = pointAt(to, r, cx, cy);
      return `M${x1} ${y1}A${r} ${r} 0 ${to - from > 0.5 ? 1 : 0} 1 ${x2} ${y2}`;
    })
    .join('');
}

/** SVG path data for radial ticks at the given fractions of the circle, from radius r1 to r2. */
export function tickPath(fractions: readonly number[], r1: number, r2: number, cx = 0, cy = 0): string {
  return fractions
    .map((t) => {
      const [x1, y1] = pointAt(t, r1, cx, cy);
      const [x2, y2] = pointAt(t, r2, cx, cy);
      return `M${x1} ${y1}L${x2} ${y2}`;
    })
    .join('');
}

/** Position on the ring as a fraction of the circle. */
export function fractionOf(position: number): number {
  return position / RING_SIZE;
}

/** The fraction of the circle (0 at 12 o'clock, clockwise) in the direction of a point from the centre. */
export function fractionAt(x: number, y: number, cx = 0, cy = 0): number {
  const t = Math.atan2(x - cx, cy - y) / (2 * Math.PI);
  return t < 0 ? t + 1 : t;
}

/**
 * Positions for things standing around a circle at `fractions`, each kept `gap` from its neighbours
 * (or evenly spread when they cannot all keep it), so that close ones stay apart; the result is in
 * the input's order.
 */
export function spreadAround(fractions: readonly number[], gap: number): number[] {
  const n = fractions.length;
  if (n === 0) return [];
  const g = Math.min(gap, 1 / n);
  const order = fractions.map((f, i) => ({ f: f - Math.floor(f), i })).sort((a, b) => a.f - b.f);
  const t = order.map((o) => o.f);
  for (let k = 1; k < n; k++) t[k] = Math.max(t[k]!, t[k - 1]! + g);
  // Past a full lap the last ones crowd the first: pull them back, keeping the gap.
  if (n > 1) {
    t[n - 1] = Math.min(t[n - 1]!, t[0]! + 1 - g);
    for (let k = n - 2; k > 0; k--) t[k] = Math.min(t[k]!, t[k + 1]! - g);
  }
  const out = new Array<number>(n);
  order.forEach((o, k) => (out[o.i] = t[k]! % 1));
  return out;
}
