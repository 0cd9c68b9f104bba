//! Rendering of the compiled rich text: inline runs and lesson blocks.

use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::text::cite_text;
use crate::model::{Block, Inline, Paras, Rich};
use yew::prelude::*;

pub fn rich(r: Rich) -> Html {
    html! { <>{ for r.iter().map(inline) }</> }
}

fn inline(i: &Inline) -> Html {
    match i {
        Inline::Text(t) => html! { {*t} },
        Inline::Emphasis(v) => html! { <em>{ rich(v) }</em> },
        Inline::Strong(v) => html! { <strong>{ rich(v) }</strong> },
        Inline::Cite(c) => {
            let href = Route::Source(c.source).href(&COURSE);
            let label = cite_text(&COURSE, c);
            html! { <span class="cite">{"("}<a href={href}>{label}</a>{")"}</span> }
        }
        Inline::Term(t, words) => {
            let href = Route::Term(*t).href(&COURSE);
            let def = COURSE.term(*t).name;
            html! { <a class="term" href={href} title={format!("Glossary: {def}")}>{*words}</a> }
        }
        Inline::Link(words, href) => {
            html! { <a href={*href} rel="noopener noreferrer">{*words}</a> }
        }
    }
}

pub fn paras(p: Paras) -> Html {
    html! { <>{ for p.iter().map(|r| html! { <p>{ rich(r) }</p> }) }</> }
}

pub fn blocks(b: &[Block]) -> Html {
    html! { <>{ for b.iter().map(block) }</> }
}

fn items(v: &[Rich]) -> Html {
    html! { <>{ for v.iter().map(|r| html! { <li>{ rich(r) }</li> }) }</> }
}

fn block(b: &Block) -> Html {
    match b {
        Block::Heading(2, r) => html! { <h2>{ rich(r) }</h2> },
        Block::Heading(_, r) => html! { <h3>{ rich(r) }</h3> },
        Block::Paragraph(r) => html! { <p>{ rich(r) }</p> },
        Block::Bullets(v) => html! { <ul>{ items(v) }</ul> },
        Block::Numbered(v) => html! { <ol>{ items(v) }</ol> },
        Block::Quote(r) => html! { <blockquote><p>{ rich(r) }</p></blockquote> },
        Block::Reflect(id) => html! { <crate::ui::views::ReflectionBox id={*id} /> },
        Block::KeyPoints(v) => html! {
            <aside class="key-points" aria-label="Key points">
                <h2 class="key-points-title">{"Key points"}</h2>
                <ul>{ items(v) }</ul>
            </aside>
        },
    }
}
