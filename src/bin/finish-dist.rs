//! `finish-dist DIR`: the last step of a build (Trunk's post-build hook runs it on the staging
//! folder). Replaces Trunk's inline start-up script in `index.html` with `start-….js`, built
//! from `static/start.js`, so the page runs under a Content-Security-Policy without
//! `'unsafe-inline'`; then writes `.gz` and `.br` copies of each text and wasm file for servers
//! that send precompressed files.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("finish-dist: usage: finish-dist DIR (the build's staging folder)");
        std::process::exit(2);
    };
    match hsc_course::dist::finish(std::path::Path::new(&dir)) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("finish-dist: {e}");
            std::process::exit(1);
        }
    }
}

/// Rewriting files has nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
