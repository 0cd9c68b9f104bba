//! The question bank in VLEs' own quiz formats (native only, written at build time by
//! `src/bin/export-bank.rs` into `dist/`): Moodle XML ([`moodle_xml`]) and GIFT ([`gift`]). Both
//! keep the questions' ids as names, a category per unit, per-option feedback where the format
//! has it, and the citations as general feedback.

pub mod gift;
pub mod moodle_xml;

use crate::engine::text::{cite_text, plain};
use crate::model::{Course, Question, Rich};

/// The file names, as the lecturers' page links them.
pub const MOODLE_XML_FILE: &str = "question-bank-moodle.xml";
pub const GIFT_FILE: &str = "question-bank.gift";

/// Rich text as one line of plain text.
fn line(course: &Course, r: Rich) -> String {
    plain(course, r)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Source: …; …", the question's citations.
fn sources(course: &Course, q: &Question) -> String {
    let cites: Vec<String> = q.cites.iter().map(|c| cite_text(course, c)).collect();
    if cites.is_empty() {
        String::new()
    } else {
        format!("Source: {}.", cites.join("; "))
    }
}

/// A multiple-response question's fractions in Moodle's accepted values: each correct option
/// 100/k, each wrong one -100/k, as the module grades (a wrong pick cancels a right one).
fn share(correct: usize) -> &'static str {
    match correct {
        1 => "100",
        2 => "50",
        3 => "33.33333",
        4 => "25",
        5 => "20",
        6 => "16.66667",
        7 => "14.28571",
        8 => "12.5",
        9 => "11.11111",
        _ => "10",
    }
}

#[cfg(test)]
mod tests;
