//! The glossary: every term with its definition and sources, one of them in focus when linked to.

use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::text::cite_text;
use crate::model::TermId;
use crate::ui::rich::rich;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    /// The term the address points at: it gets the focus and a highlight.
    pub focus: Option<TermId>,
}

#[component]
pub fn Glossary(props: &GlossaryProps) -> Html {
    let mut terms: Vec<TermId> = COURSE.term_ids().collect();
    terms.sort_by_key(|t| COURSE.term(*t).name.to_lowercase());
    let h1_id = props.focus.is_none().then_some("view-heading");
    html! {
        <>
            <h1 id={h1_id} tabindex="-1">{"Glossary"}</h1>
            <p class="lead">{ format!("{} terms used in the course, in alphabetical order.", terms.len()) }</p>
            <div class="glossary">
                { for terms.iter().map(|&t| {
                    let term = COURSE.term(t);
                    let here = props.focus == Some(t);
                    // The section is named by its heading, whichever id the heading has.
                    let heading_id = if here { "view-heading".to_string() } else { format!("term-{}", term.id) };
                    html! {
                        <section class={classes!("term-entry", here.then_some("target"))} aria-labelledby={heading_id.clone()}>
                            <h2 id={heading_id} tabindex="-1">
                                { term.name }
                            </h2>
                            <p>{ rich(term.definition) }</p>
                            if !term.cites.is_empty() {
                                <p class="meta">{"Source: "}{ for term.cites.iter().enumerate().map(|(i, c)| html! {
                                    <>
                                        if i > 0 { {"; "} }
                                        <a href={Route::Source(c.source).href(&COURSE)}>{ cite_text(&COURSE, c) }</a>
                                    </>
                                }) }</p>
                            }
                            if !term.see.is_empty() {
                                <p class="meta">{"See also: "}{ for term.see.iter().enumerate().map(|(i, s)| html! {
                                    <>
                                        if i > 0 { {", "} }
                                        <a href={Route::Term(*s).href(&COURSE)}>{ COURSE.term(*s).name }</a>
                                    </>
                                }) }</p>
                            }
                        </section>
                    }
                }) }
            </div>
        </>
    }
}
