//! The browser entry point (built to wasm by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    hsc_course::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This module runs in a browser: serve it with `bash .ci/serve` (see README.md).");
}
