//! Runs the content compiler on `seeds/` and writes the course as Rust data for `src/course.rs`.
//! A content problem stops the build with every diagnostic as `seeds/FILE:LINE: message`.

// The build script uses only part of the model (the app uses the rest).
#[allow(dead_code)]
#[path = "src/model/mod.rs"]
mod model;

// The build script needs `compile` and `codegen`; the compiler's other outputs serve check-seeds and tests.
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
            let code = compiler::codegen::emit_course(&course);
            std::fs::write(out.join("course.rs"), code).expect("write the generated course");
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
