/**
 * The consistent hashing article in the built site: each simulation's figure is in the static HTML,
 * hydrates when scrolled to, answers its controls (by keyboard), reopens from a shared link, and the
 * numbers it shows are the model's. axe finds nothing on the page.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';
import { attendants, sampleKeys } from '../../src/sims/consistent-hashing/lockerRoom.ts';
import { compareResize, countMoved } from '../../src/sims/consistent-hashing/movement.ts';
import { movedWhenOneJoins } from '../../src/sims/consistent-hashing/shift.ts';
import { murmur3_32 } from '../../src/sims/engines/hash-ring/murmur3.ts';
import { Ring } from '../../src/sims/engines/hash-ring/ring.ts';

const PATH = '/consistent-hashing/';
const SIMS = ['resize', 'ring', 'replicas'] as const;
const site = useSite('dist');

/** Scrolls a simulation into view and waits until its island has hydrated (its controls come alive). */
async function hydrated(page: Page, id: (typeof SIMS)[number]) {
  const figure = page.locator(`#sim-${id}`);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('input:enabled, button:enabled').first().waitFor({ timeout: 15_000 });
  return figure;
}

const status = (page: Page, id: string) => page.locator(`#sim-${id} [aria-live]`).innerText();
const placement = (ring: Ring, keys: string[]) => keys.map((k) => ring.serverFor(k));

describe('without JavaScript', () => {
  it('the built HTML holds each simulation as a figure with SVG and a caption, and no enabled control', () => {
    const html = readFileSync('dist/consistent-hashing/index.html', 'utf8');
    for (const id of SIMS) {
      const start = html.indexOf(`<figure class="sim" id="sim-${id}"`);
      expect(start, id).toBeGreaterThan(-1);
      const figure = html.slice(start, html.indexOf('</figure>', start));
      expect(figure).toMatch(/<svg[^>]*role="img"/);
      expect(figure).toContain('<figcaption>');
      const controls = figure.match(/<(input|select|button)\b[^>]*>/g) ?? [];
      expect(controls.length, id).toBeGreaterThan(1);
      for (const control of controls) expect(control).toMatch(/\sdisabled(=""|\s|>)/);
    }
    expect(html.match(/<astro-island[^>]*client="visible"/g)?.length).toBe(3);
  });

  it('shows the model’s initial state with JavaScript disabled', async () => {
    const page = await site.page(PATH, { javaScriptEnabled: false });
    const keys = sampleKeys(1000);
    const resize = compareResize(keys, 4, 5, 100);
    const caption = await page.locator('#sim-resize figcaption').innerText();
    expect(caption).toContain(`mod-N moved ${resize.modNMoved} of 1000 keys, the ring moved ${resize.ringMoved}`);
    expect(await page.locator('#sim-resize svg[role=img]').count()).toBe(2);
    const ring = Ring.of(attendants(5), { vnodesPerServer: 3 });
    const load = ring.load(sampleKeys(2000));
    expect(await page.locator('#sim-ring figcaption').innerText()).toContain(`the busiest holds ${load.maxOverMean.toFixed(2)}× the mean`);
    const bars = await page.locator('#sim-ring svg.sim-chart').getAttribute('aria-label');
    for (const s of load.perServer) expect(bars).toContain(`${s.server}: ${s.keys}`);
    const replicas = Ring.of(attendants(8), { vnodesPerServer: 4 }).replicasFor('user:42', 3);
    expect(await page.locator('#sim-replicas .replica-list li').allInnerTexts()).toEqual(replicas);
    expect(await page.locator('#sim-replicas svg.ring-diagram').isVisible()).toBe(true);
    // Controls show their starting values but are disabled until the island runs.
    expect(await page.getByLabel('Attendants after').isDisabled()).toBe(true);
  });
});

describe('hydrated', () => {
  it('Mod-N vs ring: arrow keys on a slider recount the moved keys', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'resize');
    const after = figure.getByLabel('Attendants after');
    await after.focus();
    await page.keyboard.press('ArrowRight');
    const expected = compareResize(sampleKeys(1000), 4, 6, 100);
    await expect
      .poll(() => status(page, 'resize'))
      .toBe(`From 4 to 6 attendants: mod-N moved ${expected.modNMoved} of 1000 keys, the ring moved ${expected.ringMoved}.`);
    expect(await after.inputValue()).toBe('6');
    // Visible focus: the focused slider draws an outline.
    expect(await after.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  });

  it('The ring: tags go to 500 by keyboard, attendants join and leave, and moved keys are counted', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'ring');
    const keys = sampleKeys(2000);
    const tags = figure.getByLabel('Name tags per attendant');
    await tags.focus();
    await page.keyboard.press('End');
    await expect.poll(() => tags.inputValue()).toBe('500');
    const five = Ring.of(attendants(5), { vnodesPerServer: 500 });
    const ratio = five.load(keys).maxOverMean;
    await expect.poll(() => status(page, 'ring')).toContain(`the busiest holds ${ratio.toFixed(2)}× the mean`);
    expect(ratio).toBeLessThan(1.2);
    expect(await figure.locator('.ring-note').textContent()).toContain('too dense');

    await figure.getByRole('button', { name: 'Add attendant' }).focus();
    await page.keyboard.press('Enter');
    const six = Ring.of(attendants(6), { vnodesPerServer: 500 });
    const joined = countMoved(placement(five, keys), placement(six, keys));
    await expect.poll(() => status(page, 'ring')).toContain(`Fay joined: ${joined} of 2,000 keys moved`);

    // Ben himself, on the ring: focused and sent home with Delete.
    await figure.getByRole('button', { name: /^Ben, at \d+° on the ring, holding \d+ coats/ }).focus();
    await page.keyboard.press('Delete');
    const withoutBen = Ring.of(
      attendants(6).filter((s) => s !== 'Ben'),
      { vnodesPerServer: 500 },
    );
    const left = countMoved(placement(six, keys), placement(withoutBen, keys));
    await expect.poll(() => status(page, 'ring')).toContain(`Ben left: ${left} of 2,000 keys moved`);
    expect(await figure.locator('svg.sim-chart').getAttribute('aria-label')).not.toContain('Ben');
  });

  it('Replication: a typed key and a departing attendant change the replicas as the model says', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'replicas');
    const full = Ring.of(attendants(8), { vnodesPerServer: 4 });
    const input = figure.getByRole('textbox', { name: 'Key' });
    await input.fill('order:7');
    const replicas = full.replicasFor('order:7', 3);
    await expect.poll(() => figure.locator('.replica-list li').allInnerTexts()).toEqual(replicas);

    await figure.getByLabel('Replication factor').focus();
    await page.keyboard.press('ArrowRight');
    const four = full.replicasFor('order:7', 4);
    await expect.poll(() => figure.locator('.replica-list li').allInnerTexts()).toEqual(four);

    const holder = four[1]!;
    await figure.getByLabel('Attendant who leaves').selectOption(holder);
    const after = Ring.of(
      attendants(8).filter((s) => s !== holder),
      { vnodesPerServer: 4 },
    ).replicasFor('order:7', 4);
    const newcomer = after.find((s) => !four.includes(s))!;
    await expect.poll(() => status(page, 'replicas')).toContain(`${holder} left and held a copy of order:7: ${newcomer} takes over that copy`);
    expect(after.filter((s) => s !== newcomer)).toEqual(four.filter((s) => s !== holder));

    // Pasted markup is data: rejected with a message, never rendered.
    await input.fill('<img src=x onerror=alert(1)>');
    expect(await figure.locator('.key-invalid').innerText()).toContain('showing the last valid key');
    expect(await figure.locator('img').count()).toBe(0);
    expect(await figure.locator('.replica-list li').count()).toBe(4);
  });
});

describe('shared links', () => {
  it('reopen every simulation with the linked parameters', async () => {
    const hash = '#resize.from=3&resize.to=9&ring.staff=7&ring.vnodes=200&replicas.factor=2&replicas.key=cart%3A9&replicas.leaves=Ben';
    const page = await site.page(`${PATH}${hash}`);
    const resize = await hydrated(page, 'resize');
    expect(await resize.getByLabel('Attendants before').inputValue()).toBe('3');
    const r = compareResize(sampleKeys(1000), 3, 9, 100);
    await expect.poll(() => status(page, 'resize')).toContain(`mod-N moved ${r.modNMoved} of 1000 keys, the ring moved ${r.ringMoved}`);
    const ring = await hydrated(page, 'ring');
    expect(await ring.getByLabel('Name tags per attendant').inputValue()).toBe('200');
    expect(await ring.locator('svg.sim-chart').getAttribute('aria-label')).toMatch(/^Keys per attendant\. Ada: \d+, Ben: \d+, Cleo: \d+$/);
    const replicas = await hydrated(page, 'replicas');
    expect(await replicas.getByRole('textbox', { name: 'Key' }).inputValue()).toBe('cart:9');
    const before = Ring.of(attendants(8), { vnodesPerServer: 4 }).replicasFor('cart:9', 2);
    const after = Ring.of(
      attendants(8).filter((s) => s !== 'Ben'),
      { vnodesPerServer: 4 },
    ).replicasFor('cart:9', 2);
    const shown = after.map((s) => (before.includes(s) ? s : `${s} (new copy, Ben left)`));
    await expect.poll(() => replicas.locator('.replica-list li').allInnerTexts()).toEqual(shown);
  });

  it('apply a link opened while the page is open, and Back returns to the previous link; a heading anchor changes nothing', async () => {
    const page = await site.page(PATH);
    const ring = await hydrated(page, 'ring');
    const tags = ring.getByLabel('Name tags per attendant');
    const chart = () => ring.locator('svg.sim-chart').getAttribute('aria-label');
    await page.evaluate(() => (location.hash = '#ring.staff=7&ring.vnodes=200'));
    await expect.poll(() => tags.inputValue()).toBe('200');
    expect(await chart()).toMatch(/^Keys per attendant\. Ada: \d+, Ben: \d+, Cleo: \d+$/);
    await page.evaluate(() => (location.hash = '#ring.staff=3&ring.vnodes=40'));
    await expect.poll(() => tags.inputValue()).toBe('40');
    expect(await chart()).toMatch(/^Keys per attendant\. Ada: [\d.]+k?, Ben: [\d.]+k?$/);
    await page.goBack();
    await expect.poll(() => tags.inputValue()).toBe('200');
    // A contents link names a heading, not a simulation: the figure stays as it is.
    await page.evaluate(() => (location.hash = '#the-ring'));
    await page.waitForTimeout(300);
    expect(await tags.inputValue()).toBe('200');
    expect(await chart()).toMatch(/Cleo: \d+$/);
  });

  it('fall back to defaults on hostile or out-of-range values', async () => {
    const hash = '#ring.vnodes=99999&ring.staff=abc&replicas.key=%3Cscript%3Ealert(1)%3C%2Fscript%3E&replicas.factor=-4&resize.to=NaN';
    const page = await site.page(`${PATH}${hash}`);
    const ring = await hydrated(page, 'ring');
    expect(await ring.getByLabel('Name tags per attendant').inputValue()).toBe('500');
    expect(await ring.locator('svg.sim-chart').getAttribute('aria-label')).toContain('Eli');
    const replicas = await hydrated(page, 'replicas');
    expect(await replicas.getByRole('textbox', { name: 'Key' }).inputValue()).toBe('user:42');
    expect(await replicas.getByLabel('Replication factor').inputValue()).toBe('1');
    const resize = await hydrated(page, 'resize');
    expect(await resize.getByLabel('Attendants after').inputValue()).toBe('5');
  });

  it('"Copy link" gives a URL that reopens the same setup', async () => {
    const page = await site.page(PATH, { permissions: ['clipboard-read', 'clipboard-write'] });
    const figure = await hydrated(page, 'resize');
    await figure.getByLabel('Attendants before').focus();
    await page.keyboard.press('ArrowLeft');
    await figure.getByRole('button', { name: /Copy link/ }).click();
    await figure.locator('.sim-share-result').waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/#resize\.from=3&resize\.to=5$/);
    const reopened = await site.page(url.replace(/^https?:\/\/[^/]+/, ''));
    const again = await hydrated(reopened, 'resize');
    expect(await again.getByLabel('Attendants before').inputValue()).toBe('3');
  });
});

describe('the ring, grabbed and guessed', () => {
  const attendantsDrawn = (figure: Locator) => figure.locator('svg.ring-diagram').getByRole('button');

  it('sends an attendant home when clicked, and only that attendant', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'ring');
    expect(await attendantsDrawn(figure).count()).toBe(5);
    // The desk itself: the button's box also spans the dashed line to Cleo's place on the ring.
    await figure
      .getByRole('button', { name: /^Cleo, at/ })
      .locator('circle.ring-desk')
      .click();
    const keys = sampleKeys(2000);
    const five = Ring.of(attendants(5), { vnodesPerServer: 3 });
    const four = Ring.of(['Ada', 'Ben', 'Dev', 'Eli'], { vnodesPerServer: 3 });
    await expect.poll(() => status(page, 'ring')).toContain(`Cleo left: ${countMoved(placement(five, keys), placement(four, keys))} of 2,000 keys moved`);
    expect(await attendantsDrawn(figure).count()).toBe(4);
    expect(await figure.locator('svg.sim-chart').getAttribute('aria-label')).not.toContain('Cleo');
  });

  /** The opening ring (five attendants, three tags) with every one of `name`'s tags `walk` positions clockwise. */
  const walked = (name: string, walk: number) =>
    Ring.of(attendants(5), {
      vnodesPerServer: 3,
      tagPositions: (s, n) => Array.from({ length: n }, (_, i) => (murmur3_32(`${s}#${i}`) + (s === name ? walk : 0)) % 2 ** 32),
    });

  it('moves an attendant dragged along the ring, and the coats that change hands travel', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'ring');
    const ben = figure.getByRole('button', { name: /^Ben, at/ });
    const before = (await ben.getAttribute('aria-label'))!;
    const drawing = await figure.locator('svg.ring-diagram').innerHTML();
    const ring = (await figure.locator('svg.ring-diagram circle.ring-track').boundingBox())!;
    const box = (await ben.locator('circle.ring-desk').boundingBox())!;
    const [cx, cy] = [ring.x + ring.width / 2, ring.y + ring.height / 2];
    const [bx, by] = [box.x + box.width / 2, box.y + box.height / 2];
    // Drag Ben to the opposite side of the ring, through a quarter turn, as a pointer would.
    await page.mouse.move(bx, by);
    await page.mouse.down();
    await page.mouse.move(cx + (cy - by), cy + (bx - cx), { steps: 4 });
    await page.mouse.move(2 * cx - bx, 2 * cy - by, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => status(page, 'ring')).toMatch(/Ben moved: [1-9]\d* of 2,000 keys moved/);
    const after = (await figure.getByRole('button', { name: /^Ben, at/ }).getAttribute('aria-label'))!;
    const degrees = (label: string) => Number(/at (\d+)°/.exec(label)![1]);
    // Half a turn, give or take where on the desk the drag began and how far the desk is spread from its tag.
    const turned = (degrees(after) - degrees(before) + 360) % 360;
    expect(turned).toBeGreaterThan(130);
    expect(turned).toBeLessThan(230);
    expect(await figure.locator('svg.ring-diagram').innerHTML()).not.toBe(drawing);
    // The drag ended on Ben, but a drag is not a press: Ben is still on shift.
    expect(await figure.locator('svg.sim-chart').getAttribute('aria-label')).toContain('Ben');
  });

  it('moves an attendant dragged by touch', async () => {
    const page = await site.page(PATH, { hasTouch: true, isMobile: true, viewport: { width: 412, height: 823 } });
    const figure = await hydrated(page, 'ring');
    const box = (await figure
      .getByRole('button', { name: /^Ada, at/ })
      .locator('circle.ring-desk')
      .boundingBox())!;
    const ring = (await figure.locator('svg.ring-diagram circle.ring-track').boundingBox())!;
    const [cx, cy] = [ring.x + ring.width / 2, ring.y + ring.height / 2];
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
    await touch('touchStart', [{ x, y }]);
    // A quarter turn around the ring's centre, in small steps.
    const [r, a0] = [Math.hypot(x - cx, y - cy), Math.atan2(y - cy, x - cx)];
    for (let i = 1; i <= 8; i++)
      await touch('touchMove', [{ x: cx + r * Math.cos(a0 + (Math.PI / 2) * (i / 8)), y: cy + r * Math.sin(a0 + (Math.PI / 2) * (i / 8)) }]);
    await touch('touchEnd', []);
    await expect.poll(() => status(page, 'ring')).toMatch(/Ada moved: [1-9]\d* of 2,000 keys moved/);
  });

  it('walks a focused attendant along the ring with the arrow keys, with a visible focus', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'ring');
    const keys = sampleKeys(2000);
    const chart = () => figure.locator('svg.sim-chart').getAttribute('aria-label');
    const opened = await chart();
    await figure.getByRole('button', { name: /^Dev, at/ }).focus();
    await page.keyboard.press('ArrowRight');
    // One arrow press is a 120th of a lap: all of Dev's tags walk that far clockwise.
    const home = murmur3_32('Dev#0');
    const walk = (Math.floor(((home / 2 ** 32 + 1 / 120) % 1) * 2 ** 32) - home + 2 ** 32) % 2 ** 32;
    const moved = countMoved(placement(Ring.of(attendants(5), { vnodesPerServer: 3 }), keys), placement(walked('Dev', walk), keys));
    expect(moved).toBeGreaterThan(0);
    await expect.poll(() => status(page, 'ring')).toContain(`Dev moved: ${moved} of 2,000 keys moved`);
    expect(await chart()).not.toBe(opened);
    const focused = figure.getByRole('button', { name: /^Dev, at/ });
    expect(await focused.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await focused.locator('.sim-grab-ring').evaluate((el) => getComputedStyle(el).stroke)).not.toBe('none');
    // And back: the coats return to their owners, and the count since Dev started walking is 0.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => status(page, 'ring')).toContain('Dev moved: 0 of 2,000 keys moved');
    await expect.poll(chart).toBe(opened);
  });

  it('copies a link that reopens the ring with each attendant where the reader put them', async () => {
    const page = await site.page(PATH, { permissions: ['clipboard-read', 'clipboard-write'] });
    const figure = await hydrated(page, 'ring');
    await figure.getByRole('button', { name: /^Dev, at/ }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => status(page, 'ring')).toMatch(/Dev moved: \d+ of 2,000/);
    const chart = await figure.locator('svg.sim-chart').getAttribute('aria-label');
    const dev = await figure.getByRole('button', { name: /^Dev, at/ }).getAttribute('aria-label');
    await figure.getByRole('button', { name: /Copy link/ }).click();
    await figure.locator('.sim-share-result').waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    // Three arrow presses, each a 120th of a lap from where Dev's first tag hangs, in whole ring positions.
    const home = murmur3_32('Dev#0');
    let at = home;
    for (let i = 0; i < 3; i++) at = Math.floor(((at / 2 ** 32 + 1 / 120) % 1) * 2 ** 32);
    const walk = (at - home + 2 ** 32) % 2 ** 32;
    expect(url).toContain(`ring.walks=Dev.${walk}`);
    const reopened = await site.page(url.replace(/^https?:\/\/[^/]+/, ''));
    const again = await hydrated(reopened, 'ring');
    await expect.poll(() => again.getByRole('button', { name: /^Dev, at/ }).getAttribute('aria-label')).toBe(dev);
    expect(await again.locator('svg.sim-chart').getAttribute('aria-label')).toBe(chart);
  });

  it('opened from a link that sends Eli home and moves Dev, says both and counts the coats as rings built here do', async () => {
    const walk = 2 ** 31;
    const keys = sampleKeys(2000);
    const ring = (names: string[], walks: Record<string, number>) =>
      Ring.of(names, {
        vnodesPerServer: 3,
        tagPositions: (s, n) => Array.from({ length: n }, (_, i) => (murmur3_32(`${s}#${i}`) + (walks[s] ?? 0)) % 2 ** 32),
      });
    const before = placement(ring(attendants(5), {}), keys);
    const after = placement(ring(attendants(4), { Dev: walk }), keys);
    const moved = before.filter((owner, coat) => owner !== after[coat]).length;
    const page = await site.page(`${PATH}#ring.staff=15&ring.walks=Dev.${walk}`);
    await hydrated(page, 'ring');
    await expect.poll(() => status(page, 'ring')).toContain(`Eli left and attendants moved along the ring: ${moved.toLocaleString('en')} of 2,000 keys moved`);
  });

  it('holds the answer in <details> before JavaScript, and reveals it only after a guess is locked in', async () => {
    const truth = movedWhenOneJoins(4, 3);
    // Computed independently of the view's helper: the rings of four and of five attendants.
    const keys = sampleKeys(2000);
    expect(truth).toBe(
      countMoved(placement(Ring.of(attendants(4), { vnodesPerServer: 3 }), keys), placement(Ring.of(attendants(5), { vnodesPerServer: 3 }), keys)),
    );
    const html = readFileSync('dist/consistent-hashing/index.html', 'utf8');
    expect(html).toContain('When a fifth joins, how many coats move?');
    expect(html).toMatch(
      new RegExp(`<details class="sim-predict-answer"><summary>Show the answer</summary><p>${truth.toLocaleString('en')}\\. Only the coats`),
    );

    const page = await site.page(PATH);
    const figure = await hydrated(page, 'ring');
    expect(await figure.locator('details').count()).toBe(0);
    expect(await figure.locator('.sim-predict-reveal').innerText()).toBe('');
    // A reader who has walked Ada a quarter lap first: the scenario still starts from the usual lockers.
    await figure.getByRole('button', { name: /^Ada, at/ }).focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => status(page, 'ring')).toMatch(/Ada moved: [1-9]\d* of 2,000 keys moved/);
    // Keyboard only: the guess slider, then the lock button.
    const guess = figure.getByRole('slider', { name: 'Coats that move' });
    await guess.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => figure.locator('.sim-predict-reveal').innerText()).toContain(`The simulation: ${truth.toLocaleString('en')}`);
    expect(await figure.locator('.sim-predict-reveal').innerText()).toContain('Your guess: 0');
    // Locking in runs the scenario: Eli joins four attendants with three tags each.
    await expect.poll(() => status(page, 'ring')).toContain(`Eli joined: ${truth} of 2,000 keys moved`);
  });
});

describe('the ring moves by itself', () => {
  const coatsFlying = (figure: Locator) => figure.locator('.ring-coats circle').count();
  const drawn = (figure: Locator) => figure.locator('svg.ring-diagram').innerHTML();

  it('in view, attendants join and leave and the re-homed coats travel, without input', async () => {
    const page = await site.page(PATH, { reducedMotion: 'no-preference' });
    const figure = await hydrated(page, 'ring');
    const opened = await drawn(figure);
    await expect.poll(() => drawn(figure), { timeout: 6_000 }).not.toBe(opened);
    await expect.poll(() => coatsFlying(figure), { timeout: 6_000 }).toBeGreaterThan(0);
    // A coat is drawn at several places on its way, at the display's rate.
    const places = new Set<string>();
    for (let i = 0; i < 15 && places.size < 4; i++) {
      // The compositor moves the coats (a Web Animation on their layer's transform), so their place is its computed transform.
      const cx = await figure
        .locator('.ring-coats')
        .first()
        .evaluate((el) => getComputedStyle(el).transform, undefined, { timeout: 50 })
        .catch(() => null);
      if (cx) places.add(cx);
      await page.waitForTimeout(40);
    }
    expect(places.size).toBeGreaterThan(2);
  });

  it('stops after scrolling away', async () => {
    const page = await site.page(PATH, { reducedMotion: 'no-preference' });
    const figure = await hydrated(page, 'ring');
    await expect.poll(() => status(page, 'ring'), { timeout: 6_000 }).toContain('joined');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(2_000);
    const away = await drawn(figure);
    await page.waitForTimeout(3_500);
    expect(await drawn(figure)).toBe(away);
  });

  it('under reduced motion does not move by itself', async () => {
    const page = await site.page(PATH, { reducedMotion: 'reduce' });
    const figure = await hydrated(page, 'ring');
    const opened = await drawn(figure);
    await page.waitForTimeout(3_500);
    expect(await drawn(figure)).toBe(opened);
    expect(await coatsFlying(figure)).toBe(0);
  });
});

describe('accessibility', () => {
  it('fits a 320 px wide screen without horizontal scrolling, simulations included', async () => {
    const page = await site.page(PATH, { viewport: { width: 320, height: 640 } });
    for (const id of SIMS) await hydrated(page, id);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('axe finds no violation on the article, before and after the simulations hydrate', async () => {
    const page = await site.page(PATH);
    expect(await axeViolations(page)).toEqual([]);
    for (const id of SIMS) await hydrated(page, id);
    expect(await axeViolations(page)).toEqual([]);
    // The states with their own colours: a new replica holder and a rejected key.
    const replicas = page.locator('#sim-replicas');
    await replicas.getByLabel('Attendant who leaves').selectOption('Eli');
    await replicas.getByRole('textbox', { name: 'Key' }).fill('<b>');
    await replicas.locator('.replica-new').waitFor();
    await replicas.locator('.key-invalid').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('axe finds no violation in the dark theme', async () => {
    const page = await site.page(PATH, { colorScheme: 'dark' });
    for (const id of SIMS) await hydrated(page, id);
    expect(await axeViolations(page)).toEqual([]);
  });
});
