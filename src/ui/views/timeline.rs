//! The timeline of events, filtered by unit, decade and words.

use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::steps::FIRST;
use crate::engine::text::escape_html_into as esc;
use crate::engine::timeline::{decades, filter, Filter};
use crate::model::EventId;
use crate::ui::effects;
use crate::ui::rich::{cite_links_into, link_into, wrapped_into};
use crate::ui::steps::{stepped, Part, Parts};
use yew::prelude::*;

use super::{select_value, unit_label};

/// The course timeline: every dated event, filterable by unit, decade and words.
#[component]
pub fn Timeline() -> Html {
    let f = use_state(Filter::default);
    let shown = filter(&COURSE, &f);
    let total = COURSE.events.len();
    // Say how many events the filter leaves, through the live region, when it changes.
    {
        let first = use_mut_ref(|| true);
        let count = shown.len();
        use_effect_with((*f).clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                effects::announce(&format!("{count} of {total} events shown."));
            }
        });
    }
    let on_unit = {
        let f = f.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            let unit = v
                .parse::<usize>()
                .ok()
                .and_then(|i| COURSE.unit_ids().nth(i));
            f.set(Filter {
                unit,
                ..(*f).clone()
            });
        })
    };
    let on_decade = {
        let f = f.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            f.set(Filter {
                decade: v.parse().ok(),
                ..(*f).clone()
            });
        })
    };
    let on_words = {
        let f = f.clone();
        Callback::from(move |e: InputEvent| {
            let words = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            f.set(Filter {
                words,
                ..(*f).clone()
            });
        })
    };
    let clear = {
        let f = f.clone();
        Callback::from(move |_: MouseEvent| f.set(Filter::default()))
    };
    let filtered = *f != Filter::default();
    html! {
        <>
            <h1 id="view-heading" tabindex="-1">{"Timeline"}</h1>
            <p class="lead">{ format!("{total} dated events from the sources, from {} to {}, each linked to the unit that teaches it.",
                COURSE.events.first().map_or(0, |e| e.year), COURSE.events.last().map_or(0, |e| e.year)) }</p>
            // Not a form: filters apply as they change, and a sandboxed iframe would block a submission.
            <div class="filters" role="group" aria-label="Filter the timeline">
                <p class="filter">
                    <label for="tl-unit">{"Unit"}</label>
                    <select id="tl-unit" onchange={on_unit}>
                        <option value="" selected={f.unit.is_none()}>{"All units"}</option>
                        { for COURSE.unit_ids().enumerate().map(|(i, u)| html! {
                            <option value={i.to_string()} selected={f.unit == Some(u)}>{ unit_label(u) }</option>
                        }) }
                    </select>
                </p>
                <p class="filter">
                    <label for="tl-decade">{"Decade"}</label>
                    <select id="tl-decade" onchange={on_decade}>
                        <option value="" selected={f.decade.is_none()}>{"All decades"}</option>
                        { for decades(&COURSE).into_iter().map(|d| html! {
                            <option value={d.to_string()} selected={f.decade == Some(d)}>{ format!("{d}s") }</option>
                        }) }
                    </select>
                </p>
                <p class="filter">
                    <label for="tl-words">{"Words"}</label>
                    <input type="search" id="tl-words" value={f.words.clone()} oninput={on_words} autocomplete="off" />
                </p>
                if filtered {
                    <p class="filter"><button type="button" class="button secondary" onclick={clear}>{"Show all events"}</button></p>
                }
            </div>
            <p id="tl-count" class="meta">{ format!("{} of {total} events shown.", shown.len()) }</p>
            if shown.is_empty() {
                <p>{"No event matches. Try fewer words, or another unit or decade."}</p>
            }
            <ol class="timeline" aria-labelledby="view-heading" aria-describedby="tl-count">
                { stepped(events(&shown), FIRST, None, 0) }
            </ol>
        </>
    }
}

/// The events shown, as markup (see `ui::rich`), a step at a time (see `ui::steps`).
fn events(shown: &[EventId]) -> Parts {
    let mut parts = Vec::new();
    for &id in shown {
        let mut out = String::new();
        let e = COURSE.event(id);
        out.push_str("<li class=\"tl-event\"><p class=\"tl-date\"><time datetime=\"");
        esc(&mut out, &e.date_iso());
        out.push_str("\">");
        esc(&mut out, &e.date_words());
        out.push_str("</time></p><h2 class=\"tl-title\">");
        esc(&mut out, e.title);
        out.push_str("</h2>");
        if !e.text.is_empty() {
            wrapped_into(&mut out, "p", e.text);
        }
        out.push_str("<p class=\"meta\">");
        link_into(
            &mut out,
            &Route::Unit(e.unit).href(&COURSE),
            &unit_label(e.unit),
        );
        out.push_str(". Source: ");
        cite_links_into(&mut out, e.cites);
        out.push_str("</p></li>");
        parts.push(Part::markup(out));
    }
    parts.into()
}
