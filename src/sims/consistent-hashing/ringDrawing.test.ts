import { describe, expect, it } from 'vitest';
import { Ring } from '../engines/hash-ring/ring.ts';
import { attendants } from './lockerRoom.ts';
import { arcPath, fractionAt, ownerArcs, pointAt, RESOLUTION, spreadAround } from './ringDrawing.ts';

describe('drawing the ring', () => {
  it('covers the circle with arcs whose lengths match each server share to within the sampling step', () => {
    for (const vnodes of [1, 7, 500]) {
      const ring = Ring.of(attendants(20), { vnodesPerServer: vnodes });
      const arcs = ownerArcs(ring);
      expect(arcs[0]!.from).toBe(0);
      expect(arcs.at(-1)!.to).toBe(1);
      for (let i = 1; i < arcs.length; i++) expect(arcs[i]!.from).toBe(arcs[i - 1]!.to);
      expect(arcs.length).toBeLessThanOrEqual(RESOLUTION);
      const drawn = new Map<string, number>();
      for (const a of arcs) drawn.set(a.server, (drawn.get(a.server) ?? 0) + a.to - a.from);
      // Every arc boundary is off by at most one sample, and a server has at most 2·vnodes boundaries.
      for (const [server, share] of ring.shares()) {
        expect(Math.abs((drawn.get(server) ?? 0) - share), `${server} at V=${vnodes}`).toBeLessThanOrEqual((2 * vnodes) / RESOLUTION + 1e-9);
      }
    }
  });

  it('puts 0 at twelve o’clock and goes clockwise', () => {
    expect(pointAt(0, 10)).toEqual([0, -10]);
    expect(pointAt(0.25, 10)).toEqual([10, 0]);
    expect(pointAt(0.5, 10)).toEqual([0, 10]);
  });

  it('draws a whole circle as two half arcs, and a long arc with the large-arc flag', () => {
    expect(arcPath([{ from: 0, to: 1 }], 10)).toBe('M0 -10A10 10 0 0 1 0 10M0 10A10 10 0 0 1 0 -10');
    expect(arcPath([{ from: 0, to: 0.75 }], 10)).toBe('M0 -10A10 10 0 1 1 -10 0');
  });
});

describe('placing attendants around the ring', () => {
  it("reads the direction of a point as a fraction of the circle, clockwise from 12 o'clock", () => {
    expect(fractionAt(0, -10)).toBe(0);
    expect(fractionAt(10, 0)).toBe(0.25);
    expect(fractionAt(0, 10)).toBe(0.5);
    expect(fractionAt(-10, 0)).toBe(0.75);
    for (const t of [0.1, 0.37, 0.9]) expect(fractionAt(...pointAt(t, 80))).toBeCloseTo(t, 3);
  });

  it('leaves well-spaced positions alone and pushes crowded ones apart, across the top too', () => {
    expect(spreadAround([0.5, 0.1, 0.3], 0.05)).toEqual([0.5, 0.1, 0.3]);
    const crowded = spreadAround([0.2, 0.21, 0.2], 0.05);
    const sorted = [...crowded].sort((a, b) => a - b);
    expect(sorted[1]! - sorted[0]!).toBeCloseTo(0.05, 9);
    expect(sorted[2]! - sorted[1]!).toBeCloseTo(0.05, 9);
    const wrapped = spreadAround([0.99, 0.98, 0.97], 0.05);
    const gaps = (ts: number[]) => ts.map((t, i) => (ts[(i + 1) % ts.length]! - t + 1) % 1);
    expect(Math.min(...gaps([...wrapped].sort((a, b) => a - b)))).toBeGreaterThanOrEqual(0.05 - 1e-9);
  });

  it('spreads evenly when the gap asked for cannot fit', () => {
    const ts = spreadAround(
      Array.from({ length: 10 }, () => 0.4),
      0.2,
    ).sort((a, b) => a - b);
    const gaps = ts.map((t, i) => (ts[(i + 1) % ts.length]! - t + 1) % 1);
    for (const g of gaps) expect(g).toBeCloseTo(0.1, 9);
  });
});
