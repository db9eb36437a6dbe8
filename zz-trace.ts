// Throwaway (not committed): main-thread trace events by name while a sim autoplays, CPU 4x.
import { launchBrowser, openPage } from './tests/support/browser.ts';
import { serveSite } from './tests/support/staticServer.ts';
const [dir, path, id] = process.argv.slice(2);
const site = await serveSite(dir!);
const browser = await launchBrowser();
const { context, page } = await openPage(browser, { reducedMotion: 'no-preference', viewport: { width: 412, height: 823 }, deviceScaleFactor: 2 });
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(new URL(path!, site.origin).href);
await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
await page.waitForTimeout(4000);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
await page.waitForTimeout(4000);
await cdp.send('Tracing.end');
await done;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const byName = new Map<string, [number, number, number]>();
for (const e of events) {
  if (e.ph !== 'X' || !main || e.tid !== main.tid || e.pid !== main.pid) continue;
  const v = byName.get(e.name) ?? [0, 0, 0];
  v[0] += (e.dur ?? 0) / 1000; v[1] += (e.tdur ?? 0) / 1000; v[2]++;
  byName.set(e.name, v);
}
console.log([...byName].sort((a, b) => b[1][0] - a[1][0]).slice(0, 18).map(([k, v]) => `${v[0].toFixed(0).padStart(7)} ms wall ${v[1].toFixed(0).padStart(6)} ms cpu ${String(v[2]).padStart(5)}x ${k}`).join('\n'));
await browser.close();
await site.close();
