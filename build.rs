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

/// The course as `course.rs` reads it: `[shape length][shape][dictionary length][dictionary]
/// [text]`, the lengths as LEB128 varints, the text with its commonest words coded
/// (`model::wire::words`).
fn pack(course: &model::Course) -> Vec<u8> {
    use model::wire::words;
    let w = model::wire::write_course(course);
    let chosen = words::choose_words(&w.text);
    let dictionary = words::pack_words(&chosen);
    let text = words::encode(&w.text, &chosen);
    let mut out = model::wire::Writer::default();
    for part in [&w.shape, &dictionary] {
        out.uint(part.len() as u64);
        out.shape.extend_from_slice(part);
    }
    out.shape.extend_from_slice(&text);
    out.shape
}
