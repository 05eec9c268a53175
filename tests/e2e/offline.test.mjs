// Offline: after the first visit the page opens and works with no network (sw.js caches the build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './harness.mjs';

const env = useBrowser();

test('after one visit the page reloads offline and still simulates, Monte Carlo included', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
  // The live fan of the first visit has its worker loaded before the network goes.
  await page.waitForSelector('.mc-done', { timeout: 60000 });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-kpi="h-star"]');
  assert.equal(await page.textContent('[data-kpi="h-star"] .kpi-value'), '8.80');
  await page.fill('#in-team-ams', '9');
  assert.equal(await page.textContent('[data-kpi="book-end"] .kpi-value'), '1,080');
  await page.fill('#mc-runs', '100');
  await page.click('#mc-run');
  await page.waitForSelector('.mc-done', { timeout: 60000 });
  assert.equal(await page.locator('#chart-active-loans svg').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new release replaces the old cache', async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const keys = await page.evaluate(async () => {
    // Wait until the install step has filled the cache.
    for (let i = 0; i < 50; i++) {
      const k = (await caches.keys()).filter((x) => x.startsWith('cadence-'));
      if (k.length) return k;
      await new Promise((r) => setTimeout(r, 100));
    }
    return [];
  });
  assert.equal(keys.length, 1, `one versioned cache: ${keys}`);
  const sw = await (await fetch(`${env.server.url}sw.js`)).text();
  assert.ok(sw.includes(keys[0].slice('cadence-'.length)), 'the cache is named after the build');
  await context.close();
});
