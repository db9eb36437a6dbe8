/**
 * Dates that do not exist. YAML front matter is parsed by js-yaml, which turns `pubDate: 2025-13-45` into
 * 14 February 2026 without a word, and `new Date('2025-02-30')` rolls over to 2 March as well. So a date's
 * text is checked against the calendar before anything converts it.
 */
import { readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';

const DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ].*)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why `text` (a date such as 2025-11-03, maybe with a time) names no real day; undefined when it does or is not date-shaped. */
export function impossibleDate(text: string): string | undefined {
  const match = DATE_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has no day ${day}`;
  return undefined;
}

/** The raw text of `field` in a Markdown file's YAML front matter, unquoted; undefined when absent. */
export function frontMatterText(source: string, field: string): string | undefined {
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  const line = front?.split(/\r?\n/).find((l) => l.startsWith(`${field}:`));
  if (line === undefined) return undefined;
  return line
    .slice(field.length + 1)
    .replace(/\s+#.*$/, '')
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2');
}

/**
 * Wraps a content loader so that an entry whose `fields` hold a date that does not exist fails the build,
 * naming the file and the field, before the loader's schema sees the rolled-over date.
 */
export function rejectImpossibleDates(loader: Loader, fields: readonly string[]): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: async (props) => {
          if (props.filePath) {
            const source = await readFile(props.filePath, 'utf8');
            for (const field of fields) {
              const text = frontMatterText(source, field);
              const why = text === undefined ? undefined : impossibleDate(text);
              if (why) throw new Error(`${props.filePath}: ${field}: ${text} is not a date that exists (${why}); write a real date such as 2025-11-03`);
            }
          }
          return context.parseData(props);
        },
      }),
  };
}
