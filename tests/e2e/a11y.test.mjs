// Accessibility: axe-core (npm) reports no serious or critical violation on every view of the page,
// in light and dark and in both languages, and the main controls are reachable by keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const env = useBrowser();

for (const colorScheme of ['light', 'dark']) {
  for (const locale of ['en-US', 'zh-CN']) {
    test(`no serious or critical axe violation — ${colorScheme}, ${locale}, every view`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server.url, { colorScheme, locale });
      assert.deepEqual(await seriousViolations(page), [], 'basic view');

      await page.selectOption('#in-preset', 'fault:0');
      await page.click('.toggle-advanced');
      await page.click('#pin');
      await page.fill('#in-team-ams', '7');
      await page.click('#pin');
      await page.fill('#mc-runs', '100');
      await page.click('#mc-run');
      await page.waitForSelector('.mc-done', { timeout: 60000 });
      await page.click('#chart-new-loans .chart-toggle');
      await page.fill('#in-team-hours_per_week', 'x');
      assert.deepEqual(await seriousViolations(page), [], 'advanced view with an error, pins, Monte Carlo and a chart as a table');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('keyboard only: tab to the first input, type, and reach the Monte Carlo button', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  // Tab from the top of the page (language switch, the three views, the library's controls) until the
  // team-size input has focus.
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'in-team-ams'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  assert.equal(focused, 'in-team-ams');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('8');
  assert.equal(await page.textContent('[data-kpi="book-end"] .kpi-value'), '960');
  for (let i = 0; i < 80 && focused !== 'mc-run'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  assert.equal(focused, 'mc-run', 'the Monte Carlo button is reachable by keyboard');
  assert.deepEqual(problems, []);
  await context.close();
});
