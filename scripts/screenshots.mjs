// Takes screenshots of the built page (dist/) in Debian's Chromium: 1280×800 light and dark, and a
// 390-px phone. Usage: node scripts/screenshots.mjs [out-dir]   (default docs/)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage } from '../tests/e2e/harness.mjs';

const out = process.argv[2] ?? 'docs';
await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
const shots = [
  { name: 'workspace-light.png', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'workspace-dark.png', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'workspace-phone.png', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
];
try {
  for (const shot of shots) {
    const { context, page, problems } = await openPage(browser, server.url, shot);
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
