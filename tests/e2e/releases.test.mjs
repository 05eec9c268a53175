// Two releases in turn (issue 22, item 3): a host serves release A, a person visits (the service worker
// installs A), the host swaps in release B, the person comes back online and then offline. Every file
// the page and its Monte Carlo workers receive under B's page must be B's — never one of A's from the
// service worker's cache or the browser's HTTP cache — and the worker that runs is B's. And an old page
// and a new page open side by side never write over each other's data: a library stored by a newer
// Cadence is left as it is by the older page, which says so and keeps its saves in the tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, startServer, launchBrowser, openPage, waitForRelease } from './harness.mjs';
import { writeServiceWorker } from '../../scripts/make-sw.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const HASHED = /^(.+)-([0-9a-f]{16})(\.[a-z]+)$/;
const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// Release B made from release A as a new build would differ: the Monte Carlo worker's script and wasm
// and a stylesheet change. A changed file named by its hash gets its new name, and every file that
// names it changes too (and is renamed in turn), up to index.html; sw.js is written anew.
async function nextRelease(from) {
  const dir = await mkdtemp(join(tmpdir(), 'cadence-release-b-'));
  await cp(from, dir, { recursive: true });
  for (const f of await readdir(dir)) if (/\.(gz|br)$/.test(f)) await rm(join(dir, f));
  const change = async (name, bytes) => {
    await writeFile(join(dir, name), bytes);
    const m = name.match(HASHED);
    if (!m) return;
    const renamed = `${m[1]}-${hash16(bytes)}${m[3]}`;
    await rename(join(dir, name), join(dir, renamed));
    for (const other of await readdir(dir)) {
      if (!/\.(js|html|css)$/.test(other) || other === 'sw.js') continue;
      const text = await readFile(join(dir, other), 'utf8');
      if (text.includes(name)) await change(other, Buffer.from(text.split(name).join(renamed)));
    }
  };
  const files = await readdir(dir);
  const find = (re) => files.find((f) => re.test(f));
  const workerJs = find(/^worker-[0-9a-f]{16}\.js$/);
  await change(workerJs, Buffer.from(`${await readFile(join(dir, workerJs), 'utf8')}\n;self.__cadenceRelease = 'B';\n`));
  // A custom section named "release" at the end of the module: still valid wasm, new bytes.
  const workerWasm = find(/^worker_bg-[0-9a-f]{16}\.wasm$/);
  const section = Buffer.from([0x00, 0x09, 0x07, ...Buffer.from('release'), 0x42]);
  await change(workerWasm, Buffer.concat([await readFile(join(dir, workerWasm)), section]));
  const css = find(/^styles-[0-9a-f]{16}\.css$/);
  await change(css, Buffer.from(`${await readFile(join(dir, css), 'utf8')}\n/* release B */\n`));
  const { version } = await writeServiceWorker(dir);
  return { dir, version };
}

// Every file a page and its workers receive from the host's origin, by name, with its bytes.
function recordResponses(page, origin) {
  const seen = [];
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.origin !== origin || response.request().method() !== 'GET') return;
    const name = url.pathname.slice(1) || 'index.html';
    try {
      seen.push({ name, body: await response.body(), cached: response.fromServiceWorker() });
    } catch {
      seen.push({ name, body: null, cached: response.fromServiceWorker() });
    }
  });
  return seen;
}

// The names in `seen` that are not release `dir`'s file of that name, byte for byte.
async function foreign(seen, dir) {
  const files = new Set(await readdir(dir));
  const out = [];
  for (const { name, body } of seen) {
    if (name === 'sw.js' || name === 'favicon.ico') continue;
    if (!files.has(name)) out.push(`${name} (not in this release)`);
    else if (body && !body.equals(await readFile(join(dir, name)))) out.push(`${name} (other bytes)`);
  }
  return out;
}

async function runMonteCarlo(page) {
  await page.fill('#mc-runs', '100');
  await page.click('#mc-run');
  await page.waitForSelector('.mc-done', { timeout: 60_000 });
}

// What the Monte Carlo workers of the page ran: their release mark and the files they loaded.
const workersRan = (page) =>
  Promise.all(
    page.workers().map((w) =>
      w.evaluate(() => ({
        release: self.__cadenceRelease ?? 'A',
        loaded: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)),
      })),
    ),
  );

test('a second release serves only its own files, online and offline, and runs its own Monte Carlo worker', async () => {
  const a = await mkdtemp(join(tmpdir(), 'cadence-release-a-'));
  await cp(DIST, a, { recursive: true });
  const b = await nextRelease(a);
  // As a static host would: hashed files cached by the browser for an hour, the page and sw.js revalidated.
  const host = await startServer({ dir: a, cacheControl: (rel) => (/^(index\.html|sw\.js)?$/.test(rel) ? 'no-cache' : 'max-age=3600') });
  const { context, page, problems } = await openPage(browser, host.url);
  const origin = new URL(host.url).origin;
  try {
    // Release A: visited, its service worker installed, its worker run (so A's files are in both caches).
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitForRelease(page, a);
    await runMonteCarlo(page);
    assert.deepEqual((await workersRan(page)).map((w) => w.release), page.workers().map(() => 'A'));

    // Release B is deployed; the person comes back while A's service worker still answers.
    host.serve(b.dir);
    const online = recordResponses(page, origin);
    await page.reload();
    await page.waitForSelector('[data-kpi="h-star"]');
    await runMonteCarlo(page);
    const workersOnline = await workersRan(page);
    assert.ok(workersOnline.length > 0);
    assert.deepEqual(workersOnline.map((w) => w.release), workersOnline.map(() => 'B'), "B's page runs B's worker");
    const bFiles = new Set(await readdir(b.dir));
    for (const w of workersOnline) for (const f of w.loaded) assert.ok(bFiles.has(f), `the worker loaded ${f}, not a file of B`);
    assert.deepEqual(await foreign(online, b.dir), [], 'online, every file is B’s');
    await waitForRelease(page, b.dir);

    // Offline: everything from B's cache, B's worker included.
    await context.setOffline(true);
    const offline = recordResponses(page, origin);
    await page.reload();
    await page.waitForSelector('[data-kpi="h-star"]');
    await runMonteCarlo(page);
    const workersOffline = await workersRan(page);
    assert.deepEqual(workersOffline.map((w) => w.release), workersOffline.map(() => 'B'));
    assert.deepEqual(await foreign(offline, b.dir), [], 'offline, every file is B’s');
    assert.ok(offline.length > 0 && offline.every((r) => r.cached), 'offline, all from the service worker');
    const aFiles = new Set(await readdir(a));
    const renamed = [...bFiles].filter((f) => !aFiles.has(f) && !/\.(gz|br)$/.test(f));
    console.log(
      `two releases: B has ${renamed.length} files A has not (${renamed.join(', ')}); ` +
        `B's page received ${online.length} files online and ${offline.length} offline, none of A's; ` +
        `its workers loaded ${[...new Set(workersOnline.flatMap((w) => w.loaded))].join(', ')}`,
    );
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await host.close();
    await rm(a, { recursive: true, force: true });
    await rm(b.dir, { recursive: true, force: true });
  }
});

test('a page of the old release still open when the new one takes charge runs its own worker, and the new page its own', async () => {
  const a = await mkdtemp(join(tmpdir(), 'cadence-release-a-'));
  await cp(DIST, a, { recursive: true });
  const b = await nextRelease(a);
  const host = await startServer({ dir: a });
  const { context, page: old, problems } = await openPage(browser, host.url);
  try {
    await old.evaluate(() => navigator.serviceWorker.ready);
    await waitForRelease(old, a);
    host.serve(b.dir);
    // A new tab gets release B, whose service worker takes charge of both tabs.
    const fresh = await context.newPage();
    await fresh.goto(host.url);
    await fresh.waitForSelector('[data-kpi="h-star"]');
    const caches = await waitForRelease(fresh, b.dir);
    assert.equal(caches.length, 2, 'the replaced release stays for its open pages');
    await runMonteCarlo(old);
    assert.deepEqual((await workersRan(old)).map((w) => w.release), old.workers().map(() => 'A'), "the old page runs its own worker");
    await runMonteCarlo(fresh);
    assert.deepEqual((await workersRan(fresh)).map((w) => w.release), fresh.workers().map(() => 'B'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await host.close();
    await rm(a, { recursive: true, force: true });
    await rm(b.dir, { recursive: true, force: true });
  }
});

test('an old page beside a newer one never writes over the library the newer one stored (issue 22)', async () => {
  const host = await startServer();
  const { context, page: old, problems } = await openPage(browser, host.url);
  try {
    await old.fill('#scenario-name', 'Mine');
    await old.click('#save-as');
    await old.waitForSelector('.notice:has-text("Saved in your library as “Mine”")');
    // A newer Cadence in another tab of the same browser stores its library in a format this page does
    // not know (version 9), with an entry of its own.
    const newer = await context.newPage();
    await newer.goto(host.url);
    await newer.waitForSelector('.app');
    const stored = await newer.evaluate(() => {
      const library = JSON.parse(localStorage.getItem('cadence.library'));
      library.version = 9;
      library.scenarios.push({ ...library.scenarios[0], id: 'newer-1', name: 'From the newer page', colour: 'a field of version 9' });
      const text = JSON.stringify(library);
      localStorage.setItem('cadence.library', text);
      return text;
    });
    await newer.close();
    // The old page saves, renames, deletes: the newer library stays as it was, byte for byte.
    await old.fill('#scenario-name', 'After');
    await old.click('#save-as');
    await old.waitForSelector('.notice:has-text("saved by a newer Cadence")');
    await old.waitForSelector('.notice:has-text("Saved as “After” in this tab only")');
    await old.click('details.library summary');
    await old.locator('.library-table .entry-delete').first().click();
    assert.equal(await old.evaluate(() => localStorage.getItem('cadence.library')), stored);
    // It offers what it could not read, and its own library, for download.
    const offered = await old.locator('.notice:has-text("saved by a newer Cadence") .notice-download').allTextContents();
    assert.ok(offered.length >= 1, offered.join(', '));
    // A reload of the old page changes nothing either.
    await old.reload();
    await old.waitForSelector('.app');
    await old.fill('#scenario-name', 'Third');
    await old.click('#save-as');
    assert.equal(await old.evaluate(() => localStorage.getItem('cadence.library')), stored);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await host.close();
  }
});
