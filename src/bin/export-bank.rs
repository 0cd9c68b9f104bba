//! `cargo run --bin export-bank -- [--out DIR]`: writes the question bank as Moodle XML and GIFT
//! (Trunk's post-build hook runs it, so every build has both beside the app). See `--help`.

#[cfg(not(target_arch = "wasm32"))]
const HELP: &str = "\
export-bank: writes the course's questions in the VLEs' own quiz formats.

Usage: cargo run --bin export-bank -- [--out DIR]

  --out DIR   where to write question-bank-moodle.xml and question-bank.gift (default: dist)
  -h, --help  print this help

Import either file into a Moodle question bank (Question bank > Import); GIFT leaves out the
ordering questions, which its header lists.
";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use hsc_course::course::COURSE;
    use hsc_course::export::{gift, moodle_xml, GIFT_FILE, MOODLE_XML_FILE};
    use std::path::PathBuf;

    let mut out = PathBuf::from("dist");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return;
            }
            "--out" => match args.next() {
                Some(dir) => out = PathBuf::from(dir),
                None => {
                    eprintln!("export-bank: --out needs a folder (export-bank --help)");
                    std::process::exit(2);
                }
            },
            other => {
                eprintln!("export-bank: unknown option \"{other}\" (export-bank --help)");
                std::process::exit(2);
            }
        }
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("export-bank: {}: {e}", out.display());
        std::process::exit(1);
    }
    let left_out = gift::left_out(&COURSE).len();
    let files = [
        (
            MOODLE_XML_FILE,
            moodle_xml::moodle_xml(&COURSE),
            COURSE.questions.len(),
        ),
        (
            GIFT_FILE,
            gift::gift(&COURSE),
            COURSE.questions.len() - left_out,
        ),
    ];
    for (name, text, count) in files {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("export-bank: {}: {e}", path.display());
            std::process::exit(1);
        }
        println!(
            "{}  {} bytes, {count} questions",
            path.display(),
            text.len()
        );
    }
}

/// Writing files has nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
