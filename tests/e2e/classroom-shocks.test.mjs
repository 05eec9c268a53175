// Hidden shocks (issue 19), on a phone (390×844): in a session that hides the lesson's shocks the
// participant's charts show no shock band and no "Shock weeks" legend until the week the burst
// arrives, and both from then on; in a session that does not, they show from week 1. The charts fit
// the phone's width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './harness.mjs';

// One browser and one server for the file (the harness opens and closes them).
const env = useBrowser();

async function typeInto(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

// The join link of a fault-lesson session deciding every week, shocks hidden or not.
async function joinLink(hidden) {
  const { context, page } = await openPage(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  await page.click('button[data-view="classroom"]');
  await page.click('#class-open');
  await page.waitForSelector('#class-rounds');
  await typeInto(page, '#class-rounds', '1');
  if (!hidden) await page.uncheck('#class-hidden');
  await page.waitForSelector('.class-join .class-qr svg');
  const link = await page.inputValue('.class-join input');
  await context.close();
  return link;
}

const shockShown = (page) =>
  page.$$eval('.class-play-charts svg', (svgs) => svgs.map((svg) => svg.textContent.includes('Shock weeks')));
const week = async (page) => Number((await page.textContent('#class-play-week')).match(/Week (\d+)/)[1]);

test('a hidden shock appears on the phone when it arrives; an announced one from week 1', async () => {
  const hidden = await openPage(env.browser, await joinLink(true), { viewport: { width: 390, height: 844 } });
  const phone = hidden.page;
  await phone.waitForSelector('.class-play-charts svg');
  assert.deepEqual(await shockShown(phone), [false, false], 'nothing of the shock in week 1');
  let first = null;
  for (let i = 0; i < 60 && first === null; i++) {
    const before = await week(phone);
    await phone.click('#class-play-on');
    await phone.waitForFunction((b) => !document.querySelector('#class-play-week').textContent.includes(`Week ${b} `), before);
    const shown = await shockShown(phone);
    assert.equal(shown[0], shown[1], 'both charts agree');
    if (shown[0]) first = await week(phone);
  }
  assert.ok(first !== null && first > 1, `the shock appeared in week ${first}`);
  // Still there afterwards.
  await phone.click('#class-play-on');
  await phone.waitForFunction((w) => document.querySelector('#class-play-week').textContent.startsWith(`Week ${w + 1} `), first);
  assert.deepEqual(await shockShown(phone), [true, true]);
  for (const id of ['class-play-book', 'class-play-new']) {
    const box = await phone.locator(`#${id} svg`).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390 && box.height > 100, `${id}: ${JSON.stringify(box)}`);
  }
  assert.ok(await phone.evaluate(() => document.scrollingElement.scrollWidth <= 390), 'no sideways scroll');
  await phone.screenshot({ path: `${process.env.CADENCE_SHOTS ?? '/work/shots'}/class-phone-shock.png`, fullPage: true });
  assert.deepEqual(hidden.problems, []);
  await hidden.context.close();

  const told = await openPage(env.browser, await joinLink(false), { viewport: { width: 390, height: 844 } });
  await told.page.waitForSelector('.class-play-charts svg');
  assert.equal(await week(told.page), 1);
  assert.deepEqual(await shockShown(told.page), [true, true], 'announced: shown from week 1');
  assert.deepEqual(told.problems, []);
  await told.context.close();
});
