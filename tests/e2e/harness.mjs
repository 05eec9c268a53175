// Shared end-to-end harness: a static server for dist/ on 127.0.0.1 and Debian's Chromium driven by
// playwright-core. Every test page records console errors and warnings so tests can assert there are none.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..', '..');
// CADENCE_DIST lets a developer test another build directory (the test command always builds dist/).
export const DIST = process.env.CADENCE_DIST ?? join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

// Serves `dir` under `base` (e.g. '/' or '/sub/path/') so tests can prove the build works from a sub-path.
// `cacheControl(path)` gives each file's Cache-Control header (default: no-store); `serve(dir)` switches
// the directory served, as a host does when a new release is deployed.
export async function startServer({ dir = DIST, base = '/', cacheControl = () => 'no-store' } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (!url.pathname.startsWith(base)) {
        res.writeHead(404).end('not found');
        return;
      }
      let rel = decodeURIComponent(url.pathname.slice(base.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(dir, rel));
      if (!file.startsWith(dir)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      await stat(file);
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cacheControl(rel),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((ok) => server.close(ok)),
    serve: (next) => {
      dir = next;
    },
  };
}

// The flags TOOLCHAIN.md verified for root in a closed network; never a downloaded browser.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

// One browser and one static server for a test file: launched before its first test, closed after
// its last. `env.browser` and `env.server` are set once the file's `before` hook has run.
export function useBrowser(serverOptions) {
  const env = { browser: undefined, server: undefined };
  before(async () => {
    env.browser = await launchBrowser();
    env.server = await startServer(serverOptions);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

// A new page in a fresh context that records console errors/warnings and uncaught page errors.
// `initScript` (a function) runs in every document before the page's own scripts.
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, colorScheme = 'light', locale = 'en-US', initScript } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale, acceptDownloads: true });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(url);
  await page.waitForSelector('.app', { timeout: 20000 });
  return { context, page, problems };
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe-core's serious and critical violations on the page as it is now, one line each (empty = none).
// axe is evaluated through the DevTools protocol, not added as a <script>: the page's
// Content-Security-Policy refuses inline scripts.
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// Every axe-core violation on the page as it is now, of any impact, one line each (empty = none).
export async function allViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// Waits until the service worker of the release built in `dir` is installed and in charge: its cache
// holds every file its sw.js lists and is the newest Cadence cache (the one it replaced may be kept,
// for that release's pages still open). Returns the Cadence caches, oldest first.
export async function waitForRelease(page, dir) {
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  const name = `cadence-${sw.match(/const VERSION = "([0-9a-f]+)"/)[1]}`;
  const assets = JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)[1]).length;
  for (let i = 0; i < 300; i++) {
    const state = await page.evaluate(async ([name, assets]) => {
      const keys = (await caches.keys()).filter((k) => k.startsWith('cadence-'));
      const registration = await navigator.serviceWorker.getRegistration();
      const complete = keys.includes(name) && (await (await caches.open(name)).keys()).length === assets;
      const settled = !!registration?.active && !registration.installing && !registration.waiting;
      return { keys, ready: complete && keys.at(-1) === name && keys.length <= 2 && settled && !!navigator.serviceWorker.controller };
    }, [name, assets]);
    if (state.ready) return state.keys;
    await page.waitForTimeout(100);
  }
  throw new Error(`the release of ${dir} never took charge`);
}
