// The browser half of scripts/bench.sh: opens the release build (dist/) in headless Debian Chromium
// and prints what a person feels — EV time per keystroke, 1,000 Monte Carlo runs through the worker
// pool, the longest main-thread task while they run, time to the first chart — plus a scale check.
// Wall times grow with whatever else runs on the machine, so the CPU time of the page's main thread and
// of its workers is printed too (Linux /proc). Figures print; nothing asserts time.
//
// Main-thread long tasks (issue 20) are read from Chromium's own trace of the page's main thread:
// for an edit at the default scale, 1,000 runs at the default scale, the edit to 200 AMs × 156
// weeks and 10,000 runs there, the longest task (wall, and the CPU the thread spent in it: on two
// busy cores a task's wall time is often twice its CPU) and how many tasks took over 50 ms.
// With BENCH_BEFORE_DIST=<another build's dist/> the scale check runs on that build too, so one
// output holds the before and after figures of a change.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { benchMark, threadCpu } from './thread-cpu.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 2) => Number(x).toFixed(d);

// Runs `work` while Chromium traces the page's main thread; answers the main thread's tasks over
// 10 ms (wall and CPU ms) and what `work` answered.
async function traced(page, work) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', '__metadata'] }, transferMode: 'ReportEvents' });
  const result = await work();
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mainThreads.has(`${e.pid}:${e.tid}`) && e.dur > 10000)
    .map((e) => ({ wallMs: e.dur / 1000, cpuMs: (e.tdur ?? NaN) / 1000 }));
  return { tasks, result };
}

// The longest task (wall, with its CPU) and the count over 50 ms, and the same by CPU: on a loaded
// machine a task's wall time includes the time the thread waited for a core.
function longTasks(tasks) {
  const longest = tasks.reduce((m, t) => (t.wallMs > m.wallMs ? t : m), { wallMs: 0, cpuMs: 0 });
  const over = tasks.filter((t) => t.wallMs > 50).length;
  const overCpu = tasks.filter((t) => t.cpuMs > 50).length;
  const cpu = Math.max(0, ...tasks.map((t) => t.cpuMs).filter(Number.isFinite));
  return `longest task ${fmt(longest.wallMs, 0)} ms wall (${fmt(longest.cpuMs, 0)} ms CPU), ${over} over 50 ms wall; most CPU in one task ${fmt(cpu, 0)} ms, ${overCpu} over 50 ms CPU`;
}

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

// CPU time of this benchmark's own Chromium: its processes carry this mark.
const MARK = benchMark();

// One Monte Carlo job through the page's worker pool, timed in the page: from the click to the
// moment the finished summary appears (a mutation observer, so no polling delay is counted).
async function mcThroughWorkers(page, runs) {
  await page.fill('#mc-runs', String(runs));
  await page.evaluate(() => {
    const mc = { t0: 0, gone: false, done: 0 };
    window.__mc = mc;
    mc.observer = new MutationObserver(() => {
      const present = document.querySelector('.mc-done') !== null;
      if (!present) mc.gone = true;
      else if (mc.gone && !mc.done) mc.done = performance.now();
    });
    mc.observer.observe(document, { childList: true, subtree: true, attributes: true });
    document.querySelector('#mc-run').addEventListener('click', () => { mc.t0 = performance.now(); }, { capture: true, once: true });
  });
  const before = threadCpu(MARK);
  await page.click('#mc-run');
  await page.waitForFunction(() => window.__mc.done > 0, null, { timeout: 600000, polling: 100 });
  const after = threadCpu(MARK);
  const result = await page.evaluate(() => {
    const { t0, done, observer } = window.__mc;
    observer.disconnect();
    const longest = window.__bench.longTasks.filter((t) => t.start >= t0).reduce((m, t) => Math.max(m, t.duration), 0);
    return { wallMs: done - t0, longestTaskMs: longest, workers: navigator.hardwareConcurrency };
  });
  return { ...result, cpuMain: after.main - before.main, cpuWorkers: after.workers - before.workers };
}

// Makes the page start a pool of one worker: the engine's speed in a worker, without parallelism.
const ONE_CORE = () => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 });

// Native figures from criterion (scripts/bench.sh passes them), for the wasm/native ratio.
const nativeMc = Number(process.env.NATIVE_MC_1000_MS);
const nativeEv = Number(process.env.NATIVE_EV_MS);
const ratio = (wasm, native) => (Number.isFinite(native) && native > 0 ? ` — ${fmt(wasm / native, 2)}× native` : '');

// Scale check: a 200-AM team over 156 weeks (the edit, and its live fan), then 1,000 and 10,000 runs.
async function scaleCheck(page, label) {
  const edit = await traced(page, async () => {
    await page.fill('#in-team-ams', '200');
    await page.fill('#in-team-horizon_weeks', '156');
    await page.waitForTimeout(3000);
  });
  console.log(`${label}scale: the edit to 200 AMs × 156 weeks: ${longTasks(edit.tasks)} (the edit and its live fan)`);
  const big = await page.evaluate(() => window.wasmBindings.bench_wasm_memory_bytes());
  const scale1k = await mcThroughWorkers(page, 1000);
  console.log(`${label}scale: 200 AMs × 156 weeks, 1,000 runs:  ${fmt(scale1k.wallMs, 0)} ms (${fmt(1000 / (scale1k.wallMs / 1000), 0)} runs/s); worker CPU ${fmt(scale1k.cpuWorkers, 0)} ms, main ${fmt(scale1k.cpuMain, 0)} ms`);
  const { tasks, result: scale10k } = await traced(page, () => mcThroughWorkers(page, 10000));
  const mem = await page.evaluate(() => ({ wasm: window.wasmBindings.bench_wasm_memory_bytes(), js: performance.memory?.usedJSHeapSize ?? NaN }));
  console.log(`${label}scale: 200 AMs × 156 weeks, 10,000 runs: ${fmt(scale10k.wallMs, 0)} ms (${fmt(10000 / (scale10k.wallMs / 1000), 0)} runs/s); worker CPU ${fmt(scale10k.cpuWorkers, 0)} ms, main ${fmt(scale10k.cpuMain, 0)} ms`);
  console.log(`${label}scale: long tasks, 10,000 runs: ${longTasks(tasks)}`);
  console.log(`${label}memory (page, main thread):   wasm ${fmt(big / 1048576, 1)} MiB before, ${fmt(mem.wasm / 1048576, 1)} MiB after 10,000 runs; JS heap ${fmt(mem.js / 1048576, 1)} MiB`);
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [...CHROMIUM_ARGS, MARK],
});
console.log(`machine load (1/5/15 min):    ${loadavg().map((x) => fmt(x, 2)).join(' / ')} on 2 cores — figures scale with it`);
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
  console.log(`EV run (default, 104 weeks):  median ${fmt(median(runOnly), 3)} ms; with validation ${fmt(median(validateAndRun), 3)} ms (median of 21 batches of 100)${ratio(median(runOnly), nativeEv)}`);

  const typing = [];
  const edits = await traced(page, async () => { for (let i = 0; i < 20; i++) {
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
  // The live fan follows the last edit after a pause: its job is part of the edit.
  await page.waitForTimeout(2000);
  });
  console.log(`keystroke to redrawn page:    median ${fmt(median(typing), 1)} ms (EV + KPIs + 6 charts, 20 edits)`);
  console.log(`long tasks, edits (default):  ${longTasks(edits.tasks)} (20 edits and the live fan after them)`);
  await page.fill('#in-team-target_loans_per_am', '120');

  // The single-threaded reference is the pool of one worker below: the page's own wasm no longer
  // carries the Monte Carlo samplers (22 KB gzip saved), only the worker does.

  // The same 1,000 runs through a pool of one worker. Its wasm is built like the app's, for size:
  // measured on 2026-12-02, the engine and its random crates at opt-level 3 saved about a tenth of
  // the worker's CPU (580 → 520 ms, 22.5 → 19.6 s at scale) for 35 KB more gzip of app wasm, and
  // wasm-opt -O3 on the worker alone nothing measurable; neither was kept.
  {
    const oneContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await oneContext.addInitScript(PROBE);
    await oneContext.addInitScript(ONE_CORE);
    const one = await oneContext.newPage();
    await one.goto(server.url);
    await one.waitForSelector('#chart-active-loans svg', { timeout: 60000 });
    await mcThroughWorkers(one, 100); // warm the worker
    const jobs = [];
    for (let i = 0; i < 3; i++) jobs.push(await mcThroughWorkers(one, 1000));
    const wall = median(jobs.map((j) => j.wallMs));
    const cpu = median(jobs.map((j) => j.cpuWorkers));
    console.log(`1,000 MC runs, one worker:    median ${fmt(wall, 0)} ms wall of 3; worker CPU ${fmt(cpu, 0)} ms${ratio(cpu, nativeMc)}`);
    await oneContext.close();
  }
  await mcThroughWorkers(page, 200); // warm the pool: spawning workers costs ~100 ms each, once
  const pool = [];
  const poolTrace = await traced(page, async () => { for (let i = 0; i < 3; i++) pool.push(await mcThroughWorkers(page, 1000)); });
  const mc = pool.toSorted((a, b) => a.wallMs - b.wallMs)[1];
  const longest = Math.max(...pool.map((r) => r.longestTaskMs));
  console.log(`1,000 MC runs, worker pool:   median ${fmt(mc.wallMs, 0)} ms wall of 3 with ${mc.workers} workers (navigator.hardwareConcurrency); CPU: workers ${fmt(mc.cpuWorkers, 0)} ms, main thread ${fmt(mc.cpuMain, 0)} ms`);
  console.log(`longest main-thread task:     ${longest ? fmt(longest, 0) + ' ms' : 'none over 50 ms'} during those runs (PerformanceObserver)`);
  console.log(`long tasks, 1,000 runs (×3):  ${longTasks(poolTrace.tasks)}`);

  await scaleCheck(page, '');
  await context.close();

  if (process.env.BENCH_BEFORE_DIST) {
    const before = await startServer({ dir: resolve(process.env.BENCH_BEFORE_DIST) });
    try {
      const beforeContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await beforeContext.addInitScript(PROBE);
      const beforePage = await beforeContext.newPage();
      await beforePage.goto(before.url);
      await beforePage.waitForSelector('#chart-active-loans svg', { timeout: 60000 });
      await mcThroughWorkers(beforePage, 200);
      console.log(`-- the same scale check on the build before (${process.env.BENCH_BEFORE_DIST}):`);
      await scaleCheck(beforePage, 'before: ');
      await beforeContext.close();
    } finally {
      await before.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
