//! The content compiler: reads `seeds/`, checks it strictly, and produces the course as
//! [`crate::model`] data, which `build.rs` stores in the app (`crate::model::wire`, LZMA).
//!
//! It runs at build time only (from `build.rs`, and natively in tests): none of it is in the wasm.
//! Every problem is collected, not just the first, as `seeds/FILE:LINE: what is wrong; how to fix
//! it` ([`Diagnostic`]). The stages, in order:
//!
//! 1. [`load`]: read `course.txt` and every file it includes ([`records`] parses the `key: value`
//!    syntax), and report files nothing reaches and the schema version.
//! 2. [`ids`]: declare the course-wide ids of every [`kind::Kind`] of record.
//! 3. [`resolve`]: turn references, rich text ([`markup`]) and citations into typed data; every
//!    builder resolves through it, and checks keys against the [`schema`].
//! 4. [`build`]: one builder per kind of record, the course last; a scenario is built in steps,
//!    its [`conditions`] resolved and its situations explored ([`explore`]).
//!
//! Then `build.rs` stores the course in its binary form ([`crate::model::wire`]), and [`json`]
//! (called by `check-seeds --json`) writes it as JSON for the browser tests.

mod build;
pub mod conditions;
mod diagnostic;
pub mod explore;
mod ids;
pub mod json;
mod kind;
mod load;
pub mod markup;
pub mod records;
mod resolve;
mod schema;

use std::path::Path;

use crate::model::Course;
pub use diagnostic::{Diagnostic, Diagnostics};

/// Compiles the corpus in `seeds` (a folder holding `course.txt`). Diagnostics come sorted by file and line.
pub fn compile(seeds: &Path) -> Result<Course, Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    let mut loaded = load::load(seeds, &mut diags);
    let ids = ids::declare(&mut loaded, &mut diags);
    let mut cx = resolve::Resolver::new(&loaded, &ids, diags);
    let course = build::course(&mut cx);
    cx.finish(course)
}
