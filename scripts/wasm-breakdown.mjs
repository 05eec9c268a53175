// What the app's wasm bytes are (issue 20): the final file's sections (raw and gzip -9), then the
// code's share by crate — and, inside this crate, by module (`cadence::ui::library`, …) — from the
// function sizes binaryen's `wasm-opt --nm` prints for cargo's wasm, which still carries its names.
// Sizes are binaryen's per-function measure, so the shares are what to read, not absolute bytes.
// Run after `node scripts/build.mjs`; prints figures, asserts none.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = process.env.CADENCE_DIST ?? join(ROOT, 'dist');
const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

/// Unsigned LEB128 at `at`: [value, next offset].
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

const appFile = readdirSync(DIST).find((f) => /^app_bg-[0-9a-f]+\.wasm$/.test(f));
if (!appFile) throw new Error(`wasm-breakdown: no app_bg-*.wasm in ${DIST} (build first)`);
const wasm = readFileSync(join(DIST, appFile));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${appFile}: ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzip -9`);
const sections = new Map();
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, body] = leb(wasm, at + 1);
  const name = SECTION[id] ?? `section ${id}`;
  const part = wasm.subarray(body, body + size);
  const seen = sections.get(name) ?? { raw: 0, gzip: 0 };
  sections.set(name, { raw: seen.raw + size, gzip: seen.gzip + gzipSync(part, { level: 9 }).length });
  at = body + size;
}
for (const [name, { raw, gzip }] of [...sections].sort((a, b) => b[1].raw - a[1].raw).slice(0, 4)) {
  console.log(`  ${name.padEnd(10)} ${kb(raw).padStart(10)} raw ${kb(gzip).padStart(10)} gzip -9`);
}

// The crate of a Rust symbol (legacy mangling, as rustc emits for wasm32), with this crate's module.
function owner(symbol) {
  const impl = symbol.match(/^_ZN\d+_\$LT\$([a-z_0-9]+)\.\.([a-z_0-9]+)(?:\.\.([a-z_0-9]+))?/);
  let parts = [];
  if (impl) parts = impl.slice(1).filter(Boolean);
  else if (symbol.startsWith('_ZN')) {
    let rest = symbol.slice(3);
    while (parts.length < 3 && /^\d/.test(rest)) {
      const digits = rest.match(/^\d+/)[0];
      const length = Number(digits);
      parts.push(rest.slice(digits.length, digits.length + length));
      rest = rest.slice(digits.length + length);
    }
  }
  if (parts.length === 0) return 'other (no Rust path)';
  if (parts[0] === 'cadence' && parts[1] === 'ui' && parts[2]) return `cadence::ui::${parts[2]}`;
  if (parts[0] === 'cadence' && parts[1]) return `cadence::${parts[1]}`;
  return parts[0];
}

const cargoWasm = join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'app.wasm');
const listing = execFileSync(join(ROOT, 'node_modules', '.bin', 'wasm-opt'), [cargoWasm, '--nm', '-o', '/dev/null'], {
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
const shares = new Map();
let total = 0;
for (const line of listing.split('\n')) {
  const match = line.match(/^\s*(.*) : (\d+)$/);
  if (!match) continue;
  const size = Number(match[2]);
  total += size;
  const key = owner(match[1]);
  shares.set(key, (shares.get(key) ?? 0) + size);
}
console.log(`code by crate (cadence by module): binaryen's size of cargo's functions (${kb(total)} in all) and share:`);
for (const [key, size] of [...shares].sort((a, b) => b[1] - a[1]).slice(0, 24)) {
  console.log(`  ${key.padEnd(34)} ${kb(size).padStart(9)} ${((100 * size) / total).toFixed(1).padStart(5)} %`);
}
// The largest functions, and the generic code instantiated most: the stable sort (one copy per
// element type and comparator) and serde's visitors.
const functions = [];
for (const line of listing.split('\n')) {
  const match = line.match(/^\s*(.*) : (\d+)$/);
  if (match) functions.push([match[1], Number(match[2])]);
}
console.log('largest functions:');
for (const [symbol, size] of functions.toSorted((a, b) => b[1] - a[1]).slice(0, 12)) {
  const name = symbol.replace(/17h[0-9a-f]{16}E$/, '').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\.\./g, '::');
  console.log(`  ${kb(size).padStart(9)}  ${name.slice(0, 110)}`);
}
for (const [label, pattern] of [
  ['slice sorts (every sort_by instantiation)', /core(\.\.|\d+)slice(\.\.|\d+)sort/],
  ['serde_path_to_error wrappers', /serde_path_to_error/],
  ['yew component run functions', /yew\.\.functional\.\.FunctionProvider/],
]) {
  const hits = functions.filter(([symbol]) => pattern.test(symbol));
  const size = hits.reduce((s, [, n]) => s + n, 0);
  console.log(`  ${label.padEnd(44)} ${String(hits.length).padStart(5)} functions ${kb(size).padStart(9)} ${((100 * size) / total).toFixed(1).padStart(5)} %`);
}
