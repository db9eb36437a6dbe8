/**
 * The auth article as built: static figures without JavaScript, then each island hydrated in
 * Chromium and driven by keyboard, shared links, hostile input, and axe.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';
import { atCorner, expectRestingMarkThroughInterruptions, latestSample, sampleMarks, seen } from '../support/marks.ts';

const SLUG = 'authentication-vs-authorization-vs-oauth';
const PATH = `/${SLUG}/`;
const site = useSite('dist');

/** Scrolls a simulation into view (client:visible) and waits until its controls are live. */
async function hydrated(page: Page, id: string): Promise<Locator> {
  const frame = page.locator(`#sim-${id}`);
  await frame.scrollIntoViewIfNeeded();
  await frame.locator('select:enabled').first().waitFor();
  return frame;
}

describe('the static article', () => {
  const html = readFileSync(`dist/${SLUG}/index.html`, 'utf8');

  it('shows the seed title, 6 min read and the three figures with SVG and captions before any script runs', () => {
    expect(html).toContain('Authentication vs. Authorization vs. OAuth: The &#39;ID Card&#39; Mental Model');
    expect(html).toContain('6 min read');
    // The inspector says why it takes the algorithm from the header, which the article tells servers never to do.
    expect(html).toMatch(/<figure class="sim" id="sim-jwt"[\s\S]*?<figcaption>[^<]*the algorithm the header names/);
    for (const id of ['gate', 'valet', 'jwt']) expect(html).toMatch(new RegExp(`<figure class="sim" id="sim-${id}"[\\s\\S]*?<figcaption>`));
    expect(html.match(/<svg class="auth-diagram"/g)?.length).toBe(2);
    // The first "401 or 403?" case is answered in the static figure, and the valet flow shows RFC 7636's pair.
    expect(html).toContain('WWW-Authenticate: Bearer realm=&quot;photos&quot;');
    expect(html).toContain('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    // Nothing is tampered with in the opening flow, and its caption says so.
    expect(html).toMatch(/id="sim-valet"[\s\S]*?<figcaption>The requests [^<]*the photo API in the honest flow: the printer gets the photos\./);
  });

  it('shows the code samples from the files the tests run', () => {
    const guard = readFileSync('src/sims/authentication-vs-authorization-vs-oauth/samples/bearerGuard.ts', 'utf8');
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    for (const line of guard.split('\n').filter((l) => l.trim().length > 20)) expect(text).toContain(line.trim());
    expect(text).toContain("crypto.subtle.digest('SHA-256'");
  });
});

describe('the source files shown as code', () => {
  const SAMPLES = ['bearerGuard.ts', 'pkce.ts'].map((f) => readFileSync(`src/sims/${SLUG}/samples/${f}`, 'utf8'));

  it('are highlighted with the same themes and attributes as a Markdown fence', () => {
    const opening = (file: string) => [...readFileSync(file, 'utf8').matchAll(/<pre class="astro-code[^"]*"[^>]*data-language="ts">/g)].map((m) => m[0]);
    // Another article's TypeScript fences, as Astro's Markdown renders them.
    const fence = opening('dist/database-bloat-s3-pointer/index.html')[0]!;
    const shown = opening(`dist/${SLUG}/index.html`);
    expect(shown).toHaveLength(2);
    const normalised = (tag: string) => tag.replace(/\s+/g, '').replace(/;"/g, '"');
    for (const tag of shown) expect(normalised(tag)).toBe(normalised(fence));
  });

  for (const width of [390, 1280]) {
    it(`at ${width} px, reserve within a line of their real height off screen, and Copy copies the whole file`, async () => {
      const page = await site.page(PATH, { viewport: { width, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
      const blocks = page.locator('article .code-block:has(pre[data-language="ts"])');
      expect(await blocks.count()).toBe(2);
      for (const [i, source] of SAMPLES.entries()) {
        const block = blocks.nth(i);
        await block.scrollIntoViewIfNeeded();
        // A copy that has never been rendered, kept unrendered: its height is the one reserved for the block.
        const { real, reserved, line } = await block.evaluate((el) => {
          const probe = el.cloneNode(true) as HTMLElement;
          probe.style.contentVisibility = 'hidden';
          el.after(probe);
          const sizes = {
            real: el.getBoundingClientRect().height,
            reserved: probe.getBoundingClientRect().height,
            line: parseFloat(getComputedStyle(el.querySelector('pre')!).lineHeight),
          };
          probe.remove();
          return sizes;
        });
        expect(Math.abs(real - reserved), `block ${i + 1}: real ${real}, reserved ${reserved}`).toBeLessThanOrEqual(line);
        const button = block.getByRole('button', { name: 'Copy TypeScript code to clipboard' });
        await button.click();
        await expect.poll(() => button.innerText()).toBe('Copied');
        expect((await page.evaluate(() => navigator.clipboard.readText())).trimEnd()).toBe(source.trimEnd());
      }
    });
  }
});

describe('401 or 403?', () => {
  it('lets a reader predict by keyboard, then shows status, header and why', async () => {
    const page = await site.page(PATH);
    const frame = await hydrated(page, 'gate');
    await frame.getByLabel('Request', { exact: true }).selectOption('no-scope');
    await frame.getByRole('button', { name: '401 Unauthorized' }).focus();
    await page.keyboard.press('Tab'); // on to "403 Forbidden"
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.innerText()).toContain('Right.');
    const text = await frame.innerText();
    expect(text).toContain('HTTP/1.1 403 Forbidden');
    expect(text).toContain('WWW-Authenticate: Bearer realm="photos", error="insufficient_scope", scope="photos:write"');
    expect(await frame.locator('svg').getAttribute('aria-label')).toContain('permission check with 403');
  });

  it('hides the answer until the reader has predicted', async () => {
    const page = await site.page(PATH);
    const frame = await hydrated(page, 'gate');
    await frame.getByLabel('Request', { exact: true }).selectOption('expired');
    expect(await frame.innerText()).not.toContain('HTTP/1.1 401');
    await frame.getByRole('button', { name: '200 OK' }).click();
    await expect.poll(() => frame.innerText()).toContain('Not quite: you said 200.');
    expect(await frame.innerText()).toContain('error="invalid_token", error_description="token expired"');
  });
  it('without JavaScript shows the first request and its answer, and nothing of the other requests', async () => {
    const page = await site.page(PATH, { javaScriptEnabled: false });
    const frame = page.locator('#sim-gate');
    for (const text of [await frame.innerText(), await frame.ariaSnapshot()]) {
      expect(text).toContain('GET /photos');
      expect(text).toContain('HTTP/1.1 401 Unauthorized');
      expect(text).toContain('WWW-Authenticate: Bearer realm=');
      expect(text).toContain('no credentials.');
      expect(text.match(/HTTP\/1\.1 \d/g)).toHaveLength(1);
      expect(text).not.toContain('DELETE /photos/42');
      expect(text).not.toContain('Not quite');
      expect(text).not.toContain('Choose a status');
    }
  });

  it('never puts a verdict nobody gave into the page or the feed, where a reader without the styles would see it', () => {
    // A feed reader drops the site's CSS, so every hidden panel of the figure is in plain sight there.
    const feed = readFileSync('dist/rss.xml', 'utf8');
    expect(feed).toContain('HTTP/1.1 401 Unauthorized');
    for (const text of [readFileSync(`dist/${SLUG}/index.html`, 'utf8'), feed]) {
      expect(text).not.toContain('Not quite');
    }
  });

  // Each request's answer by RFC 6750 and RFC 9110: no credentials or a bad token is 401, a known
  // client without the permission 403, written out here rather than asked of the model.
  const ANSWERS = [
    ['no-card', '401 Unauthorized', 'Why: no credentials.'],
    ['forged', '401 Unauthorized', 'Why: token not valid.'],
    ['expired', '401 Unauthorized', 'Why: token expired.'],
    ['no-scope', '403 Forbidden', 'Why: needs scope photos:write.'],
    ['no-role', '403 Forbidden', 'Why: needs role admin.'],
    ['allowed', '200 OK', 'Why: allowed.'],
  ] as const;

  for (const [width, colorScheme] of [
    [320, 'dark'],
    [390, 'light'],
    [1280, 'light'],
  ] as const) {
    it(`at ${width} px (${colorScheme}), keeps one height through every request and every guess, and shows an answer only after a guess`, async () => {
      const page = await site.page(PATH, { viewport: { width, height: 844 }, colorScheme });
      const frame = await hydrated(page, 'gate');
      const height = () => frame.evaluate((el) => el.getBoundingClientRect().height);
      const said = () => frame.locator('[aria-live]').textContent();
      const opened = await height();
      const select = frame.getByLabel('Request', { exact: true });
      expect(await select.locator('option').count()).toBe(ANSWERS.length);
      for (const [id, status, why] of ANSWERS) {
        await select.selectOption(id);
        const label = await select.locator(`option[value="${id}"]`).textContent();
        await expect.poll(said).toBe(`Request: ${label}. Predict the status.`);
        expect(await height()).toBe(opened);
        // Nothing of the answer can be seen or read yet, and only the chosen request is there to read.
        for (const text of [await frame.innerText(), await frame.ariaSnapshot()]) {
          expect(text).not.toMatch(/HTTP\/1\.1 \d/);
          expect(text).not.toContain('Why:');
          expect(text).not.toMatch(/Right\.|Not quite/);
          expect(text.match(/Host: photos\.example/g)).toHaveLength(1);
        }
        const wrong = status.startsWith('401') ? '403 Forbidden' : '401 Unauthorized';
        await frame.getByRole('button', { name: wrong }).click();
        await expect.poll(said).toBe(`Not quite: ${status}, ${why.slice(5, -1)}.`);
        for (const text of [await frame.innerText(), await frame.ariaSnapshot()]) {
          expect(text).toContain(`HTTP/1.1 ${status}`);
          expect(text).toContain(why.slice(5));
          // The verdict says what this reader said, and once.
          expect(text.match(/Not quite: you said \d+\./g)).toEqual([`Not quite: you said ${wrong.slice(0, 3)}.`]);
        }
        expect(await height()).toBe(opened);
        await frame.getByRole('button', { name: status }).click();
        await expect.poll(() => frame.innerText()).toContain('Right.');
        expect(await frame.innerText()).not.toContain('Not quite');
        expect(await height()).toBe(opened);
      }
      expect(await frame.innerText()).toContain(`${ANSWERS.length} of ${ANSWERS.length} predictions right.`);
    });
  }
});

describe('the valet key flow', () => {
  it('computes a fresh S256 challenge in the browser that equals SHA-256 of the verifier', async () => {
    const page = await site.page(PATH);
    const frame = await hydrated(page, 'valet');
    const fields = frame.locator('dl.auth-fields dd');
    const before = await fields.nth(0).innerText();
    await frame.getByRole('button', { name: 'New code_verifier' }).press('Enter');
    await expect.poll(() => fields.nth(0).innerText()).not.toBe(before);
    const verifier = await fields.nth(0).innerText();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => fields.nth(1).innerText()).toBe(createHash('sha256').update(verifier).digest('base64url'));
    // The authorization request on screen carries the new challenge.
    expect(await frame.locator('.auth-http').first().innerText()).toContain(`code_challenge=${await fields.nth(1).innerText()}`);
  });

  it('steps to the refusal a tampered flow meets', async () => {
    const page = await site.page(PATH, { permissions: ['clipboard-read', 'clipboard-write'] });
    const frame = await hydrated(page, 'valet');
    const next = frame.getByRole('button', { name: 'Next step' });
    await next.press('Enter');
    await expect.poll(() => frame.innerText()).toContain('Step 2 of 4');
    // The sign-in page's address is a placeholder: its request reads as step 1's redirect wrote it, not percent-encoded.
    expect(await frame.innerText()).toContain('GET https://login.example/interaction/…');
    // Another tampering is another flow: it starts at its first request, and a copied link says so.
    await frame.getByLabel('Tamper with').selectOption('wrong-verifier');
    await expect.poll(() => frame.innerText()).toContain('Step 1 of 3');
    expect(await frame.locator('figcaption').innerText()).toContain('with the tampering chosen above: refused at step 3: invalid_grant.');
    await frame.getByRole('button', { name: /Copy link/ }).click();
    await frame.locator('.sim-share-result').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#valet\.tamper=wrong-verifier&valet\.step=1$/);
    await next.press('Enter');
    await next.press('Enter');
    await expect.poll(() => frame.innerText()).toContain('Step 3 of 3: Redeem the code');
    expect(await frame.innerText()).toContain('"error": "invalid_grant"');
    expect(await next.isDisabled()).toBe(true);
  });

  it('tells a screen reader once that the flow plays (one request or several), then the step in sight once paused', async () => {
    const page = await site.page(PATH);
    const frame = await hydrated(page, 'valet');
    const live = frame.locator('[aria-live]');
    expect(await live.textContent()).toBe('Step 1 of 4: Send the user to the authorization server. GET /auth → 303.');
    await frame.getByRole('button', { name: 'Play' }).press('Enter');
    await expect.poll(() => live.textContent()).toBe('The flow is playing, 4 requests: the printer gets the photos. Pause to read each step.');
    await frame.getByLabel('Tamper with').selectOption('no-pkce');
    await expect.poll(() => live.textContent()).toBe('The flow is playing, 1 request: refused at step 1: invalid_request. Pause to read each step.');
    await frame.getByRole('button', { name: 'Pause' }).press('Enter');
    await expect.poll(() => live.textContent()).toBe('Step 1 of 1: Send the user to the authorization server. GET /auth → 303 invalid_request.');
  });

  it('gives a screen reader the step in sight only: the other panels are out of the accessibility tree and hold nothing to focus', async () => {
    const page = await site.page(`${PATH}#valet.step=3`);
    const frame = await hydrated(page, 'valet');
    await expect.poll(() => frame.locator('.auth-step-title').innerText()).toContain('Step 3 of 4');
    const tree = await frame.locator('.sim-stack').ariaSnapshot();
    expect(tree).toContain('Step 3 of 4: Redeem the code, proving it with the verifier');
    for (const other of ['Step 1 of 4', 'Step 2 of 4', 'Step 4 of 4']) expect(tree).not.toContain(other);
    expect(await frame.locator('.sim-stack [aria-hidden="true"] :is(a, button, input, select, textarea, [tabindex])').count()).toBe(0);
  });

  it("prints the current step's panel alone, without the room the taller steps hold on screen", async () => {
    const page = await site.page(`${PATH}#valet.step=2`);
    const frame = await hydrated(page, 'valet');
    await expect.poll(() => frame.locator('.auth-step-title').innerText()).toBe('Step 2 of 4: Sign in and approve');
    await page.emulateMedia({ media: 'print' });
    // The step the diagram marks is the one on paper, and the figure ends where its note does.
    expect(await frame.locator('.sim-stack').innerText()).toMatch(/^Step 2 of 4: Sign in and approve\n[\s\S]*single-use code\.$/);
    const gap = await frame.locator('.sim-stack').evaluate((stack) => {
      const shown = stack.querySelector(':scope > :not([aria-hidden])')!;
      return stack.getBoundingClientRect().bottom - shown.lastElementChild!.getBoundingClientRect().bottom;
    });
    expect(gap).toBeLessThan(2);
  });

  it('a shared link reopens the flow at its step', async () => {
    const page = await site.page(`${PATH}#valet.tamper=reused-code&valet.step=4`);
    const frame = await hydrated(page, 'valet');
    await expect.poll(() => frame.innerText()).toContain('Step 4 of 4: Redeem the same code again');
    // A step past the end of its flow (one request without PKCE) is its last step, and the link follows.
    const short = await site.page(`${PATH}#valet.tamper=no-pkce&valet.step=4`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const shortFrame = await hydrated(short, 'valet');
    await expect.poll(() => shortFrame.innerText()).toContain('Step 1 of 1');
    await shortFrame.getByRole('button', { name: /Copy link/ }).click();
    await shortFrame.locator('.sim-share-result').waitFor();
    expect(await short.evaluate(() => navigator.clipboard.readText())).toMatch(/#valet\.tamper=no-pkce&valet\.step=1$/);
  });

  it('a hostile link falls back to the defaults', async () => {
    const page = await site.page(`${PATH}#valet.tamper=%3Cscript%3E&valet.step=1e9&gate.case=__proto__`);
    const frame = await hydrated(page, 'valet');
    expect(await frame.getByLabel('Tamper with').inputValue()).toBe('none');
    expect(await frame.innerText()).toContain('Step 4 of 4');
    expect(await page.locator('#sim-gate select').inputValue()).toBe('no-card');
  });
});

const pause = (page: Page, ms: number) => page.waitForTimeout(ms);
/** The valet flow's sequence diagram as drawn now. */
const valetDrawing = (frame: Locator) => frame.locator('svg.auth-diagram').evaluate((svg) => svg.outerHTML);

describe('guess first: the stolen code', () => {
  it('has the question and its answer in the static HTML, before the valet flow', () => {
    const html = readFileSync(`dist/${SLUG}/index.html`, 'utf8');
    const at = html.indexOf('<fieldset class="sim-predict"');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(html.indexOf('id="sim-valet"'));
    const question = html.slice(at);
    expect(question).toMatch(/^<fieldset[^>]*><legend>Guess first: A thief copies the code from the browser/);
    expect(question).toMatch(
      /<details class="sim-predict-answer"><summary>Show the answer<\/summary><p>An error: invalid_grant\. The server hashes the verifier/,
    );
  });

  it('reveals the answer only after a guess is locked in, by keyboard alone', async () => {
    const page = await site.page(PATH);
    const predict = page.locator('fieldset.sim-predict', { hasText: 'A thief copies the code' });
    await predict.scrollIntoViewIfNeeded();
    const first = predict.getByRole('radio').first();
    await expect.poll(() => first.isEnabled()).toBe(true);
    expect(await predict.locator('details').count()).toBe(0);
    expect(await predict.locator('.sim-predict-reveal').innerText()).toBe('');
    // Nothing chosen yet: locking is not possible.
    expect(await predict.getByRole('button', { name: 'Lock in my guess' }).isDisabled()).toBe(true);
    await first.focus();
    await page.keyboard.press('ArrowDown'); // the second choice: invalid_grant
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => predict.locator('.sim-predict-reveal').innerText())
      .toMatch(/^Right\. Your guess: An error: invalid_grant\. The simulation: An error: invalid_grant\./);
  });
});

describe('the valet flow moves by itself', () => {
  it('in view, steps through the requests without input, a token travelling on the current arrow', async () => {
    const page = await site.page(PATH, { reducedMotion: 'no-preference' });
    const frame = await hydrated(page, 'valet');
    // The token rests in the page between moves: the element there now is the one that travels.
    const token = await frame.locator('.sim-mark').elementHandle();
    const opened = await valetDrawing(frame);
    // The drawing is read before the title: on a busy machine the first tick may already have come.
    await expect.poll(() => valetDrawing(frame), { timeout: 6_000 }).not.toBe(opened);
    expect(await frame.locator('.auth-step-title').innerText()).not.toContain('Step 1 of 4');
    const positions = new Set<string>();
    // The resting token is in the page too, unseen at the corner: only a token in sight counts.
    for (let i = 0; i < 80 && positions.size < 4; i++) {
      const cx = await frame
        .locator('.auth-token')
        .evaluate((el) => (getComputedStyle(el).opacity === '0' ? null : getComputedStyle(el).transform), undefined, { timeout: 50 })
        .catch(() => null);
      if (cx) positions.add(cx);
      await pause(page, 25);
    }
    expect(positions.size).toBeGreaterThanOrEqual(4);
    expect(await token!.evaluate((el) => el.isConnected && el.matches('.auth-token'))).toBe(true);
    expect(await frame.locator('.sim-mark').count()).toBe(1);
  });

  it('stops after scrolling away; Pause holds it; under reduced motion it waits for the reader', async () => {
    const page = await site.page(PATH, { reducedMotion: 'no-preference' });
    const frame = await hydrated(page, 'valet');
    await expect.poll(() => frame.locator('.auth-step-title').innerText(), { timeout: 6_000 }).not.toContain('Step 1 of');
    await page.evaluate(() => window.scrollTo(0, 0));
    await pause(page, 2_000); // the move in flight lands (a tick is 1.6 s)
    const away = await valetDrawing(frame);
    await pause(page, 3_500);
    expect(await valetDrawing(frame)).toBe(away);
    await frame.scrollIntoViewIfNeeded();
    await frame.getByRole('button', { name: 'Pause' }).press('Enter');
    await pause(page, 1_800);
    const held = await frame.locator('.auth-step-title').innerText();
    await pause(page, 3_500);
    expect(await frame.locator('.auth-step-title').innerText()).toBe(held);

    const still = await site.page(PATH);
    const stillFrame = await hydrated(still, 'valet');
    const drawn = await valetDrawing(stillFrame);
    await pause(still, 3_500);
    expect(await valetDrawing(stillFrame)).toBe(drawn);
    expect(await stillFrame.locator('.auth-step-title').innerText()).toContain('Step 1 of 4');
    await stillFrame.getByRole('button', { name: 'Step', exact: true }).press('Enter');
    expect(await stillFrame.locator('.auth-step-title').innerText()).toContain('Step 2 of 4');
  });
});

describe('the valet token, frame by frame', () => {
  it('is seen only on its arrow, never at the corner where it rests, and stays one element through Pause, Step, tampering, a new verifier, Reset and scrolling', async () => {
    const page = await site.page(PATH, { reducedMotion: 'no-preference' });
    const frame = await hydrated(page, 'valet');
    // A tick is 1.6 s.
    await expectRestingMarkThroughInterruptions(page, frame, {
      tickMs: 1_600,
      changes: [
        () => frame.getByLabel('Tamper with').selectOption('reused-code'),
        () => frame.getByRole('button', { name: 'New code_verifier' }).press('Enter'),
        () => frame.getByRole('button', { name: 'Reset' }).press('Enter'),
      ],
    });
  });

  it('travels in a one-request flow too, each time playback starts it over', async () => {
    const page = await site.page(`${PATH}#valet.tamper=no-pkce`, { reducedMotion: 'no-preference' });
    await hydrated(page, 'valet');
    const stop = await sampleMarks(page, '#sim-valet');
    // Two ticks (1.6 s each) resting on the refusal, then the flow's one request again.
    await expect.poll(async () => seen((await latestSample(page)) ?? { opacity: 0 }), { timeout: 10_000 }).toBe(true);
    expect((await stop()).filter((s) => seen(s) && atCorner(s))).toEqual([]);
  });
});

describe('the JWT inspector', () => {
  it('verifies the example: genuine signature, expired', async () => {
    const page = await site.page(PATH);
    const frame = await hydrated(page, 'jwt');
    await expect.poll(() => frame.locator('.auth-verdict').innerText()).toContain('Genuine but expired');
    expect(await frame.locator('table').innerText()).toContain('2025-11-10 10:00:00 UTC');
    await frame.getByLabel('Example').selectOption('none');
    await expect.poll(() => frame.locator('.auth-verdict').innerText()).toContain('Rejected: alg none');
    await frame.getByLabel('Example').selectOption('fresh');
    await expect.poll(() => frame.locator('.auth-verdict').innerText()).toContain('Valid.');
  });

  it("verifies pasted ES256 and RS256 tokens against a pasted PEM public key with the browser's WebCrypto", async () => {
    const page = await site.page(PATH);
    const frame = await hydrated(page, 'jwt');
    for (const alg of ['ES256', 'RS256'] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
      const other = await generateKeyPair(alg, { extractable: true });
      const token = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg }).setExpirationTime('1h').sign(privateKey);
      await frame.getByLabel(/^Token/).fill(token);
      await frame.getByLabel(/^Secret/).fill(await exportSPKI(publicKey));
      await expect.poll(() => frame.locator('.auth-verdict').innerText()).toContain('Valid.');
      await frame.getByLabel(/^Secret/).fill(await exportSPKI(other.publicKey));
      await expect.poll(() => frame.locator('.auth-verdict').innerText()).toContain('Signature does not verify');
    }
  });

  it('treats pasted text as data: markup stays text, garbage gets a message, huge input is capped', async () => {
    const page = await site.page(PATH);
    const frame = await hydrated(page, 'jwt');
    const token = frame.getByLabel(/^Token/);
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const markup = `${b64('{"alg":"HS256"}')}.${b64('{"name":"<img src=x onerror=alert(1)>"}')}.AAAA`;
    await token.fill(markup);
    await expect.poll(() => frame.innerText()).toContain('"name": "<img src=x onerror=alert(1)>"');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await token.fill('this.is not.a-token');
    await expect.poll(() => frame.locator('.auth-verdict').innerText()).toContain('Not a JWT');
    await token.fill('A'.repeat(40_000));
    expect((await token.inputValue()).length).toBe(16_384);
    await expect.poll(() => frame.locator('.auth-verdict').innerText()).toContain('Not a JWT');
  });
});

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no violations with every island hydrated (${colorScheme})`, async () => {
      const page = await site.page(PATH, { colorScheme });
      for (const id of ['gate', 'valet', 'jwt']) await hydrated(page, id);
      await page.locator('#sim-gate').getByRole('button', { name: '401 Unauthorized' }).click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
