//! Stage 3, resolution: what every builder works with. It turns references into typed ids
//! (`lookup`, with "did you mean" hints), text into rich text with its citations and glossary
//! links resolved, and `cite:` keys into citations. Results are leaked to `'static` data, the
//! form of the embedded course.

use super::diagnostic::Diagnostics;
use super::ids::Ids;
use super::kind::Kind;
use super::load::{Loaded, Rec};
use super::markup::{self, Para, RawInline};
use super::records::Entry;
use super::schema::{self, suggest, Field};
use crate::model::*;

/// Leaks a string into the `'static` course data.
pub fn leak_str(s: impl Into<String>) -> &'static str {
    Box::leak(s.into().into_boxed_str())
}

/// Leaks a list into the `'static` course data.
pub fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// The loaded records and declared ids the builders read, and the diagnostics they report into.
pub struct Resolver<'a> {
    pub loaded: &'a Loaded,
    pub ids: &'a Ids,
    pub diags: Diagnostics,
}

impl<'a> Resolver<'a> {
    pub fn new(loaded: &'a Loaded, ids: &'a Ids, diags: Diagnostics) -> Self {
        Resolver { loaded, ids, diags }
    }

    pub fn err(&mut self, file: &str, line: u32, msg: impl Into<String>) {
        self.diags.push(file, line, msg);
    }

    /// Checks a record's keys against its schema (see [`schema::check_keys`]).
    pub fn check_keys(&mut self, file: &str, e: &Entry, what: &str, fields: &[Field]) {
        schema::check_keys(&mut self.diags, file, e, what, fields);
    }

    /// The records of a top-level kind whose id was declared, in index order.
    pub fn valid(&self, kind: Kind) -> Vec<&'a Rec> {
        self.ids.valid(self.loaded, kind)
    }

    /// The index of the `kind` with this id, or a diagnostic naming it as `what`.
    pub fn lookup(
        &mut self,
        kind: Kind,
        id: &str,
        file: &str,
        line: u32,
        what: &str,
    ) -> Option<u16> {
        let table = self.ids.of(kind);
        if let Some(d) = table.get(id) {
            return Some(d.index);
        }
        let hint = match suggest(id, table.keys().map(String::as_str)) {
            Some(s) => format!("did you mean \"{s}\"?"),
            None => format!("define `{kind}: {id}` or correct the id"),
        };
        self.err(
            file,
            line,
            format!("{what} \"{id}\" does not exist; {hint}"),
        );
        None
    }

    /// A paragraph as rich text.
    pub fn rich(&mut self, file: &str, para: &Para) -> Rich {
        match markup::parse_inline(&para.text) {
            Ok(raw) => self.resolve_inline(file, para, raw),
            Err((at, msg)) => {
                self.err(file, para.line_at(at), msg);
                &[]
            }
        }
    }

    /// A one-line text (an option or choice label) as rich text.
    pub fn rich_line(&mut self, file: &str, line: u32, text: &str) -> Rich {
        self.rich(file, &Para::new(line, text))
    }

    fn resolve_inline(&mut self, file: &str, para: &Para, raw: Vec<RawInline>) -> Rich {
        let mut out = Vec::new();
        for r in raw {
            match r {
                RawInline::Text(t) => out.push(Inline::Text(leak_str(t))),
                RawInline::Emphasis(v) => {
                    out.push(Inline::Emphasis(self.resolve_inline(file, para, v)))
                }
                RawInline::Strong(v) => {
                    out.push(Inline::Strong(self.resolve_inline(file, para, v)))
                }
                RawInline::Cite {
                    source,
                    locator,
                    at,
                } => {
                    let line = para.line_at(at);
                    if let Some(i) = self.lookup(Kind::Source, &source, file, line, "cited source")
                    {
                        out.push(Inline::Cite(Citation {
                            source: SourceId(i),
                            locator: leak_str(locator),
                        }));
                    }
                }
                RawInline::Term { id, shown, at } => {
                    let line = para.line_at(at);
                    if let Some(i) = self.lookup(Kind::Term, &id, file, line, "glossary term") {
                        let words = if shown.is_empty() {
                            self.term_name(&id).unwrap_or_default()
                        } else {
                            shown
                        };
                        out.push(Inline::Term(TermId(i), leak_str(words)));
                    }
                }
                RawInline::Link { text, href } => {
                    out.push(Inline::Link(leak_str(text), leak_str(href)))
                }
            }
        }
        leak(out)
    }

    /// The words a `[[term]]` link shows: the term's name, in running text.
    fn term_name(&self, id: &str) -> Option<String> {
        let r = self.loaded.records[Kind::Term]
            .iter()
            .find(|r| r.entry.value == id)?;
        let name = r.entry.text("name");
        Some(if name.is_empty() {
            id.to_string()
        } else {
            lowercase_first(name)
        })
    }

    /// An entry's text as paragraphs of rich text (none when the entry is absent).
    pub fn paras(&mut self, file: &str, e: Option<&Entry>) -> Paras {
        let Some(e) = e else { return &[] };
        let v: Vec<Rich> = e.paragraphs().iter().map(|p| self.rich(file, p)).collect();
        leak(v)
    }

    /// An entry's text as one paragraph of rich text; more than one is reported.
    pub fn rich_of(&mut self, file: &str, e: Option<&Entry>) -> Rich {
        let Some(e) = e else { return &[] };
        let mut ps = e.paragraphs().into_iter();
        let Some(mut joined) = ps.next() else {
            return &[];
        };
        let mut several = false;
        for p in ps {
            several = true;
            // Keep checking every paragraph's references, at their own lines.
            for (k, (off, line)) in p.lines.iter().enumerate() {
                let end = p
                    .lines
                    .get(k + 1)
                    .map_or(p.text.chars().count(), |n| n.0 - 1);
                let text: String = p
                    .text
                    .chars()
                    .skip(*off)
                    .take(end.saturating_sub(*off))
                    .collect();
                joined.push_line(*line, &text);
            }
        }
        if several {
            self.err(
                file,
                e.line,
                format!(
                    "`{}` takes one paragraph; join the paragraphs or shorten it",
                    e.key
                ),
            );
        }
        self.rich(file, &joined)
    }

    /// `cite: SOURCE` or `cite: SOURCE, LOCATOR` as a citation.
    fn citation(&mut self, file: &str, e: &Entry) -> Option<Citation> {
        let (id, loc) = match e.value.split_once(',') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (e.value.trim(), ""),
        };
        let i = self.lookup(Kind::Source, id, file, e.line, "cited source")?;
        Some(Citation {
            source: SourceId(i),
            locator: leak_str(loc),
        })
    }

    /// The citations of an entry's `cite:` keys.
    pub fn citations(&mut self, file: &str, e: &Entry) -> &'static [Citation] {
        let v: Vec<Citation> = e
            .all("cite")
            .filter_map(|c| self.citation(file, c))
            .collect();
        leak(v)
    }

    /// The course if nothing was reported, otherwise every problem, sorted by file and line.
    pub fn finish(self, course: Option<Course>) -> Result<Course, Vec<super::Diagnostic>> {
        self.diags.finish(course)
    }
}
