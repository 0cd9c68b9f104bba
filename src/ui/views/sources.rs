//! The sources: every work the course cites, one of them in focus when linked to.

use crate::course::COURSE;
use crate::model::SourceId;
use yew::prelude::*;

pub fn sources(focus: Option<SourceId>) -> Html {
    let h1_id = focus.is_none().then_some("view-heading");
    html! {
        <>
            <h1 id={h1_id} tabindex="-1">{"Sources"}</h1>
            <p class="lead">{"The course is written from these texts. Facts, figures and dates are cited to them; the wording is the course's own, apart from a few short quotations marked as such."}</p>
            <ol class="references">
                { for COURSE.source_ids().map(|s| {
                    let src = COURSE.source(s);
                    let here = focus == Some(s);
                    html! {
                        <li class={classes!("reference", here.then_some("target"))}>
                            <h2 id={if here { "view-heading".to_string() } else { format!("source-{}", src.id) }} tabindex="-1">{ src.short }</h2>
                            <p>
                                { src.authors }{ format!(" ({}). ", src.year) }
                                <cite>{ src.title }</cite>{". "}{ src.venue }{"."}
                            </p>
                            if !src.doi.is_empty() {
                                <p>{"DOI: "}<a href={format!("https://doi.org/{}", src.doi)} rel="noopener noreferrer">{ src.doi }</a></p>
                            }
                            if !src.url.is_empty() {
                                <p>{"Address: "}<a href={src.url} rel="noopener noreferrer">{ src.url }</a></p>
                            }
                            if !src.note.is_empty() {
                                <p class="meta">{ src.note }</p>
                            }
                            <p class="meta">{"Licence: "}{ src.licence }</p>
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
