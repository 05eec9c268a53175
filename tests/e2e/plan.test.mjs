// The Cadence plan (issues #6 and #14) as a team lead uses it: the default goal and 150 loans per AM
// for the default team — every figure agrees with the week table, no week asks more work than its
// hours, the closest plan when the goal does not fit — the CSV and the calendar read back against the
// page, the goal kept through a reload and a share link; a festival year in Chinese; a goal typed
// wrong keeps the last plan with the message next to the field; axe on the plan view; the plan prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const env = useBrowser();

async function openPlan(page) {
  await page.click('button[data-view="plan"]');
  await page.waitForSelector('.plan-result');
}

// RFC 4180 records (quoted cells may hold commas, quotes and line breaks).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const figure = (page, id) => page.textContent(`[data-kpi="${id}"] .kpi-value`);

// The week table as the page shows it: the headers and, per week, the cells by header.
async function weekTable(page) {
  return page.$eval('.plan-weeks-table', (table) => {
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent.trim());
      return { overfull: tr.classList.contains('is-overfull'), cells: Object.fromEntries(headers.map((h, i) => [h, cells[i]])) };
    });
    return { headers, rows };
  });
}

// Every week of the table: no week asks more work than its hours, and the figures above the table
// are the table's (the mean of its hours, the team's hours for 6 AMs).
async function checkTableAgreesWithFigures(page) {
  const { headers, rows } = await weekTable(page);
  assert.equal(rows.length, 52);
  assert.ok(headers.includes('All channels') && headers.includes('Team') && headers.includes('Work / hours'), headers.join('|'));
  const hours = rows.map((r) => Number(r.cells['All channels']));
  for (const [i, r] of rows.entries()) {
    const [work, available] = r.cells['Work / hours'].split('/').map((x) => Number(x.trim()));
    assert.ok(work <= available + 0.25, `week ${i + 1}: ${work} h of work in ${available}`);
    assert.equal(r.overfull, false, `week ${i + 1} is overfull`);
    assert.ok(Math.abs(Number(r.cells.Team) - 6 * hours[i]) < 1e-9, `week ${i + 1}: team ${r.cells.Team} for ${hours[i]}`);
    // Whole quarter hours, as the team will book them.
    assert.ok(Math.abs(hours[i] * 4 - Math.round(hours[i] * 4)) < 1e-9, `week ${i + 1}: ${hours[i]} h`);
    if (i > 0) assert.ok(Math.abs(hours[i] - hours[i - 1]) <= 1 + 1e-9, `week ${i + 1} changes by more than 1 h`);
  }
  const mean = hours.reduce((a, b) => a + b, 0) / hours.length;
  assert.equal(await figure(page, 'plan-hours'), mean.toFixed(2), 'the headline is the mean of the weeks');
  assert.equal(await figure(page, 'plan-team-hours'), (mean * 6).toFixed(2));
  const range = await page.textContent('[data-kpi="plan-hours"] .kpi-detail');
  assert.ok(range.includes(`${Math.min(...hours).toFixed(2)}–${Math.max(...hours).toFixed(2)}`), range);
  // The simulated book at the end is the table's last week.
  assert.equal(await figure(page, 'plan-end-book'), rows[51].cells['Active loans']);
  return { rows, hours };
}

test('the default goal and 150 per AM: one plan in every figure, the week table and both files', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openPlan(page);
  // The default goal (the scenario's 120) is met, and the verdict is the simulation's.
  assert.match(await page.textContent('.plan-verdict'), /^The plan reaches the goal: 120\.0 loans per AM/);
  assert.equal(await figure(page, 'plan-end-goal'), '120.0');
  assert.ok(Math.abs(Number(await figure(page, 'plan-end-book')) - 120) <= 2.4, 'within 2 %');
  assert.match(await page.textContent('.plan-current'), /h\* = 8\.80/);
  await checkTableAgreesWithFigures(page);
  // The mix change is explained: the current mix beside the plan's, and what the objective traded.
  const mix = await page.textContent('.plan-mix');
  assert.match(mix, /Your mix[\s\S]*This plan[\s\S]*Change/);
  assert.match(mix, /Channel cash[\s\S]*Prime and standard[\s\S]*Profit per AM a week/);
  assert.match(await page.textContent('.plan-trade'), /^Against the mix with the most profit, this one changes prospecting by −\d+\.\d\d h/);

  await page.fill('#plan-target', '150');
  await page.waitForFunction(() => document.querySelector('.plan-verdict')?.classList.contains('is-short'));
  const verdict = await page.textContent('.plan-verdict');
  assert.match(verdict, /150\.0 loans per AM do not fit in the working week/);
  assert.match(verdict, /42\.71 hours of work/);
  assert.match(verdict, /closest one that keeps every limit: it aims at 141\.5 loans per AM/);
  assert.doesNotMatch(verdict, /reaches the goal/);
  assert.match(await page.textContent('.plan-current'), /h\* = 11\.95/);
  assert.equal(await figure(page, 'plan-end-goal'), '150.0');
  assert.equal(await figure(page, 'plan-end-aim'), '141.5');
  assert.match(await page.textContent('.plan-outcome-text'), /against the closest plan's aim of 141\.5/);
  const { rows, hours } = await checkTableAgreesWithFigures(page);
  assert.ok(rows.every((r) => r.cells.Goal === '141.5'), 'the weeks follow the closest plan');
  // Dated weeks from the scenario's start, every week a row, and the chart.
  assert.match(rows[0].cells['Week starting'], /^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  assert.equal(await page.locator('#chart-plan-hours svg').count(), 1);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('.plan-download-csv')]);
  assert.equal(csvDownload.suggestedFilename(), 'cadence-plan.csv');
  const csv = await readFile(await csvDownload.path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'starts with a byte-order mark');
  const csvRows = parseCsv(csv.slice(1));
  assert.equal(csvRows.length, 54, 'a header, 52 weeks and the totals');
  const head = csvRows[0];
  assert.deepEqual(head.slice(0, 4), ['Plan week', 'Week starting', 'Week of the year', 'Festivals and events']);
  assert.ok(head.includes('Hours per AM: Supply chain'), head.join('|'));
  assert.ok(csvRows.every((r) => r.length === head.length), 'no ragged rows');
  assert.match(csvRows[1][1], /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(csvRows[1][0], '1');
  assert.equal(csvRows[52][0], '52');
  assert.equal(csvRows[53][0], 'Total');
  // The file's hours are the page's, week by week, and its totals add up.
  const perAm = head.indexOf('Prospecting hours per AM');
  const team = head.indexOf('Prospecting hours, team');
  for (let w = 0; w < 52; w++) {
    assert.equal(Number(csvRows[w + 1][perAm]), hours[w], `week ${w + 1}`);
    assert.equal(Number(csvRows[w + 1][team]), hours[w] * 6, `week ${w + 1}, team`);
  }
  const total = hours.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(Number(csvRows[53][perAm]) - total) < 1e-9, `${csvRows[53][perAm]} against ${total}`);

  const [icsDownload] = await Promise.all([page.waitForEvent('download'), page.click('.plan-download-ics')]);
  assert.equal(icsDownload.suggestedFilename(), 'cadence-plan.ics');
  const ics = await readFile(await icsDownload.path(), 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.ok(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'folded at 75 octets');
  // One event per week for each AM, the week's blocks by weekday in its description.
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const events = unfolded.split('BEGIN:VEVENT\r\n').slice(1);
  assert.equal(events.length, 52);
  assert.equal((unfolded.match(/^UID:/gm) ?? []).length, 52);
  assert.equal((unfolded.match(/^DTSTAMP:\d{8}T\d{6}Z\r$/gm) ?? []).length, 52);
  for (const [w, event] of events.entries()) {
    const summary = event.match(/^SUMMARY:(.*)\r$/m)[1];
    assert.equal(summary, `Prospecting plan: ${Number(hours[w].toFixed(2))} h per AM`, `week ${w + 1}`);
    const description = event.match(/^DESCRIPTION:(.*)\r$/m)[1];
    assert.match(description, /^Mon: /, `week ${w + 1}: ${description}`);
    // The day blocks add up to the week's hours.
    const blocks = [...description.split('\\n')[0].matchAll(/(\d+(?:\.\d+)?) h/g)].map((m) => Number(m[1]));
    assert.ok(Math.abs(blocks.reduce((a, b) => a + b, 0) - hours[w]) < 1e-9, `week ${w + 1}: ${description}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the goal is part of the scenario: a reload and a share link reopen the same plan', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openPlan(page);
  await page.fill('#plan-target', '125');
  await page.fill('#plan-floor', '60');
  await page.selectOption('#plan-block', { label: '30 minutes' });
  await page.waitForFunction(() => document.querySelector('.plan-verdict')?.textContent.includes('125.0'));
  const hours = await figure(page, 'plan-hours');
  const verdict = await page.textContent('.plan-verdict');
  await page.reload();
  await page.waitForSelector('.app');
  await openPlan(page);
  assert.equal(await page.inputValue('#plan-target'), '125');
  assert.equal(await page.inputValue('#plan-floor'), '60');
  assert.equal(await page.textContent('#plan-block option:checked'), '30 minutes');
  assert.equal(await figure(page, 'plan-hours'), hours);
  assert.equal(await page.textContent('.plan-verdict'), verdict);

  await page.click('#share-link');
  await page.waitForSelector('.share-status');
  const url = await page.inputValue('#share-url');
  await context.close();
  const other = await openPage(env.browser, url);
  await openPlan(other.page);
  assert.equal(await other.page.inputValue('#plan-target'), '125');
  assert.equal(await other.page.inputValue('#plan-floor'), '60');
  assert.equal(await figure(other.page, 'plan-hours'), hours);
  assert.equal(await other.page.textContent('.plan-verdict'), verdict);
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
  await other.context.close();
});

test('a festival year in Chinese names the Spring Festival and hits its target', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { locale: 'zh-CN' });
  await page.selectOption('#in-preset', 'festival:0');
  await openPlan(page);
  assert.match(await page.textContent('.plan-verdict'), /^计划可以实现目标/);
  assert.match(await page.textContent('.plan-outcome-text'), /达成目标/);
  const events = await page.$$eval('.plan-weeks-table .plan-events', (cells) => cells.map((c) => c.textContent));
  assert.ok(events.includes('春节'), events.join('|'));
  assert.ok(events.some((e) => e.includes('春节前备货')));
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('.plan-download-csv')]);
  const rows = parseCsv((await readFile(await csvDownload.path(), 'utf8')).slice(1));
  assert.equal(rows[0][0], '计划周次');
  assert.ok(rows.some((r) => r[3] === '春节'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a goal typed wrong keeps the last plan, with the message next to the field', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openPlan(page);
  const before = await figure(page, 'plan-hours');
  await page.fill('#plan-max-hours', '45');
  await page.waitForSelector('[data-goal="plan-max-hours"] .field-error');
  assert.match(await page.textContent('[data-goal="plan-max-hours"] .field-error'), /between 0 and 40/);
  assert.equal(await page.getAttribute('#plan-max-hours', 'aria-invalid'), 'true');
  assert.equal(await page.locator('.plan-result .stale-banner').count(), 1);
  assert.equal(await figure(page, 'plan-hours'), before, 'the last valid plan stays');
  await page.fill('#plan-max-hours', '5');
  await page.waitForFunction(() => document.querySelector('.plan-verdict')?.classList.contains('is-short'));
  assert.match(await page.textContent('.plan-verdict'), /more than your maximum of 5\.00/);
  assert.equal(await page.locator('.plan-result .stale-banner').count(), 0);
  // The goal survives a visit to another view.
  await page.click('button[data-view="workspace"]');
  await page.click('button[data-view="plan"]');
  assert.equal(await page.inputValue('#plan-max-hours'), '5');
  assert.match(await page.textContent('.plan-verdict'), /more than your maximum of 5\.00/);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe violation on the plan view — ${colorScheme}`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server.url, { colorScheme });
    await openPlan(page);
    await page.fill('#plan-target', '150');
    await page.waitForFunction(() => document.querySelector('.plan-verdict')?.classList.contains('is-short'));
    assert.deepEqual(await seriousViolations(page), [], 'a short goal');
    await page.fill('#plan-weeks', 'x');
    await page.waitForSelector('[data-goal="plan-weeks"] .field-error');
    assert.deepEqual(await seriousViolations(page), [], 'with an error');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the plan prints without its form and buttons', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openPlan(page);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const file = join(await mkdtemp(join(tmpdir(), 'cadence-plan-print-')), 'plan.pdf');
  await writeFile(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.match(text, /The plan reaches the goal/);
  assert.match(text, /Planned prospecting hours by channel/);
  assert.doesNotMatch(text, /Download CSV|Download calendar/);
  // Every week of the table is printed (52 dated rows).
  assert.equal((text.match(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/g) ?? []).length >= 52, true);
  assert.deepEqual(problems, []);
  await context.close();
});
