/**
 * The Grand Hotel article in the built site: each simulation's initial state is in the static HTML,
 * hydrates when scrolled to, answers its controls by keyboard, reopens from a shared link (hostile
 * values ignored), shows what the models compute, and axe finds nothing on the page.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';
import { runJourney, type JourneyInput } from '../../src/sims/loadbalancer-reverseproxy-apigateway/journey.ts';
import { formatTick } from '../../src/sims/kit/scale.ts';
import { formatMs } from '../../src/sims/kit/format.ts';
import { ROOM_SPEEDS, lobbyFrames, runBalancing } from '../../src/sims/loadbalancer-reverseproxy-apigateway/balancing.ts';
import { buildNginxConfig } from '../../src/sims/loadbalancer-reverseproxy-apigateway/nginxConfig.ts';
import { controlsForRole, optionsFromControls } from '../../src/sims/loadbalancer-reverseproxy-apigateway/builderControls.ts';

const PATH = '/loadbalancer-reverseproxy-apigateway/';
const SIMS = ['journey', 'balancing', 'nginx'] as const;
const site = useSite('dist');

async function hydrated(page: Page, id: (typeof SIMS)[number]) {
  const figure = page.locator(`#sim-${id}`);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('input:enabled, select:enabled').first().waitFor({ timeout: 15_000 });
  return figure;
}

const status = (page: Page, id: string) => page.locator(`#sim-${id} [aria-live]`).innerText();

/** What the balancing figure shows, recorded at every change of its markup from now on (see `recorded`). */
async function recordFrames(page: Page) {
  await page.evaluate(() => {
    const figure = document.getElementById('sim-balancing')!;
    const frames: { status: string; pending: string | null; shares: string | null; caption: string }[] = [];
    const take = () =>
      frames.push({
        status: figure.querySelector('[aria-live]')!.textContent!.trim(),
        pending: figure.querySelector('.lb-pending')?.textContent ?? null,
        shares: figure.querySelector('svg.sim-chart')?.getAttribute('aria-label') ?? null,
        caption: figure.querySelector('figcaption')!.textContent!,
      });
    new MutationObserver(take).observe(figure, { subtree: true, childList: true, characterData: true, attributes: true });
    (window as unknown as { balancingFrames: typeof frames }).balancingFrames = frames;
  });
}
const recorded = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { balancingFrames: { status: string; pending: string | null; shares: string | null; caption: string }[] }).balancingFrames,
  );

const DEFAULT_JOURNEY: JourneyInput = {
  https: true,
  path: '/api/orders',
  apiKey: 'valid',
  burstSize: 1,
  cached: true,
  behindClientProxy: false,
  backends: 'healthy',
};
const defaultJourney = runJourney(DEFAULT_JOURNEY);

describe('without JavaScript', () => {
  it('the built HTML holds every simulation as a figure with a caption, the pictures as SVG', () => {
    const html = readFileSync(`dist${PATH}index.html`, 'utf8');
    for (const id of SIMS) {
      const start = html.indexOf(`<figure class="sim" id="sim-${id}"`);
      expect(start, id).toBeGreaterThan(-1);
      const figure = html.slice(start, html.indexOf('</figure>', start));
      expect(figure).toContain('<figcaption>');
      if (id !== 'nginx') expect(figure).toMatch(/<svg[^>]*role="img"/);
    }
    expect(html.match(/<astro-island[^>]*client="visible"/g)?.length).toBe(SIMS.length);
  });

  it("shows the models' initial state: the journey's steps and the builder's configuration", async () => {
    const page = await site.page(PATH, { javaScriptEnabled: false });
    const steps = await page.locator('#sim-journey .lb-steps > li').allInnerTexts();
    expect(steps.length).toBe(defaultJourney.steps.length);
    defaultJourney.steps.forEach((step, i) => expect(steps[i]).toContain(step.action));
    expect(await page.locator('#sim-journey svg[role=img]').getAttribute('aria-label')).toContain('answers 200');
    const config = await page.locator('#sim-nginx .lb-config').innerText();
    expect(config.trim()).toBe(buildNginxConfig(optionsFromControls(controlsForRole('load-balancer'))).trim());
    expect(await page.locator('#sim-journey select').first().isDisabled()).toBe(true);
  });

  it("shows the balancing model's result for the default setup: round robin at 60% load", async () => {
    const page = await site.page(PATH, { javaScriptEnabled: false });
    const result = runBalancing({ policy: 'round-robin', load: 0.6, outage: false, seed: 1, requests: 12_000 });
    const shares = await page.locator('#sim-balancing svg.sim-chart').first().getAttribute('aria-label');
    for (const room of result.rooms) expect(shares).toContain(`${room.name} (${room.speed}×): ${Math.round(room.share * 1000) / 10}%`);
    const p99s = await page.locator('#sim-balancing svg.sim-chart').nth(1).getAttribute('aria-label');
    for (const room of result.rooms) expect(p99s).toContain(`${room.name} (${room.speed}×): ${formatTick(Math.round(room.p99))} ms`);
    expect(await page.locator('#sim-balancing figcaption').innerText()).toContain('Round robin at 60% load');
  });
});

describe('hydrated', () => {
  it('journey: the keyboard sends a burst (429) and takes the key away (401)', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'journey');
    const burst = figure.getByLabel('Requests sent at once');
    await burst.focus();
    await page.keyboard.press('End');
    await expect.poll(() => status(page, 'journey')).toMatch(/^GET \/api\/orders: 429 from the concierge/);
    await page.keyboard.press('Home');
    await expect.poll(() => status(page, 'journey')).toMatch(/: 200 from the room/);
    const key = figure.getByLabel('API key');
    await key.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => status(page, 'journey')).toMatch(/: 401 from the concierge/);
    expect(await figure.locator('.lb-badge text').innerHTML()).toBe('401');
  });

  it('journey: shows X-Forwarded-For growing hop by hop at the room', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'journey');
    await figure.getByLabel('Guest behind an office proxy').check();
    const expected = runJourney({ ...DEFAULT_JOURNEY, behindClientProxy: true }).atBackend['X-Forwarded-For']!;
    await expect.poll(() => figure.locator('.lb-note').innerText()).toContain(`X-Forwarded-For: ${expected}`);
  });

  it('builder: a role preset, a keyboard toggle, and Copy gives exactly the text shown', async () => {
    const page = await site.page(PATH, { permissions: ['clipboard-read', 'clipboard-write'] });
    const figure = await hydrated(page, 'nginx');
    await figure.getByLabel('Role').selectOption('api-gateway');
    const pre = figure.locator('.lb-config');
    await expect.poll(() => pre.innerText()).toContain('limit_req_zone $http_x_api_key');
    expect(await pre.innerText()).toContain('listen 443 ssl;');
    const tls = figure.getByLabel('TLS termination');
    await tls.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => pre.innerText()).not.toContain('ssl');
    await figure.getByRole('button', { name: 'Copy configuration' }).click();
    await expect.poll(() => figure.locator('output', { hasText: 'copied' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim()).toBe((await pre.innerText()).trim());
  });

  it('balancing: the keyboard switches policy and fails a room, and the status follows the model', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'balancing');
    const policy = figure.getByLabel('Policy');
    await policy.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => status(page, 'balancing')).toMatch(/^Weighted round robin/);
    const outage = figure.getByLabel('Take Room 2 out of order midway');
    await outage.focus();
    await page.keyboard.press('Space');
    const expected = runBalancing({ policy: 'weighted-round-robin', load: 0.6, outage: true, seed: 1, requests: 12_000 });
    await expect.poll(() => status(page, 'balancing')).toContain(`${expected.dropped} guests in it were turned away`);
  });

  it("balancing: a room's speed slider, by keyboard, reruns the model with that speed", async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'balancing');
    const speed = figure.getByLabel('Room 4 speed');
    await speed.focus();
    await page.keyboard.press('End');
    const expected = runBalancing({ policy: 'round-robin', load: 0.6, speeds: [2, 1, 1, 4], outage: false, seed: 1, requests: 12_000 });
    const worst = expected.rooms.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    await expect.poll(() => status(page, 'balancing')).toContain(`the worst room is ${worst.name} with p99`);
    expect(await figure.locator('svg.sim-chart').first().getAttribute('aria-label')).toContain(
      `Room 4 (4×): ${Math.round(expected.rooms[3]!.share * 1000) / 10}%`,
    );
  });

  it('balancing: a room pressed in the lobby goes out of service, by pointer and by keyboard', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'balancing');
    const lobby = figure.locator('svg.lb-lobby');
    await lobby.getByRole('button', { name: /^Room 3 · 1×/ }).click();
    const without3 = runBalancing({ policy: 'round-robin', load: 0.6, outage: false, seed: 1, requests: 12_000, closed: [2] });
    await expect.poll(() => status(page, 'balancing')).toContain('Room 3 is out of service for the whole run');
    expect(await status(page, 'balancing')).toContain(`overall p99 ${formatMs(without3.p99)}`);
    expect(await figure.locator('svg.sim-chart').first().getAttribute('aria-label')).toContain('Room 3 (1×): 0%');
    expect(await lobby.getByRole('button', { name: /^Room 3 · 1× · closed/ }).getAttribute('aria-pressed')).toBe('true');
    // The keyboard: Room 3 back with Enter, Room 1 out with Space.
    await lobby.getByRole('button', { name: /^Room 3/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page, 'balancing')).not.toContain('out of service');
    await lobby.getByRole('button', { name: /^Room 1/ }).focus();
    await page.keyboard.press(' ');
    await expect.poll(() => status(page, 'balancing')).toContain('Room 1 is out of service for the whole run');
  });

  it('balancing: the predict step holds its answer in <details> without JavaScript and reveals only after a guess', async () => {
    const run = runBalancing({ policy: 'round-robin', load: 0.6, outage: false, seed: 1, requests: 12_000 });
    // The question asks whose line grows longest: the room with the most guests inside at any sample.
    const peaks = run.timeline.map((points) => Math.max(...points.map(([, inRoom]) => inRoom)));
    const worst = run.rooms[peaks.indexOf(Math.max(...peaks))]!;
    // The half-speed room, whatever the model's label for it.
    expect(worst.speed).toBe(Math.min(...ROOM_SPEEDS));
    const html = readFileSync(`dist${PATH}index.html`, 'utf8');
    expect(html).toContain('Under round robin, with the rooms at 2×, 1×, 1×, 0.5× speed and 60% load, which room');
    expect(html).toContain('line grows longest?');
    expect(html).toContain(`<summary>Show the answer</summary><p>${worst.name} (${worst.speed}×). Round robin hands every room`);

    const page = await site.page(PATH);
    const figure = await hydrated(page, 'balancing');
    expect(await figure.locator('details').count()).toBe(0);
    const reveal = figure.locator('.sim-predict-reveal');
    expect(await reveal.innerText()).toBe('');
    // Keyboard only: pick a choice, then lock it in.
    await figure.getByRole('radio', { name: 'Room 1 (2×)' }).focus();
    await page.keyboard.press('Space');
    expect(await reveal.innerText()).toBe('');
    await figure.getByRole('button', { name: 'Lock in my guess' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => reveal.innerText()).toContain(`Not quite. Your guess: Room 1 (2×). The simulation: ${worst.name} (${worst.speed}×).`);
  });

  it('balancing: locking in a guess on the settings already shown keeps their night: nothing reruns or is announced again', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'balancing');
    const opened = await status(page, 'balancing');
    await recordFrames(page);
    await figure.getByRole('radio', { name: 'Room 4 (0.5×)' }).check();
    await figure.getByRole('button', { name: 'Lock in my guess' }).click();
    await expect.poll(() => figure.locator('.sim-predict-reveal').innerText()).toContain('Right');
    await page.waitForTimeout(1_000);
    const frames = await recorded(page);
    expect(frames.map((f) => f.status).filter((s) => s !== opened)).toEqual([]);
    expect(frames.some((f) => f.pending)).toBe(false);
  });

  it('balancing: while a new night runs, nothing drawn or said claims its result; then all of it is the new result, and focus stays on the room', async () => {
    const page = await site.page(PATH);
    const figure = await hydrated(page, 'balancing');
    const opening = runBalancing({ policy: 'round-robin', load: 0.6, outage: false, seed: 1, requests: 12_000 });
    const without3 = runBalancing({ policy: 'round-robin', load: 0.6, outage: false, seed: 1, requests: 12_000, closed: [2] });
    const shares = (r: typeof opening) => r.rooms.map((room) => `${room.name} (${room.speed}×): ${Math.round(room.share * 1000) / 10}%`);
    await recordFrames(page);
    await figure
      .locator('svg.lb-lobby')
      .getByRole('button', { name: /^Room 3 · 1×/ })
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page, 'balancing')).toContain('Room 3 is out of service for the whole run');
    await page.waitForTimeout(300);
    const frames = await recorded(page);
    // The live region says two things: the night is running, then its result (no count that chatters).
    expect([...new Set(frames.map((f) => f.status))]).toEqual([
      "Round robin at 60% load: running the night's 12,000 guests.",
      `Round robin at 60% load: overall p99 ${formatMs(without3.p99)}; the worst room is ${without3.rooms.reduce((a, b) => (b.p99 > a.p99 ? b : a)).name} with p99 ${formatMs(without3.rooms.reduce((a, b) => (b.p99 > a.p99 ? b : a)).p99)}. Room 3 is out of service for the whole run.`,
    ]);
    for (const f of frames) {
      if (f.status.includes('running')) {
        // The previous settings' charts, said to be theirs.
        expect(f.pending).toContain('the charts below show the previous settings');
        for (const share of shares(opening)) expect(f.shares).toContain(share);
      } else {
        expect(f.pending).toBeNull();
        for (const share of shares(without3)) expect(f.shares).toContain(share);
        expect(f.caption).toContain(`overall p99 ${formatMs(without3.p99)}`);
      }
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Room 3 · 1× · closed/);
  });

  it('restores a shared link and ignores hostile values', async () => {
    const page = await site.page(
      `${PATH}#journey.rooms=slow&journey.key=%3Cimg%20src%3Dx%3E&nginx.role=reverse-proxy&nginx.servers=9999&balancing.policy=least-connections&balancing.load=9999`,
    );
    await hydrated(page, 'journey');
    await expect.poll(() => status(page, 'journey')).toMatch(/: 504 from the front desk/);
    const figure = await hydrated(page, 'nginx');
    await expect.poll(() => figure.locator('.lb-config').innerText()).toContain('# nginx.conf: reverse proxy');
    // servers=9999 is clamped to the maximum of 8.
    expect((await figure.locator('.lb-config').innerText()).match(/^\s+server 127\.0\.0\.1:\d+/gm)?.length).toBe(8);
    await hydrated(page, 'balancing');
    await expect.poll(() => status(page, 'balancing')).toMatch(/^Least connections at 95% load: overall p99 /);
    expect(await page.locator('img[src=x]').count()).toBe(0);
  });

  it('axe reports no violations with a room out of service', async () => {
    const page = await site.page(`${PATH}#balancing.closed=2`);
    const figure = await hydrated(page, 'balancing');
    await figure.locator('.lb-room-out').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('axe reports no violations, before and after the simulations hydrate', async () => {
    const page = await site.page(PATH);
    expect(await axeViolations(page)).toEqual([]);
    for (const id of SIMS) await hydrated(page, id);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('axe reports no violations in the dark theme either', async () => {
    const page = await site.page(PATH, { colorScheme: 'dark' });
    for (const id of SIMS) await hydrated(page, id);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the lobby moves by itself', () => {
  const lobby = (figure: Locator) => figure.locator('svg.lb-lobby').innerHTML();
  const clock = async (figure: Locator) => (await figure.locator('svg.lb-lobby').getAttribute('aria-label'))!.match(/^The lobby ([\d.]+) s/)![1];

  it("in view, guests walk in, queue and leave without input, and the lines drawn are the model's", async () => {
    const page = await site.page(PATH, { reducedMotion: 'no-preference' });
    const figure = await hydrated(page, 'balancing');
    const opened = await lobby(figure);
    await expect.poll(() => lobby(figure), { timeout: 5_000 }).not.toBe(opened);
    await expect.poll(() => figure.locator('.lb-walking').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    // A walking guest is drawn at several places on the way, at the display's rate.
    const places = new Set<string>();
    for (let i = 0; i < 15 && places.size < 4; i++) {
      const cx = await figure
        .locator('.lb-walking')
        .first()
        .getAttribute('cx')
        .catch(() => null);
      if (cx) places.add(cx);
      await page.waitForTimeout(30);
    }
    expect(places.size).toBeGreaterThan(2);
    // The line the drawing shows at its clock is the model's at that moment.
    const frames = lobbyFrames({ policy: 'round-robin', load: 0.6, outage: false, seed: 1, requests: 12_000 });
    const label = (await figure.locator('svg.lb-lobby').getAttribute('aria-label'))!;
    const at = frames.find((f) => (f.time / 1000).toFixed(2) === label.match(/^The lobby ([\d.]+) s/)![1])!;
    expect(label).toContain(`Room 4 ${at.inRoom[3]} guests`);
  });

  it('stops after scrolling away', async () => {
    const page = await site.page(PATH, { reducedMotion: 'no-preference' });
    const figure = await hydrated(page, 'balancing');
    await expect.poll(() => clock(figure), { timeout: 5_000 }).not.toBe('0.00');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(800);
    const away = await clock(figure);
    await page.waitForTimeout(2_000);
    expect(await clock(figure)).toBe(away);
  });

  it('under reduced motion does not move by itself, and Step advances it', async () => {
    const page = await site.page(PATH, { reducedMotion: 'reduce' });
    const figure = await hydrated(page, 'balancing');
    const opened = await lobby(figure);
    await page.waitForTimeout(2_500);
    expect(await lobby(figure)).toBe(opened);
    await figure.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => clock(figure)).toBe('0.02');
  });
});
