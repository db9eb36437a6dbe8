/**
 * Small SVG charts that render the same on the server (the static figure) and in the browser.
 * Colours come from CSS custom properties so both themes work; every chart has a text alternative.
 */
import { flowRows, rowCount, stackLabels, textWidth } from './labelLayout.ts';
import { formatTick, linearScale, logScale, logTicks, niceTicks } from './scale.ts';

const W = 640;
const H = 260;
const M = { top: 16, right: 16, bottom: 44, left: 56 };
/** Height of the plot area; labels above it make the chart taller rather than the plot smaller. */
const PLOT_H = H - M.top - M.bottom;
const MARKER_ROW = 14;
const LEGEND_ROW = 16;

const seriesColour = (i: number) => `var(--series-${(i % 6) + 1})`;

interface BarChartProps {
  title: string;
  bars: readonly { label: string; value: number; colour?: string }[];
  unit?: string;
  /** Upper end of the value axis; defaults to the largest bar. */
  max?: number;
  /** Optional horizontal reference line, e.g. the mean. */
  reference?: { label: string; value: number };
}

export function BarChart({ title, bars, unit = '', max, reference }: BarChartProps) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), reference?.value ?? 0, 1e-9);
  const y = linearScale([0, top], [H - M.bottom, M.top]);
  const band = (W - M.left - M.right) / Math.max(1, bars.length);
  const summary = bars.map((b) => `${b.label}: ${formatTick(b.value)}${unit}`).join(', ');
  const labelEvery = Math.ceil(bars.length / 16);
  return (
    <svg class="sim-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`}>
      <title>{title}</title>
      <Axis ticks={niceTicks(0, top, 4)} scale={y} bottom={H - M.bottom} />
      {bars.map((b, i) => (
        <g key={b.label}>
          <rect
            x={M.left + i * band + band * 0.15}
            y={y(b.value)}
            width={band * 0.7}
            height={Math.max(0, H - M.bottom - y(b.value))}
            style={{ fill: b.colour ?? seriesColour(0) }}
          />
          {i % labelEvery === 0 && (
            <text class="sim-chart-label" x={M.left + i * band + band / 2} y={H - M.bottom + 16} text-anchor="middle">
              {b.label}
            </text>
          )}
        </g>
      ))}
      {reference && (
        <g>
          <line class="sim-chart-reference" x1={M.left} x2={W - M.right} y1={y(reference.value)} y2={y(reference.value)} />
          {/* A halo in the background colour keeps the label legible where it crosses a bar. */}
          <text class="sim-chart-label sim-chart-halo" x={W - M.right} y={y(reference.value) - 5} text-anchor="end">
            {reference.label}
          </text>
        </g>
      )}
    </svg>
  );
}

interface HistogramProps {
  title: string;
  buckets: readonly { from: number; to: number; count: number }[];
  markers?: readonly { label: string; value: number }[];
  /** Log-scaled x axis, for latencies. */
  logX?: boolean;
  xLabel?: string;
}

export function Histogram({ title, buckets, markers = [], logX = false, xLabel = '' }: HistogramProps) {
  const lo = buckets.length ? buckets[0]!.from : 0;
  const hi = buckets.length ? buckets.at(-1)!.to : 1;
  const x = logX ? logScale([Math.max(lo, 1e-9), Math.max(hi, lo * 10, 1e-8)], [M.left, W - M.right]) : linearScale([lo, hi], [M.left, W - M.right]);
  // Marker labels get rows of their own above the bars, so they cross neither the bars nor each other.
  const labels = stackLabels(
    markers.map((m) => ({ x: x(m.value), width: textWidth(m.label) })),
    [4, W - 4],
  );
  const plotTop = M.top + rowCount(labels) * MARKER_ROW + (markers.length ? 4 : 0);
  const height = plotTop + PLOT_H + M.bottom;
  const bottom = plotTop + PLOT_H;
  const top = Math.max(1, ...buckets.map((b) => b.count));
  const y = linearScale([0, top], [bottom, plotTop]);
  const xTicks = logX ? logTicks(Math.max(lo, 1e-9), hi) : niceTicks(lo, hi, 6);
  const summary = markers.map((m) => `${m.label} ${formatTick(m.value)}`).join(', ');
  return (
    <svg class="sim-chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${title}${summary ? `. ${summary}` : ''}`}>
      <title>{title}</title>
      <Axis ticks={niceTicks(0, top, 4)} scale={y} bottom={bottom} />
      <path
        class="sim-chart-bars"
        d={buckets
          .filter((b) => b.count > 0)
          .map((b) => `M${x(b.from)},${bottom}V${y(b.count)}H${Math.max(x(b.to) - 1, x(b.from) + 1)}V${bottom}Z`)
          .join('')}
      />
      {xTicks.map((t) => (
        <text class="sim-chart-label" x={x(t)} y={bottom + 16} text-anchor="middle">
          {formatTick(t)}
        </text>
      ))}
      {xLabel && (
        <text class="sim-chart-label" x={(M.left + W - M.right) / 2} y={height - 6} text-anchor="middle">
          {xLabel}
        </text>
      )}
      {markers.map((m, i) => (
        <line
          key={m.label}
          x1={x(m.value)}
          x2={x(m.value)}
          y1={M.top + labels[i]!.row * MARKER_ROW + 2}
          y2={bottom}
          class="sim-chart-marker"
          style={{ stroke: seriesColour(i + 1) }}
        />
      ))}
      {/* Drawn after every line, with a halo, so a line from a lower row never strikes through a label. */}
      {markers.map((m, i) => (
        <text key={m.label} class="sim-chart-label sim-chart-halo" x={labels[i]!.left} y={M.top + labels[i]!.row * MARKER_ROW + 10}>
          {m.label}
        </text>
      ))}
    </svg>
  );
}

interface LineChartProps {
  title: string;
  series: readonly { label: string; points: readonly (readonly [number, number])[]; colour?: string; dashed?: boolean; dots?: boolean }[];
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  /** Fixed y range; defaults to [0, largest y]. */
  yDomain?: [number, number];
  xDomain?: [number, number];
}

export function LineChart({ title, series, xLabel, yLabel, logX = false, yDomain, xDomain }: LineChartProps) {
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const [x0, x1] = xDomain ?? [Math.min(...xs, logX ? 1 : 0), Math.max(...xs, 1)];
  const [y0, y1] = yDomain ?? [0, Math.max(1e-9, ...all.map((p) => p[1]))];
  // The legend wraps onto as many rows as it needs above the plot, never over the lines.
  const legend = series.map((s) => `${s.dashed ? '- - ' : '— '}${s.label}`);
  const entries = flowRows(
    legend.map((text) => textWidth(text)),
    [M.left + 8, W - M.right],
    18,
  );
  const plotTop = 8 + rowCount(entries) * LEGEND_ROW + 10;
  const bottom = plotTop + PLOT_H;
  const height = bottom + M.bottom;
  const x = logX ? logScale([x0, x1], [M.left, W - M.right]) : linearScale([x0, x1], [M.left, W - M.right]);
  const y = linearScale([y0, y1], [bottom, plotTop]);
  const clampY = (v: number) => Math.min(bottom, Math.max(plotTop, y(v)));
  return (
    <svg
      class="sim-chart"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label={`${title}: ${yLabel} against ${xLabel}; series ${series.map((s) => s.label).join(', ')}`}
    >
      <title>{title}</title>
      <Axis ticks={niceTicks(y0, y1, 4)} scale={y} bottom={bottom} />
      {(logX ? logTicks(x0, x1) : niceTicks(x0, x1, 6)).map((t) => (
        <text class="sim-chart-label" x={x(t)} y={bottom + 16} text-anchor="middle">
          {formatTick(t)}
        </text>
      ))}
      <text class="sim-chart-label" x={(M.left + W - M.right) / 2} y={height - 6} text-anchor="middle">
        {xLabel}
      </text>
      <text class="sim-chart-label" transform={`translate(14 ${(plotTop + bottom) / 2}) rotate(-90)`} text-anchor="middle">
        {yLabel}
      </text>
      {series.map((s, i) => {
        const colour = s.colour ?? seriesColour(i);
        return (
          <g key={s.label}>
            {s.points.length > 1 && (
              <path
                class="sim-chart-line"
                d={s.points.map(([px, py], j) => `${j ? 'L' : 'M'}${x(px).toFixed(1)},${clampY(py).toFixed(1)}`).join('')}
                style={{ stroke: colour, strokeDasharray: s.dashed ? '6 4' : undefined }}
              />
            )}
            {s.dots && s.points.map(([px, py]) => <circle cx={x(px)} cy={clampY(py)} r={3.5} style={{ fill: colour }} />)}
          </g>
        );
      })}
      <g class="sim-chart-legend">
        {series.map((s, i) => (
          <text x={entries[i]!.left} y={20 + entries[i]!.row * LEGEND_ROW} style={{ fill: s.colour ?? seriesColour(i) }}>
            {legend[i]}
          </text>
        ))}
      </g>
    </svg>
  );
}

function Axis({ ticks, scale, bottom }: { ticks: number[]; scale: (v: number) => number; bottom: number }) {
  return (
    <g class="sim-chart-axis">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={scale(t)} y2={scale(t)} class="sim-chart-grid" />
          <text class="sim-chart-label" x={M.left - 6} y={scale(t) + 4} text-anchor="end">
            {formatTick(t)}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={W - M.right} y1={bottom} y2={bottom} class="sim-chart-baseline" />
    </g>
  );
}
