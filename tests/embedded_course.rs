//! The course embedded in the app is exactly a fresh compile of `seeds/`: the generated
//! `course.rs` that `build.rs` wrote is compared, as whole text, with the code generated now from
//! the seeds, and so is the embedded `COURSE` itself once written out the same way.

use std::path::Path;

use hsc_course::compiler::{codegen::emit_course, compile};
use hsc_course::course::COURSE;

/// The file `build.rs` generated, and `src/course.rs` includes.
const GENERATED: &str = include_str!(concat!(env!("OUT_DIR"), "/course.rs"));

fn fresh() -> String {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let course = compile(&seeds).unwrap_or_else(|diags| {
        let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
        panic!("seeds/ must compile, but gave:\n{}", lines.join("\n"))
    });
    emit_course(&course)
}

/// What to do when the generated file is stale: a target folder shared by several checkouts of
/// this repository (the same crate hashes) can hold another checkout's build script and output.
const STALE: &str =
    "if another checkout shares this target folder, `touch build.rs seeds` and run again";

/// The first line where two texts differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    match a
        .lines()
        .zip(b.lines())
        .enumerate()
        .find(|(_, (x, y))| x != y)
    {
        Some((i, (x, y))) => format!("line {}:\n  embedded: {x}\n  fresh:    {y}", i + 1),
        None => format!(
            "one is a prefix of the other ({} and {} lines)",
            a.lines().count(),
            b.lines().count()
        ),
    }
}

#[test]
fn the_generated_course_is_a_fresh_compile_of_the_seeds() {
    let fresh = fresh();
    assert!(
        GENERATED == fresh,
        "the generated course.rs differs from a fresh compile of seeds/ at {}\n({STALE})",
        first_difference(GENERATED, &fresh)
    );
}

#[test]
fn the_embedded_course_writes_out_as_a_fresh_compile() {
    let embedded = emit_course(&COURSE);
    let fresh = fresh();
    assert!(
        embedded == fresh,
        "the embedded COURSE differs from a fresh compile of seeds/ at {}\n({STALE})",
        first_difference(&embedded, &fresh)
    );
}

/// A line with its string literals emptied: what is left is the structure on that line.
fn structure(line: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in line.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                out.push(c);
            }
        } else {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

#[test]
fn the_generated_course_has_one_element_per_line() {
    let lines = GENERATED.lines().count();
    assert!(
        lines > 10_000,
        "the generated course.rs should have one element per line, but has {lines} lines ({STALE})"
    );
    let widest = GENERATED
        .lines()
        .enumerate()
        .map(|(i, l)| (structure(l.trim_start()).len(), i + 1))
        .max()
        .unwrap_or((0, 0));
    assert!(
        widest.0 <= 80,
        "line {} of the generated course.rs holds {} characters outside its strings; \
         write one element per line",
        widest.1,
        widest.0
    );
}
