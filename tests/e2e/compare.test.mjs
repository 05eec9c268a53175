// Presets, the fault on the chart, and pinning scenarios side by side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, useBrowser } from './harness.mjs';

const env = useBrowser();

test('the fault preset shows the fault on the new-loans chart', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  assert.equal(await page.locator('#chart-new-loans svg').count(), 1);
  assert.doesNotMatch(await page.textContent('#chart-new-loans'), /Trough/);
  await page.selectOption('#in-preset', 'fault:0');
  await page.waitForSelector('[data-kpi="fault-depth"]');
  assert.equal(await page.textContent('[data-kpi="fault-depth"] .kpi-value'), '52%');
  assert.equal(await page.textContent('[data-kpi="fault-delay"] .kpi-value'), '7');
  const chart = await page.textContent('#chart-new-loans');
  assert.match(chart, /Trough 7 weeks after the shock/);
  assert.match(chart, /new loans lost/);
  assert.match(chart, /Without the shock/);
  // The same burst under a fixed cadence: no fault.
  await page.selectOption('#in-preset', 'fault:1');
  assert.equal(await page.textContent('[data-kpi="fault-depth"] .kpi-value'), '0%');
  assert.doesNotMatch(await page.textContent('#chart-new-loans'), /Trough/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pin two cadences and compare them against a chosen reference', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.selectOption('#in-preset', 'fault:0');
  await page.fill('#pin-name', 'Stop when busy');
  await page.click('#pin');
  await page.selectOption('#in-preset', 'fault:1');
  await page.fill('#pin-name', 'Fixed cadence');
  await page.click('#pin');
  const headers = await page.locator('.compare-table thead .pinned-name').allTextContents();
  assert.deepEqual(headers, ['Stop when busy', 'Fixed cadence']);
  const depth = page.locator('.compare-table tr[data-row="fault-depth"] td');
  assert.equal(await depth.nth(0).locator('.cell-value').textContent(), '52%');
  assert.equal(await depth.nth(1).locator('.cell-value').textContent(), '0%');
  assert.equal(await depth.nth(1).locator('.cell-diff').textContent(), '−52 pp');
  // Both pinned scenarios are overlaid on the charts.
  assert.match(await page.textContent('#chart-active-loans'), /Stop when busy/);
  assert.match(await page.textContent('#chart-new-loans'), /Fixed cadence/);
  // Pick the second as the reference.
  await page.locator('.compare-table input[name="reference"]').nth(1).check();
  assert.equal(await depth.nth(0).locator('.cell-diff').textContent(), '+52 pp');
  assert.equal(await depth.nth(1).locator('.cell-diff').count(), 0);
  await page.locator('.compare-table button.unpin').nth(0).click();
  assert.deepEqual(await page.locator('.compare-table thead .pinned-name').allTextContents(), ['Fixed cadence']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an XSS probe as a pinned name renders as inert text', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const probe = '<img src=x onerror="window.__pwned=1">';
  await page.fill('#pin-name', probe);
  await page.click('#pin');
  assert.equal(await page.textContent('.compare-table thead .pinned-name'), probe);
  assert.equal(await page.locator('.compare-table img').count(), 0);
  // The name also reaches the charts' legends, which are inserted as SVG markup.
  assert.match(await page.textContent('#chart-active-loans'), /onerror/);
  assert.equal(await page.locator('.charts img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every chart can be shown as a table with the same numbers, and back', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const toggles = page.locator('.chart-toggle');
  assert.equal(await toggles.count(), 6);
  await page.click('#chart-active-loans .chart-toggle');
  assert.equal(await page.getAttribute('#chart-active-loans .chart-toggle', 'aria-pressed'), 'true');
  assert.equal(await page.locator('#chart-active-loans svg').count(), 0);
  const table = page.locator('#chart-active-loans table');
  assert.match(await table.locator('caption').textContent(), /Active loans by quality tier/);
  assert.equal(await table.locator('tbody tr').count(), 104);
  const first = await table.locator('tbody tr').first().locator('td').allTextContents();
  const total = first.reduce((sum, v) => sum + Number(v.replaceAll(',', '')), 0);
  assert.ok(Math.abs(total - 720) < 0.2, `first week's tiers add up to the team's 720 loans, got ${total}`);
  await page.click('#chart-active-loans .chart-toggle');
  assert.equal(await page.locator('#chart-active-loans svg').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

// The width and height of a PNG file from its IHDR chunk, after checking the signature.
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('downloads: a chart as SVG and PNG, and the weekly figures as CSV with a byte-order mark', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#chart-new-loans .chart-download-svg'),
  ]);
  assert.equal(svgDownload.suggestedFilename(), 'cadence-chart-new-loans.svg');
  const svg = await readFile(await svgDownload.path(), 'utf8');
  assert.match(svg, /^<svg[\s\S]*New loans per week[\s\S]*<\/svg>\s*$/);

  // The PNG is the same drawing at twice its size, drawn by the browser.
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#chart-new-loans .chart-download-png'),
  ]);
  assert.equal(pngDownload.suggestedFilename(), 'cadence-chart-new-loans.png');
  const png = await readFile(await pngDownload.path());
  const svgWidth = Number(svg.match(/^<svg[^>]*\swidth="(\d+)"/)[1]);
  const svgHeight = Number(svg.match(/^<svg[^>]*\sheight="(\d+)"/)[1]);
  assert.deepEqual(pngSize(png), { width: 2 * svgWidth, height: 2 * svgHeight });
  // A blank canvas of this size compresses to a few kilobytes; a drawn chart does not.
  assert.ok(png.length > 20_000, `PNG of ${png.length} bytes`);
  // What the page drew: decode the PNG in the browser and count the pixels that are not background.
  const inked = await page.evaluate(async (base64) => {
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) count += 1;
      if (data[i + 3] !== 255) return -1;
    }
    return count / (bitmap.width * bitmap.height);
  }, png.toString('base64'));
  assert.ok(inked > 0.01 && inked < 0.5, `share of drawn pixels ${inked} (opaque, not blank)`);

  await page.fill('#in-team-ams', '8');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('.download-csv')]);
  assert.equal(csvDownload.suggestedFilename(), 'cadence-weeks.csv');
  const csv = await readFile(await csvDownload.path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 byte-order mark');
  const [header, first] = csv.slice(1).split('\n');
  const columns = header.split(',');
  assert.ok(columns.includes('Active loans') && columns.includes('New loans'), header);
  assert.equal(csv.slice(1).trim().split('\n').length, 1 + 104);
  assert.equal(Math.round(Number(first.split(',')[columns.indexOf('Active loans')])), 960, 'the team of 8 holds 960 loans');
  // Each week is dated, and figures are rounded for reading (yuan whole, counts to 0.01).
  assert.equal(columns[1], 'Week starting');
  assert.match(first.split(',')[1], /^\d{4}-\d{2}-\d{2}$/);
  assert.match(first.split(',')[columns.indexOf('Outstanding balance (¥)')] ?? '', /^\d+$/, header);
  assert.match(first.split(',')[columns.indexOf('New loans')], /^\d+\.\d{2}$/);

  // In Chinese the headers are Chinese; the numbers are the same.
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  const [zhDownload] = await Promise.all([page.waitForEvent('download'), page.click('.download-csv')]);
  const zh = await readFile(await zhDownload.path(), 'utf8');
  assert.equal(zh.charCodeAt(0), 0xfeff, 'UTF-8 byte-order mark');
  const [zhHeader, zhFirst] = zh.slice(1).split('\n');
  const zhColumns = zhHeader.split(',');
  assert.equal(zhColumns.length, columns.length);
  assert.ok(zhColumns.includes('在贷户数') && zhColumns.includes('累计利润（元）'), zhHeader);
  assert.equal(zhFirst, first);
  assert.deepEqual(problems, []);
  await context.close();
});
