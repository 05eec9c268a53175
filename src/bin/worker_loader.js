// Starts the Monte Carlo web worker (services::monte_carlo spawns it by this name): loads the
// wasm-bindgen glue of src/bin/worker.rs (a classic script that defines `wasm_bindgen`) and initialises
// its wasm. scripts/build.mjs replaces the two file names below with the built files' content-hashed
// names, and names this file by its own content hash too (src/bin/app_loader.js tells the page).
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
