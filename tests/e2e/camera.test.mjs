// Collect by camera (issue 19), as a trainer uses it: a participant hands in on a phone; the trainer
// holds the phone's hand-in QR code up to the laptop's camera — here Chromium's fake camera playing
// a video of that very QR code, drawn from the SVG the phone shows — and the participant appears in
// the room, replayed. Where the camera is refused, the reason is said beside the button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, launchBrowser, openPage, startServer } from './harness.mjs';

const SHOTS = process.env.CADENCE_SHOTS ?? '/work/shots';
// Chromium opens the fake camera's file when a page asks for the camera, so it is written later.
const VIDEO = join(tmpdir(), `cadence-camera-${process.pid}.y4m`);

let browser;
let server;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${VIDEO}`,
    ],
  });
  server = await startServer();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// A one-frame Y4M video (the fake camera loops it): the QR code's modules from the page's SVG
// (`M{x} {y}h1v1h-1z` squares in a viewBox of modules), 8 px a module, on a grey desk.
function qrVideo(svg) {
  const side = Number(svg.match(/viewBox="0 0 (\d+) /)[1]);
  const path = svg.match(/ d="([^"]+)"/)[1];
  const dark = new Set(path.split('M').filter(Boolean).map((sq) => sq.replace('h1v1h-1z', '')));
  const [w, h, scale] = [640, 480, 8];
  const [left, top] = [Math.floor((w - side * scale) / 2), Math.floor((h - side * scale) / 2)];
  const luma = Buffer.alloc(w * h, 120);
  for (let y = 0; y < side * scale; y++) {
    for (let x = 0; x < side * scale; x++) {
      const module = `${Math.floor(x / scale)} ${Math.floor(y / scale)}`;
      luma[(top + y) * w + left + x] = dark.has(module) ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]);
}

test('a hand-in QR code held up to the camera joins the room, replayed', async () => {
  const { context, page: trainer, problems } = await openPage(browser, server.url);
  await trainer.click('button[data-view="classroom"]');
  await trainer.click('#class-open');
  await trainer.waitForSelector('.class-join .class-qr svg');
  const joinLink = await trainer.inputValue('.class-join input');

  const phone = await openPage(browser, joinLink, { viewport: { width: 390, height: 844 } });
  await phone.page.waitForSelector('#class-name');
  await phone.page.fill('#class-name', 'Zhou Tao');
  await phone.page.press('#class-name', 'Tab');
  await phone.page.click('#class-hand-in');
  await phone.page.waitForSelector('.class-handin .class-qr svg');
  const handInLink = await phone.page.inputValue('.class-handin input');
  const svg = await phone.page.$eval('.class-handin .class-qr svg', (s) => s.outerHTML);
  await writeFile(VIDEO, qrVideo(svg));

  await trainer.click('#class-collect');
  await trainer.waitForSelector('#class-camera');
  assert.match(await trainer.textContent('.class-camera-note'), /nothing is recorded or sent/);
  await trainer.click('#class-camera');
  await trainer.waitForFunction(() => document.querySelector('.class-camera-status')?.textContent.includes('Read so far: 1'), null, { timeout: 20000 });
  await trainer.waitForFunction(() => document.querySelector('.class-room tbody')?.textContent.includes('Zhou Tao'));
  const rows = await trainer.$$eval('.class-room tbody tr', (trs) => trs.length);
  assert.equal(rows, 1, 'the same code seen in every frame is collected once');
  await trainer.screenshot({ path: join(SHOTS, 'class-camera-1280x800.png') });
  // The room holds exactly what the link would have given.
  await trainer.click('#class-camera-stop');
  await trainer.fill('#class-pasted', handInLink);
  await trainer.click('#class-add');
  assert.equal(await trainer.$$eval('.class-room tbody tr', (trs) => trs.length), 1, 'the link is the same hand-in');
  assert.deepEqual(problems, []);
  await phone.context.close();
  await context.close();
});

// A machine with no camera (this one, without the fake device): the browser's own refusal.
test('a camera the browser cannot open is said in words beside the button', async () => {
  const plain = await launchBrowser();
  const { context, page, problems } = await openPage(plain, server.url);
  await page.click('button[data-view="classroom"]');
  await page.click('#class-open');
  await page.waitForSelector('#class-collect');
  await page.click('#class-collect');
  await page.click('#class-camera');
  await page.waitForSelector('.class-camera-status.field-error');
  assert.match(
    await page.textContent('.class-camera-status'),
    /^The camera could not be opened \((NotFoundError|NotAllowedError|NotReadableError)\): paste the links or pick the files instead\.$/,
  );
  assert.ok(await page.isVisible('#class-pasted'), 'the paste path stays');
  assert.deepEqual(problems.filter((p) => !/camera|getUserMedia|Requested device/i.test(p)), []);
  await context.close();
  await plain.close();
});
