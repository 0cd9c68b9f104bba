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

pub use display::DisplayPage;
pub use glossary::Glossary;
pub use home::{Home, UnitPage};
pub use lecturers::{LecturersPage, UnitAnswers, UnitAnswersProps};
pub use lesson::LessonPage;
pub use progress::{AnswersReview, PracticePage, ProgressPage, RecordPage, ReflectionBox};
pub use quiz::{QuestionPage, QuizPage, ResultsPage};
pub use scenario::ScenarioPage;
pub use search::SearchPage;
pub use sources::Sources;
pub use timeline::Timeline;

use super::hooks::use_app;
use crate::course::COURSE;
use crate::engine::route::Route;
use crate::model::UnitId;
use yew::prelude::*;

#[component]
pub fn View() -> Html {
    let ctx = use_app();
    match ctx.0.route {
        Route::Home => html! { <Home /> },
        Route::Unit(unit) => html! { <UnitPage {unit} /> },
        Route::Lesson(lesson) => html! { <LessonPage {lesson} /> },
        Route::Quiz(quiz) => html! { <QuizPage {quiz} /> },
        Route::Question(quiz, index) => html! { <QuestionPage {quiz} {index} /> },
        Route::Results(quiz) => html! { <ResultsPage {quiz} /> },
        Route::Review(quiz) => html! { <AnswersReview {quiz} /> },
        Route::Progress => html! { <ProgressPage /> },
        Route::Record => html! { <RecordPage /> },
        Route::Practice => html! { <PracticePage /> },
        Route::Scenario(scenario) => html! { <ScenarioPage {scenario} /> },
        Route::Timeline => html! { <Timeline /> },
        Route::Glossary => html! { <Glossary focus={None::<crate::model::TermId>} /> },
        Route::Term(t) => html! { <Glossary focus={Some(t)} /> },
        Route::Sources => html! { <Sources focus={None::<crate::model::SourceId>} /> },
        Route::Source(s) => html! { <Sources focus={Some(s)} /> },
        Route::Lecturers => html! { <LecturersPage /> },
        Route::Display => html! { <DisplayPage /> },
        Route::Search => html! { <SearchPage /> },
        Route::NotFound => html! {
            <>
                <h1 id="view-heading" tabindex="-1">{"Page not found"}</h1>
                <p>{"There is no page at this address in the course. It may have been mistyped, or the content it pointed to has moved."}</p>
                <p><a href="#/">{"Go to the course home"}</a></p>
            </>
        },
    }
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

/// A status shown in words and a symbol, never by colour alone.
pub fn status(done: bool, yes: &str, no: &str) -> Html {
    if done {
        html! { <span class="status status-done"><span aria-hidden="true">{"✓ "}</span>{yes.to_string()}</span> }
    } else {
        html! { <span class="status status-todo"><span aria-hidden="true">{"○ "}</span>{no.to_string()}</span> }
    }
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
