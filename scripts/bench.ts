/**
 * `npm run bench`: build scaling, page weight, Lighthouse and simulation engine throughput, printed
 * as tables and written to bench/results.json. Options:
 *   --sizes 100,1000,5000   post counts for build scaling (default all three)
 *   --runs 3                builds per size and mode (the median is reported)
 *   --skip build,weight,lighthouse,engines,motion,actions
 *   --only motion           run only these sections (e.g. `npm run bench -- --only motion`)
 *   --site dist             the built site that page weight, Lighthouse and motion measure
 *   --pages slug,slug       motion and actions: only these articles (their earlier rows in results.json are kept)
 * Build scaling uses generated posts in bench/tmp/ and never touches real content. Page weight and
 * Lighthouse measure the real site in dist/ (built first if missing).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFixturePosts } from './fixturePosts.ts';
import { pageWeights, type PageWeight } from './bench/pageWeight.ts';
import { engineBenchmarks, type EngineResult } from './bench/engines.ts';
import { motionBenchmarks } from './bench/motion.ts';
import { CPU_SLOWDOWN } from './bench/simulationPages.ts';
import { actionBenchmarks } from './bench/actions.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const sizes = (args.get('sizes') ?? '100,1000,5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const runs = Number(args.get('runs') ?? 3);
const SECTIONS = ['build', 'weight', 'lighthouse', 'engines', 'motion', 'actions'];
const only = args.get('only')?.split(',');
const skip = new Set(only ? SECTIONS.filter((s) => !only.includes(s)) : (args.get('skip') ?? '').split(','));
const SITE = args.get('site') ?? 'dist';

const TMP = 'bench/tmp';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const env = (extra: Record<string, string>) => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra });

interface BuildRun {
  seconds: number;
  peakMiB: number;
  pages: number;
}

function countPages(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) n += countPages(full);
    else if (name.endsWith('.html')) n++;
  }
  return n;
}

/** One full production build (`npm run build`: pages, search index, feeds, images) under GNU time for peak memory. */
function timedBuild(content: string, out: string): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', 'npm', 'run', 'build', '--silent'], {
      env: env({ BLOG_CONTENT_DIR: content, BLOG_OUT_DIR: out }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`build of ${content} failed:\n${stderr.slice(-2000)}`));
      const peakKiB = Number(stderr.trim().split('\n').at(-1));
      resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peakKiB / 1024, pages: countPages(out) });
    });
  });
}

/** Caches a warm build may reuse: Astro's content data store and asset cache, and Vite's. */
function clearCaches(out: string): void {
  for (const dir of [out, 'node_modules/.astro', 'node_modules/.vite', '.astro/data-store.json']) rmSync(dir, { recursive: true, force: true });
}

interface ScalingRow {
  posts: number;
  mode: 'cold' | 'warm';
  medianSeconds: number;
  pagesPerSecond: number;
  peakMiB: number;
  pages: number;
  runs: number[];
}

async function buildScaling(): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  for (const posts of sizes) {
    const content = join(TMP, `posts-${posts}`);
    const out = join(TMP, `dist-${posts}`);
    // About 900 words per post: eight sections of headings, prose (with quotes, dashes, emphasis,
    // inline code and links, as real writing has) and code; tags from a pool of 50.
    writeFixturePosts(content, { count: posts, tagPool: 50, sections: 8, realisticProse: true });
    for (const mode of ['cold', 'warm'] as const) {
      const results: BuildRun[] = [];
      if (mode === 'warm') await timedBuild(content, out); // prime the caches once
      for (let r = 0; r < runs; r++) {
        if (mode === 'cold') clearCaches(out);
        else rmSync(out, { recursive: true, force: true });
        results.push(await timedBuild(content, out));
        console.log(`  ${posts} posts, ${mode} build ${r + 1}/${runs}: ${results.at(-1)!.seconds.toFixed(1)} s`);
      }
      const seconds = median(results.map((r) => r.seconds));
      rows.push({
        posts,
        mode,
        medianSeconds: seconds,
        pagesPerSecond: results[0]!.pages / seconds,
        peakMiB: Math.max(...results.map((r) => r.peakMiB)),
        pages: results[0]!.pages,
        runs: results.map((r) => Number(r.seconds.toFixed(2))),
      });
    }
    rmSync(content, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
  clearCaches('dist-bench-none');
  return rows;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main() {
  mkdirSync(TMP, { recursive: true });
  const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${(await import('node:os')).cpus().length} cores` };

  if (!skip.has('build')) {
    console.log('Build scaling (full production build, median of runs):');
    const rows = await buildScaling();
    results.buildScaling = rows;
    console.log(
      table(
        ['posts', 'mode', 'median s', 'pages/s', 'peak MiB', 'pages', 'runs (s)'],
        rows.map((r) => [r.posts, r.mode, r.medianSeconds.toFixed(1), r.pagesPerSecond.toFixed(0), r.peakMiB.toFixed(0), r.pages, r.runs.join(' ')]),
      ),
    );
  }

  if (!skip.has('weight') || !skip.has('lighthouse') || !skip.has('motion') || !skip.has('actions')) {
    if (SITE === 'dist' && !existsSync('dist/index.html')) spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', env: env({}) });
  }

  if (!skip.has('weight')) {
    const weights: PageWeight[] = pageWeights(SITE);
    results.pageWeight = weights;
    console.log('\nPage weight (KiB, raw / gzip; "first render" = HTML + blocking CSS + blocking JS):');
    console.log(
      table(
        ['page', 'HTML', 'CSS', 'JS', 'images', 'first render', 'loads later'],
        weights.map((w) => [
          w.page,
          `${kb(w.html.raw)} / ${kb(w.html.gzip)}`,
          `${kb(w.css.raw)} / ${kb(w.css.gzip)}`,
          `${kb(w.js.raw)} / ${kb(w.js.gzip)}`,
          `${kb(w.images.raw)}`,
          `${kb(w.firstRender.raw)} / ${kb(w.firstRender.gzip)}`,
          `${kb(w.later.raw)} / ${kb(w.later.gzip)}`,
        ]),
      ),
    );
  }

  if (!skip.has('lighthouse')) {
    const { lighthouseMedians } = await import('./bench/lighthouse.ts');
    const lh = await lighthouseMedians(SITE, 3);
    results.lighthouse = lh;
    console.log('\nLighthouse (mobile defaults, median of 3):');
    console.log(
      table(
        ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP ms', 'TBT ms', 'CLS'],
        lh.map((r) => [r.page, r.performance, r.accessibility, r['best-practices'], r.seo, r.lcpMs.toFixed(0), r.tbtMs.toFixed(0), r.cls.toFixed(3)]),
      ),
    );
  }

  if (!skip.has('engines')) {
    const engines: EngineResult[] = await engineBenchmarks();
    results.engines = engines;
    console.log('\nSimulation engines:');
    console.log(
      table(
        ['model', 'work', 'per second'],
        engines.map((e) => [e.model, e.work, Math.round(e.perSecond).toLocaleString('en')]),
      ),
    );
  }

  if (!skip.has('motion')) {
    console.log(`\nMotion (Chromium, CPU ${CPU_SLOWDOWN}× slower, each simulation that starts by itself, 5 s in view):`);
    const pages = args.get('pages')?.split(',').filter(Boolean);
    const motion = await motionBenchmarks(SITE, pages);
    results.motion = motion;
    const n = (x: number, digits = 0) => (Number.isNaN(x) ? '–' : x.toFixed(digits));
    console.log(
      table(
        ['page', 'simulation', 'fps', 'long tasks > 50 ms', 'longest task ms', 'island JS KiB gzip'],
        motion.map((m) => [m.page, m.sim, n(m.fps), n(m.longTasks), n(m.longestTaskMs), m.islandKiB.toFixed(1)]),
      ),
    );
  }

  if (!skip.has('actions')) {
    console.log(`\nActions (Chromium, CPU ${CPU_SLOWDOWN}× slower, each control of each simulation used once from the keyboard while it plays):`);
    const actions = await actionBenchmarks(SITE, args.get('pages')?.split(',').filter(Boolean));
    results.actions = actions;
    console.log(
      table(
        ['page', 'simulation', 'actions', 'followed by a long task > 50 ms', 'longest task ms', 'slowest action'],
        actions.map((a) => [a.page, a.sim, String(a.actions), String(a.slow), a.longestTaskMs.toFixed(0), a.slowest || '–']),
      ),
    );
  }

  // Sections not run this time (--skip, or other --sizes) keep their previous figures.
  const previous = existsSync('bench/results.json') ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>) : {};
  if (Array.isArray(previous.buildScaling) && Array.isArray(results.buildScaling)) {
    const fresh = new Set((results.buildScaling as ScalingRow[]).map((r) => r.posts));
    results.buildScaling = [...(previous.buildScaling as ScalingRow[]).filter((r) => !fresh.has(r.posts)), ...(results.buildScaling as ScalingRow[])].sort(
      (a, b) => a.posts - b.posts,
    );
  }
  for (const key of ['motion', 'actions'] as const) {
    if (Array.isArray(previous[key]) && Array.isArray(results[key]) && args.has('pages')) {
      const fresh = new Set((results[key] as { page: string }[]).map((r) => r.page));
      results[key] = [...(previous[key] as { page: string }[]).filter((r) => !fresh.has(r.page)), ...(results[key] as { page: string }[])].sort((a, b) =>
        a.page.localeCompare(b.page),
      );
    }
  }
  writeFileSync('bench/results.json', `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
  console.log('\nWritten to bench/results.json');
}

await main();
