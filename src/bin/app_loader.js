// Starts the page: loads the wasm-bindgen glue of src/bin/app.rs (an ES module) and initialises its
// wasm, which renders the app, then registers the offline cache. index.html loads this file as its one
// script (the Content-Security-Policy allows no inline script). scripts/build.mjs replaces the four
// file names below with the built files' content-hashed names.
import init, * as bindings from './app.js';

// The Monte Carlo workers' loader, by its hashed name (services::monte_carlo spawns it): a page of one
// release never starts another release's worker, whatever a cache still holds (issue 22).
window.cadenceWorkerLoader = new URL('./worker_loader.js', import.meta.url).href;
// The Excel reader's loader, the same way (services::book_reader spawns it on the first workbook).
window.cadenceBookReaderLoader = new URL('./book_reader_loader.js', import.meta.url).href;

// Offline after the first visit: sw.js (written at build time) caches every built file.
if ('serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register('./sw.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

await init({ module_or_path: new URL('./app_bg.wasm', import.meta.url) });
// The benchmark hooks of src/bin/app.rs, for scripts/bench-browser.mjs (trunk's name for them).
window.wasmBindings = bindings;
