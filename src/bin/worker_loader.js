// Starts the Monte Carlo web worker (services::monte_carlo spawns it by this name): loads the
// wasm-bindgen glue of src/bin/worker.rs (a classic script that defines `wasm_bindgen`) and initialises
// its wasm. scripts/build.mjs replaces the two file names below with the built files' content-hashed
// names, so this small file is the only one of the worker's whose name stays the same across releases.
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
