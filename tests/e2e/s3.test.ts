import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';
import { presign } from '../../src/sims/database-bloat-s3-pointer/sigv4.ts';

const PATH = '/database-bloat-s3-pointer/';
const AWS_SIGNATURE = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const site = useSite('dist');

/** Opens the article and waits until the figure's island has hydrated (its controls come alive). */
async function openFigure(id: string, hash = '', options = {}): Promise<Page> {
  const page = await site.page(`${PATH}${hash}`, options);
  const figure = page.locator(`#sim-${id}`);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('input, select, button').first().waitFor();
  await page.waitForFunction((sel) => !document.querySelector(sel)?.querySelector('input:disabled, select:disabled'), `#sim-${id}`, { timeout: 15_000 });
  return page;
}

describe('the article without JavaScript', () => {
  it('already shows each figure: SVG with a text alternative, a caption, and the signing steps of the AWS example', async () => {
    const html = await (await fetch(`${site.origin}${PATH}`)).text();
    for (const id of ['pool', 'bytes', 'presign']) {
      expect(html).toContain(`id="sim-${id}"`);
    }
    expect(html).toMatch(/<svg class="bp-grid"[^>]*role="img"[^>]*aria-label="Buffer pool, logs inline: young sublist 81 pages/);
    expect(html).toMatch(/Log in the database: \d+ ms/);
    expect(html).toContain(AWS_SIGNATURE);
    expect(html).toContain('3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04');
    expect(html).toContain('Demo credentials only.');
    expect(html).toMatch(/<figcaption>[^<]*A 128-page buffer pool/);
  });

  it('shows "14 min read" and the title', async () => {
    const page = await site.page(PATH);
    expect(await page.locator('h1').innerText()).toBe('Stop Bloating Your Database: The S3 Pointer Pattern');
    expect(await page.locator('.article-header .post-meta').innerText()).toMatch(/14 min read/);
  });
});

describe('buffer pool eviction', () => {
  it('steps by keyboard: ten more requests, new status, both hit ratios shown', async () => {
    const page = await openFigure('pool');
    const figure = page.locator('#sim-pool');
    const requests = figure.locator('dt:text-is("Requests") + dd');
    expect(await requests.innerText()).toBe('300');
    await figure.getByRole('button', { name: 'Step' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await requests.innerText()).toBe('320');
    expect(await figure.locator('svg.bp-grid').innerHTML()).toMatch(/Evicted in the last step: \d+ pages/);
    const status = await figure.locator('[aria-live=polite]').innerText();
    expect(status).toMatch(/^After 320 requests: hit ratio \d+\.\d% with logs inline, \d+\.\d% with pointers\.$/);
    const [inline, pointer] = status.match(/\d+\.\d(?=%)/g)!.map(Number);
    expect(pointer! - inline!).toBeGreaterThan(10);
  });

  it('switches the grid to the pointer design and back', async () => {
    const page = await openFigure('pool');
    const figure = page.locator('#sim-pool');
    await figure.getByLabel('Show the pool of').selectOption('pointer');
    expect(await figure.locator('svg.bp-grid').getAttribute('aria-label')).toMatch(
      /^Buffer pool, logs as pointers: .* 0 log\), old sublist 47 pages \(47 index, 0 log\)/,
    );
  });

  it('plays and pauses', async () => {
    const page = await openFigure('pool');
    const figure = page.locator('#sim-pool');
    await figure.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('#sim-pool dd')?.textContent) >= 400, undefined, { timeout: 10_000 });
    await figure.getByRole('button', { name: 'Pause' }).click();
    const stopped = await figure.locator('dd').first().innerText();
    await page.waitForTimeout(600);
    expect(await figure.locator('dd').first().innerText()).toBe(stopped);
  });

  it('restores a shared setup from the link, and ignores hostile values', async () => {
    const page = await openFigure('pool', '#pool.time=0&pool.pct=20&pool.fetch=12');
    const figure = page.locator('#sim-pool');
    expect(await figure.getByLabel('innodb_old_blocks_time').inputValue()).toBe('0');
    expect(await figure.getByLabel('innodb_old_blocks_pct').inputValue()).toBe('20');
    expect(await figure.getByLabel('Requests that open a log').inputValue()).toBe('12');
    const hostile = await openFigure('pool', '#pool.pct=%3Cscript%3E&pool.time=-5&pool.show=evil');
    const f2 = hostile.locator('#sim-pool');
    expect(await f2.getByLabel('innodb_old_blocks_pct').inputValue()).toBe('37');
    expect(await f2.getByLabel('innodb_old_blocks_time').inputValue()).toBe('0');
    expect(await f2.getByLabel('Show the pool of').inputValue()).toBe('inline');
  });

  it('does not animate under reduced motion, but still steps', async () => {
    const page = await openFigure('pool', '', { reducedMotion: 'reduce' });
    const figure = page.locator('#sim-pool');
    // Under reduced motion nothing starts by itself (the Play button is not pressed), yet Play still works.
    expect(await figure.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
    await figure.getByRole('button', { name: 'Step' }).click();
    // The re-render follows the click a little later on a busy machine: wait for it rather than read at once.
    await expect.poll(() => figure.locator('dd').first().innerText()).toBe('310');
  });
});

describe('buffer pool eviction: guess first', () => {
  const predict = (page: Page) => page.locator('fieldset.sim-predict', { hasText: 'A report reads every older run once' });

  it('has the question and its answer, folded, in the static HTML', async () => {
    const html = await (await fetch(`${site.origin}${PATH}`)).text();
    const before = html.slice(0, html.indexOf('id="sim-pool"'));
    expect(before).toContain('Guess first: A report reads every older run once, in key order');
    expect(before).toMatch(
      /<details class="sim-predict-answer"><summary>Show the answer<\/summary><p>They all stay in the pool\. The scan reads each page a few times/,
    );
  });

  it('reveals the answer only after a guess is locked in, by keyboard alone', async () => {
    const page = await site.page(PATH);
    const question = predict(page);
    await question.scrollIntoViewIfNeeded();
    const first = question.getByRole('radio', { name: 'They all stay in the pool' });
    await expect.poll(() => first.isEnabled(), { timeout: 15_000 }).toBe(true);
    const reveal = question.locator('.sim-predict-reveal');
    expect(await question.locator('details').count()).toBe(0);
    expect(await reveal.innerText()).toBe('');
    expect(await question.getByRole('button', { name: 'Lock in my guess' }).isDisabled()).toBe(true);
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await question.getByRole('radio', { name: 'Some of them are pushed out' }).isChecked()).toBe(true);
    expect(await reveal.innerText()).toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => reveal.innerText())
      .toMatch(/^Not quite\. Your guess: Some of them are pushed out\. The simulation: They all stay in the pool\. The scan reads/);
    expect(await question.getByRole('button', { name: 'Lock in my guess' }).count()).toBe(0);
  });
});

describe('buffer pool eviction moves by itself', () => {
  /** The top left corner of every square drawn: each one's outline starts 4 units right of it (the rounded corner). */
  const corners = (page: Page) =>
    page
      .locator('#sim-pool svg.bp-grid path.bp-pages')
      .evaluateAll((paths) =>
        paths.flatMap((p) => [...(p.getAttribute('d') ?? '').matchAll(/M(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]) - 4, Number(m[2])])),
      );
  const grid = (page: Page) => page.locator('#sim-pool svg.bp-grid').innerHTML();
  const requests = (page: Page) =>
    page
      .locator('#sim-pool dt:text-is("Requests") + dd')
      .innerText()
      .then((text) => text.replaceAll(',', ''));

  it('in view, pages enter, move down the list and leave without input', async () => {
    const page = await openFigure('pool', '', { reducedMotion: 'no-preference' });
    const opened = await grid(page);
    const squares = async () => (await corners(page)).map(([x, y]) => `${x},${y}`).join(' ');
    const placed = await squares();
    await expect.poll(() => grid(page), { timeout: 5_000 }).not.toBe(opened);
    await expect.poll(async () => Number(await requests(page)), { timeout: 5_000 }).toBeGreaterThan(320);
    // The squares themselves moved: pages took new places on the list.
    expect(await squares()).not.toBe(placed);
  });

  it('stops after scrolling away', async () => {
    const page = await openFigure('pool', '', { reducedMotion: 'no-preference' });
    await expect.poll(async () => Number(await requests(page)), { timeout: 5_000 }).toBeGreaterThan(320);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(700);
    const away = await grid(page);
    const count = await requests(page);
    await page.waitForTimeout(2_000);
    expect(await grid(page)).toBe(away);
    expect(await requests(page)).toBe(count);
  });

  it('under reduced motion stays still', async () => {
    const page = await openFigure('pool', '', { reducedMotion: 'reduce' });
    const opened = await grid(page);
    await page.waitForTimeout(2_000);
    expect(await grid(page)).toBe(opened);
    expect(await requests(page)).toBe('300');
  });

  // A square on the grid sits at a whole multiple of the 34-unit pitch, plus one; between two places it does not.
  const offGrid = async (page: Page) => (await corners(page)).filter(([x]) => Math.abs((x - 1) % 34) > 0.05 && x < 16 * 34).length;

  it('slides the squares between places instead of jumping', async () => {
    const page = await openFigure('pool', '', { reducedMotion: 'no-preference' });
    await expect.poll(() => offGrid(page), { timeout: 5_000, interval: 20 }).toBeGreaterThan(0);
  });

  it('under reduced motion a Step puts every square straight at its new place', async () => {
    const page = await openFigure('pool', '', { reducedMotion: 'reduce' });
    const before = await grid(page);
    await page.locator('#sim-pool').getByRole('button', { name: 'Step' }).press('Enter');
    await expect.poll(() => grid(page)).not.toBe(before);
    // Every page of the full pool is drawn (the caption names its size), so no square off the grid is not
    // the same as no square found in the path data.
    const poolPages = Number((await page.locator('#sim-pool').innerText()).match(/A ([\d,]+)-page buffer pool/)![1]!.replaceAll(',', ''));
    expect((await corners(page)).length).toBeGreaterThanOrEqual(poolPages);
    expect(await offGrid(page)).toBe(0);
  });
});

describe('where the bytes go: the bytes move', () => {
  // The drawing and the marks over it: the dots and messages move as marks, the counts and clock in the drawing.
  const flow = (page: Page) => page.locator('#sim-bytes .bt-flow-wrap').innerHTML();
  // Links whose row of dots is seen: a row the model has no bytes on for is there but unseen (opacity 0, as the browser computes it mid-move or at rest).
  const bytesInFlight = (page: Page) =>
    page.locator('#sim-bytes .bt-flow-wrap .bt-bytes').evaluateAll((rows) => rows.filter((row) => Number(getComputedStyle(row).opacity) > 0).length);

  it('shows the log on its way in the static figure, through the app and straight from the bucket', async () => {
    const html = await (await fetch(`${site.origin}${PATH}`)).text();
    const figure = html.slice(html.indexOf('id="sim-bytes"'));
    expect(figure).toMatch(
      /<svg class="sim-chart bt-flow"[^>]*aria-label="Bytes on their way\. Log in the database: the log flows from the database through the app server/,
    );
    // Seen, not only present: a row of dots at opacity 0 stands for a link with no bytes on it at that moment.
    const marks = figure.slice(figure.indexOf('bt-flow-wrap'), figure.indexOf('bt-lanes'));
    expect(marks).toMatch(/<svg class="sim-mark bt-bytes"[^>]*style="[^"]*opacity:1;"[^>]*><path class="bt-byte"/);
    expect(marks).toMatch(/<svg class="sim-mark bt-bytes"[^>]*style="[^"]*opacity:0;"/);
  });

  it('in view, replays the request without input', async () => {
    const page = await openFigure('bytes', '', { reducedMotion: 'no-preference' });
    const opened = await flow(page);
    await expect.poll(() => flow(page), { timeout: 5_000 }).not.toBe(opened);
    expect(await page.locator('#sim-bytes .sim-play button[aria-pressed=true]').count()).toBe(1);
  });

  it('stops after scrolling away', async () => {
    const page = await openFigure('bytes', '', { reducedMotion: 'no-preference' });
    const opened = await flow(page);
    await expect.poll(() => flow(page), { timeout: 5_000 }).not.toBe(opened);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(700);
    const away = await flow(page);
    await page.waitForTimeout(2_000);
    expect(await flow(page)).toBe(away);
  });

  it('glides the playhead on one animation from tick to tick while it plays, never ahead of the clock and at most a tick behind', async () => {
    const page = await openFigure('bytes', '', { reducedMotion: 'no-preference' });
    await page.locator('#sim-bytes .sim-play button[aria-pressed=true]').waitFor();
    // Each display frame for 4.5 s (the run to the replay's end, the hold, and the run from the click):
    // which animation moves the playhead, where it is, what the clock says, and how late the frame came.
    const samples = await page.evaluate(async () => {
      const figure = document.querySelector('#sim-bytes')!;
      const lanes = figure.querySelector('svg.bt-lanes')!;
      const mark = figure.querySelector('.bt-playhead-mark')!;
      const clock = [...figure.querySelectorAll('svg.bt-flow text')].find((t) => t.textContent!.includes('after the click'))!;
      const ids = new Map<Animation, number>();
      const out: { animation: number; clockMs: number; x: number; gapMs: number }[] = [];
      const until = performance.now() + 4_500;
      let last = performance.now();
      while (performance.now() < until) {
        const now = await new Promise<number>(requestAnimationFrame);
        const animation = mark.getAnimations()[0];
        if (animation && !ids.has(animation)) ids.set(animation, ids.size);
        const box = lanes.getBoundingClientRect();
        const at = mark.getBoundingClientRect();
        out.push({
          animation: animation ? ids.get(animation)! : -1,
          clockMs: Number(clock.textContent!.replace(/[^\d.]/g, '')),
          x: ((at.left + at.width / 2 - box.left) / box.width) * 640,
          gapMs: Math.max(0, now - last),
        });
        last = now;
      }
      return out;
    });
    // The lanes' time axis runs from x = 112 to 640 - 16 over the slower route's length, in 40 ticks.
    const titles = await page.locator('#sim-bytes svg.bt-lanes text.bt-title').allTextContents();
    const endMs = Math.max(...titles.map((t) => Number(t.replace(/^.*: /, '').replace(/[^\d.]/g, ''))));
    const tickMs = endMs / 40;
    for (const { clockMs, x, gapMs } of samples) {
      const behind = clockMs - ((x - 112) / (640 - 112 - 16)) * endMs;
      // A frame reads the clock before it applies the tick that came due in it, and a new animation
      // starts a frame late: a late frame (a busy machine) shifts either by its lateness, in ticks of 100 ms.
      const late = (gapMs / 100) * tickMs;
      expect(behind).toBeGreaterThan(-0.5 * tickMs - late);
      expect(behind).toBeLessThan(1.5 * tickMs + late);
    }
    // Ticks (clock readings) that one animation carried the playhead through: a restart per tick would be 1 or 2.
    const ticksPerAnimation = new Map<number, Set<number>>();
    for (const { animation, clockMs } of samples) ticksPerAnimation.set(animation, (ticksPerAnimation.get(animation) ?? new Set()).add(clockMs));
    expect(Math.max(...[...ticksPerAnimation.values()].map((ticks) => ticks.size))).toBeGreaterThanOrEqual(10);
  });

  it('under reduced motion stays still, and Step moves the replay on by keyboard', async () => {
    const page = await openFigure('bytes', '', { reducedMotion: 'reduce' });
    const opened = await flow(page);
    expect(await bytesInFlight(page)).toBeGreaterThan(0);
    await page.waitForTimeout(2_000);
    expect(await flow(page)).toBe(opened);
    const clock = page.locator('#sim-bytes svg.bt-flow text', { hasText: 'after the click' });
    const at = await clock.textContent();
    await page.locator('#sim-bytes').getByRole('button', { name: 'Step' }).press('Enter');
    await expect.poll(() => clock.textContent()).not.toBe(at);
  });

  it('counts the whole log twice through the app from the database, and only the URL with a presigned URL, at the end', async () => {
    const page = await openFigure('bytes', '', { reducedMotion: 'reduce' });
    const step = page.locator('#sim-bytes').getByRole('button', { name: 'Step' });
    // Step until the replay holds its last moment (at most 40 ticks from the opening moment).
    const counts = () => page.locator('#sim-bytes svg.bt-flow text.bt-count').allTextContents();
    for (let i = 0; i < 40 && (await bytesInFlight(page)) > 0; i++) await step.press('Enter');
    expect(await bytesInFlight(page)).toBe(0);
    // Places left to right: database, app, browser, object storage; the database route first.
    expect((await counts()).slice(0, 4)).toEqual(['10.0 MiB', '20.0 MiB', '10.0 MiB', '0 B']);
    expect((await counts()).slice(4)).toEqual(['0 B', '700 B', '10.0 MiB', '10.0 MiB']);
  });
});

describe('where the bytes go', () => {
  it('follows the log size slider from the keyboard', async () => {
    const page = await openFigure('bytes');
    const figure = page.locator('#sim-bytes');
    const slider = figure.getByLabel('Log size');
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('20');
    const through = await figure.locator('dt:text-is("Through the app (database / presigned)") + dd').innerText();
    expect(through).toBe('40.0 MiB / 700 B');
    expect(await figure.locator('[aria-live=polite]').innerText()).toMatch(/^A 20 MiB log: from the database/);
  });
});

describe('presigned URL builder', () => {
  it('signs in the browser what our presigner signs in Node, for a key with spaces and unicode', async () => {
    const page = await openFigure('presign');
    const figure = page.locator('#sim-presign');
    const key = figure.getByLabel('Object key');
    await key.fill('runs/8812/log ü.jsonl');
    await figure.getByLabel('Method').selectOption('PUT');
    await figure.getByLabel('Content-Type to require (optional)').fill('application/json');
    const expected = await presign({
      method: 'PUT',
      bucket: 'examplebucket',
      key: 'runs/8812/log ü.jsonl',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      expiresIn: 86400,
      now: new Date('2013-05-24T00:00:00Z'),
      endpoint: { protocol: 'https:', host: 'examplebucket.s3.amazonaws.com', pathStyle: false },
      contentType: 'application/json',
    });
    const url = figure.locator('section[aria-label="Step 6: Presigned URL"] pre');
    await page.waitForFunction(
      (sig) => document.querySelector('#sim-presign section[aria-label="Step 5: Signature"] pre')?.textContent === sig,
      expected.signature,
    );
    expect(await url.innerText()).toBe(expected.url);
    expect(await figure.locator('section[aria-label="Step 1: Canonical request"] pre').innerText()).toBe(expected.canonicalRequest);
  });

  it('restores the shared fields from a link and keeps the demo keys', async () => {
    const page = await openFigure('presign', '#presign.method=PUT&presign.key=logs%2Frun%201.txt&presign.expires=600&presign.bucket=%3Cimg%3E');
    const figure = page.locator('#sim-presign');
    expect(await figure.getByLabel('Method').inputValue()).toBe('PUT');
    expect(await figure.getByLabel('Object key').inputValue()).toBe('logs/run 1.txt');
    expect(await figure.getByLabel('Expires in (seconds)').inputValue()).toBe('600');
    expect(await figure.getByLabel('Bucket').inputValue()).toBe('examplebucket');
    expect(await figure.getByLabel('Secret access key (demo)').inputValue()).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await page.waitForFunction(() =>
      document.querySelector('#sim-presign section[aria-label="Step 6: Presigned URL"] pre')?.textContent?.includes('/logs/run%201.txt?'),
    );
  });

  it('refuses nonsense with a reason instead of signing', async () => {
    const page = await openFigure('presign');
    const figure = page.locator('#sim-presign');
    await figure.getByLabel('Expires in (seconds)').fill('999999');
    expect(await figure.locator('.ps-problem').innerText()).toContain('604800');
    await figure.getByLabel('Expires in (seconds)').fill('600');
    await figure.getByLabel('Bucket').fill('Not A Bucket');
    expect(await figure.locator('.ps-problem').innerText()).toContain('Bucket names');
  });

  it('warns about non-demo keys, keeps keys out of the shared link, and sends nothing anywhere', async () => {
    const page = await openFigure('presign', '', { permissions: ['clipboard-read', 'clipboard-write'] });
    const outbound: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(site.origin)) outbound.push(r.url());
    });
    const figure = page.locator('#sim-presign');
    await figure.getByLabel('Secret access key (demo)').fill('my-real-looking-secret-0123456789');
    expect(await figure.getByRole('alert').filter({ hasText: 'rotate it now' }).count()).toBe(1);
    await figure.getByLabel('Object key').fill('shared/key.txt');
    await figure.getByRole('button', { name: 'Copy link to this setup' }).click();
    await figure.locator('.sim-share-result').waitFor();
    const shown = await figure.locator('.sim-share-result').innerText();
    const link = shown === 'Link copied.' ? await page.evaluate(() => navigator.clipboard.readText()) : shown;
    expect(link).toContain('presign.key=shared%2Fkey.txt');
    expect(link).not.toContain('my-real-looking-secret');
    expect(link).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(page.url()).not.toContain('secret');
    expect(outbound).toEqual([]);
  });
});

describe('the page as a whole', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations with all three figures hydrated (${colorScheme})`, async () => {
      const page = await site.page(PATH, { colorScheme });
      for (const id of ['pool', 'bytes', 'presign']) {
        await page.locator(`#sim-${id}`).scrollIntoViewIfNeeded();
        await page.waitForFunction((sel) => !document.querySelector(sel)?.querySelector('input:disabled'), `#sim-${id}`, { timeout: 15_000 });
      }
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('logs no errors while the figures run', async () => {
    const errors: string[] = [];
    const page = await site.page(PATH);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    for (const id of ['pool', 'bytes', 'presign']) await page.locator(`#sim-${id}`).scrollIntoViewIfNeeded();
    await page.locator('#sim-pool').getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1000);
    expect(errors).toEqual([]);
  });

  it('fits a 320 px wide screen', async () => {
    const page = await site.page(PATH, { viewport: { width: 320, height: 640 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
