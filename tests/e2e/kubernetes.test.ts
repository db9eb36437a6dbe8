import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';
import { expectStaticFigures, openSim as openSimAt } from '../support/simPage.ts';

const site = useSite('dist');
const path = '/docker-vs-kubernetes/';

const openSim = (id: string, hash = '', options = {}) => openSimAt(site, path, id, hash, options);

/** Presses the frame's Step button from the keyboard `times` times. */
async function step(page: Page, frame: Locator, times = 1): Promise<void> {
  await frame.getByRole('button', { name: 'Step' }).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press('Enter');
}

const readout = (frame: Locator) => frame.locator('p.sim-readout').innerText();
const events = (frame: Locator) => frame.locator('.k8s-events').innerText();
/** The cluster drawing: an image in the static page, a group of pods and nodes to act on once hydrated. */
const cluster = (frame: Locator) => frame.locator('svg.k8s-cluster');
/** The running pods, each a button in the drawing. */
const pods = (frame: Locator) => cluster(frame).getByRole('button', { name: /^\w{5} Running: pod on node-/ });

describe('Docker vs. Kubernetes article', () => {
  it('shows the seed title, 5 min read, the YAML and the Dockerfile', async () => {
    const page = await site.page(path);
    expect(await page.locator('h1').innerText()).toBe("Docker vs. Kubernetes: The 'Hotel Manager' Mental Model");
    expect(await page.locator('.article-header .post-meta').innerText()).toMatch(/Tech\s+5 min read/);
    // textContent: a code block off screen is not rendered (content-visibility), so it has no innerText until it scrolls in.
    const code = await page.locator('pre.astro-code').allTextContents();
    expect(code.some((c) => c.includes('kind: Deployment') && c.includes('kind: Service'))).toBe(true);
    expect(code.some((c) => c.startsWith('FROM node:22-slim'))).toBe(true);
  });

  it("has each simulation's initial state as SVG with a caption in the static HTML", async () => {
    const html = readFileSync('dist/docker-vs-kubernetes/index.html', 'utf8');
    expectStaticFigures(html, [
      ['reconcile', 'A ReplicaSet on a small cluster'],
      ['rollout', 'Replacing 4 pods of v1 with v2'],
      ['crashloop', 'A container that exits 5s after each start'],
    ]);
    const page = await site.page(path, { javaScriptEnabled: false });
    // The cluster, the pods of the rollout and its chart, and the back-off bars.
    expect(await page.locator('figure.sim svg[role=img]').count()).toBe(4);
    expect(await readout(page.locator('#sim-reconcile'))).toContain('Desired 3 · counted 3 · running 3 · converged');
  });
});

describe('the reconciliation loop', () => {
  it('replaces a deleted pod step by step, logging what the controllers log', async () => {
    const { page, frame, errors } = await openSim('reconcile');
    const del = frame.getByRole('button', { name: /^Delete pod / });
    const victim = (await del.innerText()).replace('Delete pod ', '');
    await del.click();
    await expect.poll(() => readout(frame)).toContain('counted 2');
    expect(await events(frame)).toContain(`Killing  pod/web-7d4b9c6f8-${victim}  Stopping container web`);
    await step(page, frame);
    await expect.poll(() => events(frame)).toMatch(/SuccessfulCreate {2}replicaset\/web-7d4b9c6f8 {2}Created pod: web-7d4b9c6f8-[a-z0-9]{5}/);
    await step(page, frame, 2);
    await expect.poll(() => readout(frame)).toContain('Desired 3 · counted 3 · running 3 · converged');
    expect(errors).toEqual([]);
  });

  it('moves pods off a failed node and scales to a new desired count', async () => {
    const { page, frame } = await openSim('reconcile');
    await frame.getByRole('button', { name: 'Fail node-a' }).click();
    // The kubelet has gone silent, but until the grace period is over the API still says Ready.
    await expect.poll(() => cluster(frame).getAttribute('aria-label')).toContain('node-a (Ready, silent)');
    expect(await frame.getByRole('button', { name: 'Recover node-a' }).count()).toBe(1);
    await step(page, frame);
    await expect.poll(() => events(frame)).toContain('NodeNotReady');
    expect(await events(frame)).not.toContain('TaintManagerEviction');
    await step(page, frame, 3);
    await expect.poll(() => readout(frame)).toContain('running 3 · converged');
    expect(await events(frame)).toContain('TaintManagerEviction');
    expect(await cluster(frame).getAttribute('aria-label')).toMatch(/node-a \(NotReady\): \w{5} Terminating/);
    const desired = frame.getByRole('slider', { name: 'Desired replicas' });
    await desired.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await step(page, frame, 3);
    await expect.poll(() => readout(frame)).toContain('Desired 5 · counted 5 · running 5 · converged');
  });

  it('runs a Step pressed in the same instant as a new count on the new roster', async () => {
    const { frame } = await openSim('reconcile');
    // One browser task: the new count and three Steps arrive before any render or effect can run,
    // as when a busy machine queues a reader's key presses.
    await frame.evaluate((root) => {
      const slider = root.querySelector<HTMLInputElement>('input[type=range]')!;
      slider.value = '5';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const stepButton = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Step')!;
      for (let i = 0; i < 3; i++) stepButton.click();
    });
    await expect.poll(() => readout(frame)).toContain('Desired 5 · counted 5 · running 5 · converged');
    expect(await events(frame)).toContain('Scaled up replica set web-7d4b9c6f8 to 5');
  });

  it('runs a Step pressed in the same instant as a new node count on the new cluster', async () => {
    const stepOf = async (frame: Locator) => Number((await frame.locator('[aria-live=polite]').innerText()).match(/^Step (\d+):/)![1]);
    const opened = await openSim('reconcile', '#reconcile.nodes=4');
    await expect.poll(() => cluster(opened.frame).getAttribute('aria-label')).toContain('node-d');
    const settledStep = await stepOf(opened.frame);

    const { frame } = await openSim('reconcile');
    await frame.evaluate((root) => {
      const nodes = root.querySelectorAll<HTMLInputElement>('input[type=range]')[1]!;
      nodes.value = '4';
      nodes.dispatchEvent(new Event('input', { bubbles: true }));
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Step')!.click();
    });
    await expect.poll(() => cluster(frame).getAttribute('aria-label')).toContain('node-d');
    expect(await stepOf(frame)).toBe(settledStep + 1);
  });
});

describe('the reconciliation loop: guess first', () => {
  it('has the question and its answer, folded, in the static HTML', () => {
    const html = readFileSync('dist/docker-vs-kubernetes/index.html', 'utf8');
    const figure = html.slice(html.indexOf('<figure class="sim" id="sim-reconcile"'));
    const body = figure.slice(0, figure.indexOf('</figure>'));
    expect(body).toContain('Guess first: You delete one of the 3 running pods of this Deployment.');
    expect(body).toMatch(
      /<details class="sim-predict-answer"><summary>Show the answer<\/summary><p>3: a replacement is already counted\. The controller counts every pod not marked for deletion/,
    );
  });

  it('reveals the answer only after a guess is locked in, by keyboard alone, and runs the scenario', async () => {
    const { page, frame, errors } = await openSim('reconcile');
    const reveal = frame.locator('.sim-predict-reveal');
    const lock = frame.getByRole('button', { name: 'Lock in my guess' });
    expect(await frame.locator('details').count()).toBe(0);
    expect(await reveal.innerText()).toBe('');
    expect(await lock.isDisabled()).toBe(true);
    await frame.getByRole('radio', { name: /^2:/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await frame.getByRole('radio', { name: /^3:/ }).isChecked()).toBe(true);
    expect(await reveal.innerText()).toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => reveal.innerText())
      .toMatch(/^Right\. Your guess: 3: a replacement is already counted\. The simulation: 3: a replacement is already counted\./);
    // Locking in deleted the oldest pod of the opening cluster; one pass later the count is what the answer says.
    await expect.poll(() => readout(frame)).toContain('Desired 3 · counted 2');
    await step(page, frame);
    await expect.poll(() => readout(frame)).toContain('Desired 3 · counted 3 · running 2');
    expect(errors).toEqual([]);
  });
});

describe('the reconciliation loop: pods and nodes are the controls', () => {
  it('deletes a pod clicked with the pointer, and one focused with Delete', async () => {
    const { page, frame, errors } = await openSim('reconcile');
    expect(await pods(frame).count()).toBe(3);
    const first = (await pods(frame).first().getAttribute('aria-label'))!.slice(0, 5);
    await pods(frame).first().click();
    await expect.poll(() => readout(frame)).toContain('counted 2');
    expect(await events(frame)).toContain(`Killing  pod/web-7d4b9c6f8-${first}  Stopping container web`);
    const second = (await pods(frame).first().getAttribute('aria-label'))!.slice(0, 5);
    expect(second).not.toBe(first);
    await pods(frame).first().focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => readout(frame)).toContain('counted 1');
    expect(await events(frame)).toContain(`Killing  pod/web-7d4b9c6f8-${second}  Stopping container web`);
    await step(page, frame, 3);
    await expect.poll(() => readout(frame)).toContain('Desired 3 · counted 3 · running 3 · converged');
    expect(errors).toEqual([]);
  });

  it('fails a node by keyboard and recovers it by pointer', async () => {
    const { page, frame } = await openSim('reconcile');
    const node = (name: RegExp) => cluster(frame).getByRole('button', { name });
    await node(/^node-b Ready: node; Enter or Delete fails it$/).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cluster(frame).getAttribute('aria-label')).toContain('node-b (Ready, silent)');
    await step(page, frame);
    await expect.poll(() => cluster(frame).getAttribute('aria-label')).toContain('node-b (NotReady)');
    await node(/^node-b NotReady: node; failed, Enter recovers it$/).click();
    await expect.poll(() => events(frame)).toContain('Node node-b status is now: NodeReady');
  });
});

describe('the reconciliation loop moves by itself', () => {
  /** What the reader sees change: the loop's phases and the cluster drawing. */
  const picture = async (frame: Locator) => `${await frame.locator('.k8s-loop').innerHTML()}${await cluster(frame).innerHTML()}`;
  const still = { reducedMotion: 'no-preference' } as const;

  it('in view, passes of the loop run and are drawn without input', async () => {
    const { page, frame } = await openSim('reconcile', '', still);
    const opened = await picture(frame);
    await expect.poll(() => picture(frame), { timeout: 5_000 }).not.toBe(opened);
    // A deleted pod is replaced without a Step: the loop is running.
    await pods(frame).first().click();
    await expect.poll(() => readout(frame), { timeout: 10_000 }).toContain('Desired 3 · counted 3 · running 3 · converged');
    // Phases light up one after another within a pass, at the display's rate.
    const lit = new Set<string>();
    for (let i = 0; i < 30; i++) {
      lit.add(
        await frame
          .locator('.k8s-loop li.now strong')
          .innerText()
          .catch(() => ''),
      );
      await page.waitForTimeout(40);
    }
    expect([...lit].filter(Boolean).length).toBeGreaterThan(1);
  });

  it('stops after scrolling away', async () => {
    const { page, frame } = await openSim('reconcile', '', still);
    const opened = await picture(frame);
    await expect.poll(() => picture(frame), { timeout: 5_000 }).not.toBe(opened);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(1_200);
    const away = await picture(frame);
    const status = await frame.locator('[aria-live=polite]').innerText();
    await page.waitForTimeout(2_000);
    expect(await picture(frame)).toBe(away);
    expect(await frame.locator('[aria-live=polite]').innerText()).toBe(status);
  });

  it('under reduced motion stays still', async () => {
    const { page, frame } = await openSim('reconcile');
    const opened = await picture(frame);
    await page.waitForTimeout(2_500);
    expect(await picture(frame)).toBe(opened);
  });
});

describe('rolling update', () => {
  it('completes without going above the ceiling or below the floor', async () => {
    const { page, frame } = await openSim('rollout');
    const seen: string[] = [];
    for (let i = 0; i < 12 && !(await readout(frame)).includes('complete'); i++) {
      await step(page, frame);
      seen.push(await readout(frame));
    }
    expect(seen.at(-1)).toContain('complete');
    for (const line of seen) {
      const [, ready, floor, pods, ceiling] = line.match(/ready (\d+) \(at least (\d+)\) · pods (\d+) \(at most (\d+)\)/)!.map(Number);
      expect(ready).toBeGreaterThanOrEqual(floor!);
      expect(pods).toBeLessThanOrEqual(ceiling!);
    }
  });

  it('steps the new rollout when Step is pressed in the same instant as a change of settings', async () => {
    const { frame } = await openSim('rollout');
    await frame.evaluate((root) => {
      root.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
      const stepButton = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Step')!;
      for (let i = 0; i < 2; i++) stepButton.click();
    });
    await expect.poll(() => readout(frame)).toMatch(/^Step 2 · /);
    expect(await events(frame)).toContain('Readiness probe failed');
  });

  it('stalls when the readiness probe fails, keeping the old pods serving', async () => {
    const { page, frame } = await openSim('rollout');
    await frame.getByLabel('New version fails its readiness probe').check();
    await expect.poll(() => readout(frame)).toContain('Step 0');
    await step(page, frame, 12);
    await expect.poll(() => readout(frame)).toContain('stalled: ProgressDeadlineExceeded');
    expect(await readout(frame)).toContain('ready 3 (at least 3)');
    expect(await events(frame)).toContain('Readiness probe failed');
  });

  it('refuses maxSurge 0 with maxUnavailable 0, from a shared link too', async () => {
    const { frame } = await openSim('rollout', '#rollout.surge=0&rollout.unavailable=0');
    await expect
      .poll(() => frame.locator('.k8s-error').innerText())
      .toBe('The API server rejects this Deployment: spec.strategy.rollingUpdate.maxUnavailable: may not be 0 when maxSurge is 0.');
    await frame.getByRole('combobox', { name: 'maxSurge' }).selectOption('1');
    await expect.poll(() => frame.locator('.k8s-error').count()).toBe(0);
    expect(await readout(frame)).toContain('pods 4 (at most 5)');
  });
});

describe('CrashLoopBackOff', () => {
  it('restarts at once, then backs off 10 s, 20 s … up to 5 minutes', async () => {
    const { page, frame } = await openSim('crashloop');
    expect(await readout(frame)).toContain('RESTARTS 8 · CrashLoopBackOff: back-off 5m0s restarting failed container=web');
    await frame.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => readout(frame)).toContain('RESTARTS 1 · Restarted at once');
    const waits: string[] = [];
    for (let i = 0; i < 6; i++) {
      await step(page, frame);
      waits.push((await readout(frame)).match(/back-off (\S+) /)![1]!);
    }
    expect(waits).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s']);
  });

  it('starts over after a run of more than ten minutes', async () => {
    const { page, frame } = await openSim('crashloop', '#crashloop.longRun=1&crashloop.run=junk');
    await expect.poll(() => frame.getByLabel('Run 6 stays up for 11 minutes').isChecked()).toBe(true);
    expect(await frame.locator('output').first().innerText()).toBe('5s');
    await frame.getByRole('button', { name: 'Reset' }).click();
    await step(page, frame, 5);
    await expect.poll(() => readout(frame)).toContain('RESTARTS 6 · Restarted at once: it ran for over 10 minutes');
    await step(page, frame);
    await expect.poll(() => readout(frame)).toContain('back-off 10s');
  });
});

describe('the rollout and the crash loop move by themselves', () => {
  const still = { reducedMotion: 'no-preference' } as const;
  /** What the reader sees change: the figure's drawings and its status line. */
  const picture = async (frame: Locator) => `${await frame.locator('[aria-live=polite]').innerText()}${await frame.locator('svg').first().innerHTML()}`;

  /** Expects the drawing to change by itself, then to stop once the page is scrolled to its end; returns the status it stopped on. */
  async function movesThenStops(page: Page, frame: Locator): Promise<string> {
    const opened = await picture(frame);
    await expect.poll(() => picture(frame), { timeout: 5_000 }).not.toBe(opened);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(1_200);
    const away = await picture(frame);
    await page.waitForTimeout(2_000);
    expect(await picture(frame)).toBe(away);
    return frame.locator('[aria-live=polite]').innerText();
  }

  it('the rollout steps by itself in view and pauses, unfinished, after scrolling away', async () => {
    // One new pod at a time with none unavailable: a rollout of 10 that takes many seconds of play.
    const { page, frame } = await openSim('rollout', '#rollout.replicas=10&rollout.surge=1&rollout.unavailable=0', still);
    // Between steps a pod is drawn part way: a new one fading in, a stopped one fading out.
    await expect.poll(() => frame.locator('svg.k8s-cluster g[opacity]').count(), { timeout: 5_000, interval: 50 }).toBeGreaterThan(0);
    expect(await movesThenStops(page, frame)).toMatch(/rollout progressing\.$/);
  });

  it('the crash loop reveals restarts by itself after Reset and pauses, unfinished, after scrolling away', async () => {
    const { page, frame } = await openSim('crashloop', '', still);
    await frame.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => readout(frame)).toMatch(/^RESTARTS [1-3] /);
    const status = await movesThenStops(page, frame);
    expect(Number(status.match(/^Restart (\d+) /)![1])).toBeLessThan(12);
  });

  it('under reduced motion neither moves by itself', async () => {
    for (const id of ['rollout', 'crashloop']) {
      const { page, frame } = await openSim(id);
      const opened = await picture(frame);
      await page.waitForTimeout(2_500);
      expect(await picture(frame), id).toBe(opened);
      expect(await frame.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed'), id).toBe('false');
    }
  });
});

describe('accessibility and motion', () => {
  it('passes axe with all three simulations hydrated', async () => {
    const page = await site.page(path);
    for (const id of ['reconcile', 'rollout', 'crashloop']) {
      const frame = page.locator(`#sim-${id}`);
      await frame.scrollIntoViewIfNeeded();
      await expect.poll(() => frame.locator('input').first().isEnabled(), { timeout: 20_000 }).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('plays the reconciliation loop, and under reduced motion offers Step instead', async () => {
    const { frame } = await openSim('reconcile');
    await frame.getByRole('button', { name: /^Delete pod / }).click();
    await frame.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => readout(frame), { timeout: 10_000 }).toContain('converged');
    const calm = await openSim('reconcile', '', { reducedMotion: 'reduce' });
    // Under reduced motion nothing starts by itself (the Play button is not pressed), yet Play still works.
    expect(await calm.frame.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
    expect(await calm.frame.innerText()).toContain('reduced motion');
  });
});
