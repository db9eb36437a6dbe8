import { formatNumber } from './format.ts';

/** Maps a data domain onto a pixel range; the log variant needs a strictly positive domain. */
export type Scale = (value: number) => number;

export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

export function logScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  if (!(d0 > 0 && d1 > 0)) throw new RangeError(`a log scale needs a positive domain, got [${d0}, ${d1}]`);
  const l0 = Math.log10(d0);
  const span = Math.log10(d1) - l0 || 1;
  return (v) => r0 + ((Math.log10(Math.max(v, d0)) - l0) / span) * (r1 - r0);
}

/**
 * About `count` round tick values (1, 2 or 5 times a power of ten apart) covering [min, max],
 * the way chart libraries choose them.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Powers of ten within [min, max] for a log axis. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(min)); 10 ** e <= max * (1 + 1e-9); e++) ticks.push(10 ** e);
  return ticks;
}

/** Compact labels: 1200 → "1.2k", 0.004 → "0.004". */
export function formatTick(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e6) return `${formatNumber(v / 1e6, { significant: 3 })}M`;
  if (abs >= 1e3) return `${formatNumber(v / 1e3, { significant: 3 })}k`;
  return formatNumber(v, { significant: 3 });
}
