// Starts the Excel reader of "Your data" (services::book_reader spawns it, by the name
// src/bin/app_loader.js gives the page, when the first workbook is chosen): loads the wasm-bindgen
// glue of src/bin/book_reader.rs (a classic script that defines `wasm_bindgen`), initialises its
// wasm, and answers each { seq, bytes } message with { seq, table } (the bincode bytes of
// scenario::wire, transferred) or { seq, failed } when the reader stopped (a trap in a damaged file,
// or the module did not load). scripts/build.mjs replaces the two file names below with the built
// files' content-hashed names, and names this file by its own content hash too.
importScripts('./book_reader.js');
const ready = wasm_bindgen({ module_or_path: './book_reader_bg.wasm' });
self.onmessage = async (event) => {
  const { seq, bytes } = event.data;
  try {
    await ready;
    const table = wasm_bindgen.read_workbook(new Uint8Array(bytes));
    self.postMessage({ seq, table }, [table.buffer]);
  } catch (error) {
    self.postMessage({ seq, failed: String(error) });
  }
};
