//! Conventions of the code base, enforced as tests (as rust-analyzer's `tidy` does): layers point
//! one way, no floats in the model or engine, every file says what it is, every `#[allow]` gives
//! its reason, no `unwrap`/`expect` outside tests and the build script, and no source file grows
//! past `MAX_LINES` without a stated reason.
//!
//! Each rule is a pure function from a file's path and text to its violations, so the rules are
//! themselves tested on bad examples below, and then run over every Rust file of the crate.

use std::path::{Path, PathBuf};

/// Files longer than this need a `// tidy: long file: REASON` line saying why.
const MAX_LINES: usize = 600;

/// Crates the lower layers must never name.
const UI_CRATES: &[&str] = &["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"];

/// The layers below the UI: the course types, the pure logic and the build-time compiler.
fn is_lower_layer(rel: &str) -> bool {
    rel.starts_with("src/model/")
        || rel.starts_with("src/engine/")
        || rel.starts_with("src/compiler/")
}

/// Files that are tests (or test fixtures) as a whole: `unwrap` and `expect` are fine there.
fn is_test_file(rel: &str) -> bool {
    rel.starts_with("tests/")
        || rel.ends_with("/tests.rs")
        || rel.contains("/tests/")
        || rel.ends_with("/fixture.rs")
        || rel == "build.rs"
}

/// The part of a file that is not test code: everything before a `#[cfg(test)]` that opens an
/// inline `mod … {` (the convention here is that such a module closes the file).
fn non_test_lines(text: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() == "#[cfg(test)]" {
            let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
            if next.starts_with("mod ") && next.ends_with('{') {
                break;
            }
        }
        out.push((i + 1, *line));
    }
    out
}

/// The code of a line without a trailing `//` comment or a whole-line comment (string contents
/// are kept: a crate name inside a string literal is still a use of it worth a look).
fn code_of(line: &str) -> &str {
    let t = line.trim_start();
    if t.starts_with("//") {
        return "";
    }
    match line.find("// ") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `word` occurs in `code` as a whole identifier.
fn names(code: &str, word: &str) -> bool {
    code.match_indices(word).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + word.len()..].chars().next();
        !before.is_some_and(is_ident_char) && !after.is_some_and(is_ident_char)
    })
}

fn layers(rel: &str, text: &str) -> Vec<String> {
    if !is_lower_layer(rel) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = code_of(line);
        for krate in UI_CRATES {
            if names(code, krate) {
                out.push(format!(
                    "{rel}:{}: names `{krate}`, but model, engine and compiler must not depend on the UI layer; move this code to src/ui/",
                    n + 1
                ));
            }
        }
    }
    out
}

/// Course data and rules use fixed-point numbers: no float type in the model or the engine, so
/// float parsing and printing code (about 22 KB gzip, measured) stays out of the wasm.
fn no_floats(rel: &str, text: &str) -> Vec<String> {
    if !(rel.starts_with("src/model/") || rel.starts_with("src/engine/")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in non_test_lines(text) {
        let code = code_of(line);
        if names(code, "f32") || names(code, "f64") {
            out.push(format!(
                "{rel}:{n}: a float type in the model or engine; use fixed-point ten-thousandths (model::parse_decimal)"
            ));
        }
    }
    out
}

fn opens_with_doc(rel: &str, text: &str) -> Vec<String> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.starts_with("//!") {
        Vec::new()
    } else {
        vec![format!(
            "{rel}:1: does not open with a `//!` line; start the file with `//! what this file is`"
        )]
    }
}

fn allows_have_reasons(rel: &str, text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if !(t.starts_with("#[allow(") || t.starts_with("#![allow(")) {
            continue;
        }
        let same_line = line.contains("//");
        let above = i > 0 && {
            let prev = lines[i - 1].trim_start();
            prev.starts_with("//") && !prev.starts_with("//!")
        };
        if !same_line && !above {
            out.push(format!(
                "{rel}:{}: `#[allow]` without a reason; put a `// why` comment on the line above",
                i + 1
            ));
        }
    }
    out
}

fn no_unwrap(rel: &str, text: &str) -> Vec<String> {
    if is_test_file(rel) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in non_test_lines(text) {
        let code = code_of(line);
        if code.contains(".unwrap()") || code.contains(".expect(\"") {
            out.push(format!(
                "{rel}:{n}: `unwrap`/`expect` outside tests; handle the `None`/`Err` (or make it impossible by type)"
            ));
        }
    }
    out
}

fn not_too_long(rel: &str, text: &str) -> Vec<String> {
    let count = text.lines().count();
    let reasoned = text
        .lines()
        .any(|l| l.trim_start().starts_with("// tidy: long file:"));
    if count > MAX_LINES && !reasoned {
        vec![format!(
            "{rel}: {count} lines (more than {MAX_LINES}); split it by concern, or add `// tidy: long file: REASON`"
        )]
    } else {
        Vec::new()
    }
}

fn all_rules(rel: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(layers(rel, text));
    out.extend(no_floats(rel, text));
    out.extend(opens_with_doc(rel, text));
    out.extend(allows_have_reasons(rel, text));
    out.extend(no_unwrap(rel, text));
    out.extend(not_too_long(rel, text));
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // Fixture corpora hold seed text, not code.
            if path.file_name().is_some_and(|n| n == "fixtures") {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_code_base_keeps_its_conventions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("build.rs")];
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    files.sort();
    assert!(
        files.len() > 20,
        "found only {} Rust files under {}",
        files.len(),
        root.display()
    );
    let mut problems = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap();
        problems.extend(all_rules(&rel, &text));
    }
    assert!(
        problems.is_empty(),
        "{} convention problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// The rules themselves, on bad and good examples: a rule that cannot fail would prove nothing.

#[test]
fn layer_rule_catches_ui_crates_below_the_ui() {
    let bad = "//! x\nuse yew::prelude::*;\nfn f() { web_sys::window(); }\n";
    assert_eq!(layers("src/engine/state.rs", bad).len(), 2);
    assert_eq!(layers("src/compiler/load.rs", bad).len(), 2);
    assert_eq!(layers("src/model/mod.rs", bad).len(), 2);
    assert!(layers("src/ui/mod.rs", bad).is_empty());
    // Words in comments and longer identifiers are not uses.
    let fine = "//! No Yew, no web-sys.\n// not yew either\nlet yewish = 1; // yew\n";
    assert!(layers("src/engine/mod.rs", fine).is_empty());
}

#[test]
fn float_rule() {
    let bad = "//! x\nfn f(x: f64) -> f32 { 0.0 }\n";
    assert_eq!(no_floats("src/engine/grade.rs", bad).len(), 1);
    assert_eq!(no_floats("src/model/text.rs", bad).len(), 1);
    assert!(no_floats("src/ui/effects.rs", bad).is_empty());
    assert!(no_floats("src/engine/a.rs", "//! x\nlet f64ish = 1; // f64\n").is_empty());
}

#[test]
fn doc_line_rule() {
    assert_eq!(opens_with_doc("src/a.rs", "use x;\n").len(), 1);
    assert_eq!(opens_with_doc("src/a.rs", "// plain comment\n").len(), 1);
    assert!(opens_with_doc("src/a.rs", "\n//! What it is.\nuse x;\n").is_empty());
}

#[test]
fn allow_rule() {
    assert_eq!(
        allows_have_reasons("a.rs", "//! x\n#[allow(dead_code)]\nfn f() {}\n").len(),
        1
    );
    assert!(allows_have_reasons(
        "a.rs",
        "//! x\n// Only the build script uses it.\n#[allow(dead_code)]\nfn f() {}\n"
    )
    .is_empty());
    assert!(allows_have_reasons("a.rs", "#[allow(dead_code)] // used by build.rs\n").is_empty());
}

#[test]
fn unwrap_rule() {
    let code = "//! x\nfn f() { a.unwrap(); b.expect(\"no\"); r.expect(';')?; c.unwrap_or(1); }\n";
    assert_eq!(no_unwrap("src/engine/a.rs", code).len(), 1);
    let two = "//! x\nfn f() {\n a.unwrap();\n b.expect(\"no\");\n}\n";
    assert_eq!(no_unwrap("src/engine/a.rs", two).len(), 2);
    assert!(no_unwrap("src/engine/tests.rs", two).is_empty());
    assert!(no_unwrap("build.rs", two).is_empty());
    let with_tests = "//! x\nfn f() {}\n#[cfg(test)]\nmod tests {\n fn t() { a.unwrap(); }\n}\n";
    assert!(no_unwrap("src/engine/a.rs", with_tests).is_empty());
    let commented = "//! x\n// a.unwrap() would panic\nfn f() {}\n";
    assert!(no_unwrap("src/engine/a.rs", commented).is_empty());
}

#[test]
fn length_rule() {
    let long = "//! x\n".to_string() + &"fn f() {}\n".repeat(MAX_LINES);
    assert_eq!(not_too_long("src/a.rs", &long).len(), 1);
    let reasoned = long.clone() + "// tidy: long file: one table of cases\n";
    assert!(not_too_long("src/a.rs", &reasoned).is_empty());
    assert!(not_too_long("src/a.rs", "//! x\n").is_empty());
}
