//! The glossary: every term with its definition and sources, one of them in focus when linked to.

use crate::course::COURSE;
use crate::engine::order::sort_by;
use crate::engine::route::Route;
use crate::engine::steps::FIRST;
use crate::engine::text::escape_html_into as esc;
use crate::model::fold;
use crate::model::TermId;
use crate::ui::rich::{cite_links_into, link_into, wrapped_into};
use crate::ui::steps::{stepped, Part, Parts};
use yew::prelude::*;

pub fn glossary(focus: Option<TermId>) -> Html {
    let mut terms: Vec<(String, TermId)> = COURSE
        .term_ids()
        .map(|t| (fold(COURSE.term(t).name), t))
        .collect();
    sort_by(&mut terms, |a, b| a.0 < b.0);
    let terms: Vec<TermId> = terms.into_iter().map(|(_, t)| t).collect();
    let h1_id = focus.is_none().then_some("view-heading");
    let through = focus.and_then(|f| terms.iter().position(|&t| t == f));
    html! {
        <>
            <h1 id={h1_id} tabindex="-1">{"Glossary"}</h1>
            <p class="lead">{ format!("{} terms used in the course, in alphabetical order.", terms.len()) }</p>
            <div class="glossary">{ stepped(entries(&terms, focus), FIRST, through, 0) }</div>
        </>
    }
}

/// Every entry as markup (see `ui::rich`), shown a step at a time (see `ui::steps`).
fn entries(terms: &[TermId], focus: Option<TermId>) -> Parts {
    let mut parts = Vec::new();
    for &t in terms {
        let mut out = String::new();
        let term = COURSE.term(t);
        let here = focus == Some(t);
        // The section is named by its heading, whichever id the heading has.
        let heading_id = if here {
            "view-heading".to_string()
        } else {
            format!("term-{}", term.id)
        };
        out.push_str(if here {
            "<section class=\"term-entry target\""
        } else {
            "<section class=\"term-entry\""
        });
        out.push_str(" aria-labelledby=\"");
        esc(&mut out, &heading_id);
        out.push_str("\"><h2 id=\"");
        esc(&mut out, &heading_id);
        out.push_str("\" tabindex=\"-1\">");
        esc(&mut out, term.name);
        out.push_str("</h2>");
        wrapped_into(&mut out, "p", term.definition);
        if !term.cites.is_empty() {
            out.push_str("<p class=\"meta\">Source: ");
            cite_links_into(&mut out, term.cites);
            out.push_str("</p>");
        }
        if !term.see.is_empty() {
            out.push_str("<p class=\"meta\">See also: ");
            for (i, s) in term.see.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                link_into(
                    &mut out,
                    &Route::Term(*s).href(&COURSE),
                    COURSE.term(*s).name,
                );
            }
            out.push_str("</p>");
        }
        out.push_str("</section>");
        parts.push(Part::markup(out));
    }
    parts.into()
}
