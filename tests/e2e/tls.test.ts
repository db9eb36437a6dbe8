/**
 * The two TLS articles on the built site: static figures without JavaScript, keyboard-operated
 * islands, shared links, hostile pasted input kept as text, and axe.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';
import { expectRestingMarkThroughInterruptions } from '../support/marks.ts';

const site = useSite('dist');
const VERIFY = '/verify-and-cert-in-python-requests/';
const CHAIN = '/api-certificates-chain-of-trust/';
const pause = (page: Page, ms: number) => page.waitForTimeout(ms);
/** The handshake diagram as drawn now. */
const diagram = (frame: Locator) => frame.locator('svg.tls-diagram').evaluate((svg) => svg.outerHTML);

/** The guess-first question whose legend holds `words`: static answer folded, then revealed only after a keyboard-only guess. */
async function predictByKeyboard(page: Page, words: string, arrows: number, answer: string) {
  const predict = page.locator('fieldset.sim-predict', { hasText: words });
  await predict.scrollIntoViewIfNeeded();
  const first = predict.getByRole('radio').first();
  await expect.poll(() => first.isEnabled()).toBe(true);
  // Hydrated, the answer is gone until a guess is locked in.
  expect(await predict.locator('details').count()).toBe(0);
  expect(await predict.locator('.sim-predict-reveal').innerText()).toBe('');
  await first.focus();
  for (let i = 0; i < arrows; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lock in my guess');
  await page.keyboard.press('Enter');
  await expect.poll(() => predict.locator('.sim-predict-reveal').innerText()).toContain(`The simulation: ${answer}.`);
  return predict.locator('.sim-predict-reveal').innerText();
}

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../src/sims/engines/tls/fixtures/pki', `${name}.pem`), 'utf8');

describe('Verify vs Cert article', () => {
  it('shows 7 min read, the seed title, and the trust check as a static figure in the HTML', async () => {
    const html = await (await fetch(new URL(VERIFY, site.origin))).text();
    expect(html).toContain('Verify vs Cert: The Python Requests Handbook');
    expect(html).toContain('7 min read');
    const figure = html.slice(html.indexOf('id="sim-trust"'));
    expect(figure).toContain('<svg');
    expect(figure).toContain('Success: HTTP 200, verified.');
  });

  it('is operated by keyboard: verify=False against a man in the middle gives 200 with InsecureRequestWarning', async () => {
    const page = await site.page(VERIFY);
    const frame = page.locator('#sim-trust');
    await frame.scrollIntoViewIfNeeded();
    const verify = frame.getByLabel('verify', { exact: true });
    await expect.poll(() => verify.isEnabled()).toBe(true);
    await frame.getByLabel('Server', { exact: true }).focus();
    await frame.getByLabel('Server', { exact: true }).selectOption('mitm');
    await verify.focus();
    await page.keyboard.press('ArrowDown'); // True -> False
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('HTTP 200 with urllib3.exceptions.InsecureRequestWarning');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('self-signed certificate in certificate chain');
  });

  it('steps through the handshake one message at a time', async () => {
    const page = await site.page(VERIFY);
    const frame = page.locator('#sim-trust');
    await frame.scrollIntoViewIfNeeded();
    const reset = frame.getByRole('button', { name: 'Reset' });
    await expect.poll(() => reset.isEnabled()).toBe(true);
    await reset.click();
    expect(await frame.locator('.tls-steps li').count()).toBe(1);
    await frame.getByRole('button', { name: 'Step' }).press('Enter');
    expect(await frame.locator('.tls-steps li').count()).toBe(2);
    expect(await frame.locator('.tls-outcome').count()).toBe(0);
  });

  it('restores a shared link: a bundle path replaces the default CA list', async () => {
    const page = await site.page(`${VERIFY}#trust.verify=bundle&trust.cert=none&trust.server=valid`);
    const frame = page.locator('#sim-trust');
    await frame.scrollIntoViewIfNeeded();
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('unable to get local issuer certificate');
    const hostile = await site.page(`${VERIFY}#trust.verify=<img>&trust.server=../../etc`);
    await hostile.locator('#sim-trust').scrollIntoViewIfNeeded();
    await expect.poll(() => hostile.locator('#sim-trust .tls-outcome').innerText()).toContain('Success: HTTP 200, verified.');
  });

  it('under reduced motion offers Step instead of Play', async () => {
    const page = await site.page(VERIFY, { reducedMotion: 'reduce' });
    const frame = page.locator('#sim-trust');
    await frame.scrollIntoViewIfNeeded();
    const reset = frame.getByRole('button', { name: 'Reset' });
    await expect.poll(() => reset.isEnabled()).toBe(true);
    // Under reduced motion nothing starts by itself (the Play button is not pressed), yet Play still works.
    expect(await frame.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
    await reset.click();
    await frame.getByRole('button', { name: 'Step' }).click();
    expect(await frame.locator('.tls-steps li').count()).toBe(2);
  });

  it('asks first: the leaf-only question and its answer are in the static HTML; hydrated, the answer waits for a guess', async () => {
    const html = await (await fetch(new URL(VERIFY, site.origin))).text();
    const question = html.slice(html.indexOf('<fieldset class="sim-predict"'));
    expect(question).toMatch(/^<fieldset[^>]*><legend>Guess first: A server sends its own certificate but not the intermediate/);
    expect(question).toMatch(
      /<details class="sim-predict-answer"><summary>Show the answer<\/summary><p>No: it raises an SSLError\. The client has neither the intermediate/,
    );
    // The question comes before the trust check it is about.
    expect(html.indexOf('<fieldset class="sim-predict"')).toBeLessThan(html.indexOf('id="sim-trust"'));
    const page = await site.page(VERIFY);
    // Two arrows from "Yes: HTTP 200, verified": the third choice, the SSLError.
    expect(await predictByKeyboard(page, 'Does requests.get with verify=True connect?', 2, 'No: it raises an SSLError')).toMatch(
      /^Right\. Your guess: No: it raises an SSLError\./,
    );
  });

  it('in view, the handshake plays by itself: messages travel between the lifelines', async () => {
    const page = await site.page(VERIFY, { reducedMotion: 'no-preference' });
    const frame = page.locator('#sim-trust');
    await frame.scrollIntoViewIfNeeded();
    await expect.poll(() => frame.getByLabel('verify', { exact: true }).isEnabled()).toBe(true);
    // The mark rests in the page between moves: the element there now is the one that travels.
    const mark = await frame.locator('.sim-mark').elementHandle();
    const opened = await diagram(frame);
    await expect.poll(() => diagram(frame), { timeout: 6_000 }).not.toBe(opened);
    // A message in flight is drawn at the display's rate, between ticks (moved over the drawing, not in it).
    const positions = new Set<string>();
    for (let i = 0; i < 60 && positions.size < 4; i++) {
      const x = await frame
        .locator('.tls-message')
        .evaluate((el) => getComputedStyle(el).transform, undefined, { timeout: 50 })
        .catch(() => null);
      if (x) positions.add(x);
      await pause(page, 25);
    }
    expect(positions.size).toBeGreaterThanOrEqual(4);
    expect(await mark!.evaluate((el) => el.isConnected)).toBe(true);
    expect(await frame.locator('.sim-mark').count()).toBe(1);
  });

  it("the trust check's mark is seen only where something travels or runs, never at the corner where it rests, one element through Pause, Step, new settings, Reset and scrolling", async () => {
    const page = await site.page(VERIFY, { reducedMotion: 'no-preference' });
    const frame = page.locator('#sim-trust');
    await frame.scrollIntoViewIfNeeded();
    await expect.poll(() => frame.getByLabel('verify', { exact: true }).isEnabled()).toBe(true);
    // A tick is 0.9 s.
    await expectRestingMarkThroughInterruptions(page, frame, {
      tickMs: 900,
      changes: [() => frame.getByLabel('verify', { exact: true }).selectOption('false'), () => frame.getByRole('button', { name: 'Reset' }).press('Enter')],
    });
  });

  it('a failing handshake stops at its failure: the man in the middle never gets past the chain check', async () => {
    const page = await site.page(`${VERIFY}#trust.server=mitm`);
    const frame = page.locator('#sim-trust');
    await frame.scrollIntoViewIfNeeded();
    await expect.poll(() => frame.locator('.tls-stop').count()).toBe(1);
    const label = await frame.locator('svg.tls-diagram').getAttribute('aria-label');
    expect(label).toBe(
      [
        'Handshake diagram: Server asks for a client certificate, skipped',
        'Server sends its certificates, passed',
        'Client checks the chain, failed',
        'the handshake stops here',
      ].join('; '),
    );
  });

  it('stops after scrolling away, and never moves by itself under reduced motion', async () => {
    const page = await site.page(VERIFY, { reducedMotion: 'no-preference' });
    const frame = page.locator('#sim-trust');
    await frame.scrollIntoViewIfNeeded();
    await expect.poll(() => frame.getByLabel('verify', { exact: true }).isEnabled()).toBe(true);
    const opened = await diagram(frame);
    await expect.poll(() => diagram(frame), { timeout: 6_000 }).not.toBe(opened);
    await page.evaluate(() => window.scrollTo(0, 0));
    await pause(page, 1_200); // the move in flight lands (a tick is 900 ms)
    const away = await diagram(frame);
    await pause(page, 2_500);
    expect(await diagram(frame)).toBe(away);

    const still = await site.page(VERIFY, { reducedMotion: 'reduce' });
    const stillFrame = still.locator('#sim-trust');
    await stillFrame.scrollIntoViewIfNeeded();
    await expect.poll(() => stillFrame.getByLabel('verify', { exact: true }).isEnabled()).toBe(true);
    const drawn = await diagram(stillFrame);
    await pause(still, 3_000);
    expect(await diagram(stillFrame)).toBe(drawn);
  });

  it('passes axe with the simulation hydrated, in both themes', async () => {
    const dark = await site.page(VERIFY, { colorScheme: 'dark' });
    await dark.locator('#sim-trust').scrollIntoViewIfNeeded();
    await expect.poll(() => dark.locator('#sim-trust select').first().isEnabled()).toBe(true);
    expect(await axeViolations(dark)).toEqual([]);

    const page = await site.page(VERIFY);
    await page.locator('#sim-trust').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#sim-trust select').first().isEnabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('API Certificates article', () => {
  it('shows 8 min read and the three figures in the static HTML', async () => {
    const html = await (await fetch(new URL(CHAIN, site.origin))).text();
    expect(html).toContain('8 min read');
    for (const id of ['sim-chain', 'sim-fault', 'sim-inspect']) expect(html).toContain(`id="${id}"`);
    expect(html.slice(html.indexOf('id="sim-chain"'))).toContain('openssl verify: OK');
  });

  it('asks first: the order question and its answer are in the static HTML; hydrated, the answer waits for a guess', async () => {
    const html = await (await fetch(new URL(CHAIN, site.origin))).text();
    const question = html.slice(html.indexOf('<fieldset class="sim-predict"'));
    expect(question).toMatch(/^<fieldset[^>]*><legend>Guess first: The server sends both of its certificates/);
    expect(question).toMatch(
      /<details class="sim-predict-answer"><summary>Show the answer<\/summary><p>It refuses the chain\. The client takes the first certificate/,
    );
    expect(html.indexOf('<fieldset class="sim-predict"')).toBeLessThan(html.indexOf('id="sim-chain"'));
    const page = await site.page(CHAIN);
    // Space on the first choice ("it accepts"): the wrong guess, and the reveal says so.
    const predict = page.locator('fieldset.sim-predict');
    await predict.scrollIntoViewIfNeeded();
    await expect.poll(() => predict.getByRole('radio').first().isEnabled()).toBe(true);
    await predict.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => predict.locator('.sim-predict-reveal').innerText())
      .toMatch(/^Not quite\. Your guess: It accepts.*The simulation: It refuses the chain\./);
    expect(await predict.getByRole('radio').first().isDisabled()).toBe(true);
  });

  it('inspector: the page shows the opening chain already inspected, without JavaScript', async () => {
    const page = await site.page(CHAIN, { javaScriptEnabled: false });
    const frame = page.locator('#sim-inspect');
    expect(await frame.locator('.tls-card h3').allInnerTexts()).toEqual([
      'Certificate 1: localhost',
      'Certificate 2: Mental Models Test Intermediate',
      'Certificate 3: Mental Models Test Root',
    ]);
    const text = await frame.innerText();
    expect(text).toContain('issued by certificate 2 (signature verified)');
    expect(text).toContain('The chain verifies');
    // The fingerprint the build computed is the one Node's own X.509 code gives for the same file.
    expect(text).toContain(new X509Certificate(fixture('leaf')).fingerprint256);
  });

  it('chain builder by keyboard: no intermediate gives error 20, intermediate first gives 26 (the purpose check of a TLS client), expired root gives 10 at depth 2 and blames the client', async () => {
    const page = await site.page(CHAIN);
    const frame = page.locator('#sim-chain');
    await frame.scrollIntoViewIfNeeded();
    const remove = frame.getByRole('region', { name: 'Intermediate' }).getByRole('button', { name: 'Remove' });
    await expect.poll(() => remove.isEnabled()).toBe(true);
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('error 20 at depth 0: unable to get local issuer certificate');
    await frame.getByRole('button', { name: 'Put back' }).press('Space');
    await frame.getByRole('button', { name: 'Reorder: server sends the intermediate first' }).click();
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('error 26 at depth 0: unsuitable certificate purpose');
    await frame.getByRole('button', { name: 'Reset chain' }).click();
    await frame.getByRole('region', { name: /Root/ }).getByRole('button', { name: 'Expire' }).click();
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('error 10 at depth 2: certificate has expired');
    expect(await frame.locator('.tls-outcome').innerText()).toContain("client's own trust store");
  });

  it('chain builder: the cards in the drawing are grabbed, by pointer and by keyboard', async () => {
    const page = await site.page(CHAIN, { permissions: ['clipboard-read', 'clipboard-write'] });
    const frame = page.locator('#sim-chain');
    await frame.scrollIntoViewIfNeeded();
    const cards = frame.locator('svg.tls-diagram').getByRole('button');
    await expect.poll(() => cards.first().getAttribute('aria-disabled')).not.toBe('true');
    expect(await cards.count()).toBe(3);
    // Click the intermediate: it leaves the chain (error 20), and the card's own button says "Put back".
    await cards.nth(1).click();
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('error 20 at depth 0');
    expect(await cards.count()).toBe(2);
    await frame.getByRole('button', { name: 'Put back' }).click();
    await expect.poll(() => cards.count()).toBe(3);
    // Keyboard: the leaf, one place later (ArrowRight), is sent after the intermediate: error 26, as the Reorder button gives.
    await cards.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('error 26 at depth 0');
    expect(await frame.getByRole('button', { name: 'Reorder: server sends the intermediate first' }).getAttribute('aria-pressed')).toBe('true');
    // Delete on the root (the last card) empties the trust store.
    await cards.last().focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => frame.getByRole('region', { name: /Root/ }).getByRole('button', { name: 'Put back' }).count()).toBe(1);
    await frame.getByRole('button', { name: /Copy link/ }).click();
    await frame.locator('.sim-share-result').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/chain\.root=removed&chain\.order=intermediate-first$/);
  });

  it('chain builder: a card dragged by pointer past the other sent card changes the order; a short drag changes nothing', async () => {
    const page = await site.page(CHAIN);
    const frame = page.locator('#sim-chain');
    await frame.scrollIntoViewIfNeeded();
    const cards = frame.locator('svg.tls-diagram').getByRole('button');
    await expect.poll(() => cards.first().getAttribute('aria-disabled')).not.toBe('true');
    const leaf = (await cards.first().boundingBox())!;
    const inter = (await cards.nth(1).boundingBox())!;
    const y = leaf.y + leaf.height / 2;
    const drag = async (fromX: number, toX: number) => {
      await page.mouse.move(fromX, y);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) await page.mouse.move(fromX + ((toX - fromX) * i) / 8, y);
      await page.mouse.up();
    };
    // A wobble of a fifth of the gap between the cards: still a drag (not a click), but the leaf stays first.
    const leafX = leaf.x + leaf.width / 2;
    const interX = inter.x + inter.width / 2;
    await drag(leafX, leafX + (interX - leafX) / 5);
    await pause(page, 200);
    expect(await frame.locator('.tls-outcome').innerText()).toContain('openssl verify: OK');
    expect(await cards.count()).toBe(3);
    // Dropped on the intermediate: the server now sends the intermediate first, which a TLS client refuses with 26.
    await drag(leafX, interX);
    await expect.poll(() => frame.locator('.tls-outcome').innerText()).toContain('error 26 at depth 0');
    expect(await frame.getByRole('button', { name: 'Reorder: server sends the intermediate first' }).getAttribute('aria-pressed')).toBe('true');
    expect(await cards.first().getAttribute('aria-label')).toMatch(/^Intermediate/);
  });

  it('whose fault: the expired sample blames the server; the expired root in the store and the client-certificate samples the client', async () => {
    const page = await site.page(CHAIN);
    const frame = page.locator('#sim-fault');
    await frame.scrollIntoViewIfNeeded();
    const sample = frame.getByLabel('Sample');
    await expect.poll(() => sample.isEnabled()).toBe(true);
    await sample.selectOption('expired');
    await expect.poll(() => frame.locator('.tls-side').innerText()).toBe('The server side must fix it');
    await sample.selectOption('expired-root-in-store');
    await expect.poll(() => frame.locator('.tls-side').innerText()).toBe('The client side must fix it');
    expect(await frame.locator('.tls-outcome').innerText()).toContain("The root in the client's own trust store has expired");
    await sample.selectOption('client-cert-required');
    await expect.poll(() => frame.locator('.tls-side').innerText()).toBe('The client side must fix it');
    // Another sample replaces what the reader typed, in both boxes.
    await frame.getByLabel('openssl s_client output').fill('typed by the reader');
    await frame.getByLabel("The client's error message (may be empty)").fill('also typed');
    await sample.selectOption('valid');
    await expect.poll(() => frame.locator('.tls-side').innerText()).toBe('Nobody: TLS is fine');
    expect(await frame.getByLabel('openssl s_client output').inputValue()).toContain('Verify return code: 0 (ok)');
    expect(await frame.getByLabel("The client's error message (may be empty)").inputValue()).not.toContain('also typed');
  });

  it('inspector: a complete chain verifies, links and shows fingerprints', async () => {
    const page = await site.page(CHAIN);
    const frame = page.locator('#sim-inspect');
    await frame.scrollIntoViewIfNeeded();
    const inspect = frame.getByRole('button', { name: 'Inspect' });
    await expect.poll(() => inspect.isEnabled()).toBe(true);
    // A host name the leaf does not carry: only an inspection in this browser can find the mismatch.
    await frame.getByLabel(/^Host name to check/).fill('api.example.com');
    await inspect.click();
    await expect.poll(() => frame.innerText()).toContain('hostname mismatch');
    await frame.getByLabel(/^Host name to check/).fill('localhost');
    await inspect.click();
    await expect.poll(() => frame.innerText()).not.toContain('hostname mismatch');
    expect(await frame.locator('.tls-card').count()).toBe(3);
    const text = await frame.innerText();
    expect(text).toContain('issued by certificate 2 (signature verified)');
    expect(text).toMatch(/SHA-256\s+([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(text).toContain('The chain verifies');
  });

  it("inspector: a shared link that names another example replaces the build's result with it", async () => {
    const page = await site.page(`${CHAIN}#inspect.example=expired`);
    const frame = page.locator('#sim-inspect');
    await frame.scrollIntoViewIfNeeded();
    await expect.poll(() => frame.locator('.tls-outcome, .tls-findings').first().innerText()).toContain('certificate has expired');
    expect(await frame.getByLabel('Example').inputValue()).toBe('expired');
  });

  it('inspector: hostile and broken input is shown as text, with a clear message, never as markup', async () => {
    const page = await site.page(CHAIN);
    const frame = page.locator('#sim-inspect');
    await frame.scrollIntoViewIfNeeded();
    const box = frame.getByLabel(/PEM text/);
    await expect.poll(() => box.isEnabled()).toBe(true);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await box.fill(fixture('hostile-subject'));
    await frame.getByRole('button', { name: 'Inspect' }).click();
    await expect.poll(() => frame.locator('.tls-card').count()).toBe(1);
    expect(await frame.locator('.tls-card').innerText()).toContain('CN=<script>alert(1)</script>, O=<img src=x onerror=alert(2)>');
    expect(await frame.locator('script, img, b').count()).toBe(0);
    await box.fill(`-----BEGIN CERTIFICATE-----\n${'QUJD'.repeat(20)}\n-----END CERTIFICATE-----`);
    await frame.getByRole('button', { name: 'Inspect' }).click();
    await expect.poll(() => frame.innerText()).toContain('does not decode to an X.509 certificate');
    await box.fill(fixture('leaf').slice(0, 300));
    await frame.getByRole('button', { name: 'Inspect' }).click();
    await expect.poll(() => frame.innerText()).toContain('looks truncated');
    expect(dialogs).toBe(0);
  });

  it('inspector: loads a binary DER file and reads it without uploading anything', async () => {
    const page = await site.page(CHAIN);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const frame = page.locator('#sim-inspect');
    await frame.scrollIntoViewIfNeeded();
    const file = frame.getByLabel('Or load a file');
    await expect.poll(() => file.isEnabled()).toBe(true);
    const der = Buffer.from(
      fixture('intermediate')
        .replace(/-----[A-Z ]+-----/g, '')
        .replace(/\s+/g, ''),
      'base64',
    );
    await file.setInputFiles({ name: 'intermediate.der', mimeType: 'application/pkix-cert', buffer: der });
    await expect.poll(() => frame.locator('.tls-card').first().innerText()).toContain('Certificate 1: Mental Models Test Intermediate');
    expect(requests.filter((u) => !u.startsWith(site.origin))).toEqual([]);
    expect(requests.filter((u) => /POST|upload/i.test(u))).toEqual([]);
  });

  it('passes axe in the dark theme too', async () => {
    const page = await site.page(CHAIN, { colorScheme: 'dark' });
    for (const id of ['chain', 'fault', 'inspect']) await page.locator(`#sim-${id}`).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#sim-inspect .tls-card').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('passes axe with the three simulations hydrated and results shown', async () => {
    const page = await site.page(CHAIN);
    for (const id of ['chain', 'fault', 'inspect']) await page.locator(`#sim-${id}`).scrollIntoViewIfNeeded();
    const inspect = page.locator('#sim-inspect').getByRole('button', { name: 'Inspect' });
    await expect.poll(() => inspect.isEnabled()).toBe(true);
    await inspect.click();
    await expect.poll(() => page.locator('#sim-inspect .tls-card').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
  });
});
