//! One component per view; [`View`] picks the one for the current route.

mod display;
mod glossary;
mod home;
mod lecturers;
mod lesson;
mod progress;
mod quiz;
mod route_map;
mod scenario;
mod search;
mod sources;
mod timeline;

pub use display::display_page;
pub use glossary::glossary;
pub use home::{home, unit_page};
pub use lecturers::{LecturersPage, UnitAnswers, UnitAnswersProps};
pub use lesson::lesson_page;
pub use progress::{answers_review, record_page, PracticePage, ProgressPage, ReflectionBox};
pub use quiz::{quiz_page, results_page, QuestionPage};
pub use scenario::ScenarioPage;
pub use search::SearchPage;
pub use sources::sources;
pub use timeline::Timeline;

use super::hooks::use_app;
use crate::course::COURSE;
use crate::engine::route::Route;
use crate::model::UnitId;
use yew::prelude::*;

#[component]
pub fn View() -> Html {
    let ctx = use_app();
    // Here, where the page is rendered, and not in `App`: Yew may pause between rendering `App`
    // and rendering this, and focus must wait for the new page's heading.
    crate::ui::hooks::use_title_and_focus(&ctx);
    let ctx = &ctx;
    let page = match ctx.0.route {
        Route::Home => home(ctx),
        Route::Unit(unit) => unit_page(ctx, unit),
        Route::Lesson(lesson) => lesson_page(ctx, lesson),
        Route::Quiz(quiz) => quiz_page(ctx, quiz),
        Route::Question(quiz, index) => html! { <QuestionPage {quiz} {index} /> },
        Route::Results(quiz) => results_page(ctx, quiz),
        Route::Review(quiz) => answers_review(ctx, quiz),
        Route::Progress => html! { <ProgressPage /> },
        Route::Record => record_page(ctx),
        Route::Practice => html! { <PracticePage /> },
        Route::Scenario(scenario) => html! { <ScenarioPage {scenario} /> },
        Route::Timeline => html! { <Timeline /> },
        Route::Glossary => glossary(None),
        Route::Term(t) => glossary(Some(t)),
        Route::Sources => sources(None),
        Route::Source(s) => sources(Some(s)),
        Route::Lecturers => html! { <LecturersPage /> },
        Route::Display => display_page(ctx),
        Route::Search => html! { <SearchPage /> },
        Route::NotFound => html! {
            <>
                <h1 id="view-heading" tabindex="-1">{"Page not found"}</h1>
                <p>{"There is no page at this address in the course. It may have been mistyped, or the content it pointed to has moved."}</p>
                <p><a href="#/">{"Go to the course home"}</a></p>
            </>
        },
    };
    keyed(page, page_key(ctx.0.route))
}

/// Which page a route shows: a page is built afresh when this changes (as a component of another
/// type would be) and patched when only its id or state changes.
fn page_key(route: Route) -> &'static str {
    match route {
        Route::Home => "home",
        Route::Unit(_) => "unit",
        Route::Lesson(_) => "lesson",
        Route::Quiz(_) => "quiz",
        Route::Question(..) => "question",
        Route::Results(_) => "results",
        Route::Review(_) => "review",
        Route::Progress => "progress",
        Route::Record => "record",
        Route::Practice => "practice",
        Route::Scenario(_) => "scenario",
        Route::Timeline => "timeline",
        Route::Glossary | Route::Term(_) => "glossary",
        Route::Sources | Route::Source(_) => "sources",
        Route::Lecturers => "lecturers",
        Route::Display => "display",
        Route::Search => "search",
        Route::NotFound => "not-found",
    }
}

/// `page` under `key`, in a list of one: Yew then replaces, rather than patches, the elements of
/// a page of another key (its fields, their values and focus do not carry over).
fn keyed(page: Html, key: &'static str) -> Html {
    use yew::virtual_dom::{Key, VList};
    let one = VList::with_children(vec![page], Some(Key::from(key)));
    Html::VList(std::rc::Rc::new(VList::with_children(
        vec![Html::VList(std::rc::Rc::new(one))],
        None,
    )))
}

/// "Home › Unit 1: … › here": where the view sits in the course. A plain function, not a
/// component: it holds no state, and each component costs the wasm about 5 KB of Yew's code.
pub fn crumbs(unit: Option<UnitId>, here: &str) -> Html {
    html! {
        <nav aria-label="Breadcrumb" class="crumbs">
            <ol>
                <li><a href="#/">{"Home"}</a></li>
                if let Some(u) = unit {
                    <li><a href={Route::Unit(u).href(&COURSE)}>{ unit_label(u) }</a></li>
                }
                <li aria-current="page">{ here.to_string() }</li>
            </ol>
        </nav>
    }
}

pub fn unit_label(u: UnitId) -> String {
    format!("Unit {}: {}", u.index() + 1, COURSE.unit(u).title)
}

/// An error shown beside its control (as the GOV.UK error message pattern does), named by the
/// control's group through `aria-describedby`.
pub fn error_message(id: &'static str, text: Option<&str>) -> Html {
    match text {
        Some(text) => html! {
            <p class="error-message" {id}><span class="visually-hidden">{"Error: "}</span>{ text }</p>
        },
        None => html! {},
    }
}

/// The value of the `<select>` an event came from ("" if it came from something else).
pub fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}
