// The planner workspace as a team lead uses it: type the team, read h* and the KPIs, make a mistake,
// see the message next to the field while the last results stay, fix it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './harness.mjs';

const env = useBrowser();

const kpi = (page, id) => page.textContent(`[data-kpi="${id}"] .kpi-value`);
const kpiDetail = (page, id) => page.textContent(`[data-kpi="${id}"] .kpi-detail`);

async function typeInto(page, selector, text) {
  await page.fill(selector, '');
  await page.type(selector, text);
  // The page renders after the last keystroke on its own schedule (a loaded machine, the live
  // Monte Carlo and the levers share the thread): read figures only once two frames have passed.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

test('the default team shows the reference figures', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  assert.equal(await kpi(page, 'h-star'), '8.80');
  assert.equal(await kpi(page, 'a-max'), '134.6');
  assert.equal(await kpi(page, 'a-be'), '84');
  assert.equal(await kpi(page, 'unit-marginal'), '-¥1,886');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a team of 8 AMs with a 150-loan target: h* and the team figures follow', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const teamHoursBefore = await kpiDetail(page, 'h-star');
  await typeInto(page, '#in-team-ams', '8');
  assert.match(await kpiDetail(page, 'h-star'), /team 70 h a week/);
  assert.notEqual(await kpiDetail(page, 'h-star'), teamHoursBefore);
  assert.equal(await kpi(page, 'book-end'), '960');
  await typeInto(page, '#in-team-target_loans_per_am', '150');
  const hStar = Number(await kpi(page, 'h-star'));
  assert.ok(hStar > 8.8, `h* for 150 loans is ${hStar}`);
  assert.equal(await page.locator('.stale-banner').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an invalid value shows its error beside the field and keeps the last results', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await typeInto(page, '#in-team-ams', '7');
  const before = await kpi(page, 'book-end');
  assert.equal(before, '840');

  await typeInto(page, '#in-team-ams', '0');
  const field = page.locator('[data-path="team.ams"]');
  assert.match(await field.locator('.field-error').textContent(), /must be in \[1, 200\]/);
  assert.equal(await page.getAttribute('#in-team-ams', 'aria-invalid'), 'true');
  assert.equal(await page.locator('.stale-banner').count(), 1);
  assert.equal(await kpi(page, 'book-end'), before, 'the last valid results stay');
  // Nothing else was reset.
  assert.equal(await page.inputValue('#in-team-ams'), '0');
  assert.equal(await page.inputValue('#in-team-target_loans_per_am'), '120');

  await typeInto(page, '#in-team-hours_per_week', 'forty');
  assert.match(await page.locator('[data-path="team.hours_per_week"] .field-error').textContent(), /Enter a number/);
  assert.equal(await page.inputValue('#in-team-hours_per_week'), 'forty');

  await typeInto(page, '#in-team-hours_per_week', '40');
  await typeInto(page, '#in-team-ams', '9');
  assert.equal(await page.locator('.field-error').count(), 0);
  assert.equal(await page.locator('.stale-banner').count(), 0);
  assert.equal(await kpi(page, 'book-end'), '1,080');
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching to stop-when-busy shows the cap and floor, and all inputs can be revealed', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  assert.equal(await page.locator('#in-policy-cap_hours').count(), 0);
  await page.selectOption('#in-policy-kind', 'b');
  assert.equal(await page.locator('#in-policy-cap_hours').count(), 1);
  assert.equal(await page.locator('#in-policy-floor_hours').count(), 1);
  assert.equal(await page.locator('#in-activity_hours-form').count(), 0);
  await page.click('.toggle-advanced');
  assert.equal(await page.getAttribute('.toggle-advanced', 'aria-expanded'), 'true');
  assert.equal(await page.locator('#in-activity_hours-form').count(), 1);
  assert.equal(await page.locator('#in-channels-supply_chain-hour_share').count(), 1);
  // Each input has a visible label and its unit.
  const label = await page.textContent('label[for="in-activity_hours-form"]');
  assert.match(label, /Investigation form/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('advanced inputs: add a burst, see the fault; a mix that does not sum to 1 is flagged on its row', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.click('.toggle-advanced');
  assert.match(await page.textContent('.group:has(.shock), .group:has(.add-shock)'), /No shocks/);
  await page.click('button.add[data-kind="burst"]');
  await page.fill('#in-shocks-0-start', '20');
  await page.fill('#in-shocks-0-size', '6');
  await page.selectOption('#in-policy-kind', 'b');
  await page.waitForSelector('[data-kpi="fault-delay"]');
  assert.equal(await page.textContent('[data-kpi="fault-depth"] .kpi-value'), '52%');
  // The shock's size is in applications per AM per week; a demand shock takes a multiplier.
  assert.match(await page.textContent('[data-path="shocks[0].size"] .field-unit'), /applications per AM per week/);
  await page.selectOption('#in-shocks-0-kind', 'demand');
  assert.match(await page.textContent('[data-path="shocks[0].size"] .field-unit'), /1 = no change/);
  assert.equal(await page.inputValue('#in-shocks-0-size'), '2.5');

  await page.fill('#in-channels-flyer-mix-prime', '0.5');
  const rowError = page.locator('[data-row-path="channels.flyer.mix"]');
  assert.match(await rowError.textContent(), /must sum to 1/);
  assert.equal(await page.locator('.stale-banner').count(), 1);
  await page.fill('#in-channels-flyer-mix-prime', '0.05');
  assert.equal(await rowError.count(), 0);
  assert.equal(await page.locator('.stale-banner').count(), 0);

  await page.click('.shock button.remove');
  assert.equal(await page.locator('.shock').count(), 0);
  assert.equal(await page.locator('[data-kpi="fault-depth"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('what an input means is in the flow: focusing or leaving a field moves nothing and covers nothing', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  const help = '.region-inputs [data-path="team.hours_per_week"] .field-why';
  // Where the "Show all inputs" button sits in the document (not the viewport: focusing scrolls).
  const docY = () => page.locator('.toggle-advanced').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  assert.equal(await page.isVisible(help), true, 'the help shows before any focus');
  const before = await docY();
  await page.focus('#in-team-hours_per_week');
  assert.equal(await docY(), before, 'focusing moves nothing');
  await page.locator('h1').click();
  assert.equal(await docY(), before, 'leaving moves nothing');
  assert.equal(await page.isVisible(help), true, 'the help stays');
  // No help text overlaps another field's input, label or button, in the basic and the advanced view.
  for (const advanced of [false, true]) {
    if (advanced) await page.click('.toggle-advanced');
    const overlaps = await page.evaluate(() => {
      const boxes = (sel) => [...document.querySelectorAll(sel)].map((e) => [e, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
      const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const focusable = boxes('.region-inputs input, .region-inputs select, .region-inputs button, .region-inputs summary');
      const found = [];
      for (const [h, r] of boxes('.region-inputs .field-why, .region-inputs .tier-row-help')) {
        for (const [f, q] of focusable) if (!h.closest('.field')?.contains(f) && hit(r, q)) found.push(`${h.textContent.slice(0, 30)} / ${f.id || f.tagName}`);
      }
      return found;
    });
    assert.deepEqual(overlaps, [], `advanced: ${advanced}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
