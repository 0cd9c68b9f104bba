//! Plain text of rich content, for the live region, titles and citations.

use crate::model::{Block, Citation, Course, Inline, LessonId, Rich, Source, SourceId};

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

/// Every source a lesson draws on, once each: its main sources first, then those cited in its
/// text, in the order the text first cites them (for the list at the end of a lesson and its
/// printed handout).
pub fn lesson_sources(course: &Course, id: LessonId) -> Vec<SourceId> {
    fn walk(r: Rich, out: &mut Vec<SourceId>) {
        for i in r {
            match i {
                Inline::Cite(c) if !out.contains(&c.source) => out.push(c.source),
                Inline::Emphasis(v) | Inline::Strong(v) => walk(v, out),
                _ => {}
            }
        }
    }
    let lesson = course.lesson(id);
    let mut out: Vec<SourceId> = Vec::new();
    for c in lesson.cites {
        if !out.contains(&c.source) {
            out.push(c.source);
        }
    }
    each_lesson_run(course, id, |r| walk(r, &mut out));
    out
}

/// Calls `f` with the rich text of a lesson's body in reading order: each heading, paragraph and
/// quotation, and each item of its lists (a reflection prompt holds none of the lesson's text).
pub fn each_lesson_run(course: &Course, id: LessonId, mut f: impl FnMut(Rich)) {
    for b in course.lesson(id).body {
        match b {
            Block::Heading(_, r) | Block::Paragraph(r) | Block::Quote(r) => f(r),
            Block::Bullets(v) | Block::Numbered(v) | Block::KeyPoints(v) => {
                v.iter().for_each(|r| f(r))
            }
            Block::Reflect(_) => {}
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_lessons_sources_are_its_main_ones_then_those_its_text_cites_each_once() {
        let c: &crate::model::Course = &crate::course::COURSE;
        for l in c.lesson_ids() {
            let got = super::lesson_sources(c, l);
            let mut main: Vec<_> = Vec::new();
            for x in c.lesson(l).cites {
                if !main.contains(&x.source) {
                    main.push(x.source);
                }
            }
            assert!(got.starts_with(&main));
            let mut seen = got.clone();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), got.len(), "each once");
        }
    }
}
