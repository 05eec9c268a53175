// Monte Carlo on demand, off the main thread: start a run, see progress, cancel it, run again to the
// end, and read the spread of outcomes; bad runs or seed values are refused next to their inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './harness.mjs';

const env = useBrowser();

test('start, see progress, cancel, run again to completion', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.fill('#mc-runs', '2000');
  assert.match(await page.textContent('#mc-run'), /Run 2,000 simulations/);
  await page.click('#mc-run');
  await page.waitForSelector('#mc-progress');
  await page.waitForFunction(() => Number(document.querySelector('#mc-progress')?.value) > 0);
  await page.click('#mc-cancel');
  assert.match(await page.textContent('.mc-note'), /Cancelled after [\d,]+ of 2,000 runs/);
  assert.equal(await page.locator('#mc-progress').count(), 0);

  await page.fill('#mc-runs', '1000');
  await page.click('#mc-run');
  await page.waitForSelector('.mc-done', { timeout: 60000 });
  assert.match(await page.textContent('.mc-done'), /1,000 runs, seed 42/);
  const spread = await page.textContent('[data-kpi="mc-book-end"] .kpi-value');
  const [p10, p50, p90] = spread.split('/').map((s) => Number(s.trim().replaceAll(',', '')));
  assert.ok(p10 <= p50 && p50 <= p90, spread);
  assert.ok(Math.abs(p50 - 720) < 40, `median team book ${p50} is near the expected 720`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the same seed gives the same spread; editing the scenario marks it out of date', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.fill('#mc-runs', '200');
  await page.fill('#mc-seed', '7');
  await page.click('#mc-run');
  await page.waitForSelector('.mc-done', { timeout: 60000 });
  const first = await page.textContent('[data-kpi="mc-book-end"] .kpi-value');
  await page.click('#mc-run');
  await page.waitForSelector('.mc-done', { timeout: 60000 });
  assert.equal(await page.textContent('[data-kpi="mc-book-end"] .kpi-value'), first);
  await page.fill('#in-team-ams', '7');
  assert.match(await page.textContent('.mc-note'), /earlier inputs/);
  assert.equal(await page.locator('[data-kpi="mc-book-end"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('invalid runs or seed are refused next to the input', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.fill('#mc-runs', '5');
  assert.match(await page.textContent('#mc-runs-error'), /10 to 10,000/);
  assert.equal(await page.isDisabled('#mc-run'), true);
  await page.fill('#mc-runs', '100');
  await page.fill('#mc-seed', 'abc');
  assert.match(await page.textContent('#mc-seed-error'), /whole number/);
  assert.equal(await page.isDisabled('#mc-run'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('runs that finish after an edit are shown as the earlier scenario’s, never as the new one’s (issue 13)', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  // Live off: the fan would otherwise run again for the new scenario after the edit.
  await page.uncheck('#mc-live');
  await page.fill('#mc-runs', '4000');
  await page.click('#mc-run');
  await page.waitForFunction(() => Number(document.querySelector('#mc-progress')?.value) > 0);
  // Edit while the workers run the old scenario.
  await page.fill('#in-team-ams', '7');
  await page.waitForSelector('#mc-progress', { state: 'detached', timeout: 120000 });
  assert.match(await page.textContent('.mc-note'), /earlier inputs/);
  assert.equal(await page.locator('.mc-done').count(), 0, 'not reported as done for the new scenario');
  assert.equal(await page.locator('[data-kpi="mc-book-end"]').count(), 0, 'no spread shown as the new scenario’s');
  // The fan is not drawn over the new scenario's line either.
  const fan = await page.locator('#chart-active-loans svg').innerHTML();
  assert.ok(!/P10–P90/.test(fan), 'no Monte Carlo fan on the new scenario’s chart');
  assert.deepEqual(problems, []);
  await context.close();
});

test('live: the fan follows every edit as the line does, for the scenario on screen (issue 20)', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  // On load the fan of the scenario shown arrives by itself.
  await page.waitForSelector('.mc-done', { timeout: 60000 });
  assert.match(await page.textContent('.mc-done'), /^250 runs, seed 42$/);
  assert.match(await page.locator('#chart-active-loans svg').innerHTML(), /P10–P90/);
  const before = await page.textContent('[data-kpi="mc-book-end"] .kpi-value');
  // Typing a new team size runs it again once typing pauses: the spread is the new scenario's.
  const t0 = Date.now();
  await page.fill('#in-team-ams', '9');
  await page.waitForFunction((old) => {
    const done = document.querySelector('.mc-done');
    const book = document.querySelector('[data-kpi="mc-book-end"] .kpi-value');
    return done && book && book.textContent !== old;
  }, before, { timeout: 60000 });
  const waited = Date.now() - t0;
  console.log(`live fan after an edit: ${waited} ms (pause ${300} ms + ${await page.textContent('.mc-done')})`);
  assert.match(await page.textContent('.mc-done'), /runs, seed 42/);
  assert.equal(await page.locator('.mc-note:not(.mc-done)').count(), 0, 'nothing marked out of date');
  // The full count still runs on request.
  await page.click('#mc-run');
  await page.waitForFunction(() => /^1,000 runs/.test(document.querySelector('.mc-done')?.textContent ?? ''), null, { timeout: 60000 });
  assert.deepEqual(problems, []);
  await context.close();
});
