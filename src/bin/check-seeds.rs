//! `cargo run --bin check-seeds -- [--json FILE] [DIR]`: checks a seeds folder (default `seeds`)
//! and prints every problem as `seeds/FILE:LINE: message`, or a summary of the course when there is
//! none; with `--json FILE`, also writes the compiled course as JSON (see `compiler::json`).

#[cfg(not(target_arch = "wasm32"))]
const HELP: &str = "\
check-seeds: checks the course content and, if asked, writes it compiled as JSON.

Usage: cargo run --bin check-seeds -- [--json FILE] [DIR]

  DIR          the seeds folder, holding course.txt (default: seeds)
  --json FILE  when the content has no problem, also write the compiled course as JSON to FILE
               (its folder is created if needed; `-` writes it to standard output, and the
               summary then goes to standard error). The browser tests read target/course.json.
  -h, --help   print this help

Problems are printed to standard error as `seeds/FILE:LINE: message`, and the exit status is 1;
a wrong argument gives status 2. The JSON's shape is described in src/compiler/json.rs.
";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    let mut dir = None;
    let mut json: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return;
            }
            "--json" => match args.next() {
                Some(file) => json = Some(file),
                None => usage("--json needs a FILE to write (or - for standard output)"),
            },
            a if a.starts_with('-') && a != "-" => usage(&format!("unknown option {a}")),
            a if dir.is_none() => dir = Some(PathBuf::from(a)),
            a => usage(&format!("one seeds folder only, but {a} is a second")),
        }
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from("seeds"));
    let c = match hsc_course::compiler::compile(&dir) {
        Ok(c) => c,
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!(
                "{} problem{}",
                diags.len(),
                if diags.len() == 1 { "" } else { "s" }
            );
            std::process::exit(1);
        }
    };
    let mut summary = format!(
        "ok: {} units, {} lessons, {} questions, {} scenarios, {} sources, {} terms, {} events\n",
        c.units.len(),
        c.lessons.len(),
        c.questions.len(),
        c.scenarios.len(),
        c.sources.len(),
        c.terms.len(),
        c.events.len()
    );
    for u in c.units {
        let quiz = c.quiz(u.quiz);
        summary.push_str(&format!(
            "  {}: lesson {} words, {} questions, {} scenario(s)\n",
            u.id,
            c.lesson(u.lesson).words,
            quiz.questions.len(),
            u.scenarios.len()
        ));
    }
    match json.as_deref() {
        None => print!("{summary}"),
        Some("-") => {
            let text = hsc_course::compiler::json::course_json(&c);
            if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
                fail(&format!("cannot write the JSON to standard output: {e}"));
            }
            eprint!("{summary}");
        }
        Some(file) => {
            let text = hsc_course::compiler::json::course_json(&c);
            let path = Path::new(file);
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                if let Err(e) = std::fs::create_dir_all(parent) {
                    fail(&format!(
                        "cannot create {}: {e}; give --json a file in a folder you can write to",
                        parent.display()
                    ));
                }
            }
            if let Err(e) = std::fs::write(path, text) {
                fail(&format!(
                    "cannot write {file}: {e}; give --json a file you can write to"
                ));
            }
            print!("{summary}");
            println!("wrote the compiled course as JSON to {file}");
        }
    }
}

/// A wrong command line: says what is wrong and how to ask for help, with status 2.
#[cfg(not(target_arch = "wasm32"))]
fn usage(problem: &str) -> ! {
    eprintln!("check-seeds: {problem}; see `cargo run --bin check-seeds -- --help`");
    std::process::exit(2);
}

#[cfg(not(target_arch = "wasm32"))]
fn fail(problem: &str) -> ! {
    eprintln!("check-seeds: {problem}");
    std::process::exit(1);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
