// The browser half of scripts/bench.sh: opens the release build (dist/) in headless Debian Chromium
// and prints what a person feels — EV time per keystroke, 1,000 Monte Carlo runs through the worker
// pool, the longest main-thread task while they run, time to the first chart — plus a scale check.
// Figures print; nothing asserts time.
import { startServer, launchBrowser, openPage } from '../tests/e2e/harness.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 2) => Number(x).toFixed(d);

// Records when the first chart's SVG appears and every long main-thread task, from the first byte.
const PROBE = () => {
  window.__bench = { firstChart: null, longTasks: [] };
  new MutationObserver((_, obs) => {
    if (!window.__bench.firstChart && document.querySelector('#chart-active-loans svg')) {
      window.__bench.firstChart = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function mcThroughWorkers(page, runs) {
  await page.fill('#mc-runs', String(runs));
  const started = await page.evaluate(() => performance.now());
  await page.click('#mc-run');
  await page.waitForSelector('.mc-done', { timeout: 600000 });
  return page.evaluate((t0) => {
    const t1 = performance.now();
    const longest = window.__bench.longTasks.filter((t) => t.start >= t0).reduce((m, t) => Math.max(m, t.duration), 0);
    return { wallMs: t1 - t0, longestTaskMs: longest, workers: navigator.hardwareConcurrency };
  }, started);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#chart-active-loans svg', { timeout: 60000 });
  const firstChart = await page.evaluate(() => window.__bench.firstChart);
  console.log(`first chart drawn:            ${fmt(firstChart, 0)} ms after navigation (localhost)`);

  const ev = await page.evaluate(() => window.wasmBindings.bench_ev_ms(21, 100));
  const validateAndRun = ev.filter((_, i) => i % 2 === 0);
  const runOnly = ev.filter((_, i) => i % 2 === 1);
  console.log(`EV run (default, 104 weeks):  median ${fmt(median(runOnly), 3)} ms; with validation ${fmt(median(validateAndRun), 3)} ms (median of 21 batches of 100)`);

  const typing = [];
  for (let i = 0; i < 20; i++) {
    const value = String(110 + (i % 10));
    const t = await page.evaluate(async (v) => {
      const input = document.querySelector('#in-team-target_loans_per_am');
      const before = document.querySelector('[data-kpi="h-star"] .kpi-value').textContent;
      const t0 = performance.now();
      input.value = v;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return { ms: performance.now() - t0, changed: before !== document.querySelector('[data-kpi="h-star"] .kpi-value').textContent };
    }, value);
    typing.push(t.ms);
  }
  console.log(`keystroke to redrawn page:    median ${fmt(median(typing), 1)} ms (EV + KPIs + 6 charts, 20 edits)`);
  await page.fill('#in-team-target_loans_per_am', '120');

  const single = await page.evaluate(() => window.wasmBindings.bench_mc_single_thread_ms(1000));
  console.log(`1,000 MC runs, main thread:   ${fmt(single, 0)} ms (one core, for reference)`);
  await mcThroughWorkers(page, 200); // warm the pool: spawning workers costs ~100 ms each, once
  const mc = await mcThroughWorkers(page, 1000);
  console.log(`1,000 MC runs, worker pool:   ${fmt(mc.wallMs, 0)} ms wall with ${mc.workers} workers (navigator.hardwareConcurrency)`);
  console.log(`longest main-thread task:     ${mc.longestTaskMs ? fmt(mc.longestTaskMs, 0) + ' ms' : 'none over 50 ms'} during that run`);

  // Scale check: a 200-AM team over 156 weeks, then 10,000 runs.
  await page.fill('#in-team-ams', '200');
  await page.fill('#in-team-horizon_weeks', '156');
  const big = await page.evaluate(() => window.wasmBindings.bench_wasm_memory_bytes());
  const scale1k = await mcThroughWorkers(page, 1000);
  console.log(`scale: 200 AMs × 156 weeks, 1,000 runs:  ${fmt(scale1k.wallMs, 0)} ms (${fmt(1000 / (scale1k.wallMs / 1000), 0)} runs/s)`);
  const scale10k = await mcThroughWorkers(page, 10000);
  const mem = await page.evaluate(() => ({ wasm: window.wasmBindings.bench_wasm_memory_bytes(), js: performance.memory?.usedJSHeapSize ?? NaN }));
  console.log(`scale: 200 AMs × 156 weeks, 10,000 runs: ${fmt(scale10k.wallMs, 0)} ms (${fmt(10000 / (scale10k.wallMs / 1000), 0)} runs/s); longest main-thread task ${scale10k.longestTaskMs ? fmt(scale10k.longestTaskMs, 0) + ' ms' : 'none over 50 ms'}`);
  console.log(`memory (page, main thread):   wasm ${fmt(big / 1048576, 1)} MiB before, ${fmt(mem.wasm / 1048576, 1)} MiB after 10,000 runs; JS heap ${fmt(mem.js / 1048576, 1)} MiB`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
