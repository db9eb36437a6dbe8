/**
 * Draws a social card (Open Graph / Twitter), 1200x630 PNG: satori lays the card out as SVG with a
 * font read from an npm package (no network), sharp (libvips, which Astro's image pipeline already
 * uses) rasterises it. Plain Node with no Astro or Vite imports, so that a worker thread can run it
 * (pool.ts) as well as the build.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { site } from '../../../site.config.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

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
      name: 'Inter',
      data,
      weight,
      style: 'normal' as const,
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

export async function drawCard({ kicker, title, subtitle }: CardText): Promise<Uint8Array> {
  const card = el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '56px 72px',
      background: '#0f1419',
      color: '#e6edf3',
      fontFamily: 'Inter',
      borderTop: '16px solid #7cacf8',
      boxSizing: 'border-box',
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
  // A lighter compression than the default 6: quicker to encode, for slightly larger files.
  return sharp(Buffer.from(svg)).png({ compressionLevel: 3 }).toBuffer();
}
