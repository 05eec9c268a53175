// The first load (issue 20): what a phone downloads and when it sees and can use the page, measured
// in headless Debian Chromium itself (Lighthouse is not part of the project). The release build in
// dist/ is served as a static host serves it (scripts/serve.mjs: the precompressed .br copy with
// Content-Encoding), to a fresh browser context each time (nothing cached, no service worker yet),
// at Lighthouse's mobile viewport (412×823, device scale 1.75, touch) under two conditions:
//   - throttled as Lighthouse's simulated mobile assumes: 150 ms round trip, 1.6 Mbps down,
//     750 kbps up (CDP Network.emulateNetworkConditions) and the CPU slowed 4× (CDP
//     Emulation.setCPUThrottlingRate), so the figures are comparable to its report;
//   - unthrottled (localhost, this machine's CPU).
// Three loads each, and the median. Then "Your data" importing a 100,000-loan book (issue 17): the
// sample team's loans repeated under new ids as CSV, and the same rows as an Excel workbook
// (samples/make_xlsx.py), each picked in a fresh page until the row report shows — wall time and
// the CPU time of the page's main thread and its workers (the Excel reader is one). Figures print;
// nothing asserts them.
//
// Definitions. FCP and LCP are the page's own PerformanceObserver entries ('paint',
// 'largest-contentful-paint': the last candidate before the first input). Long tasks are the page's
// 'longtask' entries (main-thread tasks over 50 ms), observed from the document's start.
// "Interactive" (TTI) is Lighthouse's idea without its network condition: the end of the last long
// task before a quiet window of 5 s with none, and never before FCP or DOMContentLoaded. TBT is the
// sum over long tasks of (the part of the task between FCP and TTI − 50 ms), as Lighthouse clips it.
// The CPU throttle slows the main thread's work, not the time it waits for a core on this busy
// 2-core machine, so the throttled figures are an upper bound of what a quiet phone-class CPU sees.
// Usage: node scripts/bench-load.mjs [--book-only] (after node scripts/build.mjs); CADENCE_DIST=<dir>
// for another build. --book-only skips the first loads and times the 100,000-loan import alone.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { startCompressedServer } from './serve.mjs';
import { benchMark, threadCpu } from './thread-cpu.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(process.env.CADENCE_DIST ?? join(ROOT, 'dist'));
const LOADS = 3;
const QUIET_MS = 5000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 0) => Number(x).toFixed(d);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// Lighthouse's mobile: its simulated throttling's round trip and throughputs, and a 4× slower CPU.
const MOBILE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }; // bytes/s
const CONDITIONS = [
  { label: 'mobile (150 ms RTT, 1.6 Mbps, CPU ÷4)', network: MOBILE, cpuRate: 4 },
  { label: 'unthrottled (localhost)', network: null, cpuRate: 1 },
];

// In the page from its first script: FCP, LCP candidates and long tasks, on the page's clock.
const PROBE = () => {
  const load = { fcp: null, lcp: null, lcpElement: null, longTasks: [], shifts: [] };
  window.__load = load;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') load.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      load.lcp = e.startTime;
      load.lcpElement = e.element ? `${e.element.tagName.toLowerCase()}${e.element.id ? '#' + e.element.id : ''}${e.element.className && typeof e.element.className === 'string' ? '.' + e.element.className.split(' ')[0] : ''}` : '(removed)';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) load.shifts.push({ at: e.startTime, value: e.value });
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) load.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

// TTI and TBT from the page's figures, as the header defines them.
function interactive({ fcp, domContentLoaded, longTasks }) {
  const tasks = longTasks.toSorted((a, b) => a.start - b.start);
  let tti = Math.max(fcp, domContentLoaded);
  for (const t of tasks) if (t.start < tti + QUIET_MS) tti = Math.max(tti, t.end);
  let tbt = 0;
  for (const t of tasks) {
    const clipped = Math.min(t.end, tti) - Math.max(t.start, fcp);
    if (clipped > 50) tbt += clipped - 50;
  }
  return { tti, tbt };
}

// CLS as Lighthouse and web-vitals define it: layout shifts without recent input grouped into session
// windows (a gap under 1 s, at most 5 s long), the largest window's sum.
function cumulativeShift(shifts) {
  let best = 0;
  let sum = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const { at, value } of shifts.toSorted((a, b) => a.at - b.at)) {
    if (at - last >= 1000 || at - start >= 5000) {
      sum = 0;
      start = at;
    }
    sum += value;
    last = at;
    best = Math.max(best, sum);
  }
  return best;
}

// Lighthouse 10's performance score from these figures: each metric scored on its log-normal curve
// (mobile: the p10 and median Lighthouse gives it) and weighted as Lighthouse weighs them. Speed
// Index is not measured here; it is taken as LCP (the page is visually complete once its largest
// text is painted, so this errs low). An estimate to compare builds with, not Lighthouse's number.
const CURVES = {
  fcp: { p10: 1800, median: 3000, weight: 0.1 },
  si: { p10: 3387, median: 5800, weight: 0.1 },
  lcp: { p10: 2500, median: 4000, weight: 0.25 },
  tbt: { p10: 200, median: 600, weight: 0.3 },
  cls: { p10: 0.1, median: 0.25, weight: 0.25 },
};
// The standard normal CDF (Abramowitz–Stegun 7.1.26 for erf; error under 1.5e-7).
function normalCdf(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
function metricScore(value, { p10, median }) {
  if (value <= 0) return 1;
  const sigma = (Math.log(median) - Math.log(p10)) / 1.2815516;
  return 1 - normalCdf((Math.log(value) - Math.log(median)) / sigma);
}
function lighthouseEstimate({ fcp, lcp, tbt, cls }) {
  const values = { fcp, si: lcp, lcp, tbt, cls };
  return Object.entries(CURVES).reduce((sum, [key, curve]) => sum + curve.weight * metricScore(values[key], curve), 0);
}

// One cold load under `condition`: the page's figures and every response (name, encoding, bytes
// on the wire, when it was requested).
async function coldLoad(browser, url, condition) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'en-US' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (condition.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...condition.network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpuRate });
  const sent = new Map();
  const resources = [];
  // data: URLs (the stylesheets' inline icons) cost no request.
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith('data:')) sent.set(e.requestId, { url: e.request.url, at: e.timestamp });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = sent.get(e.requestId);
    if (r) r.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity';
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = sent.get(e.requestId);
    if (r) resources.push({ ...r, wireBytes: e.encodedDataLength });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await page.waitForSelector('#chart-active-loans svg', { timeout: 120000 });
  // Wait for the quiet window that defines TTI: no long task for QUIET_MS.
  for (;;) {
    const quietFor = await page.evaluate(() => performance.now() - Math.max(0, ...window.__load.longTasks.map((t) => t.end)));
    if (quietFor >= QUIET_MS) break;
    await page.waitForTimeout(Math.min(1000, QUIET_MS - quietFor + 50));
  }
  const figures = await page.evaluate(() => ({
    ...window.__load,
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
    timeOrigin: performance.timeOrigin,
  }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  const navigatedAt = Math.min(...resources.map((r) => r.at));
  for (const r of resources) r.atMs = (r.at - navigatedAt) * 1000;
  return { ...figures, ...interactive(figures), cls: cumulativeShift(figures.shifts), resources };
}

// dist/'s name of a URL the page fetched.
const fileOf = (href) => decodeURIComponent(new URL(href).pathname).replace(/^\/+/, '') || 'index.html';

// Raw, gzip -9 and the build's brotli bytes of one file in dist/.
function sizes(name) {
  const file = join(DIST, name);
  const raw = readFileSync(file);
  let br = NaN;
  try {
    br = statSync(`${file}.br`).size;
  } catch {}
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, br };
}

// The sample team's loans repeated under new ids (loan, customer and renewal ids suffixed by the
// copy), to `loans` rows: a CSV and the workbook of the same rows.
function bigBook(loans) {
  const [header, ...rows] = readFileSync(join(ROOT, 'samples/sample-team-loans.csv'), 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  const ids = ['loan_id', 'customer_id', 'renewed_from'].map((c) => columns.indexOf(c));
  const out = [header];
  for (let i = 0; out.length <= loans; i++) {
    const cells = rows[i % rows.length].split(',');
    const copy = Math.floor(i / rows.length);
    for (const c of ids) if (cells[c]) cells[c] = `${cells[c]}-${copy}`;
    out.push(cells.join(','));
  }
  const csv = join(tmpdir(), `cadence-book-${loans}.csv`);
  writeFileSync(csv, out.join('\n') + '\n');
  const xlsx = csv.replace(/\.csv$/, '.xlsx');
  execFileSync('python3', [join(ROOT, 'samples/make_xlsx.py'), csv, xlsx]);
  return { csv, xlsx };
}

// One import in a fresh page: from picking the file until the row report shows.
async function importBook(browser, url, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('.app');
  await page.click('button[data-view="book"]');
  await page.waitForSelector('.book-choose');
  const cpu0 = threadCpu(benchMark());
  const t0 = performance.now();
  await page.setInputFiles('[data-testid="book-file"]', file);
  await page.waitForFunction(() => /100,000/.test(document.querySelector('.book-counts')?.textContent ?? ''), null, { timeout: 300000, polling: 50 });
  const wall = performance.now() - t0;
  const cpu1 = threadCpu(benchMark());
  await context.close();
  return { wall, main: cpu1.main - cpu0.main, workers: cpu1.workers - cpu0.workers };
}

const server = await startCompressedServer({ dir: DIST });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, benchMark()] });
console.log(`machine load (1/5/15 min):    ${loadavg().map((x) => fmt(x, 2)).join(' / ')} on 2 cores — figures scale with it`);
const BOOK_ONLY = process.argv.includes('--book-only');
try {
  let firstView;
  for (const condition of BOOK_ONLY ? [] : CONDITIONS) {
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server.url, condition));
    const wire = loads.map((l) => l.resources.reduce((s, r) => s + r.wireBytes, 0));
    console.log(`first load, ${condition.label}, median of ${LOADS}:`);
    console.log(`  FCP ${fmt(median(loads.map((l) => l.fcp)))} ms · LCP ${fmt(median(loads.map((l) => l.lcp)))} ms (${loads[0].lcpElement}) · TTI ${fmt(median(loads.map((l) => l.tti)))} ms · TBT ${fmt(median(loads.map((l) => l.tbt)))} ms · CLS ${fmt(median(loads.map((l) => l.cls)), 3)}`);
    const medians = { fcp: median(loads.map((l) => l.fcp)), lcp: median(loads.map((l) => l.lcp)), tbt: median(loads.map((l) => l.tbt)), cls: median(loads.map((l) => l.cls)) };
    console.log(`  Lighthouse-equivalent performance (estimate from these medians, SI taken as LCP): ${fmt(lighthouseEstimate(medians), 2)}`);
    console.log(`  long tasks until TTI: ${loads.map((l) => l.longTasks.filter((t) => t.start < l.tti).map((t) => fmt(t.end - t.start)).join('+') || 'none').join(' | ')} ms (each load)`);
    console.log(`  transferred: ${kb(median(wire))} in ${loads[0].resources.length} responses`);
    firstView ??= loads[0];
  }

  // What the first view downloads, by file, in the order the page asked for it (one unthrottled load).
  if (firstView) console.log('\nwhat the first load downloads (the first mobile load, in request order; KB = 1,024 bytes):');
  if (firstView) console.log(`  ${'file'.padEnd(40)} ${'asked at'.padStart(9)} ${'on wire'.padStart(10)} ${'enc'.padStart(4)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
  const total = { wire: 0, raw: 0, gzip: 0, br: 0 };
  for (const r of firstView?.resources.toSorted((a, b) => a.at - b.at) ?? []) {
    const name = fileOf(r.url);
    const s = sizes(name);
    total.wire += r.wireBytes;
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.br += s.br;
    console.log(`  ${name.padEnd(40)} ${(fmt(r.atMs) + ' ms').padStart(9)} ${kb(r.wireBytes).padStart(10)} ${String(r.encoding).padStart(4)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.br).padStart(10)}`);
  }
  if (firstView) {
    console.log(`  ${'TOTAL'.padEnd(40)} ${''.padStart(9)} ${kb(total.wire).padStart(10)} ${''.padStart(4)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)} ${kb(total.br).padStart(10)}`);
    // Issue 20's target: what the first view needs, at most 300 KB gzip.
    const TARGET = 300 * 1024;
    const verdict = total.gzip <= TARGET ? 'met' : `missed by ${kb(total.gzip - TARGET)} (${fmt((100 * total.gzip) / TARGET)} % of it)`;
    console.log(`first view: ${kb(total.gzip)} gzip -9, ${kb(total.br)} brotli in ${firstView.resources.length} files; target 300 KB gzip: ${verdict}`);
  }

  // "Your data" importing 100,000 loans, unthrottled: picked until the row report shows.
  const book = bigBook(100_000);
  console.log(`\n"Your data", 100,000 loans picked until the row report shows (unthrottled, median of ${LOADS}; CPU from /proc):`);
  for (const [label, file] of [['CSV', book.csv], ['xlsx', book.xlsx]]) {
    const runs = [];
    for (let i = 0; i < LOADS; i++) runs.push(await importBook(browser, server.url, file));
    console.log(`  ${label.padEnd(5)} ${kb(statSync(file).size).padStart(10)}: wall ${fmt(median(runs.map((r) => r.wall)))} ms · main thread CPU ${fmt(median(runs.map((r) => r.main)))} ms · workers CPU ${fmt(median(runs.map((r) => r.workers)))} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
