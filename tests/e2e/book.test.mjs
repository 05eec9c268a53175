// "Your data" (issue 17), as a team lead uses it: a loan book exported by a Chinese core system
// (GB18030, Chinese headers, grades 优/良/差 and one the page does not know) is chosen beside the
// privacy line; the mapping table guesses every column over a preview of the rows; the row report
// names the skipped row; the unknown grade is mapped by hand; "Start from this book" runs the
// workspace from the real book — and its figures equal the CLI's `cadence book --out` then `run`.
// A file the page cannot read is refused in words and loses nothing; the layout holds at a phone and
// two laptops by bounding boxes; axe clean.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.CADENCE_SHOTS ?? '/work/shots';
const CADENCE = process.env.CADENCE_BIN ?? join(ROOT, 'target', 'debug', 'cadence');
const GB18030 = join(ROOT, 'tests/golden/book/gb18030.csv');
const AS_OF = '2025-06-30';

const env = useBrowser();
before(async () => {
  await mkdir(SHOTS, { recursive: true });
});

async function openBook(page) {
  await page.click('button[data-view="book"]');
  await page.waitForSelector('.book-choose');
}

async function chooseGb18030(page) {
  await page.setInputFiles('[data-testid="book-file"]', GB18030);
  await page.waitForSelector('.book-table');
}

// What the CLI makes of the same file with the same choices: the starting book and the run from it.
function cliFigures() {
  const out = join(tmpdir(), `cadence-book-${process.pid}.json`);
  const report = JSON.parse(
    execFileSync(CADENCE, ['book', GB18030, '--as-of', AS_OF, '--tier', '中等=standard', '--out', out], { encoding: 'utf8' }),
  );
  const run = JSON.parse(execFileSync(CADENCE, ['run', out], { encoding: 'utf8' }));
  return { report, run, scenario: out };
}

test('a GB18030 book with Chinese headers is mapped, reported and started from, as the CLI does', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openBook(page);
  const privacy = await page.textContent('.book-privacy');
  assert.match(privacy, /nothing is sent/i, 'the privacy line sits beside the picker');
  await chooseGb18030(page);

  // Every column guessed from its Chinese header, over a preview of the decoded rows.
  const headers = await page.$$eval('.book-table thead tr:first-child th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(headers.slice(0, 5), ['借据号', '客户编号', '放款日期', '到期日', '贷款金额']);
  const cli = cliFigures();
  const fields = await page.$$eval('.book-fields select', (ss) => ss.map((s) => s.value));
  assert.deepEqual(fields, cli.report.columns.map((c) => c.field), 'the page guesses what the CLI guesses');
  const preview = await page.textContent('.book-table tbody');
  assert.match(preview, /张伟/, 'the preview shows the decoded rows');

  // The report names the row with the unknown grade; mapping it by hand brings the row in.
  await page.fill('#book-as-of', AS_OF);
  const before = await page.textContent('.book-issues');
  assert.match(before, /Row 7/);
  assert.match(before, /中等/);
  const unknown = page.locator('.book-label select[data-value="中等"]');
  await unknown.selectOption('standard');
  await page.waitForFunction(() => !document.querySelector('.book-issues')?.textContent.includes('中等'));

  // The starting book equals the CLI's, and "Start from this book" runs the workspace from it.
  const total = Number(await page.getAttribute('.book-starting', 'data-total'));
  assert.equal(total, cli.report.starting_book.active_loans, 'starting book: page = CLI');
  await page.screenshot({ path: join(SHOTS, 'book2-mapping-1280x800.png'), fullPage: true });
  await page.click('.book-start-button');
  await page.waitForSelector('.region-results [data-kpi="book-end"]');
  const ams = JSON.parse(await readFile(cli.scenario, 'utf8')).team.ams;
  const expected = Math.round(cli.run.end.active_loans_per_am * ams);
  const shown = Number((await page.textContent('[data-kpi="book-end"] .kpi-value')).replace(/[,\s]/g, ''));
  assert.equal(shown, expected, 'book at the end: page = CLI run of `cadence book --out`');
  await page.screenshot({ path: join(SHOTS, 'book2-started-1280x800.png') });

  // Back on "Your data", the page says what the workspace started from.
  await openBook(page);
  assert.match(await page.textContent('.book-started'), /\d/);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

// A newcomer without data of their own: the sample team shipped with the page, in one press —
// every row imported, each rate counted from the same loans as `cadence book samples/…` counts them.
test('the sample team opens in one press, and its rates rest on the counts the CLI finds', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openBook(page);
  assert.match(await page.textContent('.book-sample-note'), /2,520 loans/);
  await page.click('.book-sample');
  await page.waitForSelector('.book-rates-table');
  const cli = JSON.parse(execFileSync(CADENCE, ['book', join(ROOT, 'samples/sample-team-loans.csv')], { encoding: 'utf8' }));
  assert.equal(cli.report.imported, 2520);
  for (const tier of ['prime', 'standard', 'marginal']) {
    const count = await page.textContent(`tr[data-rate="renewal-${tier}"] td:nth-of-type(2)`);
    const { events, exposure } = cli.fitted.renewal_prob[tier];
    assert.ok(count.includes(events.toLocaleString('en')) && count.includes(exposure.toLocaleString('en')), `${tier}: ${count} vs ${events} of ${exposure}`);
  }
  const starting = Number(await page.getAttribute('.book-starting', 'data-total'));
  assert.equal(starting, cli.starting_book.active_loans, 'starting book: page = CLI');
  // Both files can be downloaded from the page, as shipped.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.book-sample-note a[href$="activity.csv"]')]);
  const saved = await readFile(await download.path(), 'utf8');
  assert.equal(saved, await readFile(join(ROOT, 'samples/sample-team-activity.csv'), 'utf8'));
  await page.screenshot({ path: join(SHOTS, 'book-sample-1280x800.png'), fullPage: true });
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file the page cannot read is refused in words beside the picker, and the book read before stays', async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await openBook(page);
  await chooseGb18030(page);
  const headersBefore = await page.$$eval('.book-table th', (ths) => ths.map((th) => th.textContent));
  await page.setInputFiles('[data-testid="book-file"]', {
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(''),
  });
  await page.waitForSelector('.book-refused');
  const refused = await page.textContent('.book-refused');
  assert.match(refused, /broken\.csv/, 'the message names the file');
  assert.doesNotMatch(refused, /Error\(|serde|\$\./, 'words, not a Rust error');
  assert.deepEqual(await page.$$eval('.book-table th', (ths) => ths.map((th) => th.textContent)), headersBefore, 'nothing lost');
  await context.close();
});

test('a corrected mapping is remembered for the layout: reload, open the same file again, and it is applied (issue 17)', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openBook(page);
  await chooseGb18030(page);
  assert.equal(await page.locator('.book-memory').count(), 0, 'a first file is only guessed');
  // Correct one column and one grade.
  await page.locator('.book-fields select[data-column="1"]').selectOption('');
  await page.locator('.book-label select[data-value="中等"]').selectOption('standard');
  await page.waitForSelector('.book-memory');
  const corrected = await page.$$eval('.book-fields select', (ss) => ss.map((s) => s.value));
  assert.equal(corrected[1], '');

  await page.reload();
  await openBook(page);
  await chooseGb18030(page);
  const memory = await page.textContent('.book-memory');
  assert.match(memory, /Mapping remembered from your last file with these columns/);
  assert.deepEqual(await page.$$eval('.book-fields select', (ss) => ss.map((s) => s.value)), corrected, 'the corrected mapping applied');
  assert.equal(await page.locator('.book-label select[data-value="中等"]').inputValue(), 'standard');

  // "Forget this mapping" goes back to the guess, and the next open guesses again.
  await page.click('.book-forget');
  await page.waitForFunction(() => !document.querySelector('.book-memory'));
  assert.notEqual((await page.$$eval('.book-fields select', (ss) => ss.map((s) => s.value)))[1], '');
  await page.reload();
  await openBook(page);
  await chooseGb18030(page);
  assert.equal(await page.locator('.book-memory').count(), 0, 'forgotten');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [width, height] of [[390, 844], [1024, 768], [1280, 800]]) {
  test(`"Your data" fits ${width}×${height} with no sideways scroll, the picker and privacy line on screen`, async () => {
    const { context, page } = await openPage(env.browser, env.server.url, { viewport: { width, height } });
    await openBook(page);
    await chooseGb18030(page);
    await page.fill('#book-as-of', AS_OF);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(scroll <= 0, `page scrolls sideways by ${scroll} px`);
    for (const selector of ['.book-choose', '.book-privacy', '.book-mapping', '.book-start-button']) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width + 0.5, `${selector} inside the width: ${JSON.stringify(box)}`);
    }
    await page.screenshot({ path: join(SHOTS, `book2-${width}x${height}.png`), fullPage: true });
    await context.close();
  });
}

// The weekly activity file (issue 17): picked beside the book, its channels' yields listed with
// the CLI's figures; Accept puts the value in the scenario with its source, which survives a
// reload (the scenario's `sources`), beside the same figure `cadence calibrate` prints.
test('the activity file gives each channel its yield, accepted with its source, kept through a reload', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openBook(page);
  await page.click('.book-sample');
  await page.waitForSelector('.book-rates-table');
  await page.setInputFiles('[data-testid="book-activity-file"]', join(ROOT, 'samples/sample-team-activity.csv'));
  await page.waitForSelector('.book-activity tr[data-rate="yield-cold_visit"]');
  const cli = JSON.parse(execFileSync(CADENCE, ['calibrate', join(ROOT, 'samples/sample-team-loans.csv'),
    '--activity', join(ROOT, 'samples/sample-team-activity.csv')], { encoding: 'utf8' }));
  const cold = cli.estimates.find((e) => e.path === 'channels.cold_visit.leads_per_hour');
  const yours = await page.textContent('.book-activity tr[data-rate="yield-cold_visit"] .book-rate-yours');
  assert.ok(yours.startsWith(cold.value.toFixed(2)), `${yours} vs ${cold.value}`);
  assert.match(await page.textContent('.book-activity'), /no saturation shows in the hours worked/);
  assert.match(await page.textContent('.book-cannot'), /how fast loans cure/);
  await page.click('.book-activity tr[data-rate="yield-cold_visit"] .book-accept');
  const source = await page.textContent('.book-activity tr[data-rate="yield-cold_visit"] .book-rate-source');
  assert.match(source, /^fitted from sample-team-activity\.csv, \d{4}-\d{2}-\d{2} \(n = /);
  await page.screenshot({ path: join(SHOTS, 'book-activity-1280x800.png'), fullPage: true });
  // The source is the scenario's: it is autosaved with it and comes back after a reload.
  await page.waitForFunction(() => (localStorage.getItem('cadence.workspace') ?? '').includes('channels.cold_visit.leads_per_hour'));
  await page.reload();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cadence.workspace')));
  const kept = stored.scenario.sources.find((s) => s.path === 'channels.cold_visit.leads_per_hour');
  assert.equal(kept.file, 'sample-team-activity.csv');
  assert.equal(kept.value, cold.value, 'the value the CLI prints');
  assert.equal(stored.scenario.channels.cold_visit.leads_per_hour, cold.value);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

// The activity file saved as a workbook (issue 17): read by the same book-reader worker as a
// book's workbook, it lists every channel's yield exactly as its CSV does and as
// `cadence calibrate --activity activity.xlsx` prints it.
test('an activity workbook gives the same channel yields as its CSV and as the command line', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openBook(page);
  await page.click('.book-sample');
  await page.waitForSelector('.book-rates-table');
  const yields = () => page.locator('.book-activity tr[data-rate^="yield-"] .book-rate-yours').allTextContents();
  await page.setInputFiles('[data-testid="book-activity-file"]', join(ROOT, 'samples/sample-team-activity.csv'));
  await page.waitForSelector('.book-activity tr[data-rate="yield-cold_visit"]');
  const fromCsv = await yields();
  const workbook = join(ROOT, 'tests/golden/book/activity.xlsx');
  await page.setInputFiles('[data-testid="book-activity-file"]', workbook);
  await page.waitForFunction(() => document.querySelector('.book-activity')?.textContent.includes('activity.xlsx'));
  assert.deepEqual(await yields(), fromCsv);
  const cli = JSON.parse(execFileSync(CADENCE, ['calibrate', join(ROOT, 'samples/sample-team-loans.csv'),
    '--activity', workbook], { encoding: 'utf8' }));
  const cold = cli.estimates.find((e) => e.path === 'channels.cold_visit.leads_per_hour');
  const shown = await page.textContent('.book-activity tr[data-rate="yield-cold_visit"] .book-rate-yours');
  assert.ok(shown.startsWith(cold.value.toFixed(2)), `${shown} vs ${cold.value}`);
  assert.deepEqual(problems, []);
  await context.close();
});
