//! The Monte Carlo web worker's entry point: `scripts/build.mjs` builds it as `worker-<hash>.js` +
//! `worker_bg-<hash>.wasm`, which `src/bin/worker_loader.js` starts; the page's worker pool
//! (`services::monte_carlo`) spawns the loader.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    cadence::services::monte_carlo::McWorker::registrar().register();
}

// Natively there is no worker to register.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Monte Carlo worker runs in the browser; natively, use `cadence run --mode mc`.");
    std::process::exit(2);
}
