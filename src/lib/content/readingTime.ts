import { site } from '../../../site.config.ts';

const FENCE = /^\s*(```|~~~)/;
const MDX_MODULE_LINE = /^(import|export)\s/;

/**
 * The words a reader reads in a Markdown/MDX body: prose and code, without front matter (the content
 * layer already removed it), module lines, tags of embedded components, markup or URLs.
 * A word is a whitespace-separated token holding at least one letter or digit, which is how Hugo
 * counts (it splits the plain text on whitespace) minus stray punctuation such as an em dash.
 */
export function countWords(body: string): number {
  const kept: string[] = [];
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue; // the fence line only names a language
    }
    if (inFence) kept.push(line);
    else if (!MDX_MODULE_LINE.test(line)) kept.push(stripProseMarkup(line));
  }
  return (
    kept
      .join('\n')
      // Components and HTML may span lines, so tags are removed after joining the prose back together.
      .replace(/<\/?[A-Za-z][^<>]*\/?>/g, ' ')
      .split(/\s+/)
      .filter((token) => /[\p{L}\p{N}]/u.test(token)).length
  );
}

function stripProseMarkup(line: string): string {
  return line
    .replace(/<!--.*?-->/g, ' ')
    .replace(/\{\/\*.*?\*\/\}/g, ' ') // MDX comments
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images: alt text is not read as prose
    .replace(/\[\^[^\]]+\]:?/g, ' ') // footnote markers
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text, lose the URL
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/, ' ') // reference-style link definitions
    .replace(/\{[^{}]*\}/g, ' '); // JSX expressions
}

/** Minutes to read `words`, rounded up as Hugo does; never less than one minute. */
export function readingMinutes(words: number, wordsPerMinute: number = site.wordsPerMinute): number {
  if (!Number.isFinite(words) || words < 0) throw new RangeError(`word count must be >= 0, got ${words}`);
  return Math.max(1, Math.ceil(words / wordsPerMinute));
}
