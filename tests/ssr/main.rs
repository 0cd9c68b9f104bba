//! Server-side rendering of the views in given states, asserting on their HTML: the shared
//! helpers here, the tests by subject in the modules below.

mod learner;
mod pages;
mod quiz;
mod scenario;

use hsc_course::course::COURSE;
use hsc_course::engine::grade::answer_key;
use hsc_course::engine::progress::Progress;
use hsc_course::engine::quiz::Confidence;
use hsc_course::engine::route::Route;
use hsc_course::engine::state::{Action, AppState, Storage};
use hsc_course::engine::text::plain;
use hsc_course::model::*;
use hsc_course::ui::{App, AppProps};
use yew::LocalServerRenderer;

pub fn render(state: AppState) -> String {
    let r = LocalServerRenderer::<App>::with_props(AppProps {
        initial: Some(state),
    })
    .hydratable(false);
    futures::executor::block_on(r.render())
}

pub fn state_at(hash: &str) -> AppState {
    let route = Route::parse(&COURSE, hash);
    assert_ne!(route, Route::NotFound, "{hash}");
    AppState::new(&COURSE, route, Progress::new(&COURSE), Storage::Saved)
}

/// The text content of some HTML: tags dropped, entities decoded, spaces collapsed.
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

pub fn first_unit() -> &'static Unit {
    COURSE.unit(COURSE.unit_ids().next().expect("a unit"))
}

/// Says how sure the learner is of a question's answer (the quiz asks before checking).
pub fn sure(s: &mut AppState, question: QuestionId, level: Confidence) {
    s.reduce(&COURSE, Action::SetConfidence { question, level });
}

/// The `n`th question of quiz.txt, and the address of its place in the quiz as shown (shuffled
/// quizzes show their questions in the learner's order).
pub fn question_hash(n: usize) -> (QuestionId, String) {
    let quiz = COURSE.quiz(first_unit().quiz);
    let q = quiz.questions[n];
    let order = state_at("#/").quiz_order(&COURSE, first_unit().quiz);
    let pos = order
        .iter()
        .position(|x| *x == q)
        .expect("every question is shown");
    (q, format!("#/quiz/{}/{}", quiz.id, pos + 1))
}

/// Takes the offered choice whose label starts with these words.
pub fn choose_by_label(s: &mut AppState, sid: ScenarioId, starts: &str) {
    let sc = COURSE.scenario(sid);
    let run = s.run(sid).expect("a run");
    let choices = sc.node(run.node).choices();
    let choice = run
        .offered(sc)
        .into_iter()
        .find(|&i| plain(&COURSE, choices[i].label).starts_with(starts))
        .unwrap_or_else(|| {
            panic!(
                "no offered choice \"{starts}…\" at {}",
                sc.node(run.node).id
            )
        });
    s.reduce(
        &COURSE,
        Action::Choose {
            scenario: sid,
            choice,
        },
    );
}

/// The position (in the quiz as shown) of the first question of a kind, and its id.
pub fn first_of(kind: QuestionKind) -> (usize, QuestionId) {
    let quiz = COURSE.quiz(first_unit().quiz);
    let s = state_at("#/");
    let order = s.quiz_order(&COURSE, first_unit().quiz);
    let (pos, id) = order
        .iter()
        .enumerate()
        .find(|(_, q)| COURSE.question(**q).kind == kind)
        .map(|(i, q)| (i, *q))
        .unwrap_or_else(|| panic!("{} has no {kind:?} question", quiz.id));
    (pos, id)
}

pub fn question_state(pos: usize) -> AppState {
    state_at(&format!(
        "#/quiz/{}/{}",
        COURSE.quiz(first_unit().quiz).id,
        pos + 1
    ))
}

/// A learner who has read unit 1, got its first question wrong and written a reflection.
pub fn busy_learner(hash: &str) -> AppState {
    let mut s = state_at(hash);
    s.today = 20_780;
    let u = first_unit();
    s.reduce(&COURSE, Action::MarkRead(u.lesson, true));
    let q = COURSE.quiz(u.quiz).questions[0];
    let question = COURSE.question(q);
    let wrong = question
        .options()
        .iter()
        .position(|o| !o.correct)
        .expect("a wrong option");
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q,
            option: wrong,
        },
    );
    s.reduce(
        &COURSE,
        Action::SetConfidence {
            question: q,
            level: Confidence::High,
        },
    );
    s.reduce(&COURSE, Action::Check(q));
    let r = COURSE.reflection_ids().next().expect("a reflection prompt");
    s.reduce(
        &COURSE,
        Action::Reflect(r, "Mrs Hale's <discharge> & my notes".into()),
    );
    s
}
