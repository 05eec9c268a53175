//! The web page's entry point: `scripts/build.mjs` compiles this bin to WebAssembly, and index.html loads it
//! through `src/bin/app_loader.js`.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<cadence::ui::shell::app::App>::new().render();
}

// Natively there is no page to render; the native entry point is the `cadence` command line.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The page is built for the browser: run scripts/serve.sh. For the command line, run `cadence`.");
    std::process::exit(2);
}

/// Benchmark hooks for `scripts/bench.sh`: they time the engine inside the page's own WebAssembly,
/// so the figures include everything the browser adds. `src/bin/app_loader.js` exposes them as
/// `window.wasmBindings`.
#[cfg(target_arch = "wasm32")]
mod bench {
    use cadence::engine::{run_ev, validate, Params};
    use wasm_bindgen::prelude::wasm_bindgen;

    fn now_ms() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    /// Mean milliseconds per validate-and-run cycle of the default scenario (what the page does on
    /// every keystroke) and per run alone, over `batches` batches of `per_batch` cycles each:
    /// `[cycle_0, run_0, cycle_1, run_1, …]`. Batches beat the browser's coarse clock (0.1 ms).
    #[wasm_bindgen]
    #[must_use]
    pub fn bench_ev_ms(batches: u32, per_batch: u32) -> Vec<f64> {
        let params = Params::default();
        let Ok(valid) = validate(&params) else {
            return Vec::new();
        };
        let n = f64::from(per_batch.max(1));
        let mut out = Vec::with_capacity(2 * batches as usize);
        for _ in 0..batches {
            let t0 = now_ms();
            for _ in 0..per_batch {
                if let Ok(v) = validate(std::hint::black_box(&params)) {
                    std::hint::black_box(run_ev(&v));
                }
            }
            let t1 = now_ms();
            for _ in 0..per_batch {
                std::hint::black_box(run_ev(std::hint::black_box(&valid)));
            }
            let t2 = now_ms();
            out.push((t1 - t0) / n);
            out.push((t2 - t1) / n);
        }
        out
    }

    /// Bytes of linear memory the page's WebAssembly holds now.
    #[wasm_bindgen]
    #[must_use]
    pub fn bench_wasm_memory_bytes() -> f64 {
        core::arch::wasm32::memory_size(0) as f64 * 65_536.0
    }
}
