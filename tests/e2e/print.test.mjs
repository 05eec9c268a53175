// The printed report: headless Chromium prints the page to an A4 PDF; it has a sensible page count, the
// KPIs and the fault's narration, and none of the controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openPage, useBrowser } from './harness.mjs';

const env = useBrowser();

async function printed(page) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const file = join(await mkdtemp(join(tmpdir(), 'cadence-print-')), 'report.pdf');
  await writeFile(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  return { text, pages };
}

test('the fault scenario prints as an A4 report with KPIs and charts, without controls', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.selectOption('#in-preset', 'fault:0');
  const { text, pages } = await printed(page);
  assert.ok(pages >= 2 && pages <= 6, `${pages} pages`);
  assert.match(text, /Prospecting needed/);
  assert.match(text, /8\.80/);
  assert.match(text, /Fault depth/);
  assert.match(text, /52%/);
  assert.match(text, /Trough 7 weeks after the shock/);
  assert.match(text, /Cumulative profit/);
  assert.doesNotMatch(text, /Show all inputs|Run 1,000 simulations|Pin for comparison/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Chinese report prints Chinese text', async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { locale: 'zh-CN' });
  const { text } = await printed(page);
  assert.match(text, /所需营销工时/);
  assert.match(text, /每周新增贷款/);
  // Money on the profit axis counts in 万, as Chinese readers do.
  assert.match(text, /\d+万/);
  await context.close();
});

test('printed from the plan view, the report has the cadence plan, then the KPIs, warnings and charts', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.click('button[data-view="plan"]');
  await page.waitForSelector('.plan-week-table, table', { timeout: 30000 });
  const { text, pages } = await printed(page);
  console.log(`plan report: ${pages} pages`);
  assert.ok(pages >= 3 && pages <= 14, `${pages} pages`);
  assert.match(text, /Cadence plan/);
  assert.match(text, /Prospecting needed/);
  assert.match(text, /Cumulative profit/);
  assert.doesNotMatch(text, /Download CSV|Download SVG|Show as table/);
  assert.deepEqual(problems, []);
  await context.close();
});
