import { site } from '../../../site.config.ts';

const format = new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Every date on the site in one format, e.g. "3 November 2025". Dates are calendar days, so UTC. */
export function formatDate(date: Date): string {
  return format.format(date);
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
