// The shell: the release build in dist/ loads in Chromium (from the root and from a sub-path), shows the
// name, purpose, workspace regions and version, switches language, and logs no error or warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, startServer, openPage, useBrowser } from './harness.mjs';

const cargoVersion = (await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8')).match(/^version = "([^"]+)"/m)[1];

const env = useBrowser();

test('the page loads from dist/ and shows the shell without console errors', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  assert.equal(await page.title(), 'Cadence');
  assert.equal((await page.textContent('h1')).trim(), 'Cadence');
  assert.match(await page.textContent('.tagline'), /prospecting cadence/);
  assert.equal(await page.locator('main section.region').count(), 3);
  assert.match(await page.textContent('footer'), new RegExp(cargoVersion.replaceAll('.', '\\.')));
  await page.waitForTimeout(300);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Chinese browser gets the Chinese page, and the switch persists across reloads', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { locale: 'zh-CN' });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.textContent('.tagline'), /营销节奏/);
  await page.click('.lang-switch');
  assert.match(await page.textContent('.tagline'), /prospecting cadence/);
  await page.reload();
  await page.waitForSelector('.app');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('.tagline'), /prospecting cadence/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('dist/ works from a sub-path of a static host (relative URLs)', async () => {
  const sub = await mkdtemp(join(tmpdir(), 'cadence-sub-'));
  await cp(DIST, sub, { recursive: true });
  const hosted = await startServer({ dir: sub, base: '/tools/cadence/' });
  try {
    const { context, page, problems } = await openPage(env.browser, hosted.url);
    assert.equal((await page.textContent('h1')).trim(), 'Cadence');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await hosted.close();
  }
});

test('the shell fits a 390-px phone without horizontal scrolling', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: { width: 390, height: 844 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  assert.deepEqual(problems, []);
  await context.close();
});

// The first paint (issue 20): before the wasm arrives, index.html's static copy of the first view's
// top shows, in the language the app will start in, where the app will draw the same things.
test('before the wasm arrives the first paint shows, in the page language, where the app then draws it', async () => {
  const boxes = () =>
    page.evaluate(() =>
      ['.site-header', '.views-nav', '.start-head h2', '.start-purpose', '.start-plan h3', '.start-lessons p'].map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return `${s} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      }),
    );
  let page;
  for (const [locale, stored, purpose] of [
    ['en-US', null, /prospecting week by week/],
    ['zh-CN', null, /按周规划/],
    // The remembered choice wins over the browser's, as services::locale decides.
    ['en-US', '"zh-CN"', /按周规划/],
    ['zh-CN', '"en"', /prospecting week by week/],
  ]) {
    const context = await env.browser.newContext({ viewport: { width: 412, height: 823 }, locale });
    if (stored) await context.addInitScript((lang) => localStorage.setItem('cadence.lang', lang), stored);
    page = await context.newPage();
    let release;
    const held = new Promise((ok) => (release = ok));
    await page.route(/app_bg-[0-9a-f]+\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.server.url);
    await page.waitForSelector('.first-paint .start-purpose');
    assert.equal(await page.locator('.app').count(), 0, 'the app is not there yet');
    assert.match(await page.locator('.first-paint .start-purpose').innerText(), purpose, `${locale} ${stored}`);
    assert.equal(await page.locator('.first-paint .start-show').isVisible(), false, 'the band shows, not its link');
    const before = await boxes();
    release();
    await page.waitForSelector('.app .start-purpose');
    assert.equal(await page.locator('.first-paint').count(), 0, 'the app replaced it');
    assert.match(await page.locator('.start-purpose').innerText(), purpose);
    assert.deepEqual(await boxes(), before, `${locale} ${stored}: laid out as the app lays it out`);
    await context.close();
  }
});

test('a start band hidden on this machine is hidden in the first paint too', async () => {
  const context = await env.browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(() => localStorage.setItem('cadence.start', 'hidden'));
  const page = await context.newPage();
  await page.route(/app_bg-[0-9a-f]+\.wasm$/, (route) => route.abort());
  await page.goto(env.server.url);
  await page.waitForSelector('.first-paint .start-show', { state: 'visible' });
  assert.equal(await page.locator('.first-paint .start').isVisible(), false);
  await context.close();
});
