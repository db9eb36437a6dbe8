import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';
import { expectStaticFigures, openSim as openSimAt } from '../support/simPage.ts';

const site = useSite('dist');
const path = '/monolith-vs-microservices/';

const openSim = (id: string, hash = '', options = {}) => openSimAt(site, path, id, hash, options);

const ms = (text: string) => Number(text.replace(' ms', ''));

describe('Monolith vs. Microservices article', () => {
  it('shows the seed title, 4 min read and its tags', async () => {
    const page = await site.page(path);
    expect(await page.locator('h1').innerText()).toBe("Monolith vs. Microservices: The 'Mansion vs. Village' Mental Model");
    expect(await page.locator('.article-header .post-meta').innerText()).toMatch(/Tech\s+4 min read/);
    expect(await page.locator('.article-header .tag-list').innerText()).toMatch(/System Design[\s\S]*Architecture[\s\S]*Microservices/);
  });

  it("has each simulation's initial state as SVG with a caption in the static HTML", async () => {
    const html = readFileSync('dist/monolith-vs-microservices/index.html', 'utf8');
    expectStaticFigures(html, [
      ['tax', 'Share of 5,000 simulated checkout requests'],
      ['fanout', 'Each backend answers in'],
      ['village', 'A shop split into five services'],
    ]);
    const page = await site.page(path, { javaScriptEnabled: false });
    // Three charts and the fan-out's drawing of one request, its calls already on their way.
    expect(await page.locator('figure.sim svg[role=img]').count()).toBe(4);
    expect(await page.locator('#sim-fanout svg.ms-fanout').getAttribute('aria-label')).toMatch(
      /^A request calls 10 backends at once \(8 drawn\); its response waits \d+ ms for the slowest, backend \d+/,
    );
    expect(await page.locator('#sim-fanout .ms-call-dot').count()).toBe(8);
    // The static detector already says what it found.
    expect(await page.locator('#sim-village .ms-verdict').innerText()).toContain('Verdict: coupled.');
  });
});

describe('the latency tax', () => {
  it('sends more requests on Step, from the keyboard', async () => {
    const { page, errors } = await openSim('tax');
    const live = page.locator('#sim-tax [aria-live=polite]');
    expect(await live.innerText()).toMatch(/^5,000 requests\./);
    await page.locator('#sim-tax').getByRole('button', { name: 'Step' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => live.innerText()).toMatch(/^6,000 requests\./);
    expect(errors).toEqual([]);
  });

  it('makes the networked checkout slower and less available than the in-process one, more so with a slower hop', async () => {
    const { page } = await openSim('tax');
    const frame = page.locator('#sim-tax');
    const readout = (side: number, i: number) => frame.locator('.ms-compare section').nth(side).locator('dd').nth(i).innerText();
    const mansionP50 = ms(await readout(0, 0));
    expect(ms(await readout(1, 0))).toBeGreaterThan(mansionP50);
    expect(Number((await readout(1, 2)).replace(' %', ''))).toBeLessThan(Number((await readout(0, 2)).replace(' %', '')));
    const hop = frame.getByRole('slider', { name: 'Network hop (median)' });
    await hop.focus();
    await page.keyboard.press('End'); // 10 ms per hop
    await expect.poll(() => frame.locator('output').first().innerText()).toBe('10.0 ms');
    // Four sequential levels, each paying at least one hop with a 10 ms median.
    await expect.poll(async () => ms(await readout(1, 0)) - mansionP50).toBeGreaterThan(35);
  });

  it('adds a Step pressed in the same instant as a new setting to the new sample', async () => {
    const { frame } = await openSim('tax');
    await frame.evaluate((root) => {
      const select = root.querySelector('select')!;
      select.value = 'chain';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Step')!.click();
    });
    await expect.poll(() => frame.locator('[aria-live=polite]').innerText()).toMatch(/^6,000 requests\./);
    expect(await frame.locator('figcaption').innerText()).toContain('each of the 7 calls');
  });

  it('offers Step instead of Play under reduced motion', async () => {
    const { page } = await openSim('tax', '', { reducedMotion: 'reduce' });
    const frame = page.locator('#sim-tax');
    // Under reduced motion nothing starts by itself (the Play button is not pressed), yet Play still works.
    expect(await frame.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
    expect(await frame.innerText()).toContain('reduced motion');
    await frame.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => frame.locator('[aria-live=polite]').innerText()).toMatch(/^6,000 requests\./);
  });

  it('sends requests by itself in view, stops off view, and holds still under reduced motion', async () => {
    const { page, frame } = await openSim('tax', '', { reducedMotion: 'no-preference' });
    const live = frame.locator('[aria-live=polite]');
    const curves = () => frame.locator('svg').last().innerHTML();
    const opened = await curves();
    await expect.poll(() => live.innerText(), { timeout: 5_000 }).not.toMatch(/^5,000 requests\./);
    expect(await curves()).not.toBe(opened);
    // The tax sits near the top of the article: the end of the page is well away from it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(500);
    const away = await live.innerText();
    await page.waitForTimeout(1_500);
    expect(await live.innerText()).toBe(away);
    expect(away).not.toMatch(/^20,000 requests\./);
    const calm = await openSim('tax', '', { reducedMotion: 'reduce' });
    const before = await calm.frame.locator('svg').last().innerHTML();
    await calm.page.waitForTimeout(1_500);
    expect(await calm.frame.locator('[aria-live=polite]').innerText()).toMatch(/^5,000 requests\./);
    expect(await calm.frame.locator('svg').last().innerHTML()).toBe(before);
  });

  it('draws new requests on demand, and Reset goes back to the same opening sample', async () => {
    const { frame } = await openSim('tax');
    const live = frame.locator('[aria-live=polite]');
    const opening = await live.innerText();
    await frame.getByRole('button', { name: 'Draw new requests' }).click();
    await expect.poll(() => live.innerText()).not.toBe(opening);
    // The new requests are drawn in slices, so the figure fills up to the opening 5 000.
    await expect.poll(() => live.innerText()).toMatch(/^5,000 requests\./);
    const fresh = await live.innerText();
    expect(fresh).not.toBe(opening);
    await frame.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => live.innerText()).toMatch(/^6,000 requests\./);
    await frame.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => live.innerText()).toBe(fresh);
  });
});

describe('fan-out and the tail', () => {
  it('puts the simulated share beside 1 − 0.99^N as N changes', async () => {
    const { page } = await openSim('fanout');
    const frame = page.locator('#sim-fanout');
    const values = () => frame.locator('.sim-readout dd').allInnerTexts();
    expect((await values())[1]).toBe('9.6 %'); // 1 − 0.99^10
    await frame.getByRole('slider', { name: 'Backends called in parallel (N)' }).focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await values())[1]).toBe('86.6 %'); // 1 − 0.99^200
    // The page counts the 2 000 requests at N = 200 in slices, then shows the share.
    await expect.poll(async () => (await values())[0], { timeout: 15_000 }).toMatch(/^[\d.]+ %$/);
    const simulated = Number((await values())[0]!.replace(' %', ''));
    // 2 000 requests: a standard error under 0.8 points, so 4 points is a generous bound.
    expect(Math.abs(simulated - 86.6)).toBeLessThan(4);
  });

  it('asks first: the answer is folded in the static HTML and revealed only after a guess, by keyboard', async () => {
    const html = readFileSync('dist/monolith-vs-microservices/index.html', 'utf8');
    const figure = html.slice(html.indexOf('<figure class="sim" id="sim-fanout"'));
    const body = figure.slice(0, figure.indexOf('</figure>'));
    expect(body).toMatch(/<legend>Guess first: A request calls 100 backends in parallel, and each is slow 1% of the time\.[^<]*\?<\/legend>/);
    // 1 − 0.99^100 = 0.634 (worked by hand), shown as a whole percentage.
    expect(body).toMatch(/<details class="sim-predict-answer"><summary>Show the answer<\/summary><p>63%\./);
    const { page, frame } = await openSim('fanout');
    expect(await frame.locator('details').count()).toBe(0);
    expect(await frame.locator('.sim-predict-reveal').innerText()).toBe('');
    await frame.getByRole('slider', { name: 'Share of requests' }).focus();
    for (let i = 0; i < 59; i++) await page.keyboard.press('ArrowRight');
    expect(await frame.locator('.sim-predict-reveal').innerText()).toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => frame.locator('.sim-predict-reveal').innerText())
      .toMatch(/^Right\. Your guess: 60%\. Theory: 63%\. .*the 2,000 simulated requests land within a few points of it\./);
    // Locking in runs the question's case: 100 backends.
    expect(await frame.locator('.sim-controls output').first().innerText()).toBe('100');
    expect((await frame.locator('.sim-readout dd').allInnerTexts())[1]).toBe('63.4 %');
    // The simulated count at N = 100 lands within a few points of theory, as the answer says.
    await expect.poll(async () => (await frame.locator('.sim-readout dd').allInnerTexts())[0], { timeout: 15_000 }).toMatch(/^[\d.]+ %$/);
    const simulated = Number((await frame.locator('.sim-readout dd').first().innerText()).replace(' %', ''));
    expect(Math.abs(simulated - 63.4)).toBeLessThan(5);
  });

  it('plays one request fanning out by itself in view, stops off view, and holds still under reduced motion', async () => {
    const { page, frame } = await openSim('fanout', '', { reducedMotion: 'no-preference' });
    const calls = () => frame.locator('.ms-travellers').innerHTML();
    const opened = await calls();
    await expect.poll(calls, { timeout: 5_000 }).not.toBe(opened);
    // The response leaves only after the slowest call: the drawing names it and the request moves on to the next one.
    await expect
      .poll(() => frame.locator('svg.ms-fanout').getAttribute('aria-label'), { timeout: 10_000 })
      .not.toBe(await frame.locator('svg.ms-fanout').getAttribute('aria-label'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    const away = await calls();
    await page.waitForTimeout(1_500);
    expect(await calls()).toBe(away);
    const calm = await openSim('fanout', '', { reducedMotion: 'reduce' });
    const before = await calm.frame.locator('.ms-travellers').innerHTML();
    await calm.page.waitForTimeout(1_500);
    expect(await calm.frame.locator('.ms-travellers').innerHTML()).toBe(before);
    await calm.frame.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => calm.frame.locator('.ms-travellers').innerHTML()).not.toBe(before);
  });

  it('counts the dots again in slices for new requests', async () => {
    const { frame } = await openSim('fanout');
    const dots = () => frame.locator('svg').last().innerHTML();
    const opened = await dots();
    await frame.getByRole('button', { name: 'Draw new requests' }).click();
    // Nine dots and the chosen N's, each near the curve: the same figure with other draws.
    await expect.poll(dots, { timeout: 15_000 }).not.toBe(opened);
    await expect.poll(() => frame.locator('.sim-readout dd').first().innerText(), { timeout: 15_000 }).toMatch(/^[\d.]+ %$/);
    await expect.poll(() => frame.locator('svg').last().locator('circle').count(), { timeout: 15_000 }).toBe(10);
    const simulated = Number((await frame.locator('.sim-readout dd').first().innerText()).replace(' %', ''));
    // 2 000 requests at N = 10 (theory 9.6 %): a standard error of 0.66 points.
    expect(Math.abs(simulated - 9.6)).toBeLessThan(3);
  });

  it('ignores a hostile value in a shared link', async () => {
    const { page } = await openSim('fanout', '#fanout.n=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(await page.locator('#sim-fanout .sim-controls output').first().innerText()).toBe('10');
    expect(await page.locator('img[src=x]').count()).toBe(0);
  });
});

describe('distributed monolith detector', () => {
  it('calls it a distributed monolith once two services must be released together', async () => {
    const { page } = await openSim('village');
    const frame = page.locator('#sim-village');
    const verdict = frame.locator('.ms-verdict');
    expect(await verdict.innerText()).toContain('Verdict: coupled.');
    const together = frame.getByRole('group', { name: 'Must be released together' });
    await together.getByLabel('orders', { exact: true }).focus();
    await page.keyboard.press('Space');
    await together.getByLabel('payments', { exact: true }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => verdict.innerText()).toContain('Verdict: distributed monolith.');
    expect(await verdict.innerText()).toContain('orders, payments must be released together');
  });

  it('restores couplings from a shared link and explains each one', async () => {
    const { page } = await openSim('village', '#village.sharedDb=1&village.sync=0');
    const verdict = page.locator('#sim-village .ms-verdict');
    await expect.poll(() => verdict.innerText()).toContain('Verdict: coupled.');
    expect(await verdict.innerText()).toContain('orders, payments write to the same database (shop-db)');
    const both = await openSim('village', '#village.sharedDb=1&village.sync=1');
    await expect.poll(() => both.page.locator('#sim-village .ms-verdict').innerText()).toContain('Verdict: distributed monolith.');
  });
});

describe('accessibility', () => {
  it('passes axe with all three simulations hydrated', async () => {
    const page = await site.page(path);
    for (const id of ['tax', 'fanout', 'village']) {
      const frame = page.locator(`#sim-${id}`);
      await frame.scrollIntoViewIfNeeded();
      await expect.poll(() => frame.locator('input').first().isEnabled(), { timeout: 20_000 }).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});
