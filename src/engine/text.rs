//! Plain text of rich content, for the live region, titles and citations.

use crate::model::{Citation, Course, Inline, Rich, Source};

/// "Glasby 2017", "Miller et al. 2021": the short label of a source as cited in text.
pub fn source_label(s: &Source) -> String {
    s.short.to_string()
}

/// The words of a citation: "Glasby 2017, Introduction".
pub fn cite_text(course: &Course, c: &Citation) -> String {
    let label = source_label(course.source(c.source));
    if c.locator.is_empty() {
        label
    } else {
        format!("{label}, {}", c.locator)
    }
}

/// Rich content as plain text; citations become "(Glasby 2017)".
pub fn plain(course: &Course, r: Rich) -> String {
    let mut out = String::new();
    push_plain(course, r, &mut out);
    out
}

fn push_plain(course: &Course, r: Rich, out: &mut String) {
    for i in r {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Emphasis(v) | Inline::Strong(v) => push_plain(course, v, out),
            Inline::Cite(c) => {
                out.push('(');
                out.push_str(&cite_text(course, c));
                out.push(')');
            }
            Inline::Term(_, words) => out.push_str(words),
            Inline::Link(words, _) => out.push_str(words),
        }
    }
}

/// Text for HTML or XML: `& < > " '` as references (for element text and attribute values).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_html_into(&mut out, s);
    out
}

/// [`escape_html`], appended to `out`.
pub fn escape_html_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
