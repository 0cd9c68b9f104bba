//! Rendering of the compiled rich text: inline runs and lesson blocks.
//!
//! Rich text is static: nothing in it listens to events or changes once shown. So it is written
//! as HTML markup (every piece of text escaped) and handed to Yew as raw HTML, which the browser
//! parses in one go. A long page (the glossary, the timeline, a lesson) then costs one parse
//! instead of a Yew node, a diff and several calls into the browser per element; the markup is the
//! same as the elements would be. Only a reflection box, which is a component, breaks a lesson's
//! blocks into separate runs of markup.

use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::text::{cite_text, escape_html_into as esc};
use crate::model::{Block, Citation, Inline, Paras, Rich};
use yew::prelude::*;

/// Markup the module wrote itself (every piece of text escaped), as Yew content.
pub fn raw(markup: String) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup))
}

pub fn rich(r: Rich) -> Html {
    let mut out = String::new();
    rich_into(&mut out, r);
    raw(out)
}

pub fn rich_into(out: &mut String, r: Rich) {
    for i in r {
        inline_into(out, i);
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

fn inline_into(out: &mut String, i: &Inline) {
    match i {
        Inline::Text(t) => esc(out, t),
        Inline::Emphasis(v) => {
            out.push_str("<em>");
            rich_into(out, v);
            out.push_str("</em>");
        }
        Inline::Strong(v) => {
            out.push_str("<strong>");
            rich_into(out, v);
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

/// `<tag>rich</tag>`.
pub fn wrapped_into(out: &mut String, tag: &str, r: Rich) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    rich_into(out, r);
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

/// A lesson's blocks: runs of markup, with each reflection box as its component.
pub fn blocks(b: &[Block]) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut out = String::new();
    for block in b {
        if let Block::Reflect(id) = block {
            if !out.is_empty() {
                parts.push(raw(std::mem::take(&mut out)));
            }
            parts.push(html! { <crate::ui::views::ReflectionBox id={*id} /> });
        } else {
            block_into(&mut out, block);
        }
    }
    if !out.is_empty() {
        parts.push(raw(out));
    }
    html! { <>{ for parts }</> }
}

fn items_into(out: &mut String, tag: &str, v: &[Rich]) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    for r in v {
        wrapped_into(out, "li", r);
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn block_into(out: &mut String, b: &Block) {
    match b {
        Block::Heading(2, r) => wrapped_into(out, "h2", r),
        Block::Heading(_, r) => wrapped_into(out, "h3", r),
        Block::Paragraph(r) => wrapped_into(out, "p", r),
        Block::Bullets(v) => items_into(out, "ul", v),
        Block::Numbered(v) => items_into(out, "ol", v),
        Block::Quote(r) => {
            out.push_str("<blockquote>");
            wrapped_into(out, "p", r);
            out.push_str("</blockquote>");
        }
        // Handled by `blocks`, which renders the component.
        Block::Reflect(_) => {}
        Block::KeyPoints(v) => {
            out.push_str("<aside class=\"key-points\" aria-label=\"Key points\"><h2 class=\"key-points-title\">Key points</h2>");
            items_into(out, "ul", v);
            out.push_str("</aside>");
        }
    }
}
