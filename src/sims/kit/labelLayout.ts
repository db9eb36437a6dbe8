/**
 * Where chart labels go so that they never overlap each other or leave the chart. SVG text cannot
 * be measured on the server, so widths are estimated from the character count, on the generous side.
 */

/** Estimated width of `text` in the charts' 12px sans-serif: wide enough for digits and capitals. */
export function textWidth(text: string, fontPx = 12): number {
  return Math.ceil(text.length * fontPx * 0.62);
}

export interface Placed {
  /** Row 0 is the top row. */
  row: number;
  /** Left edge of the label. */
  left: number;
}

/**
 * Legend entries of the given widths, left to right from `start`, wrapped onto a new row whenever
 * the next one would pass `end`. An entry wider than the whole span gets a row of its own.
 */
export function flowRows(widths: readonly number[], [start, end]: [number, number], gap: number): Placed[] {
  const placed: Placed[] = [];
  let row = 0;
  let left = start;
  for (const width of widths) {
    if (left > start && left + width > end) {
      row++;
      left = start;
    }
    placed.push({ row, left });
    left += width + gap;
  }
  return placed;
}

/**
 * Labels that belong to vertical lines at `x`: each sits just right of its line, or just left when
 * it would run past `end`, and takes the first row where it overlaps no label placed before it.
 */
export function stackLabels(items: readonly { x: number; width: number }[], [start, end]: [number, number], gap = 6): Placed[] {
  const rows: [number, number][][] = [];
  return items.map(({ x, width }) => {
    const right = x + 4 + width <= end;
    const left = Math.max(start, right ? x + 4 : x - 4 - width);
    const span: [number, number] = [left - gap / 2, left + width + gap / 2];
    let row = rows.findIndex((taken) => taken.every(([a, b]) => span[1] <= a || span[0] >= b));
    if (row < 0) row = rows.push([]) - 1;
    rows[row]!.push(span);
    return { row, left };
  });
}

/** How many rows a placement uses. */
export const rowCount = (placed: readonly Placed[]): number => (placed.length ? Math.max(...placed.map((p) => p.row)) + 1 : 0);
