//! Runs the content compiler on `seeds/` and stores the course in its binary form
//! (`src/model/wire/`) for `src/course.rs` to embed.
//! A content problem stops the build with every diagnostic as `seeds/FILE:LINE: message`.

// The build script uses only part of the model (the app uses the rest).
#[allow(dead_code)]
#[path = "src/model/mod.rs"]
mod model;

// The build script needs `compile`; the compiler's other outputs serve check-seeds and tests.
#[allow(dead_code)]
#[path = "src/compiler/mod.rs"]
mod compiler;

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let seeds = root.join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    match compiler::compile(&seeds) {
        Ok(course) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
            std::fs::write(out.join("course.bin"), pack(&course)).expect("write the stored course");
        }
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!(
                "error: the course content in seeds/ has {} problem{}; the build stops until they are fixed",
                diags.len(),
                if diags.len() == 1 { "" } else { "s" }
            );
            std::process::exit(1);
        }
    }
}

/// The course as `course.rs` reads it: `[shape length][shape][text]`, the length as a LEB128
/// varint, the shape as `Writer::packed` stores it (the strings' lengths after the rest). The text
/// is stored plain, so the app borrows its strings from it where it lies; the build's last step
/// word-codes it in the compressed copy of the wasm the page carries, and the loader expands it
/// as it streams in (`src/dist/words.rs`, `static/words.js`).
fn pack(course: &model::Course) -> Vec<u8> {
    let w = model::wire::write_course(course);
    let mut out = model::wire::Writer::default();
    let shape = w.packed();
    out.uint(shape.len() as u64);
    out.shape.extend_from_slice(&shape);
    out.shape.extend_from_slice(w.text.as_bytes());
    out.shape
}
