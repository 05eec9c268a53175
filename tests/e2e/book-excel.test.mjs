// "Your data" reads Excel workbooks in the page (issue 17), with the Excel reader loaded only when a
// workbook is chosen: the sample team's .xlsx and .csv, by the picker and by drop (on the view and
// on its tab), read into the same table — the same columns guessed, the same starting book as
// `cadence book` finds; one mapping corrected, the estimates accepted, the workspace started from
// the book with the CLI's figures; a reload loses nothing; a damaged workbook is refused in words
// beside the picker while the book read before and the library stay as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.CADENCE_SHOTS ?? '/work/shots';
const CADENCE = process.env.CADENCE_BIN ?? join(ROOT, 'target', 'debug', 'cadence');
const XLSX = join(ROOT, 'samples/sample-team-loans.xlsx');
const CSV = join(ROOT, 'samples/sample-team-loans.csv');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const env = useBrowser();

async function openBook(page) {
  await page.click('button[data-view="book"]');
  await page.waitForSelector('.book-choose');
}

const fieldsOf = (page) => page.$$eval('.book-fields select', (ss) => ss.map((s) => s.value));
const startingOf = async (page) => Number(await page.getAttribute('.book-starting', 'data-total'));

// Drops `file` on `selector` as a person's drag from the desktop does: dragover (the drop target
// shows), then drop, with a DataTransfer holding the file.
async function dropFile(page, selector, path, type, shot) {
  const bytes = (await readFile(path)).toString('base64');
  const name = path.split('/').pop();
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name, type }) => {
      const raw = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([raw], name, { type }));
      return dt;
    },
    { bytes, name, type },
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  const target = await page.locator('.drop-overlay').textContent();
  if (shot) await page.screenshot({ path: join(SHOTS, shot) });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
  return target;
}

test('the sample workbook and its CSV, picked or dropped, read into the same book; the reader loads only for a workbook', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await openBook(page);
  assert.match(await page.textContent('.book-excel'), /read here too/);

  // The CSV first: no Excel reader is fetched for it.
  await page.setInputFiles('[data-testid="book-file"]', CSV);
  await page.waitForSelector('.book-rates-table');
  const csvFields = await fieldsOf(page);
  const csvStarting = await startingOf(page);
  assert.equal(asked.filter((u) => u.includes('book_reader')).length, 0, 'no Excel reader before a workbook');

  // The workbook by the picker: the reader is fetched now, and reads the same book.
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="book-file"]', XLSX);
  await page.waitForFunction(() => document.querySelector('.book-file-line')?.textContent.includes('xlsx'));
  const pickedMs = Date.now() - t0;
  assert.ok(asked.some((u) => /book_reader_bg-[0-9a-f]+\.wasm$/.test(u)), 'the reader module loaded on the first workbook');
  assert.match(await page.textContent('.book-file-line'), /2520 rows|2,520 rows/);
  assert.deepEqual(await fieldsOf(page), csvFields, 'the same columns guessed as for the CSV');
  assert.equal(await startingOf(page), csvStarting, 'the same starting book');
  const cli = JSON.parse(execFileSync(CADENCE, ['book', XLSX], { encoding: 'utf8' }));
  assert.equal(csvStarting, cli.starting_book.active_loans, 'page = CLI');

  // A second workbook (the reader kept): timed as a person sees it.
  const t1 = Date.now();
  await page.setInputFiles('[data-testid="book-file"]', CSV);
  await page.waitForFunction(() => document.querySelector('.book-file-line')?.textContent.includes('CSV'));
  await page.setInputFiles('[data-testid="book-file"]', XLSX);
  await page.waitForFunction(() => document.querySelector('.book-file-line')?.textContent.includes('xlsx'));
  console.log(`# sample workbook (2,520 loans) read in Chromium: ${pickedMs} ms the first time (reader loaded), ${Date.now() - t1} ms a CSV and the workbook again`);

  // Dropped on the view: the drop target shows, and the file is read as the picker reads it.
  await page.setInputFiles('[data-testid="book-file"]', { name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
  await page.waitForFunction(() => document.querySelector('.book-file-line')?.textContent.startsWith('other.csv'));
  const overlay = await dropFile(page, '.book-view', XLSX, XLSX_TYPE, 'book-drop-1280x800.png');
  assert.match(overlay, /loan-book file/, 'the drop target says where the file goes');
  await page.waitForFunction(() => document.querySelector('.book-file-line')?.textContent.startsWith('sample-team-loans.xlsx'));
  assert.equal(await startingOf(page), csvStarting);

  // Dropped on the "Your data" tab from another view: the view opens and reads it.
  await page.click('button[data-view="workspace"]');
  const onTab = await dropFile(page, 'button[data-view="book"]', CSV, 'text/csv');
  assert.match(onTab, /loan-book file/, 'over the tab, the drop goes to "Your data"');
  await page.waitForFunction(() => document.querySelector('.book-file-line')?.textContent.startsWith('sample-team-loans.csv'));
  assert.equal(await startingOf(page), csvStarting);
  // The picker is still a button a keyboard reaches.
  await page.focus('.book-choose');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'book-choose');
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('from the workbook: a mapping corrected, the estimates accepted, the book run off in the charts, and a reload loses nothing', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openBook(page);
  await page.setInputFiles('[data-testid="book-file"]', XLSX);
  await page.waitForSelector('.book-rates-table');
  // Correct one mapping: the AM column is not used (the guess had it as the account manager).
  const am = (await fieldsOf(page)).indexOf('am');
  assert.ok(am >= 0, 'the AM column guessed');
  await page.locator(`.book-fields select[data-column="${am}"]`).selectOption('');
  await page.waitForSelector('.book-memory');
  assert.equal((await fieldsOf(page))[am], '');

  // Started from the book: the workspace's figures are the CLI's run of `cadence book --out`.
  const out = join(tmpdir(), `cadence-book-xlsx-${process.pid}.json`);
  execFileSync(CADENCE, ['book', XLSX, '--out', out], { encoding: 'utf8' });
  const run = JSON.parse(execFileSync(CADENCE, ['run', out], { encoding: 'utf8' }));
  await page.click('.book-start-button');
  await page.waitForSelector('.region-results [data-kpi="book-end"]');
  await page.waitForSelector('#chart-active-loans svg');
  const ams = JSON.parse(await readFile(out, 'utf8')).team.ams;
  const kpi = async () => Number((await page.textContent('[data-kpi="book-end"] .kpi-value')).replace(/[,\s]/g, ''));
  assert.equal(await kpi(), Math.round(run.end.active_loans_per_am * ams), 'book at the end: page = CLI');

  // Accept the estimates: the scenario takes them, and the figures move.
  await openBook(page);
  await page.click('.book-accept-all');
  await page.waitForSelector('.book-accepted');
  await page.click('button[data-view="workspace"]');
  await page.waitForSelector('#chart-active-loans svg');
  const accepted = await kpi();
  await page.screenshot({ path: join(SHOTS, 'book-xlsx-started-1280x800.png') });

  // Reload: the workspace comes back as it was.
  await page.reload();
  await page.waitForSelector('.region-results [data-kpi="book-end"]');
  assert.equal(await kpi(), accepted, 'nothing lost on reload');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged workbook is refused in words beside the picker; the book read before and the library stay', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openBook(page);
  await page.setInputFiles('[data-testid="book-file"]', CSV);
  await page.waitForSelector('.book-table');
  const headers = await page.$$eval('.book-table th', (ths) => ths.map((th) => th.textContent));
  const stored = () => page.evaluate(() => [localStorage.getItem('cadence.library'), localStorage.getItem('cadence.workspace')]);
  const before = await stored();
  const whole = await readFile(XLSX);
  await page.setInputFiles('[data-testid="book-file"]', { name: 'broken.xlsx', mimeType: XLSX_TYPE, buffer: whole.subarray(0, whole.length >> 1) });
  await page.waitForSelector('.book-refused');
  const refused = await page.textContent('.book-refused');
  assert.match(refused, /broken\.xlsx/);
  assert.match(refused, /damaged/);
  assert.match(refused, /Nothing was changed/);
  assert.doesNotMatch(refused, /Error\(|Zip|zip error|\$\./, 'words, not a Rust error');
  assert.deepEqual(await page.$$eval('.book-table th', (ths) => ths.map((th) => th.textContent)), headers, 'the book before stays');
  assert.deepEqual(await stored(), before, 'the library and the workspace are untouched');
  // A zip that holds no workbook, in Chinese.
  await page.click('.lang-switch');
  await page.setInputFiles('[data-testid="book-file"]', join(ROOT, 'tests/golden/book/not-a-workbook.xlsx'));
  await page.waitForFunction(() => document.querySelector('.book-refused')?.textContent.includes('not-a-workbook.xlsx'));
  assert.match(await page.textContent('.book-refused'), /没有 Excel 工作簿/);
  await page.screenshot({ path: join(SHOTS, 'book-xlsx-refused-1280x800.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
