//! `cargo run --release --bin package -- [options]`: writes SCORM 1.2 and 2004 packages of the
//! release build (`bash .ci/package` builds first, then runs this). See `--help`.

#[cfg(not(target_arch = "wasm32"))]
const HELP: &str = "\
package: writes the module as SCORM packages, from the release build in dist/.

Usage: bash .ci/package [options]        (builds the release first)
       cargo run --release --bin package -- [options]

  --version 1.2|2004|both   which SCORM versions (default: both). Moodle plays 1.2 only;
                            Canvas, Blackboard and Brightspace take 2004.
  --units all|each|ID,ID    the whole course in one package (default), one package per unit,
                            or just these units (ids: UNITS)
  --pass N|none             the pass mark in per cent, 0 to 100 (default: the highest of the
                            packaged quizzes' own), or none: completed, never passed or failed
  --mode immediate|deferred every quiz checked question by question, or answered then
                            submitted (default: each quiz's own setting)
  --dist DIR                the release build (default: dist)
  --out DIR                 where the zips go (default: target/packages)
  -h, --help                print this help

Writes <course>-<units>-scorm12.zip and/or <course>-<units>-scorm2004.zip, each with
imsmanifest.xml at its root, and copies the question bank (Moodle XML, GIFT) beside them.
Upload the zip to the VLE as it is.
";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use hsc_course::course::COURSE;
    use hsc_course::engine::package::{Package, ScormVersion};
    use hsc_course::model::{QuizMode, UnitId};
    use hsc_course::packager;
    use std::path::PathBuf;

    fn fail(message: &str) -> ! {
        eprintln!("package: {message}");
        eprintln!("(package --help lists the options)");
        std::process::exit(2)
    }

    let unit_ids = || {
        COURSE
            .unit_ids()
            .map(|u| COURSE.unit(u).id)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut versions = vec![ScormVersion::V12, ScormVersion::V2004];
    let mut units = "all".to_string();
    let mut pass: Option<Option<u8>> = None;
    let mut mode = None;
    let mut dist = PathBuf::from("dist");
    let mut out = PathBuf::from("target/packages");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{}", HELP.replace("UNITS", &unit_ids()));
                return;
            }
            "--version" => {
                versions = match value("--version").as_str() {
                    "1.2" => vec![ScormVersion::V12],
                    "2004" => vec![ScormVersion::V2004],
                    "both" => vec![ScormVersion::V12, ScormVersion::V2004],
                    v => fail(&format!(
                        "unknown SCORM version \"{v}\"; use 1.2, 2004 or both"
                    )),
                }
            }
            "--units" => units = value("--units"),
            "--pass" => {
                let v = value("--pass");
                pass = Some(match v.as_str() {
                    "none" => None,
                    _ => match v.parse::<u8>() {
                        Ok(p) if p <= 100 => Some(p),
                        _ => fail(&format!(
                            "pass mark \"{v}\": use a whole number from 0 to 100, or none"
                        )),
                    },
                });
            }
            "--mode" => {
                mode = Some(match value("--mode").as_str() {
                    "immediate" => QuizMode::Immediate,
                    "deferred" => QuizMode::Deferred,
                    m => fail(&format!(
                        "unknown quiz mode \"{m}\"; use immediate or deferred"
                    )),
                })
            }
            "--dist" => dist = PathBuf::from(value("--dist")),
            "--out" => out = PathBuf::from(value("--out")),
            other => fail(&format!("unknown option \"{other}\"")),
        }
    }

    let groups: Vec<Vec<UnitId>> = match units.as_str() {
        "all" => vec![COURSE.unit_ids().collect()],
        "each" => COURSE.unit_ids().map(|u| vec![u]).collect(),
        list => {
            let mut chosen = Vec::new();
            for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match COURSE.find_unit(id) {
                    Some(u) => chosen.push(u),
                    None => fail(&format!(
                        "the course has no unit \"{id}\"; its units are: {}",
                        unit_ids()
                    )),
                }
            }
            if chosen.is_empty() {
                fail("--units needs all, each, or unit ids");
            }
            vec![chosen]
        }
    };

    let mut failed = false;
    for group in &groups {
        for &version in &versions {
            let mut package = Package::new(&COURSE, version, group);
            if let Some(p) = pass {
                package.pass = p;
            }
            package.mode = mode;
            match packager::write(&dist, &out, &COURSE, &package) {
                Ok(w) => println!(
                    "{}  {} bytes, {} files  ({})",
                    w.path.display(),
                    w.bytes,
                    w.files,
                    packager::title(&COURSE, &package)
                ),
                Err(e) => {
                    eprintln!("package: {e}");
                    failed = true;
                }
            }
        }
        if failed {
            break;
        }
    }
    if failed {
        std::process::exit(1);
    }
    // The question bank beside the packages, for the VLE's own quiz.
    for name in [
        hsc_course::export::MOODLE_XML_FILE,
        hsc_course::export::GIFT_FILE,
    ] {
        let from = dist.join(name);
        if from.is_file() {
            let to = out.join(name);
            match std::fs::copy(&from, &to) {
                Ok(bytes) => println!("{}  {bytes} bytes (question bank)", to.display()),
                Err(e) => {
                    eprintln!("package: {}: {e}", to.display());
                    std::process::exit(1);
                }
            }
        }
    }
}

/// The packager writes files: it has nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
