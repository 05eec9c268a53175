// A newcomer's first minutes (issue 16), by visible labels only (roles and labels, no CSS selectors
// to get anywhere): a team lead reaches a plan for their own team from the first screen, a trainer
// reaches the lessons and the stage, a colleague opens a pasted share link — at 1280×800 and on a
// 390×844 phone, in English and Chinese. Figures are then read by their stable ids to check them.
// axe finds no violation of any impact on any view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, allViolations, useBrowser } from './harness.mjs';

const env = useBrowser();

const SIZES = [
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];
const WORDS = {
  en: {
    locale: 'en-US', start: 'Where to start', planForm: "Plan my team's prospecting", ams: 'Account managers',
    hours: 'Productive hours', target: 'Target portfolio', make: 'Make my plan', planView: 'Cadence plan',
    result: 'Hours and channel mix',
    lessons: 'Open the lessons', gallery: 'Lessons from the article', play: 'Play week by week',
    link: 'Share link', open: 'Open link', opened: /Opened the shared scenario/, notALink: /not a Cadence share link/,
    hide: 'Hide',
  },
  zh: {
    locale: 'zh-CN', start: '从这里开始', planForm: '规划我团队的营销拓客', ams: '客户经理人数',
    hours: '每周有效工时', target: '目标在贷户数', make: '生成我的计划', planView: '营销节奏计划',
    result: '工时与渠道组合',
    lessons: '打开案例', gallery: '原文案例', play: '逐周播放',
    link: '分享链接', open: '打开链接', opened: /分享/, notALink: /不是 Cadence 分享链接/,
    hide: '隐藏',
  },
};

const inView = async (locator, viewport) => {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width;
};

for (const [lang, w] of Object.entries(WORDS)) {
  for (const size of SIZES) {
    test(`team lead, ${lang}, ${size.name}: from the first screen to a plan for their own team`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: size.viewport, locale: w.locale });
      const heading = page.getByRole('heading', { name: w.start });
      assert.ok(await inView(heading, size.viewport), 'the first screen says where to start');
      const form = page.getByRole('form', { name: w.planForm });
      assert.ok(await inView(form.getByLabel(w.ams), size.viewport), 'the first number is asked on the first screen');
      const band = await page.getByRole('region', { name: w.start }).textContent();
      for (const jargon of ['h*', 'A_max', 'team.', 'a·s', 'saturation', 'loop gain']) {
        assert.ok(!band.includes(jargon), `no model symbol or path on the way: ${jargon}`);
      }
      // Steps: three numbers typed, one click.
      await form.getByLabel(w.ams).fill('8');
      await form.getByLabel(w.hours).fill('44');
      await form.getByLabel(w.target).fill('130');
      await form.getByRole('button', { name: w.make }).click();
      await page.getByRole('heading', { name: w.planView, level: 2 }).waitFor();
      await page.waitForSelector('.plan-result');
      // The plan itself is in view, not the form it came from (a phone would show the goal form).
      await page.waitForTimeout(300);
      assert.ok(await inView(page.getByRole('heading', { name: w.result }), size.viewport), 'the plan is on screen');
      const figure = async (id) => Number((await page.textContent(`[data-kpi="${id}"] .kpi-value`)).replace(/[^\d.]/g, ''));
      const perAm = await figure('plan-hours');
      const team = await figure('plan-team-hours');
      assert.ok(perAm > 0, `${perAm}`);
      assert.ok(Math.abs(team - perAm * 8) <= 8 * 0.005 + 0.005, `the plan is for 8 AMs: ${team} vs 8 × ${perAm}`);
      assert.match(await page.textContent('.plan-result'), /130\.0/, 'the plan aims at the typed target');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test(`trainer, ${lang}: from the first screen to a lesson on the stage`, async () => {
    const viewport = { width: 1280, height: 800 };
    const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport, locale: w.locale });
    await page.getByRole('button', { name: w.lessons }).click();
    await page.getByRole('heading', { name: w.gallery }).waitFor();
    await page.getByRole('button', { name: w.play }).first().click();
    await page.getByRole('slider').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`colleague, ${lang}: a pasted share link opens; text that is no link says so beside the box`, async () => {
    const fragment = (await readFile(new URL('../golden/link-v2/hold.txt', import.meta.url), 'utf8')).trim();
    const { context, page, problems } = await openPage(env.browser, env.server.url, { viewport: SIZES[1].viewport, locale: w.locale });
    const box = page.getByLabel(w.link);
    await box.fill('https://example.org/cadence/');
    await page.getByRole('button', { name: w.open }).click();
    const alert = page.getByRole('alert').filter({ hasText: w.notALink });
    assert.ok(await alert.isVisible(), 'the mistake is said next to the box');
    await box.fill(`${env.server.url}#${fragment}`);
    await page.getByRole('button', { name: w.open }).click();
    await page.getByText(w.opened).first().waitFor();
    assert.equal(await box.inputValue(), '', 'an opened link leaves the box');
    assert.equal(await alert.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the start band can be hidden, stays hidden after a reload, and comes back on request', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Hide' }).click();
  assert.equal(await page.getByRole('heading', { name: 'Where to start' }).count(), 0);
  await page.reload();
  await page.getByRole('button', { name: 'Where to start' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Where to start' }).count(), 0, 'hidden after a reload');
  await page.getByRole('button', { name: 'Where to start' }).click();
  assert.ok(await page.getByRole('heading', { name: 'Where to start' }).isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe finds no violation of any impact on any view, in either language', async () => {
  for (const [lang, w] of Object.entries(WORDS)) {
    const { context, page, problems } = await openPage(env.browser, env.server.url, { locale: w.locale });
    assert.deepEqual(await allViolations(page), [], `${lang}: workspace with the start band`);
    await page.getByRole('button', { name: lang === 'en' ? 'Show all inputs' : '显示全部参数' }).click();
    assert.deepEqual(await allViolations(page), [], `${lang}: every input`);
    await page.getByRole('button', { name: w.planView }).click();
    await page.waitForSelector('.plan-result');
    assert.deepEqual(await allViolations(page), [], `${lang}: plan`);
    await page.getByRole('button', { name: lang === 'en' ? 'Trainer' : '培训演示' }).click();
    assert.deepEqual(await allViolations(page), [], `${lang}: trainer`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
