// The release build of the page, into dist/ (or the directory given with --out): the whole site, static
// files with relative URLs. Replaces trunk (issue 13, item 6), in five steps:
//   1. one cargo invocation builds the three wasm bins (app, worker, book_reader), so they share the
//      dependency build;
//   2. wasm-bindgen (exactly the version Cargo.lock pins) makes the app an ES module (--target web)
//      and the Monte Carlo worker and the Excel reader classic worker scripts (--target no-modules);
//   3. wasm-opt -Oz (npm binaryen, node_modules/.bin) shrinks the wasm files;
//   4. every built file gets its content hash in its name, except index.html and sw.js (the workers'
//      loaders too: the app's loader tells services::monte_carlo and services::book_reader their
//      names, so a page never starts another release's worker); index.html links the styles (one file, joined in their order) and the
//      app's loader, and has no inline script;
//   5. sw.js (scripts/make-sw.mjs) lists every built file, and each text or wasm file gets precompressed
//      .gz and .br copies beside it for hosts that serve them.
// A bin whose wasm did not change keeps its wasm-bindgen and wasm-opt output, and an unchanged file
// its compressed copies (both kept under the cargo target directory): a build with nothing new takes
// a second.
// Usage: node scripts/build.mjs [--out DIR] [--no-compress]. Prints each step's wall time.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { writeServiceWorker } from './make-sw.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist';
const OUT = resolve(ROOT, outArg);
const COMPRESS = !args.includes('--no-compress');
const TARGET = 'wasm32-unknown-unknown';

const t0 = performance.now();
let tStep = t0;
function done(what) {
  const now = performance.now();
  console.log(`build: ${what} (${((now - tStep) / 1000).toFixed(1)} s)`);
  tStep = now;
}

function run(cmd, argv, { capture = false } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    if (capture) child.stdout.on('data', (d) => (out += d));
    child.on('error', (e) => fail(new Error(`${cmd}: ${e.message} (run scripts/setup.sh)`)));
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${argv.join(' ')} exited with ${code}`))));
  });
}

const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
// `app_bg.wasm` with content hash h is `app_bg-h.wasm`.
const hashedName = (name, bytes) => `${basename(name, extname(name))}-${hashOf(bytes)}${extname(name)}`;

// Replaces the one occurrence of each key of `names` (a quoted relative URL) in `text`; a template that
// no longer names a file exactly once is a build error, not a page that silently loads the wrong file.
function rewrite(text, names, where) {
  for (const [from, to] of Object.entries(names)) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${where}: expected ${from} once, found it ${count} times`);
    text = text.replace(from, to);
  }
  return text;
}

// 0. The tools: wasm-bindgen must be the version Cargo.lock pins (its output must match the
//    wasm-bindgen crate), and wasm-opt npm's binaryen (Debian's is too old for this output).
const lock = await readFile(join(ROOT, 'Cargo.lock'), 'utf8');
const pinned = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
if (!pinned) throw new Error('build: no wasm-bindgen version in Cargo.lock');
const bindgenVersion = (await run('wasm-bindgen', ['--version'], { capture: true })).trim();
if (bindgenVersion !== `wasm-bindgen ${pinned}`) {
  throw new Error(`build: found ${bindgenVersion}, Cargo.lock pins wasm-bindgen ${pinned} (run scripts/setup.sh)`);
}
const WASM_OPT = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
const metadata = JSON.parse(await run('cargo', ['metadata', '--format-version', '1', '--no-deps'], { capture: true }));
const WASM_DIR = join(metadata.target_directory, TARGET, 'release');
const STAGE = join(metadata.target_directory, 'cadence-web');

// 1. The bins in one cargo invocation: one dependency build, and the LTO links run in parallel. The
//    Excel reader (calamine) is compiled into the lib for all of them, but only book_reader calls
//    it, so the app's and the worker's links leave it out.
await run('cargo', ['build', '--release', '--target', TARGET, '--features', 'web', '--bin', 'app', '--bin', 'worker', '--bin', 'book_reader']);
done('cargo build (app, worker, book_reader)');

// 2. and 3. wasm-bindgen, then wasm-opt, for the bins at once. Their output depends only on the
//    wasm cargo wrote and the two tools' versions, so a bin whose wasm is unchanged keeps its last output.
const wasmOptVersion = (await run(WASM_OPT, ['--version'], { capture: true })).trim();
await mkdir(STAGE, { recursive: true });
const bins = [
  { name: 'app', target: 'web' },
  { name: 'worker', target: 'no-modules' },
  { name: 'book_reader', target: 'no-modules' },
];
let reused = 0;
await Promise.all(
  bins.map(async ({ name, target }) => {
    const input = join(WASM_DIR, `${name}.wasm`);
    const key = `${hashOf(await readFile(input))} ${bindgenVersion} --target ${target} ${wasmOptVersion} -Oz\n`;
    const keyFile = join(STAGE, `${name}.key`);
    const outputs = [`${name}.js`, `${name}_bg.opt.wasm`].map((f) => join(STAGE, f));
    const kept = (await readFile(keyFile, 'utf8').catch(() => '')) === key && (await Promise.all(outputs.map((f) => stat(f).catch(() => null)))).every(Boolean);
    if (kept) return void reused++;
    await rm(keyFile, { force: true });
    await run('wasm-bindgen', ['--target', target, '--no-typescript', '--out-dir', STAGE, '--out-name', name, input]);
    await run(WASM_OPT, ['-Oz', '--output', join(STAGE, `${name}_bg.opt.wasm`), join(STAGE, `${name}_bg.wasm`)]);
    await writeFile(keyFile, key);
  }),
);
done(`wasm-bindgen and wasm-opt -Oz (${bindgenVersion}, ${wasmOptVersion}${reused ? `; ${reused} of ${bins.length} unchanged, kept` : ''})`);

// 4. dist/, every file named by its content except the two stable entry names.
const files = new Map(); // name in dist/ -> contents
const put = (name, bytes) => {
  files.set(name, bytes);
  return `./${name}`;
};
const putHashed = (name, bytes) => put(hashedName(name, bytes), bytes);

const appWasm = putHashed('app_bg.wasm', await readFile(join(STAGE, 'app_bg.opt.wasm')));
const appJs = putHashed('app.js', await readFile(join(STAGE, 'app.js')));
const workerWasm = putHashed('worker_bg.wasm', await readFile(join(STAGE, 'worker_bg.opt.wasm')));
const workerJs = putHashed('worker.js', await readFile(join(STAGE, 'worker.js')));

const workerLoader = rewrite(
  await readFile(join(ROOT, 'src/bin/worker_loader.js'), 'utf8'),
  { "'./worker.js'": `'${workerJs}'`, "'./worker_bg.wasm'": `'${workerWasm}'` },
  'src/bin/worker_loader.js',
);
const workerLoaderUrl = putHashed('worker_loader.js', Buffer.from(workerLoader));

// The Excel reader, loaded by the page only when a workbook is chosen (services::book_reader).
const readerWasm = putHashed('book_reader_bg.wasm', await readFile(join(STAGE, 'book_reader_bg.opt.wasm')));
const readerJs = putHashed('book_reader.js', await readFile(join(STAGE, 'book_reader.js')));
const readerLoader = rewrite(
  await readFile(join(ROOT, 'src/bin/book_reader_loader.js'), 'utf8'),
  { "'./book_reader.js'": `'${readerJs}'`, "'./book_reader_bg.wasm'": `'${readerWasm}'` },
  'src/bin/book_reader_loader.js',
);
const readerLoaderUrl = putHashed('book_reader_loader.js', Buffer.from(readerLoader));

const appLoader = rewrite(
  await readFile(join(ROOT, 'src/bin/app_loader.js'), 'utf8'),
  {
    "'./app.js'": `'${appJs}'`,
    "'./app_bg.wasm'": `'${appWasm}'`,
    "'./worker_loader.js'": `'${workerLoaderUrl}'`,
    "'./book_reader_loader.js'": `'${readerLoaderUrl}'`,
  },
  'src/bin/app_loader.js',
);
const appLoaderUrl = putHashed('app_loader.js', Buffer.from(appLoader));
// The first paint's language (issue 20): a classic script <head> runs before the body is parsed.
const firstPaintUrl = putHashed('first_paint.js', await readFile(join(ROOT, 'src/bin/first_paint.js')));

// index.html: the source's stylesheets (joined in their order) and its one module script become the
// hashed files; the app's module and wasm are preloaded beside the loader so they download in parallel.
let html = await readFile(join(ROOT, 'index.html'), 'utf8');
if (!/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval'/.test(html)) {
  throw new Error("index.html: the Content-Security-Policy <meta> with script-src 'self' 'wasm-unsafe-eval' is missing");
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html: inline <script> (the CSP forbids it)');
// The stylesheets become one file, in their order: on an HTTP/1.1 host the browser opens at most six
// connections to it, and five stylesheets beside the app's script, wasm and loader made the wasm, the
// largest download, wait a round trip for a free one (issue 20). None uses @import or url(), so
// joining them changes no rule.
const stylesheets = [];
const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)" \/>\n\s*/g)];
if (links.length === 0) throw new Error('index.html: no <link rel="stylesheet">');
const css = [];
for (const [, href] of links) {
  css.push(await readFile(join(ROOT, href), 'utf8'));
  stylesheets.push(basename(href));
}
const stylesUrl = putHashed('styles.css', Buffer.from(css.map((text, i) => `/* ${stylesheets[i]} */\n${text}`).join('\n')));
html = html.replace(links[0][0], `<link rel="stylesheet" href="${stylesUrl}" />\n  `);
for (const [tag] of links.slice(1)) html = html.replace(tag, '');
html = rewrite(html, { '<script src="src/bin/first_paint.js"></script>': `<script src="${firstPaintUrl}"></script>` }, 'index.html');
const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)];
if (scripts.length !== 1 || scripts[0][1] !== 'src/bin/app_loader.js') {
  throw new Error('index.html: expected one <script type="module" src="src/bin/app_loader.js">');
}
html = html.replace(
  scripts[0][0],
  [
    `<link rel="modulepreload" href="${appJs}" />`,
    `<link rel="preload" href="${appWasm}" as="fetch" type="application/wasm" crossorigin="anonymous" />`,
    `<script type="module" src="${appLoaderUrl}"></script>`,
  ].join('\n  '),
);
put('index.html', Buffer.from(html));
// The sample team (samples/README.md), under stable names: "Your data" reads the book from here and
// offers its files for download (the loan book also as the workbook samples/make_xlsx.py writes).
for (const name of ['sample-team-loans.csv', 'sample-team-loans.xlsx', 'sample-team-activity.csv']) {
  put(name, await readFile(join(ROOT, 'samples', name)));
}

// Written to a sibling directory first, then swapped in, so a server never sees half a build.
const NEXT = `${OUT}.next`;
await rm(NEXT, { recursive: true, force: true });
await mkdir(NEXT, { recursive: true });
for (const [name, bytes] of files) await writeFile(join(NEXT, name), bytes);
const sw = await writeServiceWorker(NEXT);
done(`dist files and sw.js (cache ${sw.version}, ${sw.entries} entries; styles: ${stylesheets.join(', ')})`);

// 5. Precompressed copies (gzip -9 and brotli at its highest quality), never listed in sw.js; kept by
//    content hash in the stage directory, so an unchanged file is not compressed again.
if (COMPRESS) {
  const gzip = promisify(zlib.gzip);
  const brotli = promisify(zlib.brotliCompress);
  const cacheDir = join(STAGE, 'compressed');
  await mkdir(cacheDir, { recursive: true });
  const names = [...files.keys(), 'sw.js'].filter((n) => /\.(html|js|css|wasm|svg|json|csv|xlsx)$/.test(n));
  const used = new Set();
  await Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(NEXT, name));
      const params = {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: name.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      };
      for (const [ext, compress] of [['gz', () => gzip(bytes, { level: 9 })], ['br', () => brotli(bytes, { params })]]) {
        const cachedName = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
        used.add(cachedName);
        const cached = join(cacheDir, cachedName);
        let out = await readFile(cached).catch(() => null);
        if (!out) {
          out = await compress();
          await writeFile(cached, out);
        }
        await writeFile(join(NEXT, `${name}.${ext}`), out);
      }
    }),
  );
  for (const f of await readdir(cacheDir)) if (!used.has(f)) await rm(join(cacheDir, f));
  done(`precompressed ${names.length} files (.gz, .br)`);
}

// What each wasm module weighs: the app's is the first load's (issue 20); the reader's is paid only
// when a workbook is chosen.
for (const [label, url] of [['app', appWasm], ['worker', workerWasm], ['book_reader', readerWasm]]) {
  const name = url.slice(2);
  const gz = zlib.gzipSync(files.get(name), { level: 9 }).length;
  const br = await readFile(join(NEXT, `${name}.br`)).then((b) => `, ${b.length} brotli`).catch(() => '');
  console.log(`build: ${label} wasm ${files.get(name).length} bytes raw, ${gz} gzip -9${br}`);
}

await rm(OUT, { recursive: true, force: true });
await rename(NEXT, OUT);
console.log(`build: ${outArg}/ written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
