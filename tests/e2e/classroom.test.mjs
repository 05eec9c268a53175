// The classroom without a server (issue 19): a trainer opens a session (its QR code at least 60 % of
// the projector's shorter side), three participants on phones (390×844) join from the join link,
// play rounds with only the allowed decisions and hand in — by link and by file — and the trainer's
// Collect replays them into the room's table, refusing an altered and a truncated hand-in with their
// reasons. The table's figures equal `cadence classroom debrief` of the same hand-ins (the native
// CLI, built by the native tests that run first). The QR SVG the page shows is the one
// `scenario::classroom::qr::svg` writes; tests/it/classroom.rs decodes it with rqrr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const CADENCE = process.env.CADENCE_BIN ?? join(ROOT, 'target', 'debug', 'cadence');
const SHOTS = process.env.CADENCE_SHOTS ?? '/work/shots';

const env = useBrowser();

const weekText = (page) => page.textContent('#class-play-week');

async function playOnTo(page, label) {
  for (let i = 0; i < 200 && (await weekText(page)) !== label; i++) {
    const before = await weekText(page);
    await page.click('#class-play-on');
    await page.waitForFunction((b) => document.querySelector('#class-play-week')?.textContent !== b, before);
  }
  assert.equal(await weekText(page), label);
}

async function typeInto(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

async function joinAs(url, name) {
  const phone = await openPage(env.browser, url, { viewport: { width: 390, height: 844 } });
  await phone.page.waitForSelector('#class-name');
  await typeInto(phone.page, '#class-name', name);
  return phone;
}

async function handIn(page) {
  await page.click('#class-hand-in');
  await page.waitForSelector('.class-handin .class-qr svg, .class-play .field-error', { timeout: 8000 }).catch(async (e) => {
    console.log('DEBUG', await page.evaluate(() => document.body.innerText.slice(0, 500)));
    throw e;
  });
  assert.equal(await page.$('.class-play .field-error'), null, await page.textContent('.class-play'));
  return page.inputValue('.class-handin input');
}

test('a trainer opens a session, three phones play and hand in by link and by file, and the room is replayed', async () => {
  const { context: trainerContext, page: trainer, problems } = await openPage(env.browser, env.server.url, {
    viewport: { width: 1280, height: 720 },
  });
  await trainer.click('button[data-view="classroom"]');
  await trainer.click('#class-open');
  await trainer.waitForSelector('#class-seed');
  await typeInto(trainer, '#class-seed', 'x');
  assert.match(await trainer.textContent('.class-open .field-error'), /seed must be a whole number/);
  await typeInto(trainer, '#class-seed', '7');
  await typeInto(trainer, '#class-rounds', '4');
  await trainer.uncheck('input[data-move="resume"]');
  await trainer.waitForSelector('.class-join .class-qr svg');
  const joinLink = await trainer.inputValue('.class-join input');
  assert.match(joinLink, /#join=/);
  assert.equal(await trainer.getAttribute('.class-join .class-qr', 'data-link'), joinLink);
  // Large enough to scan from the back of the room: at least 60 % of the shorter side.
  await trainer.locator('.class-join .class-qr svg').scrollIntoViewIfNeeded();
  const qr = await trainer.locator('.class-join .class-qr svg').boundingBox();
  assert.ok(qr.width >= 0.6 * 720 && Math.abs(qr.width - qr.height) < 1, JSON.stringify(qr));
  await trainer.screenshot({ path: join(SHOTS, 'class-open.png') });
  assert.deepEqual(await seriousViolations(trainer), []);

  // Three participants on phones.
  const a = await joinAs(joinLink, 'Li Lei');
  const b = await joinAs(joinLink, 'Han Meimei');
  const c = await joinAs(joinLink, '王小明');
  assert.equal(await weekText(a.page), 'Week 1 of 104');
  const offered = await a.page.$$eval('#class-move option', (os) => os.map((o) => o.value));
  assert.deepEqual(offered, ['stop', 'set_hours', 'floor']);
  await a.page.selectOption('#class-move', 'floor');
  await typeInto(a.page, '#class-hours', '4');
  await a.page.click('#class-decide');
  await a.page.waitForSelector('.class-log li');
  assert.equal(await a.page.textContent('.class-log li'), '1: keep at least these hours 4.0');
  // Between rounds no decision is offered.
  await a.page.click('#class-play-on');
  await a.page.waitForFunction(() => document.querySelector('#class-play-week')?.textContent === 'Week 5 of 104');
  await a.page.screenshot({ path: join(SHOTS, 'class-phone.png') });
  const noOverflow = await a.page.evaluate(() => document.scrollingElement.scrollWidth <= 390);
  assert.ok(noOverflow, 'the phone screen does not scroll sideways');
  const figures = await a.page.locator('.class-figures').boundingBox();
  assert.ok(figures.x >= 0 && figures.x + figures.width <= 390, JSON.stringify(figures));

  await playOnTo(b.page, 'Week 21 of 104');
  await b.page.selectOption('#class-move', 'stop');
  await b.page.click('#class-decide');
  await b.page.waitForSelector('.class-log li');

  for (const p of [a.page, b.page, c.page]) await playOnTo(p, 'Week 104 of 104');
  const linkA = await handIn(a.page);
  await a.page.screenshot({ path: join(SHOTS, 'class-handin.png'), fullPage: true });
  const linkC = await handIn(c.page);
  await handIn(b.page);
  const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.click('#class-handin-file')]);
  const fileB = await download.path();
  assert.match(download.suggestedFilename(), /^cadence-handin-Han-Meimei\.txt$/);
  const linkB = (await readFile(fileB, 'utf8')).trim();
  assert.match(linkB, /#handin=/);

  // The trainer collects: two links pasted with an altered and a truncated one, and one file.
  await trainer.click('#class-collect');
  const altered = linkA.replace('#handin=A', '#handin=B');
  const truncated = linkC.slice(0, -5);
  await trainer.fill('#class-pasted', [linkA, linkC, altered, truncated].join('\n'));
  await trainer.click('#class-add');
  await trainer.setInputFiles('#class-files', fileB);
  await trainer.waitForFunction(() => document.querySelectorAll('.class-room tbody tr').length === 3);
  const rows = await trainer.$$eval('.class-room tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  );
  const refused = await trainer.$$eval('.class-refused li', (lis) => lis.map((li) => li.textContent));
  assert.equal(refused.length, 2, refused.join('\n'));
  assert.match(refused[0], /altered/);
  assert.match(refused[1], /cut short/);
  await trainer.screenshot({ path: join(SHOTS, 'class-collect.png'), fullPage: true });

  // The same figures as the command line's replay of the same hand-ins.
  const csv = execFileSync(CADENCE, ['classroom', 'debrief', joinLink, linkA, linkB, linkC, '--csv'], { encoding: 'utf8' });
  const cli = csv.trim().split('\n').slice(1).map((line) => line.split(','));
  assert.deepEqual(
    rows.map((r) => [r[0], r[1], r[2], r[3].replace(/,/g, '')]),
    cli.map((r) => [r[0], r[1], r[2], String(Math.round(Number(r[3])))]),
  );
  assert.equal(rows[rows.length - 1][1], 'Han Meimei', 'stopping prospecting ranks last on the book');

  // The debrief under the table: the room overlaid, one line per admitted hand-in in each chart,
  // inside the screen's width on a laptop and on a phone.
  const longLines = (id) =>
    trainer.$$eval(`#${id} svg polyline`, (ps) =>
      ps.filter((p) => (p.getAttribute('points') ?? '').trim().split(/\s+/).length >= 20).length,
    );
  await trainer.setViewportSize({ width: 1280, height: 800 });
  for (const id of ['class-room-book', 'class-room-new']) {
    assert.equal(await longLines(id), 3, `${id}: one line per admitted hand-in`);
    assert.match(await trainer.textContent(`#${id} svg`), /Best: Li Lei|Best: 王小明/);
    assert.match(await trainer.textContent(`#${id} svg`), /Worst: Han Meimei/);
  }
  for (const [width, height] of [[1280, 800], [390, 844], [1024, 768], [1920, 1080]]) {
    await trainer.setViewportSize({ width, height });
    for (const id of ['class-room-book', 'class-room-new']) {
      const chart = trainer.locator(`#${id} svg`);
      await chart.scrollIntoViewIfNeeded();
      assert.ok(await chart.isVisible(), `${id} visible at ${width}`);
      const box = await chart.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width + 0.5 && box.height > 100, `${id} at ${width}: ${JSON.stringify(box)}`);
      const table = await trainer.locator('.class-room').boundingBox();
      assert.ok(box.y >= table.y + table.height, `${id} is under the room's table`);
    }
    if (width === 1280 || width === 390) {
      await trainer.screenshot({ path: join(SHOTS, `class-debrief-${width}.png`), fullPage: true });
    }
  }
  await trainer.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await trainer.textContent('#class-stopped'), 'Stopped prospecting: week 21 — Han Meimei');
  const timelines = await trainer.$$eval('.class-timeline', (rows) =>
    rows.map((r) => [r.querySelector('.class-timeline-name').textContent, [...r.querySelectorAll('.class-mark')].map((m) => m.title)]),
  );
  assert.deepEqual(
    new Map(timelines),
    new Map([
      ['Li Lei', ['Week 1: keep at least these hours, 4.0 h per AM per week']],
      ['王小明', []],
      ['Han Meimei', ['Week 21: stop prospecting']],
    ]),
  );
  assert.equal(await trainer.textContent('.class-timeline .class-timeline-none'), 'No decisions');

  // Every decision as CSV: the page's file is the command line's, byte for byte.
  const [decisions] = await Promise.all([trainer.waitForEvent('download'), trainer.click('#class-decisions-csv')]);
  assert.match(decisions.suggestedFilename(), /^cadence-decisions-[0-9a-f]{8}\.csv$/);
  const pageCsv = await readFile(await decisions.path());
  const cliCsv = execFileSync(CADENCE, ['classroom', 'debrief', joinLink, linkA, linkB, linkC, '--decisions-csv']);
  assert.ok(pageCsv.equals(cliCsv), `page:\n${pageCsv}\ncli:\n${cliCsv}`);
  assert.equal(cliCsv.toString('utf8').trim().split('\n').length, 3, 'a header and two decisions');
  assert.deepEqual(await seriousViolations(trainer), []);
  assert.deepEqual(problems, []);
  for (const p of [a, b, c]) await p.context.close();
  await trainerContext.close();
});
