//! The bodies of questions answered by typing: a number within a tolerance, or a short text
//! matching an accepted answer.

use std::collections::HashMap;

use super::super::super::records::Entry;
use super::super::super::resolve::{leak, leak_str, Resolver};
use super::super::super::schema::ACCEPT_KEYS;
use crate::model::*;

/// `type: numeric`: an answer and a tolerance (up to four decimal places), optional units.
pub fn numeric(cx: &mut Resolver, f: &str, q: &Entry) -> Body {
    let num = |c: &mut Resolver, key: &str| -> i64 {
        let Some(e) = q.child(key) else { return 0 };
        let places = e.value.split_once('.').map_or(0, |(_, d)| d.len());
        match parse_decimal(&e.value) {
            Some(x) if places <= 4 => x,
            Some(_) => {
                c.err(
                    f,
                    e.line,
                    format!(
                        "`{key}: {}` has more than four decimal places; round it",
                        e.value
                    ),
                );
                0
            }
            None => {
                c.err(
                    f,
                    e.line,
                    format!(
                        "`{key}: {}` is not a number; write digits such as `3.8`",
                        e.value
                    ),
                );
                0
            }
        }
    };
    let answer = num(cx, "answer");
    let tolerance = num(cx, "tolerance");
    if tolerance < 0 {
        let line = q.child("tolerance").map_or(q.line, |e| e.line);
        cx.err(
            f,
            line,
            "a tolerance cannot be negative; write `tolerance: 0` for an exact answer",
        );
    }
    let units: Vec<&'static str> = q.all("unit").map(|u| leak_str(u.value.clone())).collect();
    let feedback = cx.rich_of(f, q.child("feedback"));
    let otherwise = cx.rich_of(f, q.child("otherwise"));
    Body::Numeric(Numeric {
        answer,
        tolerance,
        units: leak(units),
        feedback,
        otherwise,
    })
}

/// `type: text`: accepted answers, compared once case and punctuation are ignored.
pub fn short_text(cx: &mut Resolver, f: &str, q: &Entry, what: &str) -> Body {
    let mut accepts = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for a in q.all("accept") {
        cx.check_keys(f, a, &format!("an accepted answer of {what}"), ACCEPT_KEYS);
        let norm = normalise_answer(&a.value);
        if norm.is_empty() {
            cx.err(
                f,
                a.line,
                "an accepted answer needs letters or digits; write `accept: THE ANSWER`",
            );
        } else if let Some(first) = seen.insert(norm, a.line) {
            cx.err(f, a.line, format!("accepted answer \"{}\" is the same as the one at line {first} once case and punctuation are ignored; remove one", a.value));
        }
        let feedback = cx.rich_of(f, a.child("feedback"));
        accepts.push(Accept {
            text: leak_str(a.value.clone()),
            feedback,
        });
    }
    let otherwise = cx.rich_of(f, q.child("otherwise"));
    Body::ShortText {
        accepts: leak(accepts),
        otherwise,
    }
}
