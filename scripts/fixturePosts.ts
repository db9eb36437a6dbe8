/**
 * Generates a collection of synthetic posts for tests and benchmarks, so that the platform is tested
 * on known data and real articles are never edited for a test. Deterministic: same count, same posts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { mulberry32 } from '../src/sims/kit/random.ts';

/** Where `npm test` writes the generated posts and builds them (both git-ignored). */
export const FIXTURE_CONTENT = '.fixture-content/posts';
export const FIXTURE_OUT = 'dist-fixture';
/** Generated posts; with the kit demo post, enough for three listing pages of nine. */
export const FIXTURE_POSTS = 25;
/** The oldest fixture post: an MDX article that embeds two kit demo simulations. */
export const KIT_DEMO_SLUG = 'kit-demo';

export interface FixtureOptions {
  count: number;
  /** Size of the tag pool posts draw from. */
  tagPool?: number;
  /** Paragraph groups per post; about 120 words each. */
  sections?: number;
  /**
   * Prose with the punctuation of real writing in every paragraph: apostrophes, a quotation, a dash,
   * emphasis, inline code and a link to another post. The benchmark uses it, since smart quotes and
   * inline markup cost build time; tests keep plain prose, whose sentences they can search for verbatim.
   */
  realisticProse?: boolean;
}

const WORDS = (
  'queue server cache request latency replica shard token client proxy index buffer page write read ' +
  'commit log stream batch node ring hash key value lock lease retry timeout backoff budget throughput'
).split(' ');

export function fixtureTagName(i: number): string {
  return `Topic ${String(i + 1).padStart(2, '0')}`;
}

export function fixturePostSlug(i: number): string {
  return `fixture-post-${String(i + 1).padStart(4, '0')}`;
}

/** Post i is published i days before the newest, so fixture post 1 is the newest. */
export function fixturePubDate(i: number): string {
  return new Date(Date.UTC(2025, 11, 31) - i * 86_400_000).toISOString().slice(0, 10);
}

export function writeFixturePosts(dir: string, { count, tagPool = 12, sections = 3, realisticProse = false }: FixtureOptions): void {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const rand = mulberry32(i + 1); // same content on every machine
    const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;
    const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
    // About as many words as the plain sentence it replaces, so post lengths do not change.
    const writtenSentence = (n: number) =>
      `${sentence(n - 22)}. The ${word()}'s ${word()} isn't "${word()} ${word()}" -- it's *${word()}* ${word()} ` +
      `and \`${word()}()\` ${word()}, as [the ${word()} post](/${fixturePostSlug(Math.floor(rand() * count))}/) ` +
      `shows... ${sentence(6)}`;
    const prose = realisticProse ? writtenSentence : sentence;
    // Every post has tag i % tagPool plus one or two more, so tag pages get predictable sizes.
    const tags = new Set([fixtureTagName(i % tagPool), fixtureTagName(Math.floor(rand() * tagPool))]);
    if (rand() < 0.5) tags.add(fixtureTagName(Math.floor(rand() * tagPool)));
    const body: string[] = [];
    for (let s = 0; s < sections; s++) {
      body.push(`## Section ${s + 1}: ${word()} and ${word()}`, '', `${prose(60)}.`, '');
      body.push(`### Detail ${s + 1}`, '', `${prose(40)}.`, '');
      body.push('```ts', `const ${word()}Count = ${s + 1};`, `console.log(${word()}Count);`, '```', '');
    }
    const front = [
      '---',
      `title: "Fixture post ${i + 1}: ${word()} ${word()}"`,
      `description: "Generated post number ${i + 1} about ${word()} and ${word()}."`,
      `pubDate: ${fixturePubDate(i)}`,
      'category: Tech',
      // Three posts form a series, so that series pages can be tested on generated content.
      ...(i >= 2 && i <= 4 ? ['series: "Fixture Series"'] : []),
      `tags: [${[...tags].map((t) => `"${t}"`).join(', ')}]`,
      '---',
    ];
    const folder = join(dir, fixturePostSlug(i));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.md'), `${front.join('\n')}\n\n${body.join('\n')}\n`);
  }
  writeKitDemo(join(dir, KIT_DEMO_SLUG), fixturePubDate(count));
}

function writeKitDemo(folder: string, pubDate: string): void {
  mkdirSync(folder, { recursive: true });
  const mdx = [
    '---',
    'title: "Kit demo"',
    'description: "Two demo simulations that exercise the simulation kit."',
    `pubDate: ${pubDate}`,
    'category: Notes',
    'tags: ["Kit"]',
    '---',
    `import KitDemo from '${relative(resolve(folder), resolve('tests/fixture/KitDemo.tsx'))}';`,
    '',
    'Some words before the first simulation, so that it starts below the fold on a small screen.',
    '',
    ...Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of filler that pushes the simulations down the page.\n`),
    '## First simulation',
    '',
    '<KitDemo client:visible id="coins" />',
    '',
    '## Second simulation',
    '',
    '<KitDemo client:visible id="dice" />',
    '',
  ];
  writeFileSync(join(folder, 'index.mdx'), mdx.join('\n'));
}
