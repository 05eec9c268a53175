// Trainer mode: the preset gallery, the play clock driven by the keyboard, the fault narration, a
// decision recorded in the log with its ghost line, rewind and replay giving the same figures, and
// bad input refused next to the field. The stage for a real room (issue 15): the presenter view
// fits every projector size with the lesson on screen and its charts' text at the room's size, the
// README's 90-second demo by keyboard, every listed shortcut in both languages, the comparison's
// figures equal to a direct run of the comparison scenario, the debrief on one A4 page, and axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openPage, seriousViolations, useBrowser } from './harness.mjs';

const env = useBrowser();

const week = async (page) => Number(await page.getAttribute('.week-label', 'data-week'));
const figures = async (page) =>
  page.$$eval('.kpi-grid-now .kpi', (items) => items.map((i) => `${i.dataset.kpi}=${i.querySelector('.kpi-value').textContent}`));
const score = async (page, id) => page.textContent(`.kpi-grid-score [data-kpi="${id}"] .kpi-value`);
const number = (text) => Number(text.replace(/[¥,\s]/g, ''));
// The focus moves after the render that shows its target.
const focusOn = async (page, id) => page.waitForFunction((id) => document.activeElement?.id === id, id);

async function openFault(page, policy = 0) {
  await page.click('button[data-view="trainer"]');
  if (policy) await page.check(`li[data-preset="fault"] input[value="${policy}"]`);
  await page.click('li[data-preset="fault"] .card-play');
  await page.waitForSelector('.week-label');
  // The stage takes the focus, so the keys drive the clock at once.
  await page.waitForFunction(() => document.activeElement?.id === 'stage-title');
}

async function stepTo(page, target) {
  while ((await week(page)) < target) await page.keyboard.press('ArrowRight');
  while ((await week(page)) > target) await page.keyboard.press('ArrowLeft');
}

// The boxes of the lesson's elements, the page's scroll height, and the charts' text and lines as
// they are drawn on screen (an SVG's own sizes times its scale).
async function stageLayout(page) {
  return page.evaluate(() => {
    const box = (sel) => {
      const e = document.querySelector(sel);
      if (!e) return null;
      const b = e.getBoundingClientRect();
      return { left: Math.round(b.left), top: Math.round(b.top), right: Math.round(b.right), bottom: Math.round(b.bottom) };
    };
    const charts = [...document.querySelectorAll('.lesson-chart svg')].map((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
      const strokes = [...svg.querySelectorAll('polyline')].map((l) => Number(l.getAttribute('stroke-width') ?? 1) * scale);
      return { minText: Math.min(...texts), maxStroke: Math.max(...strokes), text: svg.textContent };
    });
    return {
      elements: {
        week: box('.week-label'),
        narration: box('.narration'),
        comparison: box('.stage-comparison'),
        score: box('.score'),
        newLoans: box('#lesson-new-loans'),
        second: box('.lesson-chart:nth-child(2)'),
      },
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      charts,
    };
  });
}

function assertOnScreen(layout, width, height, label) {
  for (const [name, b] of Object.entries(layout.elements)) {
    assert.ok(b, `${label}: ${name} is shown`);
    assert.ok(b.left >= 0 && b.top >= 0 && b.right <= width && b.bottom <= height, `${label}: ${name} ${JSON.stringify(b)} inside ${width}×${height}`);
  }
  assert.ok(layout.scrollHeight <= height, `${label}: no vertical scroll (${layout.scrollHeight} > ${height})`);
  assert.ok(layout.scrollWidth <= width, `${label}: no horizontal scroll (${layout.scrollWidth} > ${width})`);
}

test('the gallery shows every lesson with its question, what to watch and the lesson, in both languages', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.click('button[data-view="trainer"]');
  assert.equal(await page.getAttribute('button[data-view="trainer"]', 'aria-current'), 'page');
  const ids = await page.$$eval('.cards .card', (cards) => cards.map((c) => c.dataset.preset));
  assert.deepEqual(ids, ['steady', 'fault', 'floor', 'festival', 'spike', 'quality', 'ramp']);
  for (const id of ids) {
    assert.equal(await page.locator(`li[data-preset="${id}"] .story dd`).count(), 3, id);
  }
  assert.match(await page.textContent('li[data-preset="fault"] .story'), /new loans/i);
  await page.click('.lang-switch');
  assert.match(await page.textContent('li[data-preset="fault"] h3'), /[\u4e00-\u9fff]/);
  assert.match(await page.textContent('li[data-preset="fault"] .story'), /[\u4e00-\u9fff]{4}/);
  // "Open in workspace" loads the preset there.
  await page.click('.lang-switch');
  await page.click('li[data-preset="spike"] .card-open');
  assert.equal(await page.getAttribute('button[data-view="workspace"]', 'aria-current'), 'page');
  assert.equal(await page.locator('main.workspace').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

// Regression (issue 15): a long policy name was cut off in the card's select on narrow cards.
for (const viewport of [{ width: 390, height: 844 }, { width: 1024, height: 768 }, { width: 1280, height: 800 }]) {
  test(`no policy name is cut off on the lesson cards at ${viewport.width}×${viewport.height}`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport });
    await page.click('button[data-view="trainer"]');
    const clipped = await page.$$eval('.card-variant span', (spans) =>
      spans
        .filter((s) => s.scrollWidth > s.clientWidth + 1 || s.getBoundingClientRect().right > s.closest('.card').getBoundingClientRect().right)
        .map((s) => s.textContent));
    assert.deepEqual(clipped, []);
    assert.ok((await page.locator('.card-variant').count()) >= 14);
    assert.match(await page.textContent('li[data-preset="floor"] .card-policy'), /stop when busy with a floor of ½h\*/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('play the fault: the keyboard steps to the trough and the narration says why, in numbers', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openFault(page);
  assert.equal(await week(page), 1);
  assert.match(await page.textContent('.stage-scenario'), /fault/i);
  assert.equal(await page.textContent('.stage-comparison'), 'Compared with the same burst with prospecting kept: (a) fixed cadence at h*.');
  // Space plays: the clock moves on by itself.
  await page.keyboard.press(' ');
  await page.waitForFunction(() => Number(document.querySelector('.week-label').dataset.week) >= 3);
  await page.keyboard.press(' ');
  const paused = await week(page);
  await page.waitForTimeout(700);
  assert.equal(await week(page), paused, 'Space pauses');
  await stepTo(page, 10);
  assert.equal(await page.locator('.narration').count(), 0, 'no fault yet, no narration');
  // Step with → until the narration explains the collapse of new loans.
  const told = async () => (await page.locator('.narration').count()) && /new loans fell/.test(await page.textContent('.narration'));
  for (let i = 0; i < 30 && !(await told()); i++) {
    await page.keyboard.press('ArrowRight');
  }
  const narration = await page.textContent('.narration');
  assert.match(narration, /Prospecting fell below half its usual hours in weeks? \d+(–\d+)?, to as little as [\d.]+ h per AM/);
  assert.match(narration, /new loans fell \d+% by week \d+/);
  const trough = Number(narration.match(/by week (\d+)/)[1]);
  assert.ok(trough >= 22 && trough <= 32, `trough week ${trough}`);
  // R rewinds to week 1.
  await page.keyboard.press('r');
  assert.equal(await week(page), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a decision: recorded at the week shown, ghost line drawn, rewind and replay give the same figures, log saved in the scenario file', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openFault(page);
  const before = await (async () => { await stepTo(page, 40); return figures(page); })();
  await stepTo(page, 21);
  assert.equal(await page.locator('.log-entry').count(), 0);
  // Bad input is refused next to the field and changes nothing.
  await page.selectOption('#decide-kind', 'floor');
  await page.fill('#decide-value', 'four');
  await page.click('.decide-apply');
  assert.match(await page.textContent('#decide-value-error'), /number/);
  assert.equal(await page.getAttribute('#decide-value', 'aria-invalid'), 'true');
  assert.equal(await page.locator('.log-entry').count(), 0);
  await page.fill('#decide-value', '4,5');
  await page.click('.decide-apply');
  assert.match(await page.textContent('#decide-value-error'), /number/);
  await page.fill('#decide-value', '-4');
  await page.click('.decide-apply');
  assert.equal(await page.textContent('#decide-value-error'), 'Enter a number from 0 to 40.0.');
  assert.equal(await page.locator('.log-entry').count(), 0);
  await page.fill('#decide-value', '4');
  await page.fill('#decide-duration', '9999');
  await page.click('.decide-apply');
  assert.match(await page.textContent('#decide-duration-error'), /whole number of weeks/);
  assert.equal(await page.locator('.log-entry').count(), 0);
  // "Keep 4 h of prospecting" from week 21 to the end.
  await page.fill('#decide-duration', '');
  await page.click('.decide-apply');
  assert.equal(await page.locator('.log-entry').count(), 1);
  assert.match(await page.textContent('.log-entry'), /Week 21.*at least 4(\.0)? h/);
  assert.match(await page.textContent('.decide-status'), /recorded at week 21/);
  await page.keyboard.press(' ');
  await page.keyboard.press(' ');
  assert.equal(await page.locator('.log-entry').count(), 1, 'Space on the focused Apply button does not record it again');
  assert.equal(await week(page), 21);
  // One vocabulary: "decisions", never "interventions".
  assert.match(await page.textContent('#chart-new-loans'), /Without the decisions/);
  assert.match(await page.textContent('#lesson-new-loans'), /stop when busy \+ decisions.*without the decisions|without the decisions.*stop when busy \+ decisions/s);
  assert.doesNotMatch(await page.textContent('main'), /intervention/i);
  await page.locator('.stage-scenario').click();
  await stepTo(page, 40);
  const decided = await figures(page);
  assert.notDeepEqual(decided, before, 'the decision changes the figures');
  assert.match(await page.textContent('[data-kpi="now-book"] .kpi-detail'), /without the decisions/);
  // Rewind, replay, and go back to week 40: the same figures.
  await page.keyboard.press('r');
  assert.equal(await week(page), 1);
  // By keyboard: Enter on "Replay from week 1" goes back to week 1 and waits for Space (issue 15:
  // it used to play by itself, so the Space the README says to press paused it).
  await stepTo(page, 12);
  await page.focus('.log-replay');
  await page.keyboard.press('Enter');
  assert.equal(await week(page), 1);
  await page.waitForTimeout(700);
  assert.equal(await week(page), 1, 'Replay waits for Space');
  assert.equal(await page.getAttribute('.clock-play', 'aria-label'), 'Play');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => Number(document.querySelector('.week-label').dataset.week) >= 2);
  await page.keyboard.press(' ');
  const stopped = await week(page);
  await page.waitForTimeout(700);
  assert.equal(await week(page), stopped, 'Space pauses');
  // Auto-play, when chosen, plays at once.
  await page.check('.log-autoplay input');
  await page.click('.log-replay');
  await page.waitForFunction(() => Number(document.querySelector('.week-label').dataset.week) >= 2);
  await page.locator('.stage-scenario').click();
  await page.keyboard.press(' ');
  assert.equal(await page.locator('.log-entry').count(), 1);
  await stepTo(page, 40);
  assert.deepEqual(await figures(page), decided);
  // The log is saved inside the scenario file.
  await page.click('button[data-view="workspace"]');
  assert.match(await page.textContent('.decisions-note'), /1 trainer decision/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download this scenario')]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.interventions.length, 1);
  assert.equal(file.interventions[0].start, 20);
  // Back on the stage at week 10, dropping the later decisions removes it and the ghost.
  await page.click('button[data-view="trainer"]');
  await page.locator('.stage-scenario').click();
  await stepTo(page, 10);
  await page.click('.log-drop-later');
  assert.equal(await page.locator('.log-entry').count(), 0);
  assert.doesNotMatch(await page.textContent('#chart-new-loans'), /Without the decisions/);
  await stepTo(page, 40);
  assert.deepEqual(await figures(page), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reload keeps the trainer view and the decision log', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openFault(page);
  await stepTo(page, 21);
  await page.selectOption('#decide-kind', 'stop');
  await page.fill('#decide-duration', '3');
  await page.click('.decide-apply');
  assert.match(await page.textContent('.log-entry'), /Week 21.*Stop prospecting.*for 3 weeks/);
  await page.reload();
  await page.waitForSelector('.week-label');
  assert.equal(await page.getAttribute('button[data-view="trainer"]', 'aria-current'), 'page');
  assert.match(await page.textContent('.log-entry'), /Week 21.*Stop prospecting.*for 3 weeks/);
  await page.click('button[data-view="workspace"]');
  await page.reload();
  await page.waitForSelector('main.workspace');
  assert.deepEqual(problems, []);
  await context.close();
});

// The projector sizes a trainer meets: the week, the comparison, the narration, the scoreboard and
// both lesson charts inside the screen without scrolling; chart text at 24 px or more on 1080p and
// scaled with the screen's height; thick lines.
for (const [width, height] of [[1024, 768], [1280, 720], [1280, 800], [1920, 1080], [3840, 2160]]) {
  test(`presenter view at ${width}×${height}: every lesson element on screen, chart text for the back row`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: { width, height } });
    await openFault(page);
    await page.keyboard.press('p');
    assert.equal(await page.locator('.app.is-presenter').count(), 1);
    assert.equal(await page.isVisible('.site-header'), false);
    assert.equal(await page.isVisible('.gallery'), false);
    await stepTo(page, 32);
    const layout = await stageLayout(page);
    assertOnScreen(layout, width, height, `${width}×${height}`);
    const least = 24 * (height / 1080);
    for (const chart of layout.charts) {
      assert.ok(chart.minText >= least - 0.5, `chart text ${chart.minText.toFixed(1)} px < ${least.toFixed(1)} px`);
      assert.ok(chart.maxStroke >= 3 * Math.min(1, height / 1080), `lines ${chart.maxStroke.toFixed(1)} px`);
    }
    if (height >= 1080) assert.ok(layout.charts[0].minText >= 24, 'at least 24 px on a 1080p screen');
    // The lines are named where they end, and the gap is written on the chart.
    assert.match(layout.charts[0].text, /stop when busy/);
    assert.match(layout.charts[0].text, /fixed cadence/);
    assert.match(layout.charts[0].text, /(new loans lost|more new loans) by week 32|No new loans lost by week 32/);
    const weekSize = await page.$eval('.week-label', (e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(weekSize >= 24 * (height / 1080), `week label ${weekSize}px`);
    // The decision form opens over the stage on D, inside the screen, and Esc closes it.
    await page.keyboard.press('d');
    const overlay = await page.$eval('.decisions-overlay', (e) => e.getBoundingClientRect().toJSON());
    assert.ok(overlay.top >= 0 && overlay.bottom <= height && overlay.right <= width, JSON.stringify(overlay));
    await focusOn(page, 'decide-kind');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.decisions-overlay').count(), 0);
    assert.equal(await page.locator('.app.is-presenter').count(), 1, 'Esc closed the form, not the view');
    const e = layout.elements;
    console.log(`${width}×${height}: week ${JSON.stringify(e.week)} narration ${JSON.stringify(e.narration)} score ${JSON.stringify(e.score)} new loans ${JSON.stringify(e.newLoans)} second ${JSON.stringify(e.second)}; chart text ≥ ${layout.charts[0].minText.toFixed(1)} px, lines ${layout.charts[0].maxStroke.toFixed(1)} px`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// The README's 90-second demo, by keyboard only, as a trainer gives it.
for (const [width, height] of [[1280, 800], [1024, 768]]) {
  test(`the 90-second demo by keyboard at ${width}×${height}`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: { width, height } });
    await page.focus('button[data-view="trainer"]');
    await page.keyboard.press('Enter');
    await page.focus('li[data-preset="fault"] .card-play');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'stage-title');
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.activeElement?.id === 'stage-title');
    await page.selectOption('.clock-speed select', '4');
    await page.focus('#stage-title');
    // Space: the weeks play; prospecting stops in the burst, and new loans collapse weeks later.
    await page.keyboard.press(' ');
    await page.waitForFunction(() => Number(document.querySelector('.week-label').dataset.week) >= 30);
    await page.keyboard.press(' ');
    await stepTo(page, 32);
    assert.match(await page.textContent('.narration'), /new loans fell \d+% by week 28/);
    assertOnScreen(await stageLayout(page), width, height, 'the collapse');
    // The room sees a loss against the same burst with prospecting kept, not a gain.
    const lost = await score(page, 'score-loans');
    assert.equal(await page.textContent('.kpi-grid-score [data-kpi="score-loans"] dt'), 'New loans lost so far');
    assert.match(await page.textContent('#lesson-new-loans'), new RegExp(`${lost} new loans lost by week 32`));
    // R, step to week 21, D: keep a minimum of prospecting, 4 h; Enter records it; Esc closes.
    await page.keyboard.press('r');
    assert.equal(await week(page), 1);
    for (let i = 1; i < 21; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await week(page), 21);
    await page.keyboard.press('d');
    await focusOn(page, 'decide-kind');
    assert.equal(await page.inputValue('#decide-kind'), 'floor');
    await page.keyboard.press('Tab');
    assert.equal(await page.inputValue('#decide-value'), '4');
    await page.keyboard.press('Enter');
    assert.match(await page.textContent('.log-entry'), /Week 21.*at least 4\.0 h/);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.decisions-overlay').count(), 0);
    await focusOn(page, 'stage-title');
    // Replay from week 1 (R, then Space): the ghost is the first run, beside the second.
    await page.keyboard.press('r');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => Number(document.querySelector('.week-label').dataset.week) >= 33);
    await page.keyboard.press(' ');
    await stepTo(page, 32);
    const chart = await page.textContent('#lesson-new-loans');
    assert.match(chart, /stop when busy \+ decisions/);
    assert.match(chart, /without the decisions/);
    assertOnScreen(await stageLayout(page), width, height, 'the replay');
    const recovered = await score(page, 'score-loans');
    assert.ok(number(recovered) < number(lost), `the floor loses fewer new loans (${recovered} < ${lost})`);
    // No focus ring stayed on anything the keys went through.
    const ring = await page.evaluate(() => {
      const e = document.activeElement;
      return e ? `${e.id || e.className}: ${getComputedStyle(e).outlineStyle}` : 'none';
    });
    assert.match(ring, /: none$|^none$/, ring);
    // E: the debrief; Esc closes it, and Esc again leaves the presenter view.
    await page.keyboard.press('e');
    assert.equal(await page.locator('.debrief [data-kpi]').count(), 3);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.debrief').count(), 0);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.app.is-presenter').count(), 0);
    assert.equal(await page.isVisible('.site-header'), true);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Every key the ? list names does what it says, in English and in Chinese, also as a Chinese input
// method reports it (full-width characters, or a key it kept, read from the physical key).
for (const locale of ['en-US', 'zh-CN']) {
  test(`every shortcut the ? list names works (${locale})`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server.url, { locale });
    await openFault(page);
    await stepTo(page, 5);
    await page.keyboard.press('?');
    const listed = await page.$$eval('.shortcuts dt kbd', (keys) => keys.map((k) => k.textContent));
    const space = locale === 'zh-CN' ? '空格' : 'Space';
    assert.deepEqual(listed, [space, '→', '←', 'R', 'F', 'P', 'D', 'E', '?', 'Esc']);
    assert.equal(await page.locator('.shortcuts dd').count(), listed.length);
    await page.keyboard.press('?');
    assert.equal(await page.locator('.shortcuts').count(), 0, '? hides the list');
    const playing = async () => (await page.getAttribute('.clock-play', 'aria-label')) !== (locale === 'zh-CN' ? '播放' : 'Play');
    await page.keyboard.press(' ');
    assert.equal(await playing(), true, 'Space plays');
    await page.keyboard.press(' ');
    assert.equal(await playing(), false, 'Space pauses');
    await stepTo(page, 5);
    await page.keyboard.press('ArrowRight');
    assert.equal(await week(page), 6);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await week(page), 5);
    await page.keyboard.press('r');
    assert.equal(await week(page), 1);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.keyboard.press('p');
    assert.equal(await page.locator('.app.is-presenter').count(), 1);
    await page.keyboard.press('d');
    assert.equal(await page.locator('.decisions-overlay').count(), 1);
    await focusOn(page, 'decide-kind');
    // Off the form's fields (where keys type), the clock rests and D closes the form again.
    await page.focus('.decisions-close');
    await page.keyboard.press('ArrowRight');
    assert.equal(await week(page), 1, 'the clock rests under the form');
    await page.keyboard.press('d');
    assert.equal(await page.locator('.decisions-overlay').count(), 0, 'D closes it again');
    await page.keyboard.press('e');
    assert.equal(await page.locator('.debrief').count(), 1);
    await page.keyboard.press('e');
    assert.equal(await page.locator('.debrief').count(), 0, 'E closes it again');
    await page.keyboard.press('?');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.shortcuts').count(), 0, 'Esc closes the list');
    assert.equal(await page.locator('.app.is-presenter').count(), 1);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.app.is-presenter').count(), 0, 'then leaves the presenter view');
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    assert.equal(await page.locator('.app.is-presenter').count(), 0, 'P leaves it too');
    // As a Chinese input method reports the keys.
    const key = (init) => page.evaluate((init) => window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })), init);
    await key({ key: 'Process', code: 'KeyP' });
    assert.equal(await page.locator('.app.is-presenter').count(), 1, 'P while an input method composes');
    await key({ key: '？', code: 'Slash', shiftKey: true });
    assert.equal(await page.locator('.shortcuts').count(), 1, 'a full-width ?');
    await key({ key: 'Escape', code: 'Escape' });
    await key({ key: 'ｐ', code: 'KeyP' });
    assert.equal(await page.locator('.app.is-presenter').count(), 0, 'a full-width p');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

async function weeklyCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.download-csv')]);
  const lines = (await readFile(await download.path(), 'utf8')).slice(1).trim().split('\n').map((l) => l.split(','));
  const [header, ...rows] = lines;
  const column = (index) => rows.map((r) => Number(r[index]));
  return {
    newLoans: column(header.indexOf('New loans')),
    profit: column(header.findIndex((h) => h.startsWith('Cumulative profit'))),
  };
}

// The stage's comparison is a direct run of the comparison scenario: the scoreboard's and the
// chart's figures equal what the workspace's weekly CSVs of the fault under (a) and under (b) give.
test('the comparison figures equal a direct run of the comparison scenario', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.click('button[data-view="trainer"]');
  await page.check('li[data-preset="fault"] input[value="1"]');
  await page.click('li[data-preset="fault"] .card-open');
  const a = await weeklyCsv(page);
  await page.click('button[data-view="trainer"]');
  await page.check('li[data-preset="fault"] input[value="0"]');
  await page.click('li[data-preset="fault"] .card-open');
  const b = await weeklyCsv(page);
  await openFault(page);
  for (const shown of [24, 32, 60, 104]) {
    await stepTo(page, shown);
    const t = shown - 1;
    const sum = (v) => v.slice(0, t + 1).reduce((x, y) => x + y, 0);
    const lost = sum(a.newLoans) - sum(b.newLoans);
    const profit = a.profit[t] - b.profit[t];
    // The CSV rounds each week to 0.01 loan and 1 yuan; the page adds the unrounded weeks.
    assert.ok(Math.abs(number(await score(page, 'score-loans')) - Math.abs(lost)) <= 1, `week ${shown}: ${await score(page, 'score-loans')} vs ${lost}`);
    assert.ok(Math.abs(number(await score(page, 'score-profit')) - Math.abs(profit)) <= 2, `week ${shown}: ${await score(page, 'score-profit')} vs ${profit}`);
    const label = await page.textContent('.kpi-grid-score [data-kpi="score-loans"] dt');
    assert.equal(label, lost > 0 ? 'New loans lost so far' : 'New loans gained so far', `week ${shown}`);
    const value = await score(page, 'score-loans');
    const gap = lost > 0 ? `${value} new loans lost by week ${shown}` : `${value} more new loans by week ${shown}`;
    assert.ok((await page.textContent('#lesson-new-loans')).includes(gap), `the chart writes "${gap}"`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = join(await mkdtemp(join(tmpdir(), 'cadence-debrief-')), 'debrief.pdf');
  await writeFile(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  return { text, pages };
}

test('the debrief opens at the end of the play, lists each decision with its effect, and prints on one A4 page in both languages', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await openFault(page);
  await stepTo(page, 21);
  await page.click('.decide-apply');
  assert.equal(await page.locator('.log-entry').count(), 1);
  await page.locator('.stage-scenario').click();
  await page.selectOption('.clock-speed select', '4');
  await page.locator('.week-slider').fill('100');
  await page.locator('.stage-scenario').click();
  await page.keyboard.press(' ');
  await page.waitForSelector('.debrief', { timeout: 10000 });
  assert.equal(await week(page), 104);
  await focusOn(page, 'debrief-title');
  const debrief = await page.textContent('.debrief');
  assert.match(debrief, /Stopping prospecting while processing a batch creates a hole in new business about seven weeks later\./);
  assert.match(debrief, /Compared with the same burst with prospecting kept/);
  const labels = await page.$$eval('.debrief .kpi dt', (d) => d.map((x) => x.textContent));
  assert.equal(labels.length, 3);
  assert.match(labels[0], /^New loans (lost|gained)$/);
  assert.equal(labels[1], 'Weeks to recover');
  assert.match(labels[2], /^Profit (lost|gained)$/);
  assert.match(await page.textContent('.debrief-log'), /Week 21.*Keep at least 4\.0 h of prospecting · to the end.*[+−]\d+ new loans, [+−]?¥[\d,]+ profit by the end/s);
  for (const lang of ['en', 'zh']) {
    const { text, pages } = await printed(page);
    assert.equal(pages, 1, `${lang}: ${pages} pages`);
    assert.doesNotMatch(text, /Replay from week 1|Print the debrief|Week by week|Decide/);
    if (lang === 'en') {
      assert.match(text, /Debrief/);
      assert.match(text, /Weeks to recover/);
      assert.match(text, /Week 21/);
    } else {
      assert.match(text, /复盘/);
      assert.match(text, /恢复所需周数/);
      assert.match(text, /第 21 周/);
    }
    // The header (and its switch) is on the page behind the debrief.
    await page.evaluate(() => document.querySelector('.lang-switch').click());
    await page.waitForFunction((lang) => document.documentElement.lang !== lang, lang === 'en' ? 'en' : 'zh-CN');
  }
  await page.evaluate(() => document.querySelector('.lang-switch').click());
  assert.match(await page.textContent('.debrief'), /复盘/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.debrief').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`trainer view: no serious or critical axe violation — ${colorScheme}, en and zh, with a decision, presenter view, the decision form and the debrief`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server.url, { colorScheme });
    await openFault(page);
    await stepTo(page, 32);
    await page.click('.decide-apply');
    await page.fill('#decide-value', 'x');
    await page.click('.decide-apply');
    for (const lang of ['en', 'zh']) {
      assert.deepEqual(await seriousViolations(page), [], `${lang}, page layout`);
      await page.locator('.stage-scenario').click();
      await page.keyboard.press('p');
      assert.deepEqual(await seriousViolations(page), [], `${lang}, presenter view`);
      await page.keyboard.press('d');
      assert.deepEqual(await seriousViolations(page), [], `${lang}, decision form`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('e');
      assert.deepEqual(await seriousViolations(page), [], `${lang}, debrief`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.click('.lang-switch');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
