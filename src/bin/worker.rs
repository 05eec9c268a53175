//! The Monte Carlo web worker's entry point: trunk builds it as `worker.js` + `worker_bg.wasm`, and the
//! page's worker pool (`services::monte_carlo`) spawns it.

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
