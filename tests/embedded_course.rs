//! The course embedded in the app is exactly a fresh compile of `seeds/`: the stored course that
//! `build.rs` wrote, once expanded, is compared whole with the course compiled now from the seeds,
//! and written out again it gives the same bytes.

use std::path::Path;

use hsc_course::compiler::compile;
use hsc_course::course::COURSE;
use hsc_course::model::wire::write_course;
use hsc_course::model::Course;

fn fresh() -> Course {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    compile(&seeds).unwrap_or_else(|diags| {
        let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
        panic!("seeds/ must compile, but gave:\n{}", lines.join("\n"))
    })
}

/// What to do when the stored course is stale: a target folder shared by several checkouts of
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
fn the_embedded_course_is_a_fresh_compile_of_the_seeds() {
    let embedded = format!("{:#?}", *COURSE);
    let fresh = format!("{:#?}", fresh());
    assert!(
        embedded == fresh,
        "the embedded COURSE differs from a fresh compile of seeds/ at {}\n({STALE})",
        first_difference(&embedded, &fresh)
    );
}

#[test]
fn the_embedded_course_writes_the_same_bytes_as_a_fresh_compile() {
    let embedded = write_course(&COURSE);
    let fresh = write_course(&fresh());
    assert!(embedded.shape == fresh.shape, "the shapes differ ({STALE})");
    assert!(embedded.text == fresh.text, "the texts differ ({STALE})");
    // Every string of the course is in the text, so the text is most of the course.
    assert!(fresh.text.len() > 4 * fresh.shape.len());
}
