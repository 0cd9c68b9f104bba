//! Rendering of the compiled rich text: inline runs and lesson blocks.
//!
//! Rich text is static: nothing in it listens to events or changes once shown. So it is written
//! as HTML markup (every piece of text escaped) and handed to Yew as raw HTML, which the browser
//! parses in one go. An entry or a block of a long page (the glossary, the timeline, a lesson) then
//! costs one parse instead of a Yew node, a diff and several calls into the browser per element;
//! the markup is the same as the elements would be. A lesson's blocks are markup each, so that a
//! long lesson can be shown a step at a time; a reflection box among them is a component.

use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::text::{cite_text, escape_html_into as esc, plain};
use crate::model::{Block, Citation, Inline, Paras, Rich};
use crate::ui::steps::{Part, Parts};
use yew::prelude::*;

/// Markup the module wrote itself (every piece of text escaped), as Yew content.
pub fn raw(markup: String) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup))
}

/// Fixed markup written in the source (its text already escaped), as Yew content: a run of
/// static elements costs one node this way, where `html!` builds each element in code.
pub fn markup(m: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(m))
}

pub fn rich(r: Rich) -> Html {
    let mut out = String::new();
    rich_into(&mut out, r);
    raw(out)
}

pub fn rich_into(out: &mut String, r: Rich) {
    rich_with(out, r, &mut Terms::Links);
}

/// How glossary terms are written: as links, or (in a lesson) as links with the term's definition
/// after its first use, shown only in print, where a link cannot be followed.
enum Terms {
    Links,
    /// Per term, whether it has been used already.
    FirstUse(Vec<bool>),
}

fn rich_with(out: &mut String, r: Rich, terms: &mut Terms) {
    for i in r {
        inline_into(out, i, terms);
    }
}

/// `<a href="…">text</a>`, both escaped.
pub fn link_into(out: &mut String, href: &str, text: &str) {
    out.push_str("<a href=\"");
    esc(out, href);
    out.push_str("\">");
    esc(out, text);
    out.push_str("</a>");
}

/// Citations as links to their sources, separated by semicolons.
pub fn cite_links_into(out: &mut String, cites: &[Citation]) {
    for (i, c) in cites.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        link_into(
            out,
            &Route::Source(c.source).href(&COURSE),
            &cite_text(&COURSE, c),
        );
    }
}

fn inline_into(out: &mut String, i: &Inline, terms: &mut Terms) {
    match i {
        Inline::Text(t) => esc(out, t),
        Inline::Emphasis(v) => {
            out.push_str("<em>");
            rich_with(out, v, terms);
            out.push_str("</em>");
        }
        Inline::Strong(v) => {
            out.push_str("<strong>");
            rich_with(out, v, terms);
            out.push_str("</strong>");
        }
        Inline::Cite(c) => {
            out.push_str("<span class=\"cite\">(");
            link_into(
                out,
                &Route::Source(c.source).href(&COURSE),
                &cite_text(&COURSE, c),
            );
            out.push_str(")</span>");
        }
        Inline::Term(t, words) => {
            out.push_str("<a class=\"term\" href=\"");
            esc(out, &Route::Term(*t).href(&COURSE));
            out.push_str("\" title=\"Glossary: ");
            esc(out, COURSE.term(*t).name);
            out.push_str("\">");
            esc(out, words);
            out.push_str("</a>");
            if let Terms::FirstUse(used) = terms {
                if let Some(u) = used.get_mut(t.index()).filter(|u| !**u) {
                    *u = true;
                    out.push_str("<span class=\"print-only term-expansion\"> [glossary: ");
                    esc(
                        out,
                        first_sentence(&plain(&COURSE, COURSE.term(*t).definition)),
                    );
                    out.push_str("]</span>");
                }
            }
        }
        Inline::Link(words, href) => {
            out.push_str("<a href=\"");
            esc(out, href);
            out.push_str("\" rel=\"noopener noreferrer\">");
            esc(out, words);
            out.push_str("</a>");
        }
    }
}

/// Up to the end of the first sentence (a full stop before a space and a capital), which is as much
/// of a definition as a reader wants in the middle of a paragraph.
fn first_sentence(text: &str) -> &str {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2))
        .find(|&i| b[i] == b'.' && b[i + 1] == b' ' && b[i + 2].is_ascii_uppercase())
        .map_or(text, |i| &text[..=i])
}

/// `<tag>rich</tag>`.
pub fn wrapped_into(out: &mut String, tag: &str, r: Rich) {
    wrapped_with(out, tag, r, &mut Terms::Links);
}

fn wrapped_with(out: &mut String, tag: &str, r: Rich, terms: &mut Terms) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    rich_with(out, r, terms);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

pub fn paras(p: Paras) -> Html {
    let mut out = String::new();
    for r in p {
        wrapped_into(&mut out, "p", r);
    }
    raw(out)
}

/// A lesson's blocks, each a part of the page shown a step at a time (see `ui::steps`): markup, or
/// a reflection box's component. Each glossary term's first use carries its definition for print
/// (see [`Terms`]).
pub fn blocks(b: &[Block]) -> Parts {
    let mut terms = Terms::FirstUse(vec![false; COURSE.terms.len()]);
    let mut parts = Vec::new();
    for block in b {
        if let Block::Reflect(id) = block {
            parts.push(Part {
                html: html! { <crate::ui::views::ReflectionBox id={*id} /> },
                weight: REFLECTION_WEIGHT,
            });
        } else {
            let mut out = String::new();
            block_into(&mut out, block, &mut terms);
            parts.push(Part::markup(out));
        }
    }
    parts.into()
}

/// About the length of a reflection box's markup.
const REFLECTION_WEIGHT: usize = 1_000;

fn items_into(out: &mut String, tag: &str, v: &[Rich], terms: &mut Terms) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    for r in v {
        wrapped_with(out, "li", r, terms);
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn block_into(out: &mut String, b: &Block, terms: &mut Terms) {
    match b {
        // A heading's terms stay links: the definition goes with the first use in running text.
        Block::Heading(2, r) => wrapped_into(out, "h2", r),
        Block::Heading(_, r) => wrapped_into(out, "h3", r),
        Block::Paragraph(r) => wrapped_with(out, "p", r, terms),
        Block::Bullets(v) => items_into(out, "ul", v, terms),
        Block::Numbered(v) => items_into(out, "ol", v, terms),
        Block::Quote(r) => {
            out.push_str("<blockquote>");
            wrapped_with(out, "p", r, terms);
            out.push_str("</blockquote>");
        }
        // Handled by `blocks`, which renders the component.
        Block::Reflect(_) => {}
        Block::KeyPoints(v) => {
            out.push_str("<aside class=\"key-points\" aria-label=\"Key points\"><h2 class=\"key-points-title\">Key points</h2>");
            items_into(out, "ul", v, terms);
            out.push_str("</aside>");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_definition_is_cut_after_its_first_sentence() {
        assert_eq!(super::first_sentence("One thing. Then more."), "One thing.");
        assert_eq!(super::first_sentence("No stop here"), "No stop here");
        assert_eq!(
            super::first_sentence("About £3.8 billion. Next."),
            "About £3.8 billion."
        );
        assert_eq!(super::first_sentence("Ends."), "Ends.");
    }
}
