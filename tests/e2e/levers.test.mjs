// Which lever matters (issue 21): the tornado of the default scenario, the same figures as
// `cadence sensitivity`, "Try it" pins the scenario and moves the lever, both languages, and the
// layout at the sizes people use; Compute importance in the workers (the CLI's indices, measure next
// in words, downloads, cancel, an edit stops it) in both languages at 1280×800 and on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

// Opens the folded section as a person does, pressing its summary again if the first press did not
// open it (a layout shift while the page was still settling can move the summary under the pointer),
// then waits for its bars; a timeout says what the section showed instead.
async function openLevers(page) {
  const summary = page.locator('#levers > summary');
  for (let press = 0; press < 3; press += 1) {
    await summary.click();
    const opened = await page.waitForFunction(() => document.querySelector('#levers')?.open, null, { timeout: 5000 })
      .then(() => true, () => false);
    if (opened) break;
  }
  try {
    await page.waitForSelector('#levers .lever');
  } catch (err) {
    const shown = await page.locator('#levers').evaluate((el) => `open=${el.open}: ${el.textContent.slice(0, 300)}`);
    throw new Error(`the levers section showed no bars (${shown})`, { cause: err });
  }
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

/// The size a PNG says it is (its IHDR chunk).
function pngSize(bytes) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/// Whether the browser's XML parser reads the text as one well-formed SVG document.
async function parsesAsSvg(page, text) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return doc.querySelector('parsererror') === null && doc.documentElement.localName === 'svg';
  }, text);
}

/// The default scenario's importance as the command line computes it.
function cliImportance(startDate, outcome, n, seed) {
  const scenario = JSON.parse(cadence(['example']));
  scenario.team.start_week = isoWeek(startDate);
  const dir = mkdtempSync(join(tmpdir(), 'cadence-levers-'));
  const file = join(dir, 'default.json');
  writeFileSync(file, JSON.stringify(scenario));
  return JSON.parse(cadence(['sensitivity', file, '--outcome', outcome, '--sobol', String(n), '--seed', String(seed)])).sobol;
}

async function computeImportance(page, n) {
  await page.selectOption('#importance-samples', String(n));
  await page.click('.importance-compute');
  await page.waitForSelector('#importance .importance-row', { timeout: 120_000 });
}

test('Compute importance: the workers\' indices equal the command line\'s, and the page names what to measure next', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const startDate = await page.inputValue('#in-start-date');
  await openLevers(page);
  await page.selectOption('#levers-outcome', 'h_star');
  await computeImportance(page, 250);
  const heading = await page.textContent('#importance .importance-heading');
  const seed = Number(heading.match(/seed (\d+)/)[1]);
  assert.match(heading, /N = 250/);
  const cli = cliImportance(startDate, 'h_star', 250, seed);
  const rows = await page.locator('#importance .importance-row').evaluateAll((els) => els.map((el) => ({
    lever: el.dataset.lever, first: Number(el.dataset.first), total: Number(el.dataset.total),
  })));
  assert.equal(rows.length, 16);
  const byLever = Object.fromEntries(cli.indices.map((ix) => [ix.lever, ix]));
  for (const row of rows) {
    assert.equal(row.first, byLever[row.lever].first, `${row.lever} first order`);
    assert.equal(row.total, byLever[row.lever].total, `${row.lever} total`);
  }
  // Widest total first, and "measure this next" is the largest total index, in words, with the
  // command line's computed reduction.
  for (let i = 1; i < rows.length; i += 1) assert.ok(rows[i - 1].total >= rows[i].total);
  const next = page.locator('#importance .importance-next');
  assert.equal(await next.getAttribute('data-lever'), cli.measure_next);
  assert.equal(await next.getAttribute('data-lever'), rows[0].lever);
  assert.equal(Number(await next.getAttribute('data-reduction')), cli.narrowing.reduction);
  const sentence = await page.textContent('#importance .importance-next-text');
  const name = await page.locator(`#importance .importance-row[data-lever="${rows[0].lever}"] .lever-name`).textContent();
  assert.equal(sentence, `${name}: narrowing its range from ±20% to ±5% would cut the uncertainty of `
    + `“Prospecting hours that hold the target book (h*)” by about ${Math.round(cli.narrowing.reduction * 100)}%.`);
  // Both charts download as well-formed SVG and as PNG at twice their size.
  for (const [scope, file] of [['#levers > .chart-actions', 'cadence-lever-tornado'], ['#importance .chart-actions', 'cadence-lever-importance']]) {
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click(`${scope} .chart-download-svg`)]);
    assert.equal(svgDownload.suggestedFilename(), `${file}.svg`);
    const svg = await readFile(await svgDownload.path(), 'utf8');
    assert.ok(await parsesAsSvg(page, svg), `${file}.svg is well-formed`);
    assert.ok(svg.includes(name), `${file}.svg names the levers`);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click(`${scope} .chart-download-png`)]);
    assert.equal(pngDownload.suggestedFilename(), `${file}.png`);
    const png = await readFile(await pngDownload.path());
    const width = Number(svg.match(/^<svg[^>]*\swidth="(\d+)"/)[1]);
    const height = Number(svg.match(/^<svg[^>]*\sheight="(\d+)"/)[1]);
    assert.deepEqual(pngSize(png), { width: 2 * width, height: 2 * height });
  }
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Cancel stops the importance; an edit stops it too and dates the results shown', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openLevers(page);
  await page.selectOption('#levers-outcome', 'h_star');
  // Cancel while running.
  await page.selectOption('#importance-samples', '2000');
  await page.click('.importance-compute');
  await page.waitForSelector('#importance .importance-progress');
  await page.click('.importance-cancel');
  assert.equal(await page.textContent('#importance .importance-status'), 'Stopped before the end.');
  assert.equal(await page.locator('#importance .importance-progress').count(), 0);
  assert.equal(await page.locator('#importance .importance-row').count(), 0, 'nothing half-done is shown');
  // A finished run, then another stopped by an edit: the first run's results stay, out of date.
  await computeImportance(page, 250);
  assert.equal(await page.locator('#importance .importance-stale').count(), 0);
  const before = await page.textContent('#importance .importance-heading');
  await page.selectOption('#importance-samples', '2000');
  await page.click('.importance-compute');
  await page.waitForSelector('#importance .importance-progress');
  await page.fill('#in-team-ams', '7');
  await page.waitForSelector('#importance .importance-stale');
  assert.match(await page.textContent('#importance .importance-status'), /^Stopped: the scenario or the outcome changed/);
  assert.equal(await page.textContent('#importance .importance-heading'), before);
  // Computed again, for the scenario on screen: no longer out of date.
  await page.selectOption('#importance-samples', '250');
  await page.click('.importance-compute');
  await page.waitForFunction(() => !document.querySelector('#importance .importance-stale')
    && document.querySelector('#importance .importance-row'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the importance in both languages at 1280×800 and on a phone, inside the screen', async () => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    for (const locale of ['en-US', 'zh-CN']) {
      const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: { width, height }, locale });
      await openLevers(page);
      await computeImportance(page, 250);
      if (locale === 'zh-CN') {
        assert.match(await page.textContent('#importance h4'), /哪项不确定性影响最大/);
        assert.match(await page.textContent('#importance .importance-next-text'), /不确定性降低约\d+%/);
      }
      const boxes = await page.locator('#importance .importance-row').evaluateAll((els) => els.map((el) => {
        const r = el.getBoundingClientRect();
        const bar = el.querySelector('.importance-bar').getBoundingClientRect();
        return { left: r.left, right: r.right, barWidth: bar.width };
      }));
      for (const b of boxes) {
        assert.ok(b.left >= 0 && b.right <= width, `${width}×${height} ${locale}: row ${b.left}–${b.right}`);
        assert.ok(b.barWidth >= 60, `${width}×${height} ${locale}: bar ${b.barWidth} px`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${width}×${height} ${locale}: page scrolls sideways by ${overflow} px`);
      await page.locator('#importance').scrollIntoViewIfNeeded();
      await page.locator('#importance').screenshot({ path: join(SHOTS, `levers-importance-${width}x${height}-${locale}.png`) });
      await page.screenshot({ path: join(SHOTS, `levers-importance-screen-${width}x${height}-${locale}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});
