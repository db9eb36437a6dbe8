/**
 * The claims machinery: every number an article states is either recomputed by a test (a claim), cited to a
 * primary source in a footnote, or an explicitly exempted plain count or identifier. One
 * `tests/claims/<slug>.claims.ts` per article declares its claims; `claims.test.ts` checks them all.
 *
 * The prose is read with the same parser family Astro's MDX integration uses (remark + GFM + MDX), so code,
 * component tags and footnote definitions are told apart from prose by the grammar, not by line patterns.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type {} from 'mdast-util-mdxjs-esm';
import type {} from 'mdast-util-mdx-expression';

export const POSTS_DIR = join(import.meta.dirname, '../../src/content/posts');
export const CLAIMS_DIR = import.meta.dirname;

// ---------------------------------------------------------------------------------------------------------
// Declaring claims

/** A number recomputed from a model (or from data real software produced), formatted as the article writes it. */
export interface ComputedClaim {
  /** A verbatim phrase of the prose (see `articleProse`) holding one or more numbers. */
  quote: string;
  /** The numbers in `quote`, in order, recomputed from the model. */
  numbers: () => string[] | Promise<string[]>;
}

/** A number measured against real software by an integration test that asserts it against this quote. */
export interface MeasuredClaim {
  quote: string;
  /** Path of that integration test, relative to the repository root; it must contain `quote` verbatim. */
  measuredBy: string;
}

export type Claim = ComputedClaim | MeasuredClaim;

export interface ArticleClaims {
  slug: string;
  claims: Claim[];
  /** Exact phrases holding plain counts from examples ("three servers", "Step 2") or identifiers ("RFC 9110"). */
  exempt: string[];
}

export function defineArticleClaims(slug: string, spec: { claims: Claim[]; exempt?: string[] }): ArticleClaims {
  return { slug, claims: spec.claims, exempt: spec.exempt ?? [] };
}

export function isMeasured(claim: Claim): claim is MeasuredClaim {
  return 'measuredBy' in claim;
}

// ---------------------------------------------------------------------------------------------------------
// The prose

/** A stretch of prose that ends a sentence or a block; `footnotes` are the ids of the references it carries. */
export interface Sentence {
  start: number;
  end: number;
  footnotes: string[];
}

export interface Prose {
  /** Blocks (headings, paragraphs, list-item paragraphs, table cells) joined by "\n", whitespace normalised. */
  text: string;
  sentences: Sentence[];
  /** Footnote id → the definition's text (inline code included, so a cited source file counts). */
  footnotes: Map<string, string>;
}

export function articleSlugs(): string[] {
  return readdirSync(POSTS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function articleFile(slug: string): string {
  for (const name of ['index.mdx', 'index.md']) {
    const path = join(POSTS_DIR, slug, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`no index.mdx or index.md in src/content/posts/${slug}/`);
}

const proseCache = new Map<string, Prose>();

/** The article's prose, parsed once per test run. */
export function articleDocument(slug: string): Prose {
  let prose = proseCache.get(slug);
  if (!prose) {
    const path = articleFile(slug);
    prose = parseProse(readFileSync(path, 'utf8'), { mdx: path.endsWith('.mdx') });
    proseCache.set(slug, prose);
  }
  return prose;
}

/**
 * The article's prose: the title and description of the front matter (the card shows them), headings,
 * paragraphs, list items, table cells, link text, image alt text, literal MDX expressions (`{"80%"}` renders
 * as text) and the footnote definitions that name no primary source (their numbers are ours to back). Gone:
 * the rest of the front matter, import/export lines, fenced or inline code, component tags and their props,
 * other expressions, URLs, HTML comments, footnote markers and sourced footnote definitions. Whitespace is
 * normalised; blocks are separated by "\n".
 */
export function articleProse(slug: string): string {
  return articleDocument(slug).text;
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

export function parseProse(source: string, { mdx }: { mdx: boolean }): Prose {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (mdx) processor.use(remarkMdx);
  const frontMatter = FRONT_MATTER.exec(source);
  const tree = processor.parse(source.replace(FRONT_MATTER, '')) as Root;
  const footnotes = new Map<string, string>();
  const blocks: Block[] = cardText(frontMatter?.[0]).map((text) => ({ text, refs: [] }));
  collectBlocks(tree, blocks, footnotes);
  // A footnote that cites no primary source is our own text: its numbers are scanned like the body's.
  for (const definition of footnotes.values()) if (!namesPrimarySource(definition)) blocks.push({ text: definition, refs: [] });

  let text = '';
  const sentences: Sentence[] = [];
  for (const block of blocks.filter((b) => b.text.length > 0)) {
    if (text) text += '\n';
    for (const s of splitSentences(block)) sentences.push({ ...s, start: s.start + text.length, end: s.end + text.length });
    text += block.text;
  }
  return { text, sentences, footnotes };
}

/** The title and description from the front matter: the reader sees them on every card. */
function cardText(frontMatter: string | undefined): string[] {
  if (!frontMatter) return [];
  const data = parseYaml(frontMatter.replace(/^---\r?\n/, '').replace(/\r?\n---(?:\r?\n)?$/, '')) as Record<string, unknown> | null;
  return [data?.title, data?.description].filter((v): v is string => typeof v === 'string').map(normalise);
}

interface Block {
  text: string;
  refs: { at: number; id: string }[];
}

/** Node types whose content is not prose (code, module lines, expressions, raw HTML, link definitions). */
const SKIPPED = new Set([
  'code',
  'inlineCode',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'html',
  'definition',
  'imageReference',
  'thematicBreak',
  'yaml',
]);

/**
 * An expression that is only a literal (`{"80%"}`, `{80}`, `{`2×`}`) renders as that text, so it is prose; any other
 * expression (a comment, a value computed at build time) is not.
 */
function literalExpression(value: string): string | null {
  const literal = /^\s*(?:(['"`])((?:(?!\1)[^\\$]|\\.)*)\1|(-?\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?))\s*$/i.exec(value);
  if (!literal) return null;
  return literal[2] ?? literal[3]!.replace(/_/g, '');
}
/** Node types that hold one block of inline prose. */
const BLOCKS = new Set(['heading', 'paragraph', 'tableCell']);

function collectBlocks(node: Nodes, blocks: Block[], footnotes: Map<string, string>): void {
  if (node.type === 'mdxFlowExpression') {
    const text = literalExpression(node.value);
    if (text) blocks.push({ text: normalise(text), refs: [] });
    return;
  }
  if (SKIPPED.has(node.type)) return;
  if (node.type === 'mdxJsxFlowElement') for (const text of textProps(node)) blocks.push({ text, refs: [] });
  if (node.type === 'footnoteDefinition') {
    footnotes.set(node.identifier, normalise(plainText(node)));
    return;
  }
  if (BLOCKS.has(node.type)) {
    const block: Block = { text: '', refs: [] };
    appendInline(node, block);
    block.text = block.text.trim();
    for (const ref of block.refs) ref.at = Math.min(ref.at, block.text.length);
    blocks.push(block);
    return;
  }
  if ('children' in node) for (const child of node.children) collectBlocks(child as Nodes, blocks, footnotes);
}

function appendInline(node: Nodes, block: Block): void {
  switch (node.type) {
    case 'text':
      append(block, node.value);
      return;
    case 'break':
      append(block, ' ');
      return;
    case 'image':
      // The alt text is what a screen reader says, and what shows when the image does not load.
      append(block, ` ${node.alt ?? ''} `);
      return;
    case 'mdxTextExpression':
      append(block, literalExpression(node.value) ?? ' ');
      return;
    case 'footnoteReference':
      block.refs.push({ at: block.text.trimEnd().length, id: node.identifier });
      return;
    case 'link': {
      // An autolinked or bare URL is not prose; a link's own text is.
      const label = plainText(node);
      if (label !== node.url && `mailto:${label}` !== node.url) for (const child of node.children) appendInline(child, block);
      return;
    }
    case 'mdxJsxTextElement':
      for (const text of textProps(node)) append(block, ` ${text} `);
      for (const child of node.children) appendInline(child as Nodes, block);
      return;
    default:
      if (SKIPPED.has(node.type)) {
        append(block, ' ');
        return;
      }
      // emphasis, strong, delete, linkReference, and JSX text elements (their props are attributes, not children)
      if ('children' in node) for (const child of node.children) appendInline(child as Nodes, block);
  }
}

/**
 * A component's props written as text (`caption="80% of keys move"`): a string holding a space is words a reader
 * sees, not an id or a flag, so its numbers are scanned. Props given as expressions are code.
 */
function textProps(node: MdxJsxFlowElement | MdxJsxTextElement): string[] {
  return node.attributes.flatMap((a) => (a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && /\S\s+\S/.test(a.value) ? [normalise(a.value)] : []));
}

/** Appends with whitespace collapsed to single spaces, as the reader sees it. */
function append(block: Block, value: string): void {
  const piece = value.replace(/\s+/g, ' ');
  if (piece.startsWith(' ') && (block.text === '' || block.text.endsWith(' '))) block.text += piece.slice(1);
  else block.text += piece;
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  const between = node.type === 'footnoteDefinition' || node.type === 'list' || node.type === 'listItem' ? ' ' : '';
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join(between);
  return '';
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A sentence ends at . ? or ! (with any closing quote or bracket) followed by whitespace and a capital, a digit or
 * an opening mark. A footnote reference written right after the full stop belongs to the sentence it ends.
 */
const SENTENCE_END = /[.?!]["'”’)\]]*(?=\s+[\p{Lu}\p{N}"'“‘(*_])/gu;

function splitSentences(block: Block): Sentence[] {
  const ends: number[] = [];
  for (const match of block.text.matchAll(SENTENCE_END)) ends.push(match.index + match[0].length);
  ends.push(block.text.length);
  const sentences: Sentence[] = [];
  let start = 0;
  for (const end of ends) {
    const footnotes = block.refs.filter((ref) => ref.at >= start && ref.at <= end).map((ref) => ref.id);
    sentences.push({ start, end, footnotes });
    start = end + 1; // the single space after the stop
  }
  return sentences;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

export interface NumberToken {
  text: string;
  index: number;
}

/**
 * A number as a reader sees one: digits with thousands separators, decimals or version dots ("1,000", "99.9",
 * "10.11.19", "02:40"), an optional currency sign, a vulgar fraction ("1½"), an exponent ("2³²", "0.99^N"), and
 * what is glued to it ("99.9%", "2×", "5xx", "10MB") or a unit after one space ("14 KB", "1000 ms"). Also numbers a
 * name only seems to hold: a percentile ("p99", "P99.9"), subscript digits ("H₁₀", "log₂") and a fraction on its
 * own ("½"). Other digits glued to a preceding letter are part of a name ("S3", "IPv4", "Murmur3") and are not
 * numbers; written-out numbers ("three") are not scanned.
 */
const FRACTIONS = '½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒';
const NUMBER = new RegExp(
  [
    `(?<![\\p{L}\\p{N}_])[$€£]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:[.:]\\d+)*[${FRACTIONS}]?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\\^[\\p{L}\\p{N}]+)?` +
      `(?:[%×]|\\p{L}+|\\s(?:[KMGTP]i?B|kB|ms|µs|ns|s|min|[KMG]bit\\/s|[KMG]bps)(?![\\p{L}\\p{N}]))?`,
    `(?<![\\p{L}\\p{N}_])[pP]\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}])`,
    '[₀₁₂₃₄₅₆₇₈₉]+',
    `(?<!\\p{N})[${FRACTIONS}]`,
  ].join('|'),
  'gu',
);

export function numbersIn(text: string): NumberToken[] {
  return [...text.matchAll(NUMBER)].map((match) => ({ text: match[0], index: match.index }));
}

// ---------------------------------------------------------------------------------------------------------
// Coverage

/**
 * Whether a footnote definition names a primary source: an RFC, a URL, a source file, a quoted title (a paper or
 * a documentation page), or official documentation, a specification, a paper, release notes or a price list by
 * name. A footnote that only explains or reports our own measurement is not a source: such a number needs a claim.
 * Nor is a file of this repository (a test, a model): pointing at our own code is a measurement, not a citation.
 */
export function namesPrimarySource(definition: string): boolean {
  const elsewhere = (pattern: RegExp) => [...definition.matchAll(pattern)].some((match) => !isOurFile(match[0]));
  return (
    elsewhere(/[\w.-]+\/[\w./-]*\.[A-Za-z]{1,5}\b/g) || // a path to a source file
    elsewhere(/(?<![\w./-])[\w.-]+\.(?:c|h|cc|cpp|go|rs|py|java|js|ts|tsx|yaml|yml|toml|conf|md)\b/g) || // a source file by name
    [
      /\bRFC ?\d+/,
      /https?:\/\//,
      /["“][^"”]{8,}["”]/, // a quoted title
      /\b(?:documentation|docs|manual|man page|specification|reference|release notes|changelog|pricing|paper|proceedings|STOC|SOSP|OSDI|NSDI|SIGCOMM|IEEE|ACM|USENIX)\b/i,
      /\b(?:OpenID Connect|W3C|WHATWG|IETF|ISO|ECMA|POSIX)\b/, // a standard by its body's name
    ].some((pattern) => pattern.test(definition))
  );
}

const REPOSITORY = join(import.meta.dirname, '../..');
let ourFileNames: Set<string> | undefined;

/** A path that exists in this repository, or the bare name of one of its files under src/, tests/ or scripts/. */
function isOurFile(path: string): boolean {
  if (path.includes('/')) return existsSync(join(REPOSITORY, path));
  ourFileNames ??= new Set(
    ['src', 'tests', 'scripts'].flatMap((dir) => {
      const root = join(REPOSITORY, dir);
      return existsSync(root) ? readdirSync(root, { recursive: true, encoding: 'utf8' }).map((file) => file.split('/').at(-1)!) : [];
    }),
  );
  return ourFileNames.has(path);
}

/**
 * The prose with its blocks joined by spaces, as quotes are matched: a quote may run on from one block to the next
 * (a table row's cells, a heading into its paragraph), which keeps a short cell like "403" tied to its row.
 */
export function flatProse(prose: Prose): string {
  return prose.text.replace(/\n/g, ' ');
}

export interface Uncovered {
  number: string;
  context: string;
}

/** Every number in the prose that no quote, exempt phrase or primary-source footnote covers. */
export function uncoveredNumbers(prose: Prose, quotes: string[], exempt: string[]): Uncovered[] {
  const covered: [number, number][] = [];
  const text = flatProse(prose);
  for (const phrase of [...quotes, ...exempt].map(normalise)) {
    if (!phrase) continue;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) covered.push([at, at + phrase.length]);
  }
  for (const sentence of prose.sentences) {
    const sourced = sentence.footnotes.some((id) => namesPrimarySource(prose.footnotes.get(id) ?? ''));
    if (sourced) covered.push([sentence.start, sentence.end]);
  }
  const uncovered: Uncovered[] = [];
  for (const token of numbersIn(prose.text)) {
    const end = token.index + token.text.length;
    if (covered.some(([from, to]) => from <= token.index && end <= to)) continue;
    const sentence = prose.sentences.find((s) => s.start <= token.index && token.index < s.end);
    uncovered.push({ number: token.text, context: sentence ? prose.text.slice(sentence.start, sentence.end) : token.text });
  }
  return uncovered;
}

/** Reads an integration test file and tells whether it holds the quote (whitespace normalised on both sides). */
export function measuredFileHolds(measuredBy: string, quote: string): { exists: boolean; holds: boolean } {
  const path = join(import.meta.dirname, '../..', measuredBy);
  if (!existsSync(path)) return { exists: false, holds: false };
  return { exists: true, holds: normalise(readFileSync(path, 'utf8')).includes(normalise(quote)) };
}
