/**
 * Builds the site from a given content folder into a given output folder with the project's real
 * configuration, the way `npm run build` does, and reports what the build said.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * The environment of a build started from a test. Vitest exports its own mode into process.env
 * (NODE_ENV=test, MODE, DEV, PROD, SSR...), which would turn the child into a non-production
 * build that includes drafts, so those are removed.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
  for (const key of ['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

export function astroBuild(contentDir: string, outDir: string): BuildResult {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: buildEnv({ BLOG_CONTENT_DIR: contentDir, BLOG_OUT_DIR: outDir }),
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Writes `src/content/posts`-style posts: `{ 'my-slug': 'front matter and body' }`. */
export function writePosts(dir: string, posts: Record<string, string>): void {
  for (const [slug, text] of Object.entries(posts)) {
    const file = join(dir, slug, slug.endsWith('.mdx') ? '' : 'index.md');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

export function post(fields: Record<string, string>, body = 'A short body of text.'): string {
  const front = { title: '"A post"', description: '"About things."', pubDate: '2025-03-01', category: 'Tech', tags: '["Testing"]', ...fields };
  const lines = Object.entries(front)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}
