//! "Search the course": a search box whose results, grouped by unit, follow each keystroke. The
//! engine finds (`engine::search`); this view lists, links and, once typing pauses, has the count
//! read out.

use std::fmt::Write;

use super::{crumbs, unit_label};
use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::search::{Index, Place, Results};
use crate::engine::state::{Action, AppState};
use crate::engine::text::escape_html_into as esc;
use crate::ui::hooks::use_app;
use crate::ui::rich::raw;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long typing must pause before the results change (short enough to feel immediate, long
/// enough that a run of keystrokes lays out one list, not one per key).
const SHOW_MS: u32 = 150;
/// How long typing must pause before the count is read out.
const SETTLE_MS: u32 = 900;

/// The page a result leads to. A question's page is its place in this learner's order.
fn route_of(state: &AppState, place: Place) -> Route {
    match place {
        Place::Lesson(l) => Route::Lesson(l),
        Place::Term(t) => Route::Term(t),
        Place::Event(_) => Route::Timeline,
        Place::Question(id) => {
            let quiz = COURSE.question(id).quiz;
            state
                .quiz_order(&COURSE, quiz)
                .iter()
                .position(|&q| q == id)
                .and_then(|n| u16::try_from(n).ok())
                .map_or(Route::Quiz(quiz), |n| Route::Question(quiz, n))
        }
    }
}

/// The results as markup (every piece of text escaped), one section per group: they change at
/// each keystroke and hold nothing that listens, so one parse does instead of a diff.
fn results_markup(state: &AppState, results: &Results) -> String {
    let mut out = String::new();
    for (n, g) in results.groups.iter().enumerate() {
        let title = g.unit.map_or_else(|| "Glossary".to_string(), unit_label);
        let _ = write!(
            out,
            "<section class=\"search-group\" aria-labelledby=\"results-{n}\"><h2 id=\"results-{n}\">"
        );
        esc(&mut out, &title);
        out.push_str("</h2><ul class=\"search-results\">");
        for h in &g.hits {
            out.push_str("<li><a href=\"");
            esc(&mut out, &route_of(state, h.place).href(&COURSE));
            out.push_str("\">");
            esc(&mut out, &h.title);
            out.push_str("</a><p class=\"snippet\">");
            esc(&mut out, &h.before);
            if !h.matched.is_empty() {
                out.push_str("<mark>");
                esc(&mut out, &h.matched);
                out.push_str("</mark>");
            }
            esc(&mut out, &h.after);
            out.push_str("</p></li>");
        }
        out.push_str("</ul></section>");
    }
    out
}

/// "12 results for “care act”", for the page and the live region.
fn count_words(r: &Results, query: &str) -> String {
    let q = query.trim();
    match r.total {
        0 => format!("No results for \u{201c}{q}\u{201d}. Try fewer words, or other words for the same thing."),
        1 => format!("1 result for \u{201c}{q}\u{201d}."),
        n if n > r.groups.iter().map(|g| g.hits.len()).sum() => format!(
            "{n} results for \u{201c}{q}\u{201d}; the first {} are listed. Add a word to narrow them.",
            r.groups.iter().map(|g| g.hits.len()).sum::<usize>()
        ),
        n => format!("{n} results for \u{201c}{q}\u{201d}."),
    }
}

#[component]
pub fn SearchPage() -> Html {
    let ctx = use_app();
    let index = use_memo((), |_| Index::new(&COURSE));
    // The words whose results are shown: the box's text once typing has paused for `SHOW_MS` (or
    // at once on Enter), so a keystroke costs only its echo in the box, never a new list.
    let query = use_state(String::new);
    let results = {
        let index = index.clone();
        use_memo((*query).clone(), move |q| index.find(&COURSE, q))
    };
    let markup = {
        let (results, ctx) = (results.clone(), ctx.clone());
        use_memo((*query).clone(), move |_| results_markup(&ctx.0, &results))
    };
    let said = if results.words.is_empty() {
        None
    } else {
        Some(count_words(&results, &query))
    };

    // Read the count out once typing pauses, not at every keystroke.
    {
        let ctx = ctx.clone();
        let timer = use_mut_ref(|| None::<Timeout>);
        let said = said.clone();
        use_effect_with(said, move |said| {
            timer.borrow_mut().take();
            if let Some(words) = said.clone() {
                *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
                    ctx.dispatch(Action::Announce(words))
                }));
            }
        });
    }

    let typed = use_mut_ref(String::new);
    let pending = use_mut_ref(|| None::<Timeout>);
    let oninput = {
        let (query, typed, pending) = (query.clone(), typed.clone(), pending.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let value = input.value();
                typed.borrow_mut().clone_from(&value);
                let query = query.clone();
                // A new keystroke drops the timer of the last one.
                *pending.borrow_mut() = Some(Timeout::new(SHOW_MS, move || query.set(value)));
            }
        })
    };
    let onsubmit = {
        let (query, typed, pending) = (query.clone(), typed.clone(), pending.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            pending.borrow_mut().take();
            query.set(typed.borrow().clone());
        })
    };
    html! {
        <>
            { crumbs(None, "Search") }
            <h1 id="view-heading" tabindex="-1">{"Search the course"}</h1>
            <form role="search" class="search-form" aria-label="The course" {onsubmit}>
                <label for="search-input">{"Words to find"}</label>
                <p class="hint" id="search-hint">{"Searches the lessons, the glossary, the timeline and the quiz questions. Results appear as you type; every word must be found."}</p>
                <input type="search" id="search-input" aria-describedby="search-hint search-count"
                    autocomplete="off" spellcheck="false" {oninput} />
            </form>
            <p id="search-count" class="meta">{ said.unwrap_or_default() }</p>
            { raw((*markup).clone()) }
        </>
    }
}
