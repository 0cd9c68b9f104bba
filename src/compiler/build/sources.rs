//! Builds the sources (the works the course cites), checking that a learner can find each one.

use super::super::kind::Kind;
use super::super::resolve::{leak, leak_str, Resolver};
use super::super::schema::SOURCE_KEYS;
use crate::model::Source;

pub fn build(cx: &mut Resolver) -> &'static [Source] {
    let mut out = Vec::new();
    for r in cx.valid(Kind::Source) {
        let (f, e) = (&r.file, &r.entry);
        cx.check_keys(f, e, &format!("source \"{}\"", e.value), SOURCE_KEYS);
        let (doi, url) = (e.text("doi"), e.text("url"));
        if doi.is_empty() && url.is_empty() && e.text("note").is_empty() {
            cx.err(f, e.line, format!("source \"{}\" has neither `doi` nor `url`; add one so learners can find it, or, if it has none, say so in `note:`", e.value));
        }
        if !url.is_empty() && !url.starts_with("https://") {
            cx.err(
                f,
                e.child("url").map_or(e.line, |c| c.line),
                "the url must start with https://; write the https:// address of the work",
            );
        }
        if !doi.is_empty() && !doi.starts_with("10.") {
            cx.err(
                f,
                e.child("doi").map_or(e.line, |c| c.line),
                "a DOI starts with \"10.\"; write it without https://doi.org/",
            );
        }
        let year = e.text("year");
        if !year.is_empty()
            && !year
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit))
        {
            cx.err(
                f,
                e.child("year").map_or(e.line, |c| c.line),
                format!("year \"{year}\" has no four-digit year; write e.g. `2017` or `c. 2015`"),
            );
        }
        out.push(Source {
            id: leak_str(e.value.clone()),
            short: leak_str(e.text("short")),
            authors: leak_str(e.text("authors")),
            title: leak_str(e.text("title")),
            venue: leak_str(e.text("venue")),
            year: leak_str(year),
            doi: leak_str(doi),
            url: leak_str(url),
            licence: leak_str(e.text("licence")),
            note: leak_str(e.text("note")),
        });
    }
    leak(out)
}
