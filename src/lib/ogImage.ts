/**
 * Social cards (Open Graph / Twitter), 1200x630 PNG, drawn at build time: satori lays out the card
 * as SVG with a font read from an npm package (no network), sharp (libvips, which Astro's image
 * pipeline already uses) rasterises it. Rendering is most of a large build's time, so finished cards
 * are cached by content between builds.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { site } from '../../site.config.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The site's own card; `_` cannot start a post slug, so it never collides with a post's card. */
export const SITE_CARD = '/og/_site.png';
export const postCard = (slug: string) => `/og/${slug}.png`;

export interface CardText {
  /** Small line above the title, e.g. "Tech · 7 min read". */
  kicker: string;
  title: string;
  /** Line under the title (the site's tagline on the site card). */
  subtitle?: string;
}

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

function loadFonts() {
  // Resolved from the project root: the build bundles this module elsewhere, so import.meta.url would lie.
  const require = createRequire(join(process.cwd(), 'package.json'));
  const read = (weight: 400 | 700) =>
    readFile(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)).then((data) => ({
      name: 'Inter', data, weight, style: 'normal' as const,
    }));
  return (fonts ??= Promise.all([read(400), read(700)]));
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

/** Long titles get a smaller size so that they fit in four lines. */
function titleSize(title: string): number {
  if (title.length <= 40) return 72;
  if (title.length <= 70) return 60;
  return 48;
}

/** Bump when the card's design changes, so that cached cards are redrawn. */
const TEMPLATE_VERSION = 2;
/** Beside Astro's own build caches, so that deleting node_modules/.astro makes a cold build. */
const CACHE_DIR = join(process.cwd(), 'node_modules', '.astro', 'og-cards');

export async function renderCard(text: CardText): Promise<Uint8Array> {
  const key = createHash('sha256').update(JSON.stringify([TEMPLATE_VERSION, site.title, site.url, text])).digest('hex').slice(0, 32);
  const cached = join(CACHE_DIR, `${key}.png`);
  try {
    return await readFile(cached);
  } catch {
    const png = await drawCard(text);
    await mkdir(CACHE_DIR, { recursive: true });
    await writeFile(cached, png);
    return png;
  }
}

async function drawCard({ kicker, title, subtitle }: CardText): Promise<Uint8Array> {
  const card = el(
    'div',
    {
      width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', flexDirection: 'column', justifyContent: 'space-between',
      padding: '56px 72px', background: '#0f1419', color: '#e6edf3', fontFamily: 'Inter',
      borderTop: '16px solid #7cacf8', boxSizing: 'border-box',
    },
    [
      el('div', { display: 'flex', fontSize: 30, color: '#7cacf8', fontWeight: 700 }, kicker),
      el('div', { display: 'flex', flexDirection: 'column', width: CARD_WIDTH - 144 }, [
        el('div', { display: 'flex', fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.15 }, title),
        ...(subtitle ? [el('div', { display: 'flex', marginTop: 24, fontSize: 32, color: '#9da7b3' }, subtitle)] : []),
      ]),
      el('div', { display: 'flex', justifyContent: 'space-between', fontSize: 30, color: '#9da7b3' }, [
        el('div', { display: 'flex', fontWeight: 700, color: '#e6edf3' }, site.title),
        el('div', { display: 'flex' }, new URL(site.url).host),
      ]),
    ],
  );
  const svg = await satori(card as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: await loadFonts() });
  // Compression level 3 is a third faster than the default 6 for a few percent more bytes.
  return sharp(Buffer.from(svg)).png({ compressionLevel: 3 }).toBuffer();
}
