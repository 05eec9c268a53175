// Starts the Monte Carlo web worker: loads trunk's worker.js (the wasm-bindgen glue of src/bin/worker.rs)
// and initialises its wasm with the current single-object form (trunk's own loader shim uses the
// deprecated positional form, which logs a console warning).
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
