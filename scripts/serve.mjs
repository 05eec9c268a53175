// A small static server for dist/ on http://127.0.0.1:8080 (scripts/serve.sh runs it after a build),
// as a static host would serve it: the precompressed .br or .gz copy when the browser accepts it,
// content-hashed files cached for good, index.html and sw.js revalidated. With
// --watch it rebuilds (scripts/build.mjs) when a source file changes; reload the page to see it.
// Usage: node scripts/serve.mjs [--dir dist] [--port 8080] [--watch]. scripts/bench-load.mjs imports
// startCompressedServer to measure the first load as such a host serves it.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const DIR = resolve(ROOT, opt('--dir', 'dist'));
const PORT = Number(opt('--port', '8080'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const STABLE = new Set(['index.html', 'sw.js']);

// The compressed static server of `dir` on 127.0.0.1:`port` (0: any free port), as scripts/bench-load.mjs
// also uses it: answers { url, close }.
export function startCompressedServer({ dir = DIR, port = 0 } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(dir, rel));
      if (!file.startsWith(dir + '/')) return void res.writeHead(403).end('forbidden');
      await stat(file);
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let body;
      let encoding;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`\\b${enc}\\b`).test(accepts)) continue;
        try {
          body = await readFile(file + ext);
          encoding = enc;
          break;
        } catch {}
      }
      body ??= await readFile(file);
      const name = rel.split('/').pop();
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': STABLE.has(name) ? 'no-cache' : 'public, max-age=31536000, immutable',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      ok({ url, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}

// Run as a script (not imported): serve until Ctrl-C.
const isMain = process.argv[1] && resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  const { url } = await startCompressedServer({ dir: DIR, port: PORT });
  console.log(`Serving ${DIR} on ${url} (Ctrl-C stops)`);
}

if (isMain && args.includes('--watch')) {
  let timer;
  let building = false;
  let again = false;
  const build = () => {
    if (building) return void (again = true);
    building = true;
    console.log('serve: a source changed, rebuilding…');
    spawn(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--no-compress', '--out', DIR], { cwd: ROOT, stdio: 'inherit' }).on('close', (code) => {
      console.log(code === 0 ? 'serve: rebuilt; reload the page' : 'serve: the build failed; still serving the last good build');
      building = false;
      if (again) {
        again = false;
        build();
      }
    });
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(build, 300);
  };
  for (const path of ['src', 'styles']) watch(join(ROOT, path), { recursive: true }, changed);
  for (const path of ['index.html', 'Cargo.toml']) watch(join(ROOT, path), changed);
  console.log('serve: rebuilding when src/, styles/, index.html or Cargo.toml change');
}
