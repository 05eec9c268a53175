// The back-test in "Your data" (issue 17), as a team lead uses it: the sample team opens in one
// press, the back-test starts 26 weeks before the last date, the Monte Carlo band runs in the
// workers, and each chart's "N of M weeks inside the band" equals `cadence backtest`'s on the same
// file and seed. A start date that is no date is refused beside its field and the charts stay; a
// new start date shows its own band, never the earlier one's. Laid out at a phone and three
// screens with no sideways scroll, by bounding boxes; axe clean.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.CADENCE_SHOTS ?? '/work/shots';
const CADENCE = process.env.CADENCE_BIN ?? join(ROOT, 'target', 'debug', 'cadence');
const SAMPLE = join(ROOT, 'samples/sample-team-loans.csv');

const env = useBrowser();
before(async () => {
  await mkdir(SHOTS, { recursive: true });
});

async function openSampleBacktest(page) {
  await page.click('button[data-view="book"]');
  await page.waitForSelector('.book-sample');
  await page.click('.book-sample');
  await page.waitForSelector('.book-backtest');
}

async function insideCounts(page) {
  await page.waitForFunction(
    () => document.querySelectorAll('.book-backtest-chart[data-inside]').length === 3,
    null,
    { timeout: 120_000 },
  );
  return page.$$eval('.book-backtest-chart', (figures) =>
    Object.fromEntries(figures.map((f) => [f.dataset.figure, [Number(f.dataset.inside), Number(f.dataset.reported)]])),
  );
}

function cliCounts(args = []) {
  const json = JSON.parse(execFileSync(CADENCE, ['backtest', SAMPLE, '--seed', '42', ...args], { encoding: 'utf8' }));
  return {
    json,
    counts: Object.fromEntries(
      Object.entries(json.figures).map(([id, f]) => [id, [f.inside, f.weeks_compared]]),
    ),
  };
}

test('the sample team back-tested on the page counts the weeks inside the band as the CLI does', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openSampleBacktest(page);
  const cli = cliCounts();
  assert.match(await page.textContent('#book-backtest-hint'), new RegExp(`26 weeks before the last date`));
  const shown = await insideCounts(page);
  assert.deepEqual(shown, cli.counts, 'inside counts: page = CLI');
  const words = await page.$$eval('.book-backtest-inside', (ps) => ps.map((p) => p.textContent));
  const [inside, weeks] = cli.counts.new_loans;
  assert.ok(words.some((w) => w.includes(`New loans: ${inside} of ${weeks} weeks inside the band`)), words.join(' | '));
  assert.match(await page.textContent('.book-backtest-intake'), /scales every channel's yield/);
  await page.locator('.book-backtest').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'backtest-sample-1280x800.png') });

  // A date that is no date: said beside the field, the charts stay.
  await page.fill('#book-backtest-from', '2026-13-40');
  await page.waitForSelector('#book-backtest-error');
  assert.match(await page.textContent('#book-backtest-error'), /is not a date/);
  assert.equal(await page.locator('.book-backtest-chart[data-inside]').count(), 3, 'nothing lost');

  // Another start: its own band (never the earlier one's), again the CLI's counts.
  await page.fill('#book-backtest-from', '2026-03-02');
  await page.waitForFunction(() => !document.querySelector('#book-backtest-error'));
  const later = cliCounts(['--from', '2026-03-02']);
  await page.waitForFunction(
    (weeks) => [...document.querySelectorAll('.book-backtest-chart')].every((f) => f.dataset.reported === String(weeks)),
    later.json.weeks,
    { timeout: 120_000 },
  );
  assert.deepEqual(await insideCounts(page), later.counts, 'the new start: page = CLI');
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [width, height] of [[390, 844], [1024, 768], [1280, 800], [1920, 1080]]) {
  test(`the back-test fits ${width}×${height} with no sideways scroll`, async () => {
    const { context, page } = await openPage(env.browser, env.server.url, { viewport: { width, height } });
    await openSampleBacktest(page);
    await insideCounts(page);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(scroll <= 0, `page scrolls sideways by ${scroll} px`);
    for (const selector of ['.book-backtest', '#book-backtest-from', '.book-backtest-chart >> nth=0', '.book-backtest-chart >> nth=2']) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width + 0.5, `${selector} inside the width: ${JSON.stringify(box)}`);
    }
    await page.locator('.book-backtest').screenshot({ path: join(SHOTS, `backtest-${width}x${height}.png`) });
    await context.close();
  });
}
