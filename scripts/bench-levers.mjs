// Which lever matters (issue 21) in the release page: the tornado's main-thread CPU per edit (ten
// edits with the section open against ten with it closed) and Compute importance with N = 1,000
// through the worker pool (wall, and CPU of the workers and the main thread from Linux /proc).
// `node scripts/bench-levers.mjs` after `node scripts/build.mjs`. Figures print; nothing asserts time.
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { benchMark, threadCpu } from './thread-cpu.mjs';

const MARK = benchMark();
const fmt = (x, d = 0) => Number(x).toFixed(d);

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, MARK] });
console.log(`machine load (1/5/15 min): ${loadavg().map((x) => fmt(x, 2)).join(' / ')} on 2 cores`);
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(server.url);
  await page.waitForSelector('#chart-active-loans svg', { timeout: 60000 });
  // Live Monte Carlo off, so an edit costs only the EV run, the charts and (when open) the tornado.
  const live = page.locator('#mc-live');
  if (await live.count() && await live.isChecked()) await live.uncheck();
  const edits = async () => {
    const before = threadCpu(MARK).main;
    for (let i = 0; i < 10; i += 1) {
      await page.fill('#in-team-hours_per_week', String(38 + (i % 2) * 2));
      await page.waitForTimeout(150);
    }
    return (threadCpu(MARK).main - before) / 10;
  };
  const closed = await edits();
  await page.locator('#levers > summary').click();
  await page.waitForSelector('#levers .lever');
  const open = await edits();
  console.log(`tornado per edit: main-thread CPU ${fmt(open)} ms per edit open, ${fmt(closed)} ms closed: ≈ ${fmt(open - closed)} ms for the tornado (10 ms ticks)`);
  for (const [outcome, n] of [['book_end', 1000], ['h_star', 1000]]) {
    await page.selectOption('#levers-outcome', outcome);
    await page.selectOption('#importance-samples', String(n));
    const before = threadCpu(MARK);
    const t0 = Date.now();
    await page.click('.importance-compute');
    await page.waitForFunction(() => document.querySelector('#importance .importance-row') && !document.querySelector('#importance .importance-progress'), null, { timeout: 600000, polling: 50 });
    const wall = Date.now() - t0;
    const after = threadCpu(MARK);
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    const heading = await page.textContent('#importance .importance-heading');
    console.log(`importance ${outcome} N = ${n}: ${fmt(wall)} ms wall with ${workers} workers; CPU workers ${fmt(after.workers - before.workers)} ms, main ${fmt(after.main - before.main)} ms (${heading})`);
    console.log(`  ${await page.textContent('#importance .importance-next-text')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
