// Takes screenshots of the built page (dist/, from `node scripts/build.mjs`) in Debian's Chromium:
// 1280×800 light and dark, and a 390-px phone. Usage: node scripts/screenshots.mjs [out-dir]   (default docs/)
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
try {
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
