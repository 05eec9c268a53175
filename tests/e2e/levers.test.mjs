// Which lever matters (issue 21): the tornado of the default scenario, the same figures as
// `cadence sensitivity`, "Try it" pins the scenario and moves the lever, both languages, and the
// layout at the sizes people use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.CADENCE_SHOTS ?? join(tmpdir(), 'cadence-levers-shots');

const env = useBrowser();

/// The command line, built by the native tests before the end-to-end ones (or built here).
function cadence(args) {
  const bin = process.env.CADENCE_BIN ?? join(ROOT, 'target', 'debug', 'cadence');
  if (existsSync(bin)) return execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return execFileSync('cargo', ['run', '-q', '--bin', 'cadence', '--', ...args],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/// ISO week of a YYYY-MM-DD date, capped at 52 like the page.
function isoWeek(text) {
  const d = new Date(`${text}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d - firstThursday) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return Math.min(week, 52);
}

/// The page's default scenario as the command line reads it: the example with the page's week.
function cliTornado(startDate, outcome = 'book_end') {
  const scenario = JSON.parse(cadence(['example']));
  scenario.team.start_week = isoWeek(startDate);
  const dir = mkdtempSync(join(tmpdir(), 'cadence-levers-'));
  const file = join(dir, 'default.json');
  writeFileSync(file, JSON.stringify(scenario));
  return JSON.parse(cadence(['sensitivity', file, '--outcome', outcome]));
}

async function openLevers(page) {
  await page.locator('#levers > summary').click();
  await page.waitForSelector('#levers .lever');
}

test('the tornado of the default scenario has the command line\'s figures, widest first', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const startDate = await page.inputValue('#in-start-date');
  await openLevers(page);
  const bars = page.locator('#levers .lever');
  assert.equal(await bars.count(), 16);
  const cli = cliTornado(startDate);
  const shown = await bars.evaluateAll((els) => els.map((el) => ({
    lever: el.dataset.lever, low: Number(el.dataset.low), high: Number(el.dataset.high),
  })));
  assert.deepEqual(shown, cli.bars.map((b) => ({ lever: b.lever, low: b.low.outcome, high: b.high.outcome })));
  // The top bar, in words: its name, the range used and its two outcomes.
  const top = bars.first();
  assert.equal(await top.getAttribute('data-lever'), cli.bars[0].lever);
  assert.match(await top.locator('.lever-range').textContent(), /^−20% to \+\d+% of today's values$/);
  assert.match(await page.textContent('#levers .levers-note'), /20% down and up/);
  const loans = (x) => `${Math.round(x).toLocaleString('en-US')} loans`;
  assert.equal(await top.locator('.lever-low-text').textContent(), `lower: ${loans(cli.bars[0].low.outcome)}`);
  assert.equal(await top.locator('.lever-high-text').textContent(), `higher: ${loans(cli.bars[0].high.outcome)}`);
  // Another outcome: the bars follow it.
  await page.selectOption('#levers-outcome', 'h_star');
  const hstar = cliTornado(startDate, 'h_star');
  await page.waitForFunction((lever) => document.querySelector('#levers .lever')?.dataset.lever === lever, hstar.bars[0].lever);
  assert.equal(Number(await bars.first().getAttribute('data-high')), hstar.bars[0].high.outcome);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Try it" pins the current scenario and opens it with the lever at its high end', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openLevers(page);
  const renewal = page.locator('#levers .lever[data-lever="renewal_rates"]');
  const high = Number(await renewal.getAttribute('data-high'));
  const field = page.locator('#in-loans-renewal_prob-standard');
  const before = (await field.count()) ? await field.inputValue() : null;
  await renewal.locator('.lever-try').click();
  assert.deepEqual(await page.locator('.compare-table thead .pinned-name').allTextContents(), ['Before: Renewal rates']);
  // The tornado now describes the moved scenario: its base is the bar's high end.
  await page.waitForFunction((text) => document.querySelector('#levers .levers-base')?.textContent.includes(text),
    `Now: ${Math.round(high).toLocaleString('en-US')} loans`);
  if (before !== null) assert.equal(Number(await field.inputValue()), Math.round(Number(before) * 1.2 * 1e6) / 1e6);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the section in Chinese, and its rows inside the screen at the sizes people use', async () => {
  const sizes = [[390, 844], [1024, 768], [1280, 800], [1920, 1080]];
  for (const [width, height] of sizes) {
    for (const locale of ['en-US', 'zh-CN']) {
      const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: { width, height }, locale });
      await openLevers(page);
      if (locale === 'zh-CN') {
        assert.match(await page.textContent('#levers summary'), /哪个杠杆最重要/);
        assert.match(await page.textContent('#levers .lever-range'), /当前数值的/);
      }
      const boxes = await page.locator('#levers .lever').evaluateAll((els) => els.map((el) => {
        const r = el.getBoundingClientRect();
        const bar = el.querySelector('.lever-bar').getBoundingClientRect();
        const button = el.querySelector('.lever-try').getBoundingClientRect();
        return { left: r.left, right: r.right, barWidth: bar.width, barRight: bar.right, buttonRight: button.right };
      }));
      for (const b of boxes) {
        assert.ok(b.left >= 0 && b.right <= width, `${width}×${height} ${locale}: row ${b.left}–${b.right}`);
        assert.ok(b.barWidth >= 60, `${width}×${height} ${locale}: bar ${b.barWidth} px`);
        assert.ok(b.barRight <= width && b.buttonRight <= width, `${width}×${height} ${locale}: overflow`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${width}×${height} ${locale}: page scrolls sideways by ${overflow} px`);
      await page.locator('#levers').scrollIntoViewIfNeeded();
      await page.locator('#levers').screenshot({ path: join(SHOTS, `levers-${width}x${height}-${locale}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});
