// The rest of the classroom debrief (issue 19): the trainer collects three hand-ins (made by the
// native CLI from the page's own join link), downloads the session file, reloads and opens it —
// the same ranking, replayed; a damaged file is refused with its reason and changes nothing. A
// second round keeps the first and the rounds table compares them, and survives the file too.
// "Show best and worst" puts the two runs side by side over the whole window: at 1280×800,
// 1024×768 and 1920×1080 every chart is inside the window (nothing to scroll) and no text on the
// stage, in the charts or around them, is under 16 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const CADENCE = process.env.CADENCE_BIN ?? join(ROOT, 'target', 'debug', 'cadence');
const SHOTS = process.env.CADENCE_SHOTS ?? '/work/shots';

// One browser and one server for the file (the harness opens and closes them).
const env = useBrowser();

const handIn = (joinLink, name, ...decide) =>
  execFileSync(CADENCE, ['classroom', 'handin', joinLink, '--name', name, ...decide.flatMap((d) => ['--decide', d])], {
    encoding: 'utf8',
  }).trim();

const tableRows = (page, selector) =>
  page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));

async function typeInto(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

async function paste(page, lines, rows) {
  await page.fill('#class-pasted', lines.join('\n'));
  await page.click('#class-add');
  await page.waitForFunction((n) => document.querySelectorAll('.class-room tbody tr').length === n, rows);
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

async function reopen(page, file) {
  await page.reload();
  if (!(await page.$('#class-session-file'))) await page.click('button[data-view="classroom"]');
  await page.waitForSelector('#class-session-file', { state: 'attached' });
  await page.setInputFiles('#class-session-file', file);
  await page.waitForSelector('.class-file-note');
}

// Boxes of the stage's charts and the smallest text drawn on the stage, in CSS pixels.
function stageLayout(page) {
  return page.evaluate(() => {
    const box = (e) => {
      const b = e.getBoundingClientRect();
      return { id: e.closest('[id]')?.id, left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height };
    };
    const charts = [...document.querySelectorAll('#class-stage .duel-chart svg')];
    const chartText = charts.flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
    });
    const htmlText = [...document.querySelectorAll('#class-stage h2, #class-stage h3, #class-stage span, #class-stage button')].map((e) =>
      parseFloat(getComputedStyle(e).fontSize),
    );
    return {
      stage: box(document.querySelector('#class-stage')),
      charts: charts.map((svg) => ({ ...box(svg), id: svg.closest('figure').id, text: svg.textContent })),
      minChartText: Math.min(...chartText),
      minHtmlText: Math.min(...htmlText),
    };
  });
}

test('a session file brings the debrief back after a reload, rounds compare, and best and worst share the stage', async () => {
  const { context, page: trainer, problems } = await openPage(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  await trainer.click('button[data-view="classroom"]');
  await trainer.click('#class-open');
  await trainer.waitForSelector('#class-seed');
  await typeInto(trainer, '#class-seed', '7');
  await typeInto(trainer, '#class-rounds', '4');
  await trainer.waitForSelector('.class-join .class-qr svg');
  const joinLink = await trainer.inputValue('.class-join input');
  await trainer.click('#class-collect');

  // Round 1: three hand-ins; Han Meimei stops in week 21 and ranks last on the book.
  const li = handIn(joinLink, 'Li Lei', '21:floor:4');
  const han = handIn(joinLink, 'Han Meimei', '21:stop');
  const wang = handIn(joinLink, '王小明');
  await paste(trainer, [li, han, wang], 3);
  const ranking = await tableRows(trainer, '.class-room');
  assert.equal(ranking[2][1], 'Han Meimei');
  const file1 = await download(trainer, '#class-session-download');
  assert.match(file1.name, /^cadence-session-[0-9a-f]{8}\.json$/);
  const saved = JSON.parse(await readFile(file1.path, 'utf8'));
  assert.equal(saved.format, 'cadence-classroom-session');
  assert.equal(saved.version, 1);
  assert.equal(saved.session, joinLink);
  assert.equal(saved.rounds.length, 1);
  assert.equal(saved.rounds[0].hand_ins.length, 3);
  assert.ok(!JSON.stringify(saved).includes('book_end_loans'), 'no figure is kept in the file');

  // A reload loses the page's collection; the file brings it back, replayed.
  await reopen(trainer, file1.path);
  assert.match(await trainer.textContent('.class-file-note'), /round 1, 3 hand-ins replayed/);
  assert.deepEqual(await tableRows(trainer, '.class-room'), ranking);
  assert.equal(await trainer.inputValue('.class-join input'), joinLink, 'the same session and join link');

  // A damaged file: refused in words beside the picker, the room unchanged.
  await trainer.setInputFiles('#class-session-file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cadence-classroom-session", "version": 1') });
  await trainer.waitForSelector('.class-file-note.field-error');
  assert.match(await trainer.textContent('.class-file-note.field-error'), /notes\.json was not opened: This is not a session file/);
  assert.deepEqual(await tableRows(trainer, '.class-room'), ranking);

  // Round 2 under the same session: Han Meimei keeps prospecting this time.
  await trainer.click('#class-start-round');
  await trainer.waitForSelector('#class-round-note');
  assert.equal(await trainer.$$eval('.class-room tbody tr', (r) => r.length), 0);
  await paste(trainer, [handIn(joinLink, 'Han Meimei', '21:floor:4'), handIn(joinLink, 'Li Lei', '21:stop')], 2);
  await trainer.waitForSelector('#class-rounds');
  const rounds = await tableRows(trainer, '#class-rounds');
  const byName = new Map(rounds.map((r) => [r[0], r.slice(1)]));
  assert.deepEqual(byName.get('王小明')?.[1], '—', 'not handed in in round 2');
  const num = (s) => Number(s.replace(/,/g, ''));
  assert.ok(num(byName.get('Han Meimei')[1]) > num(byName.get('Han Meimei')[0]), 'keeping prospecting keeps a larger book');
  assert.equal(byName.get('Han Meimei')[0], ranking[2][3], 'round 1 as the table said');
  const median = await trainer.$$eval('#class-rounds tfoot td', (tds) => tds.map((td) => td.textContent));
  assert.equal(median[0], ranking[1][3], 'the median of three is the middle one');
  const round2 = await tableRows(trainer, '.class-room');
  const file2 = await download(trainer, '#class-session-download');
  await reopen(trainer, file2.path);
  assert.match(await trainer.textContent('.class-file-note'), /round 2, 5 hand-ins replayed/);
  assert.deepEqual(await tableRows(trainer, '#class-rounds'), rounds);
  assert.deepEqual(await tableRows(trainer, '.class-room'), round2);
  await trainer.screenshot({ path: join(SHOTS, 'class-rounds.png'), fullPage: true });

  // Best and worst side by side, for the projector.
  await trainer.click('#class-show-stage');
  await trainer.waitForSelector('#class-stage .duel-chart svg');
  for (const [width, height] of [[1280, 800], [1024, 768], [1920, 1080]]) {
    await trainer.setViewportSize({ width, height });
    // Each chart is laid out again at its box's size once the window has changed.
    await trainer.waitForFunction(() =>
      [...document.querySelectorAll('#class-stage .duel-chart svg')].every((svg) => {
        const b = svg.getBoundingClientRect();
        return Math.abs(b.width - svg.viewBox.baseVal.width) < 2 && Math.abs(b.height - svg.viewBox.baseVal.height) < 2;
      }),
    );
    const layout = await stageLayout(trainer);
    const at = `at ${width}×${height}`;
    assert.equal(layout.charts.length, 4, at);
    for (const c of [layout.stage, ...layout.charts]) {
      assert.ok(c.left >= 0 && c.top >= 0 && c.right <= width + 0.5 && c.bottom <= height + 0.5, `${c.id} inside the window ${at}: ${JSON.stringify(c)}`);
    }
    for (const c of layout.charts) assert.ok(c.height >= 150 && c.width >= 300, `${c.id} large ${at}: ${JSON.stringify(c)}`);
    const [bestBook, bestNew, worstBook, worstNew] = layout.charts;
    assert.ok(bestBook.right <= worstBook.left, `side by side ${at}`);
    assert.ok(bestBook.bottom <= bestNew.top && worstBook.bottom <= worstNew.top, `book above new loans ${at}`);
    assert.ok(layout.minChartText >= 16 - 0.01, `chart text ${layout.minChartText} px ${at}`);
    assert.ok(layout.minHtmlText >= 16 - 0.01, `stage text ${layout.minHtmlText} px ${at}`);
    assert.match(worstBook.text, /W21 stop/, 'the worst run\'s decision is marked');
    assert.match(bestBook.text, /W21 ≥ 4\.0 h/);
    await trainer.screenshot({ path: join(SHOTS, `class-stage-${width}.png`) });
  }
  assert.match(await trainer.textContent('#class-stage-best h3'), /^Best: Han Meimei/);
  assert.match(await trainer.textContent('#class-stage-worst h3'), /^Worst: Li Lei/);
  assert.deepEqual(await seriousViolations(trainer), []);
  await trainer.keyboard.press('Escape');
  await trainer.waitForSelector('#class-stage', { state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});
