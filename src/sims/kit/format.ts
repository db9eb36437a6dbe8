/**
 * How simulations write numbers: one formatter on the site's locale (`site.locale`), so a figure
 * reads the same in every article and follows the site if its locale changes.
 */
import { site } from '../../../site.config.ts';

const formatters = new Map<string, Intl.NumberFormat>();

interface NumberStyle {
  /** Exactly this many digits after the decimal point; by default as many as the value needs (up to 3). */
  digits?: number;
  /** At most this many significant digits ("0.0123", "1.23", "123"); for values of any size, such as axis ticks. */
  significant?: number;
  /** Group thousands ("12,345"); on by default. Durations and ticks turn it off. */
  grouping?: boolean;
}

/** `n` in the site's locale: `formatNumber(12345)` is "12,345", `formatNumber(0.5, { digits: 2 })` "0.50". */
export function formatNumber(n: number, { digits, significant, grouping = true }: NumberStyle = {}): string {
  if (!Number.isFinite(n)) return '–';
  if (significant !== undefined && digits !== undefined) throw new Error('formatNumber: give digits or significant, not both');
  const key = `${digits ?? ''}/${significant ?? ''}/${grouping}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(site.locale, {
      useGrouping: grouping,
      ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      ...(significant === undefined ? {} : { maximumSignificantDigits: significant }),
    });
    formatters.set(key, format);
  }
  // Rounded first as toFixed rounds (the binary value, so 20.15 is 20.1), then written in the locale:
  // Intl rounds the shortest decimal instead (20.2), which would shift figures the articles quote.
  if (significant !== undefined) return format.format(Number(n.toPrecision(significant)));
  return format.format(digits === undefined ? n : Number(n.toFixed(digits)));
}

interface DurationStyle {
  /** Fixed digits after the point at every size (a column of values that should line up). */
  digits?: number;
  /** At most this many digits after the point: the adaptive style stops there. */
  maxDigits?: number;
  /** From 10 s up, write seconds ("12.3 s"); on by default. */
  seconds?: boolean;
}

/**
 * A duration in milliseconds with few digits: two below 10 ms, one below 100 ms, none above, and
 * seconds from 10 s ("4.27 ms", "38.5 ms", "412 ms", "12.3 s"). Never grouped: "1250 ms".
 */
export function formatMs(ms: number, { digits, maxDigits = 2, seconds = true }: DurationStyle = {}): string {
  if (!Number.isFinite(ms)) return '–';
  if (digits !== undefined) return `${formatNumber(ms, { digits, grouping: false })} ms`;
  if (seconds && ms >= 10_000) return `${formatNumber(ms / 1000, { digits: 1, grouping: false })} s`;
  const adaptive = ms >= 100 ? 0 : ms >= 10 ? 1 : 2;
  return `${formatNumber(ms, { digits: Math.min(adaptive, maxDigits), grouping: false })} ms`;
}

/** A share (0.25) as a percentage with `digits` after the point ("25.0%"); `space` writes "25.0 %". */
export function formatPercent(share: number, digits = 0, { space = false }: { space?: boolean } = {}): string {
  return `${formatNumber(share * 100, { digits, grouping: false })}${space ? ' ' : ''}%`;
}
