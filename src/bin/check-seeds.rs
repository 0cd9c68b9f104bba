//! `cargo run --bin check-seeds [DIR]`: checks a seeds folder (default `seeds`) and prints every
//! problem as `seeds/FILE:LINE: message`, or a summary of the course when there is none.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    match hsc_course::compiler::compile(std::path::Path::new(&dir)) {
        Ok(c) => {
            println!(
                "ok: {} units, {} lessons, {} questions, {} scenarios, {} sources, {} terms, {} events",
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
                println!(
                    "  {}: lesson {} words, {} questions, {} scenario(s)",
                    u.id,
                    c.lesson(u.lesson).words,
                    quiz.questions.len(),
                    u.scenarios.len()
                );
            }
        }
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
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
