/**
 * Browser tests (issue #4): real Chromium (Debian's, never a downloaded one)
 * driven by playwright-core against the built server. Each journey gets a fresh
 * server process on a fresh SQLite file. Screenshots go to
 * test-results/screenshots/, load times to test-results/web-timings.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentAndHandler, languages, portalIsolation, portalRepairLive } from './journeys.js';
import { serviceLanguage } from './journeys-language.js';
import { adminSettings } from './journeys-admin.js';
import { handling, natureHandling } from './journeys-handling.js';
import { buildOnce, closeBrowser, screenshotOpenPages, createStaff, newPage, PASSWORD, ROOT, screenshot, startServer, type Server } from './harness.js';

const JOURNEYS: [string, (server: Server) => Promise<void>][] = [
  ['(a) phone complaint: intake, dispatch, acknowledge, result, callback, closed — clocks right', agentAndHandler],
  ['(b) portal repair with a photo appears live on the desk', portalRepairLive],
  ['(c) 繁體中文 and English change the whole UI', languages],
  ['(d) a customer cannot open another customer’s order by URL', portalIsolation],
  ['(e) service language: a flagged reply fixed with one click; a day of conversations inspected, reviewed and appealed', serviceLanguage],
  ['(f) admin settings: site hours, a calendar day in the month view, a department and a user, an SLA limit', adminSettings],
  ['(g) signature on the desk, portal rating and callback answer, collective complaint queue, dashboard click-through', handling],
  ['(h) handling by nature: agency numbers given for an assistance complaint, an explanation for a non-responsible one', natureHandling],
  ['load times (Navigation Timing) and the dashboard', timings],
];

interface Timing { page: string; runs: number; domContentLoadedMs: number; loadMs: number; readyMs: number; transferKb: number }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Cold loads (a new browser context each time: empty cache) of the desk queue and the portal. */
async function timings(server: Server) {
  await createStaff(server, [{ username: 'agent9', role: 'agent', displayName: '计时客服', employeeNo: '8009' }]);
  // A few orders, so the queue and the dashboard draw something.
  const siteId = (await server.api<{ items: { id: number }[] }>('GET', '/sites', undefined, server.adminToken)).body.items[0]!.id;
  for (const [kind, channel, description, phone] of [
    ['complaint', 'phone', '地下车库照明坏了三天，晚上很危险', '13811110001'],
    ['repair', 'online', '厨房水龙头一直滴水', '13811110002'],
    ['inquiry', 'walk_in', '物业费可以按季度交吗', '13811110003'],
    ['complaint', 'phone', '保洁没有按时清运垃圾，楼道有异味', '13811110004'],
  ]) {
    await server.api('POST', '/work-orders', { kind, channel, siteId, description, customer: { name: '测试客户', phone } }, server.adminToken);
  }
  const results: Timing[] = [];
  for (const [name, path, ready, login] of [
    ['desk (/queue/all, signed in)', '/queue/all', '[data-testid=queue-title]', true],
    ['portal (/portal, sign-in form)', '/portal', '#portal-login-phone', false],
  ] as const) {
    const samples: Omit<Timing, 'page' | 'runs'>[] = [];
    for (let i = 0; i < 5; i++) {
      // A new context each run: empty cache, so these are cold loads. The session cookie comes from the API.
      const { context, page } = await newPage(server, { mobile: !login });
      if (login) {
        const response = await context.request.post('/api/v1/auth/login', { data: { username: 'agent9', password: PASSWORD, session: true } });
        if (!response.ok()) throw new Error(`login failed: ${response.status()}`);
      }
      const started = Date.now();
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      const readyMs = Date.now() - started;
      const nav = await page.evaluate(() => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const transfer = performance.getEntriesByType('resource').reduce((sum, r) => sum + ((r as PerformanceResourceTiming).transferSize || 0), entry.transferSize || 0);
        return { domContentLoadedMs: entry.domContentLoadedEventEnd, loadMs: entry.loadEventEnd, transfer };
      });
      samples.push({ domContentLoadedMs: Math.round(nav.domContentLoadedMs), loadMs: Math.round(nav.loadMs), readyMs, transferKb: Math.round(nav.transfer / 1024) });
      if (i === 0 && login) {
        await page.getByRole('menuitem', { name: /数据看板/ }).click();
        await page.locator('canvas').first().waitFor().catch(() => undefined);
        await screenshot(page, 'desk-dashboard');
      }
      await context.close();
    }
    results.push({
      page: name, runs: samples.length,
      domContentLoadedMs: median(samples.map((s) => s.domContentLoadedMs)),
      loadMs: median(samples.map((s) => s.loadMs)),
      readyMs: median(samples.map((s) => s.readyMs)),
      transferKb: median(samples.map((s) => s.transferKb)),
    });
  }
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', 'web-timings.json'), JSON.stringify(results, null, 2));
  console.table(results);
}

async function main() {
  buildOnce();
  const only = process.argv[2];
  let failed = 0;
  for (const [name, journey] of JOURNEYS) {
    if (only && !name.includes(only)) continue;
    const server = await startServer();
    const started = Date.now();
    try {
      await journey(server);
      console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      await screenshotOpenPages(`FAILED-${name.slice(1, 2)}`);
      console.error(`  ✗ ${name}\n    ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } finally {
      await server.stop();
    }
  }
  await closeBrowser();
  if (failed > 0) {
    console.error(`${failed} browser journey(s) failed`);
    process.exit(1);
  }
  console.log('all browser journeys passed');
}

main().catch(async (error) => {
  console.error(error);
  await closeBrowser();
  process.exit(1);
});
