// Throwaway profiler (not committed): CPU profile of a sim's autoplay, self time by function.
import { launchBrowser, openPage } from './tests/support/browser.ts';
import { serveSite } from './tests/support/staticServer.ts';
const [path, id] = process.argv.slice(2);
const site = await serveSite('dist');
const browser = await launchBrowser();
const { context, page } = await openPage(browser, { reducedMotion: 'no-preference', viewport: { width: 412, height: 823 }, deviceScaleFactor: 2 });
const cdp = await context.newCDPSession(page);
await page.goto(new URL(path!, site.origin).href);
await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
await page.waitForTimeout(3000);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Performance.enable');
const m0 = (await cdp.send('Performance.getMetrics')).metrics;
await cdp.send('Profiler.start');
await page.waitForTimeout(5000);
const { profile } = await cdp.send('Profiler.stop');
const m1 = (await cdp.send('Performance.getMetrics')).metrics;
const get = (ms: typeof m0, n: string) => ms.find((m) => m.name === n)!.value;
for (const n of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount']) console.log(n, (get(m1, n) - get(m0, n)).toFixed(3));
const self = new Map<string, number>();
const dt = profile.timeDeltas!;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
for (let i = 0; i < profile.samples!.length; i++) counts.set(profile.samples![i]!, (counts.get(profile.samples![i]!) ?? 0) + (dt[i] ?? 0));
for (const [nid, t] of counts) {
  const n = byId.get(nid)!;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + t / 1000);
}
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n'));
await browser.close();
await site.close();
