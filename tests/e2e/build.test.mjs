// The release build as a static host serves it (scripts/build.mjs): a strict Content-Security-Policy the
// page never violates — in the workspace, the plan, the trainer, chart downloads and the Monte Carlo
// worker — content-hashed file names, precompressed copies that decompress to the files, and a service
// worker that caches only its own release's files even when the browser's HTTP cache still holds the
// previous release's (issue 22, items 3, 5 and 6; issue 13, item 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, startServer, openPage, waitForRelease, useBrowser } from './harness.mjs';
import { writeServiceWorker } from '../../scripts/make-sw.mjs';

const env = useBrowser();

// Runs before the page's own scripts: every CSP violation the document sees, as one line each.
const RECORD_VIOLATIONS = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
};
const violations = (page) => page.evaluate(() => window.__csp);

const STABLE = new Set(['index.html', 'sw.js']);
// The sample team's files keep their names: the page and its README link to them.
const SAMPLES = new Set(['sample-team-activity.csv', 'sample-team-loans.csv', 'sample-team-loans.xlsx']);
const builtFiles = async (dir = DIST) => (await readdir(dir)).filter((f) => !/\.(gz|br)$/.test(f)).sort();

test('the page runs under its Content-Security-Policy without a violation, Monte Carlo worker included', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { initScript: RECORD_VIOLATIONS });
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /style-src 'self'(;|$)/);
  assert.match(policy, /worker-src 'self'(;|$)/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);

  // The workspace and Monte Carlo in the web workers (spawned from ./worker_loader-<hash>.js).
  await page.waitForSelector('#chart-active-loans svg');
  await page.fill('#mc-runs', '200');
  await page.click('#mc-run');
  await page.waitForSelector('.mc-done', { timeout: 60000 });
  assert.match(await page.textContent('.mc-done'), /200 runs/);
  // A chart as PNG: the SVG is drawn through an image from a blob: URL.
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#chart-new-loans .chart-download-png')]);
  assert.equal(png.suggestedFilename(), 'cadence-chart-new-loans.png');
  // The plan and the trainer's stage, in Chinese too, and the print layout.
  await page.click('button[data-view="plan"]');
  await page.waitForSelector('.plan-result');
  await page.click('button[data-view="trainer"]');
  await page.click('li[data-preset="fault"] .card-play');
  await page.waitForSelector('.week-label');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.click('.lang-switch');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.click('button[data-view="workspace"]');
  await page.waitForSelector('#chart-active-loans svg');

  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the policy is in force: an inline script is refused and reported (so the test above can fail)', async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { initScript: RECORD_VIOLATIONS });
  await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    await new Promise((ok) => setTimeout(ok, 100));
  });
  assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
  const seen = await violations(page);
  assert.equal(seen.length, 1, seen.join('\n'));
  assert.match(seen[0], /^script-src-elem blocked \(inline\)|^script-src-elem blocked inline/);
  await context.close();
});

test('every built file is named by its content, but the two entry points and the sample team; index.html has no inline script', async () => {
  const files = await builtFiles();
  assert.deepEqual(files.filter((f) => SAMPLES.has(f)), [...SAMPLES], 'the sample team is shipped');
  for (const name of SAMPLES) {
    assert.deepEqual(await readFile(join(DIST, name)), await readFile(join(import.meta.dirname, '..', '..', 'samples', name)), name);
  }
  for (const name of files.filter((f) => !STABLE.has(f) && !SAMPLES.has(f))) {
    const hash = createHash('sha256').update(await readFile(join(DIST, name))).digest('hex').slice(0, 16);
    assert.match(name, new RegExp(`-${hash}\\.(js|wasm|css)$`), `${name} carries its content hash`);
  }
  assert.deepEqual(files.filter((f) => STABLE.has(f)), ['index.html', 'sw.js']);
  const kinds = [/^app-/, /^app_bg-.*\.wasm$/, /^app_loader-/, /^worker-/, /^worker_bg-.*\.wasm$/, /^worker_loader-/];
  for (const kind of [...kinds, /^book_reader-/, /^book_reader_bg-.*\.wasm$/, /^book_reader_loader-/]) {
    assert.equal(files.filter((f) => kind.test(f)).length, 1, `one ${kind}`);
  }

  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\bstyle=|<style/, 'no inline style');
  const styles = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)].map((m) => m[1]);
  // One stylesheet, the source's joined in their order (issue 20: fewer files before the app's wasm).
  assert.deepEqual(styles.map((s) => s.replace(/-[0-9a-f]{16}\.css$/, '')), ['styles']);
  const joined = await readFile(join(DIST, styles[0]), 'utf8');
  let from = 0;
  for (const name of ['tokens', 'main', 'trainer', 'plan', 'print']) {
    const source = await readFile(join(import.meta.dirname, '..', '..', 'styles', `${name}.css`), 'utf8');
    const at = joined.indexOf(source, from);
    assert.ok(at >= from, `styles/${name}.css is in the joined stylesheet, after the ones before it`);
    from = at + source.length;
  }
  // Every URL the entry points name is a relative URL of a file in dist/ (the build works from a sub-path).
  const appLoader = await readFile(join(DIST, files.find((f) => /^app_loader-/.test(f))), 'utf8');
  const loader = await readFile(join(DIST, files.find((f) => /^worker_loader-/.test(f))), 'utf8');
  const readerLoader = await readFile(join(DIST, files.find((f) => /^book_reader_loader-/.test(f))), 'utf8');
  const named = [
    ...[...readerLoader.matchAll(/'(\.\/[^']+)'/g)].map((m) => m[1]),
    ...[...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:')),
    ...[...appLoader.matchAll(/'(\.\/[^']+)'/g)].map((m) => m[1]),
    ...[...loader.matchAll(/'(\.\/[^']+)'/g)].map((m) => m[1]),
  ];
  assert.equal(named.filter((u) => u.includes('worker')).length, 3, `the app's loader names the worker's loader, which names the worker's two files: ${named}`);
  assert.equal(named.filter((u) => u.includes('book_reader')).length, 3, `the app's loader names the Excel reader's loader, which names its two files: ${named}`);
  for (const url of named) {
    assert.match(url, /^\.\/[^/]+$/, url);
    assert.ok(files.includes(url.slice(2)), `${url} is in dist/`);
  }
});

test('precompressed .gz and .br copies decompress to each file, and sw.js lists every built file once', async () => {
  const all = await readdir(DIST);
  const files = await builtFiles();
  for (const name of files) {
    const bytes = await readFile(join(DIST, name));
    assert.ok(all.includes(`${name}.gz`) && all.includes(`${name}.br`), `${name} has .gz and .br`);
    assert.ok(gunzipSync(await readFile(join(DIST, `${name}.gz`))).equals(bytes), `${name}.gz`);
    assert.ok(brotliDecompressSync(await readFile(join(DIST, `${name}.br`))).equals(bytes), `${name}.br`);
  }
  assert.equal(all.length, 3 * files.length, 'nothing else in dist/');
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const assets = JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)[1]);
  assert.deepEqual(assets, ['./', ...files.filter((f) => f !== 'sw.js').map((f) => `./${f}`)]);
  assert.match(sw, /new Request\(url, \{ cache: 'reload' \}\)/);
});

// A second release, made from this one as a deploy would change it: a new stylesheet (new hashed name),
// and — as a careless host or CDN might — the app's script's bytes changed under its old name, with
// its own sw.js. (tests/e2e/releases.test.mjs deploys two releases in turn as a person meets them.)
async function nextRelease() {
  const dir = await mkdtemp(join(tmpdir(), 'cadence-release-b-'));
  await cp(DIST, dir, { recursive: true });
  for (const f of await readdir(dir)) if (/\.(gz|br)$/.test(f)) await rm(join(dir, f));
  const sameName = (await readdir(dir)).find((f) => /^app-[0-9a-f]{16}\.js$/.test(f));
  await writeFile(join(dir, sameName), `${await readFile(join(dir, sameName), 'utf8')}\n/* release B */\n`);
  const oldCss = (await readdir(dir)).find((f) => /^styles-[0-9a-f]{16}\.css$/.test(f));
  const css = `${await readFile(join(dir, oldCss), 'utf8')}\n/* release B */\n`;
  const newCss = `styles-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  await rm(join(dir, oldCss));
  await writeFile(join(dir, newCss), css);
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  await writeFile(join(dir, 'index.html'), html.replace(oldCss, newCss));
  const { version } = await writeServiceWorker(dir);
  return { dir, version, oldCss, newCss, sameName };
}

test('a new release caches only its own files, though the HTTP cache holds the old ones; offline too', async () => {
  const a = await mkdtemp(join(tmpdir(), 'cadence-release-a-'));
  await cp(DIST, a, { recursive: true });
  const b = await nextRelease();
  // As a host might: files cached for an hour by the browser, but the page and sw.js revalidated.
  const host = await startServer({ dir: a, cacheControl: (rel) => (/^(index\.html|sw\.js)$/.test(rel) ? 'no-cache' : 'max-age=3600') });
  const { context, page, problems } = await openPage(env.browser, host.url);
  try {
    await page.evaluate(() => navigator.serviceWorker.ready);
    const versionA = (await readFile(join(a, 'sw.js'), 'utf8')).match(/const VERSION = "([0-9a-f]+)"/)[1];
    assert.deepEqual(await waitForRelease(page, a), [`cadence-${versionA}`]);
    // The old release's script is now in the HTTP cache, fresh for an hour.
    assert.doesNotMatch(await page.evaluate(async (name) => (await fetch(`./${name}`)).text(), b.sameName), /release B/);

    host.serve(b.dir);
    await page.reload();
    await page.waitForSelector('.app');
    // The release replaced stays until the next, for its pages still open.
    assert.deepEqual(await waitForRelease(page, b.dir), [`cadence-${versionA}`, `cadence-${b.version}`]);
    const cached = await page.evaluate(async ([version, name]) => {
      const cache = await caches.open(`cadence-${version}`);
      const urls = (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort();
      return { urls, same: await (await cache.match(`./${name}`, { cacheName: `cadence-${version}` })).text() };
    }, [b.version, b.sameName]);
    assert.match(cached.same, /release B/, "the cache holds the new release's bytes, not the HTTP cache's");
    assert.ok(cached.urls.includes(b.newCss) && !cached.urls.includes(b.oldCss), cached.urls.join(' '));
    assert.deepEqual(cached.urls, ['', ...(await builtFiles(b.dir)).filter((f) => f !== 'sw.js')].sort());

    // Offline, the page is the new release's, and Monte Carlo starts its worker from the cache.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-kpi="h-star"]');
    assert.equal(await page.locator(`link[href="./${b.newCss}"]`).count(), 1);
    await page.fill('#mc-runs', '100');
    await page.click('#mc-run');
    await page.waitForSelector('.mc-done', { timeout: 60000 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await host.close();
    await rm(a, { recursive: true, force: true });
    await rm(b.dir, { recursive: true, force: true });
  }
});

// Chromium opens at most six connections to an HTTP/1.1 host; a seventh file the first view asks for
// waits a round trip for one. The five stylesheets made the app's wasm, the largest download, wait
// (issue 20). Nor does the first view download the Monte Carlo worker: it is spawned when a job starts.
test('the first view asks for at most six files beside the page, none of them a worker file', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  try {
    await page.waitForSelector('#chart-active-loans svg');
    const asked = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.origin === location.origin)
        .map((u) => u.pathname.split('/').pop()),
    );
    assert.ok(asked.some((f) => /^app_bg-[0-9a-f]{16}\.wasm$/.test(f)), `the app's wasm is among ${asked}`);
    assert.ok(asked.length <= 6, `the first view asked for ${asked.length} files: ${asked.join(' ')}`);
    assert.deepEqual(asked.filter((f) => f.startsWith('worker')), [], 'no worker file before Monte Carlo runs');
    assert.deepEqual(asked.filter((f) => f.startsWith('book_reader')), [], 'no Excel reader before a workbook is chosen');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// Issue 17 and issue 20: the Excel reader (calamine, zip, quick-xml) is linked into its own worker
// only; the app's wasm, the first load, holds none of it.
test("the app's wasm carries no Excel reader; the book reader's does", async () => {
  const files = await builtFiles();
  const wasm = async (kind) => readFile(join(DIST, files.find((f) => kind.test(f))));
  const app = await wasm(/^app_bg-.*\.wasm$/);
  const reader = await wasm(/^book_reader_bg-.*\.wasm$/);
  for (const mark of ['xl/workbook.xml', 'xl/workbook.bin', 'EncryptedPackage']) {
    assert.equal(app.includes(mark), false, `the app's wasm names ${mark}`);
    assert.equal(reader.includes(mark), true, `the reader's wasm names ${mark}`);
  }
  assert.ok(reader.length > 100_000, `the reader is a workbook reader: ${reader.length} bytes`);
});
