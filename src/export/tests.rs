//! The exporters against fixture banks (the engine's test course, with every question type) and
//! expected files, and their rules on the real course.

use super::gift::{esc, gift, left_out};
use super::moodle_xml::moodle_xml;
use crate::course::COURSE;
use crate::engine::fixture::course;
use crate::model::{Body, QuestionKind};
use std::path::Path;

/// Compares `got` with the expected file; `UPDATE_EXPECTED=1` rewrites it (check the diff).
fn expect(file: &str, got: &str) {
    let path = Path::new("tests/fixtures/export").join(file);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder");
        std::fs::write(&path, got).expect("written");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if want != got {
        let line = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .map_or(want.lines().count().min(got.lines().count()) + 1, |i| i + 1);
        panic!(
            "{} differs from the exporter's output from line {line}; if the change is meant, run `UPDATE_EXPECTED=1 cargo test --lib export` and review the diff",
            path.display()
        );
    }
}

#[test]
fn the_fixture_bank_matches_its_expected_files() {
    let c = course();
    let kinds: Vec<QuestionKind> = c.questions.iter().map(|q| q.kind).collect();
    for k in [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::Ordering,
        QuestionKind::Matching,
        QuestionKind::Categorise,
        QuestionKind::Numeric,
        QuestionKind::ShortText,
    ] {
        assert!(kinds.contains(&k), "the fixture has a {k:?} question");
    }
    expect("expected.xml", &moodle_xml(c));
    expect("expected.gift", &gift(c));
}

#[test]
fn gift_escapes_its_special_characters() {
    assert_eq!(
        esc("a ~ b = c # d { e } f : g \\ h"),
        "a \\~ b \\= c \\# d \\{ e \\} f \\: g \\\\ h"
    );
    assert_eq!(esc("two\nlines"), "two lines");
}

#[test]
fn only_ordering_questions_are_left_out_of_gift() {
    let out = left_out(&COURSE);
    let ordering = COURSE
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Ordering)
        .count();
    assert_eq!(out.len(), ordering);
    assert!(out
        .iter()
        .all(|(q, _)| COURSE.question(*q).kind == QuestionKind::Ordering));
}

/// Every multiple-response question's fractions: the right options share 100, each wrong one
/// takes back one share, as the module grades.
#[test]
fn multiple_response_fractions_sum_to_100() {
    for q in COURSE
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Multiple)
    {
        let Body::Choices(options) = q.body else {
            panic!("{}: a multiple-response question has options", q.id)
        };
        let k = options.iter().filter(|o| o.correct).count();
        let share: f64 = super::share(k).parse().expect("a number");
        assert!(
            (share * k as f64 - 100.0).abs() < 0.01,
            "{}: {k} shares of {share}",
            q.id
        );
    }
}

#[test]
fn the_real_bank_has_every_question_once() {
    let xml = moodle_xml(&COURSE);
    for q in COURSE.questions {
        assert_eq!(
            xml.matches(&format!("<idnumber>{}</idnumber>", q.id))
                .count(),
            1,
            "{}",
            q.id
        );
    }
    assert!(!xml.contains("]]>]]>"));
    let g = gift(&COURSE);
    for q in COURSE
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::Ordering)
    {
        assert_eq!(
            g.matches(&format!("::{}::", esc(q.id))).count(),
            1,
            "{}",
            q.id
        );
    }
}
