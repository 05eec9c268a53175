// Takes screenshots of the built page (dist/, from `node scripts/build.mjs`) in Debian's Chromium:
// 1280×800 light and dark, and a 390-px phone; and trainer mode's presenter view on The fault at week
// 32 at every projector size (stage-<w>x<h>.png, one in Chinese), with the decision form and the
// debrief. Usage: node scripts/screenshots.mjs [out-dir]   (default docs/)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage } from '../tests/e2e/harness.mjs';

const out = process.argv[2] ?? 'docs';
await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
// Each shot loads the `fault` preset (stop when busy), so the fault is on the charts.
const shots = [
  { name: 'workspace-light.png', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'workspace-dark.png', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'charts-light.png', viewport: { width: 1280, height: 800 }, colorScheme: 'light', scrollTo: '#chart-new-loans' },
  { name: 'charts-dark.png', viewport: { width: 1280, height: 800 }, colorScheme: 'dark', scrollTo: '#chart-new-loans' },
  { name: 'workspace-phone.png', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
];
// The presenter view at the sizes of issue 15, on The fault (policy b) at week 32, when the fault has
// turned the burst's gain into a loss against the same burst with prospecting kept.
const stages = [
  [1024, 768], [1280, 720], [1280, 800], [1920, 1080], [3840, 2160],
].map(([width, height]) => ({ name: `stage-${width}x${height}.png`, viewport: { width, height } }));
stages.push(
  { name: 'stage-zh-1280x800.png', viewport: { width: 1280, height: 800 }, locale: 'zh-CN' },
  { name: 'stage-decide-1280x800.png', viewport: { width: 1280, height: 800 }, key: 'd' },
  { name: 'stage-debrief-1280x800.png', viewport: { width: 1280, height: 800 }, key: 'e' },
);
try {
  for (const shot of stages) {
    const { context, page, problems } = await openPage(browser, server.url, { ...shot, colorScheme: 'light' });
    await page.click('button[data-view="trainer"]');
    await page.click('li[data-preset="fault"] .card-play');
    await page.waitForFunction(() => document.activeElement?.id === 'stage-title');
    await page.keyboard.press('p');
    for (let week = 1; week < (shot.key === 'd' ? 21 : 32); week++) await page.keyboard.press('ArrowRight');
    if (shot.key) await page.keyboard.press(shot.key);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, shot.name) });
    if (problems.length) console.error(`${shot.name}: ${problems.join('\n')}`);
    console.log(`wrote ${join(out, shot.name)}`);
    await context.close();
  }
  for (const shot of shots) {
    const { context, page, problems } = await openPage(browser, server.url, shot);
    await page.selectOption('#in-preset', 'fault:0');
    if (shot.scrollTo) await page.locator(shot.scrollTo).scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, shot.name), fullPage: shot.viewport.width < 500 });
    if (problems.length) console.error(`${shot.name}: ${problems.join('\n')}`);
    console.log(`wrote ${join(out, shot.name)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
