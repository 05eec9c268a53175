//! The web page's entry point: trunk compiles this bin to WebAssembly and index.html loads it.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<cadence::ui::app::App>::new().render();
}

// Natively there is no page to render; the native entry point is the `cadence` command line.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The page is built for the browser: run scripts/serve.sh. For the command line, run `cadence`.");
    std::process::exit(2);
}
