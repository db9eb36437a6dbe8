import { describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { h } from 'preact';
import { Histogram, LineChart } from './charts.tsx';
import { flowRows, rowCount, stackLabels, type Placed } from './labelLayout.ts';
import { mulberry32 } from './random.ts';

/** Pairs of labels on one row whose boxes overlap. */
function overlaps(placed: Placed[], widths: number[]): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++) {
      const [a, b] = [placed[i]!, placed[j]!];
      if (a.row === b.row && a.left < b.left + widths[j]! && b.left < a.left + widths[i]!) found.push([i, j]);
    }
  return found;
}

describe('marker labels', () => {
  it('stacks labels of nearby lines on separate rows and keeps distant ones on the first row', () => {
    const widths = [80, 80, 80];
    const placed = stackLabels(
      [
        { x: 200, width: 80 },
        { x: 230, width: 80 },
        { x: 500, width: 80 },
      ],
      [0, 640],
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0]);
    expect(overlaps(placed, widths)).toEqual([]);
    expect(rowCount(placed)).toBe(2);
  });

  it('flips a label to the left of a line near the right edge instead of running off the chart', () => {
    const [near] = stackLabels([{ x: 620, width: 60 }], [4, 636]);
    expect(near).toEqual({ row: 0, left: 620 - 4 - 60 });
  });

  it('never overlaps or leaves the chart, for any set of random markers', () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 500; trial++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({ x: 56 + random() * 568, width: 20 + Math.floor(random() * 120) }));
      const placed = stackLabels(items, [4, 636]);
      expect(
        overlaps(
          placed,
          items.map((i) => i.width),
        ),
      ).toEqual([]);
      for (const [k, p] of placed.entries()) {
        expect(p.left).toBeGreaterThanOrEqual(4);
        expect(p.left + items[k]!.width).toBeLessThanOrEqual(636);
      }
    }
  });
});

describe('legend rows', () => {
  it('keeps entries on one row while they fit and wraps the first that does not', () => {
    expect(flowRows([100, 100, 100], [0, 400], 20)).toEqual([
      { row: 0, left: 0 },
      { row: 0, left: 120 },
      { row: 0, left: 240 },
    ]);
    expect(flowRows([150, 150, 150], [0, 400], 20)).toEqual([
      { row: 0, left: 0 },
      { row: 0, left: 170 },
      { row: 1, left: 0 },
    ]);
  });

  it('gives an entry wider than the chart a row of its own rather than an empty row before it', () => {
    expect(flowRows([500, 40], [0, 400], 20)).toEqual([
      { row: 0, left: 0 },
      { row: 1, left: 0 },
    ]);
  });
});

describe('charts use the layout', () => {
  const attr = (svg: string, tag: string, name: string) => [...svg.matchAll(new RegExp(`<${tag}[^>]*? ${name}="([^"]+)"`, 'g'))].map((m) => Number(m[1]));

  it("puts a line chart's legend above the plot, however many series it has", () => {
    const series = Array.from({ length: 6 }, (_, i) => ({
      label: `series number ${i} with a long name`,
      points: [
        [0, 0],
        [10, 100],
      ] as [number, number][],
    }));
    const svg = render(h(LineChart, { title: 'T', series, xLabel: 'x', yLabel: 'y' }));
    const legendYs = attr(svg.slice(svg.indexOf('sim-chart-legend')), 'text', 'y');
    const lineYs = [...svg.matchAll(/class="sim-chart-line" d="([^"]+)"/g)].flatMap((m) => [...m[1]!.matchAll(/,([\d.]+)/g)].map((n) => Number(n[1])));
    expect(new Set(legendYs).size).toBeGreaterThan(1);
    expect(Math.max(...legendYs)).toBeLessThan(Math.min(...lineYs) - 8);
  });

  it('keeps histogram marker labels off the bars', () => {
    const buckets = Array.from({ length: 20 }, (_, i) => ({ from: i, to: i + 1, count: 100 }));
    const svg = render(
      h(Histogram, {
        title: 'T',
        buckets,
        markers: [
          { label: 'p50 10.0', value: 10 },
          { label: 'mean 10.4', value: 10.4 },
        ],
      }),
    );
    const barTop = Math.min(...[...svg.matchAll(/V([\d.]+)H/g)].map((m) => Number(m[1])));
    const labelYs = attr(svg, 'text class="sim-chart-label sim-chart-halo"', 'y');
    expect(labelYs).toHaveLength(2);
    expect(new Set(labelYs).size).toBe(2);
    expect(Math.max(...labelYs)).toBeLessThanOrEqual(barTop - 4);
  });
});
