import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';

const site = useSite('dist');
const path = '/latency-vs-throughput-bandwidth/';
const SIMS = ['pipe', 'averages', 'hockey'] as const;

async function hydrated(page: Page, id: string) {
  const frame = page.locator(`#sim-${id}`);
  await frame.scrollIntoViewIfNeeded();
  await expect.poll(() => frame.locator('input, select').first().isEnabled(), { timeout: 20_000 }).toBe(true);
  return frame;
}

describe('Latency vs. Throughput article', () => {
  it('ships every simulation as server-rendered SVG with a caption, hydrating when visible', () => {
    const html = readFileSync('dist/latency-vs-throughput-bandwidth/index.html', 'utf8');
    for (const id of SIMS) {
      const figure = html.slice(html.indexOf(`<figure class="sim" id="sim-${id}"`));
      expect(figure).toMatch(/^<figure[\s\S]*?<svg[^>]*role="img"[\s\S]*?<figcaption>/);
    }
    expect(html.match(/client="visible"/g)).toHaveLength(3);
    expect(html).toContain('5 min read');
  });

  it('reads without JavaScript: figures, the theory table and disabled controls', async () => {
    const page = await site.page(path, { javaScriptEnabled: false });
    expect(await page.locator('figure.sim svg[role=img]').count()).toBeGreaterThanOrEqual(4);
    const hockey = page.locator('#sim-hockey');
    // The M/M/1 p99 at 90% utilisation with 10 ms service: 10 ln(100) / 0.1 ≈ 461 ms.
    expect(await hockey.locator('tr', { hasText: '90%' }).innerText()).toContain('461 ms');
    // The opening sweep was run at build time, so its simulated points are in the page already.
    expect(await hockey.locator('tr', { hasText: '90%' }).locator('td').nth(1).innerText()).toMatch(/^\d+(\.\d+)? ms$/);
    expect(await page.locator('#sim-pipe').getByLabel('Width (bandwidth)').isDisabled()).toBe(true);
    const averages = page.locator('#sim-averages');
    expect(await averages.locator('svg[role=img]').getAttribute('aria-label')).toMatch(/mean [\d.]+ ms[\s\S]*p50 [\d.]+ ms[\s\S]*p99 [\d.]+ ms/);
  });

  it('the pipe: widening changes the payload time but not the first drop, by keyboard', async () => {
    const page = await site.page(path);
    const pipe = await hydrated(page, 'pipe');
    const payload = pipe.getByLabel('Payload', { exact: true });
    await payload.focus();
    await payload.selectOption('500');
    const width = pipe.getByLabel('Width (bandwidth)');
    await width.focus();
    await page.keyboard.press('ArrowLeft'); // 100 → 50 Mbit/s
    await expect.poll(() => pipe.locator('output').first().innerText()).toBe('50 Mbit/s');
    const readout = () => pipe.locator('.sim-readout').innerText();
    expect(await readout()).toMatch(/First drop arrives\s+40\.0 ms/);
    expect(await readout()).toMatch(/Whole payload arrives\s+120 ms/); // 40 + 500 kB × 8 / 50
    await page.keyboard.press('End'); // the widest pipe
    await expect.poll(readout).toMatch(/Whole payload arrives\s+44\.0 ms/);
    expect(await readout()).toMatch(/First drop arrives\s+40\.0 ms/);
    const length = pipe.getByLabel('Length (latency)');
    await length.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(readout).toMatch(/First drop arrives\s+39\.0 ms/);
    expect(await pipe.locator('[aria-live=polite]').innerText()).toContain('the first drop arrives after 39.0 ms');
    await pipe.getByRole('button', { name: 'Reset' }).press('Enter');
    expect(await pipe.locator('svg[role=img]').first().getAttribute('aria-label')).toContain('0 kB in the bucket');
  });

  it('the pipe plays the payload into the bucket, and under reduced motion steps instead', async () => {
    const page = await site.page(path);
    const pipe = await hydrated(page, 'pipe');
    const drawing = () => pipe.locator('svg[role=img]').first().getAttribute('aria-label');
    await pipe.getByRole('button', { name: 'Play' }).press('Enter');
    await expect.poll(drawing, { timeout: 15_000 }).toContain('2 kB of 2 kB sent, 0 of 12 parcels in the pipe, 2 kB in the bucket');
    await expect.poll(() => pipe.getByRole('button', { name: 'Play' }).isDisabled()).toBe(true); // finished

    const calm = await site.page(path, { reducedMotion: 'reduce' });
    const frame = await hydrated(calm, 'pipe');
    // Under reduced motion nothing starts by itself (the Play button is not pressed), yet Play still works.
    expect(await frame.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
    await frame.getByRole('button', { name: 'Reset' }).click();
    await frame.getByRole('button', { name: 'Step' }).click();
    expect(await frame.locator('svg[role=img]').first().getAttribute('aria-label')).toContain('4.02 ms after the tap opened');
  });

  it('the pipe: its parcels travel by themselves in view, stop off view, and hold still under reduced motion', async () => {
    // A 300 ms pipe, played twenty times slower than life: six seconds to the first parcel in the bucket.
    const page = await site.page(`${path}#pipe.length=300&pipe.payload=500`, { reducedMotion: 'no-preference' });
    const pipe = await hydrated(page, 'pipe');
    const parcels = () => pipe.locator('.latency-parcels').innerHTML();
    const opened = await parcels();
    await expect.poll(parcels, { timeout: 5_000 }).not.toBe(opened);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(600);
    const away = await parcels();
    await page.waitForTimeout(1_500);
    expect(await parcels()).toBe(away);
    expect(await pipe.locator('svg[role=img]').first().getAttribute('aria-label')).not.toContain('500 kB in the bucket');

    const calm = await site.page(`${path}#pipe.length=300&pipe.payload=500`);
    const still = await hydrated(calm, 'pipe');
    const before = await still.locator('.latency-parcels').innerHTML();
    await calm.waitForTimeout(2_000);
    expect(await still.locator('.latency-parcels').innerHTML()).toBe(before);
    await still.getByRole('button', { name: 'Step' }).press('Enter');
    await expect.poll(() => still.locator('.latency-parcels').innerHTML()).not.toBe(before);
  });

  it('the pipe: a wider pipe holds more parcels at once', async () => {
    // 500 kB into a 40 ms pipe, a tenth of the trip after the tap opened (one Step from the start).
    const page = await site.page(`${path}#pipe.payload=500&pipe.width=9`);
    const pipe = await hydrated(page, 'pipe');
    const label = () => pipe.locator('svg[role=img]').first().getAttribute('aria-label');
    const inPipe = async () => Number((await label())!.match(/(\d+) of 12 parcels in the pipe/)![1]);
    await pipe.getByRole('button', { name: 'Reset' }).press('Enter');
    await pipe.getByRole('button', { name: 'Step' }).press('Enter');
    // 1 Gbit/s: the payload goes in within 4 ms of a 44 ms trip, so at 4.4 ms all twelve parcels are inside.
    await expect.poll(label).toContain('4.40 ms after the tap opened');
    expect(await inPipe()).toBe(12);
    const width = pipe.getByLabel('Width (bandwidth)');
    await width.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft'); // 1 Gbit/s → 100 Mbit/s
    await pipe.getByRole('button', { name: 'Step' }).press('Enter');
    // 100 Mbit/s: 40 ms to push in, a parcel every 3.33 ms; at 8 ms (a tenth of 80) two have gone in.
    await expect.poll(label).toContain('8.00 ms after the tap opened');
    expect(await inPipe()).toBe(2);
  });

  it('averages lie: injecting slow requests multiplies p99 and barely moves the mean', async () => {
    const page = await site.page(path);
    const frame = await hydrated(page, 'averages');
    const toggle = frame.getByLabel('Inject slow requests');
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => frame.locator('[aria-live=polite]').innerText()).toMatch(/^With 1% slow requests/);
    // After hydration the runs continue in slices to 100,000 requests.
    await expect.poll(() => frame.locator('.sim-note', { hasText: 'of 200,000' }).innerText(), { timeout: 30_000 }).toMatch(/^10\d,\d{3} of 200,000/);
    const cell = async (row: string, column: number) => frame.locator('tbody tr', { hasText: row }).locator('td').nth(column).innerText();
    expect(await cell('Mean', 2)).toMatch(/^\+\d+%$/);
    expect(Number((await cell('Mean', 2)).replace(/[+%]/g, ''))).toBeLessThan(20);
    const p99 = await cell('p99', 2);
    expect(p99).toMatch(/^×\d\.\d$/);
    expect(Number(p99.slice(1))).toBeGreaterThanOrEqual(1.5);
    expect(await frame.locator('svg[role=img]').getAttribute('aria-label')).toContain('with 1% slow requests');
  });

  it('the pipe also shows the payload over a new HTTPS connection: 500 kB at 100 Mbit/s and 40 ms takes 644 ms, not 80', async () => {
    const page = await site.page(`${path}#pipe.payload=500`);
    const pipe = await hydrated(page, 'pipe');
    const readout = () => pipe.locator('.sim-readout').innerText();
    // Three round trips of 80 ms, 40 ms at full rate and five slow-start stalls (src/sims/latency-vs-throughput-bandwidth/connection.ts).
    await expect.poll(readout).toMatch(/On a new HTTPS connection\s+644 ms/);
    expect(await readout()).toMatch(/Whole payload arrives\s+80\.0 ms/);
  });

  it('averages lie: past 100% load the frame says overloaded instead of "the mean a little"', async () => {
    const page = await site.page(`${path}#averages.slow=1&averages.share=3&averages.slowMs=1000`);
    const frame = await hydrated(page, 'averages');
    const caption = () => frame.locator('figcaption').innerText();
    await expect.poll(caption).toContain('Overloaded: with them the four workers would need 124% of their time');
    expect(await caption()).not.toContain('a little');
    expect(await frame.locator('[aria-live=polite]').innerText()).toContain('Overloaded: the line grows without bound.');
    const calm = await site.page(`${path}#averages.slow=1`);
    const settled = await hydrated(calm, 'averages');
    await expect.poll(() => settled.locator('figcaption').innerText()).toContain('They move the mean a little and the p99 a lot.');
  });

  it('the hockey stick: simulated points arrive in slices and follow the theory at low load', async () => {
    // Another seed than the opening one, whose sweep came with the page: this one runs in the browser.
    const page = await site.page(`${path}#hockey.seed=2`);
    const frame = await hydrated(page, 'hockey');
    const row = frame.locator('tbody tr', { hasText: '10%' });
    await expect.poll(() => row.locator('td').nth(1).innerText(), { timeout: 60_000 }).not.toBe('…');
    const theory = parseFloat(await row.locator('td').nth(0).innerText());
    const simulated = parseFloat(await row.locator('td').nth(1).innerText());
    expect(Math.abs(simulated / theory - 1)).toBeLessThan(0.1);
    const service = frame.getByLabel('Service times');
    await service.focus();
    await service.selectOption('deterministic');
    // The sweep's note (the playback controls carry a note of their own).
    await expect.poll(() => frame.locator('.sim-note', { hasText: /Simulating|Always 10 ms/ }).count()).toBe(1);
    const look = frame.getByLabel('Look at utilisation');
    await look.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => frame.locator('.sim-controls output').first().innerText()).toBe('10%');
  });

  it('the hockey stick keeps filling its table when the reader steps the queue during the sweep', async () => {
    const page = await site.page(`${path}#hockey.seed=2`);
    const frame = await hydrated(page, 'hockey');
    // A Step wraps the model in a new object while the sweep still runs in slices; the table must keep updating.
    await frame.getByRole('button', { name: 'Step' }).click();
    const row = frame.locator('tbody tr', { hasText: '90%' });
    await expect.poll(() => row.locator('td').nth(1).innerText(), { timeout: 60_000 }).not.toBe('…');
  });

  it('restores every simulation from a shared link and ignores hostile values', async () => {
    const hash = '#pipe.width=9&pipe.length=120&pipe.payload=25000&averages.slow=1&averages.share=%3Cscript%3E&hockey.service=heavy&hockey.at=99';
    const page = await site.page(`${path}${hash}`);
    const pipe = await hydrated(page, 'pipe');
    await expect.poll(() => pipe.locator('output').first().innerText()).toBe('1 Gbit/s');
    expect(await pipe.locator('output').nth(1).innerText()).toBe('120 ms');
    expect(await pipe.getByLabel('Payload', { exact: true }).inputValue()).toBe('25000');
    const averages = await hydrated(page, 'averages');
    await expect.poll(() => averages.getByLabel('Inject slow requests').isChecked()).toBe(true);
    expect(await averages.locator('output').first().innerText()).toBe('1%'); // hostile share fell back to the default
    const hockey = await hydrated(page, 'hockey');
    await expect.poll(() => hockey.getByLabel('Service times').inputValue()).toBe('heavy');
    expect(await hockey.locator('.sim-controls output').first().innerText()).toBe('99%'); // clamped to the last utilisation
    expect(await averages.locator('script').count()).toBe(0);
  });

  it('the hockey stick asks first: the answer is folded in the static HTML and revealed only after a guess, by keyboard', async () => {
    const html = readFileSync('dist/latency-vs-throughput-bandwidth/index.html', 'utf8');
    const figure = html.slice(html.indexOf('<figure class="sim" id="sim-hockey"'));
    const body = figure.slice(0, figure.indexOf('</figure>'));
    expect(body).toMatch(/<legend>Guess first: At 90% utilisation, how many times its service time[^<]*\?<\/legend>/);
    // M/M/1: time at the server is S / (1 − ρ), so 10 service times at 90% (worked by hand).
    expect(body).toMatch(/<details class="sim-predict-answer"><summary>Show the answer<\/summary><p>10×\./);
    expect(body).toMatch(/<svg class="sim-drawing latency-server"[^>]*role="group"/);
    const page = await site.page(path);
    const frame = await hydrated(page, 'hockey');
    expect(await frame.locator('details').count()).toBe(0);
    expect(await frame.locator('.sim-predict-reveal').innerText()).toBe('');
    const look = frame.getByLabel('Look at utilisation');
    await look.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => frame.locator('.sim-controls output').first().innerText()).toBe('10%');
    await frame.getByRole('slider', { name: 'Times the service time' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await frame.locator('.sim-predict-reveal').innerText()).toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.locator('.sim-predict-reveal').innerText()).toMatch(/^Not quite\. Your guess: 3×\. The simulation: 10×\./);
    // Locking in looks at the utilisation the question was about.
    expect(await frame.locator('.sim-controls output').first().innerText()).toBe('90%');
  });

  it('the hockey stick: the marker on the curve moves along it by keyboard and by pointer', async () => {
    const page = await site.page(path);
    const frame = await hydrated(page, 'hockey');
    const marker = frame.getByRole('button', { name: /^Marker at/ });
    const shown = () => frame.locator('.sim-controls output').first().innerText();
    await expect.poll(() => marker.getAttribute('tabindex')).toBe('0');
    await marker.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(shown).toBe('85%');
    expect(await marker.getAttribute('aria-label')).toMatch(/^Marker at 85% utilisation, where a request spends 6\.7× its service time/);
    // Shift moves five utilisations: 85% → 40% (the list steps by 10 points below 80%).
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(shown).toBe('40%');
    await page.keyboard.press('ArrowUp');
    await expect.poll(shown).toBe('50%');
    // Drag it to the far right end of the curve: the busiest utilisation. The boxes are read after the
    // page has stopped scrolling to the focused marker, and read again if a busy machine moved them.
    const dragToEnd = async () => {
      await marker.scrollIntoViewIfNeeded();
      await page.waitForTimeout(100);
      const box = (await marker.boundingBox())!;
      const drawing = (await frame.locator('svg.latency-server').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, { steps: 3 });
      await page.mouse.move(drawing.x + drawing.width * 0.45, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
    };
    await dragToEnd();
    if ((await shown()) !== '99%') await dragToEnd();
    await expect.poll(shown).toBe('99%');
  });

  it('the hockey stick: requests queue at the server by themselves in view, stop off view, and hold still under reduced motion', async () => {
    const page = await site.page(path, { reducedMotion: 'no-preference' });
    const frame = await hydrated(page, 'hockey');
    const requests = () => frame.locator('.latency-requests').innerHTML();
    const opened = await requests();
    await expect.poll(requests, { timeout: 5_000 }).not.toBe(opened);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(600);
    const away = await requests();
    await page.waitForTimeout(1_500);
    expect(await requests()).toBe(away);
    const calm = await site.page(path, { reducedMotion: 'reduce' });
    const still = await hydrated(calm, 'hockey');
    const before = await still.locator('.latency-requests').innerHTML();
    await calm.waitForTimeout(2_000);
    expect(await still.locator('.latency-requests').innerHTML()).toBe(before);
    await still.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => still.locator('.latency-requests').innerHTML()).not.toBe(before);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe in the ${colorScheme} theme with all three simulations hydrated and slow requests injected`, async () => {
      const page = await site.page(`${path}#averages.slow=1`, { colorScheme });
      for (const id of SIMS) await hydrated(page, id);
      await expect.poll(() => page.locator('#sim-averages').getByLabel('Inject slow requests').isChecked()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
