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
