//! Server-side rendering of the main views, asserting on their HTML.

use hsc_course::course::COURSE;
use hsc_course::engine::grade::answer_key;
use hsc_course::engine::progress::Progress;
use hsc_course::engine::quiz::Confidence;
use hsc_course::engine::route::Route;
use hsc_course::engine::state::{Action, AppState, Storage};
use hsc_course::engine::text::plain;
use hsc_course::model::*;
use hsc_course::ui::{App, AppProps};
use yew::ServerRenderer;

fn render(state: AppState) -> String {
    let r = ServerRenderer::<App>::with_props(move || AppProps {
        initial: Some(state),
    })
    .hydratable(false);
    futures::executor::block_on(r.render())
}

fn state_at(hash: &str) -> AppState {
    let route = Route::parse(&COURSE, hash);
    assert_ne!(route, Route::NotFound, "{hash}");
    AppState::new(&COURSE, route, Progress::new(&COURSE), Storage::Saved)
}

/// The text content of some HTML: tags dropped, entities decoded, spaces collapsed.
fn text(html: &str) -> String {
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

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

fn first_unit() -> &'static Unit {
    COURSE.unit(COURSE.unit_ids().next().expect("a unit"))
}

#[test]
fn home_lists_units_with_progress_in_words() {
    let html = render(state_at("#/"));
    let h1 = html.split("<h1").nth(1).unwrap_or("");
    assert!(
        h1.starts_with(r#" id="view-heading" tabindex="-1">"#)
            || h1.starts_with(r#" tabindex="-1" id="view-heading">"#),
        "{h1}"
    );
    assert!(html.contains(&format!(r##"href="#/unit/{}""##, first_unit().id)));
    let t = text(&html);
    let total = COURSE.quiz(first_unit().quiz).questions.len();
    assert!(
        t.contains(&format!("0 of {total} answered correctly")),
        "{t}"
    );
    assert!(t.contains("Lesson: ○ not read yet"), "{t}");
    assert!(html.contains(r##"href="#main""##) && html.contains(r#"class="skip-link""#));
    assert!(html.contains(r#"<nav aria-label="Main">"#));
    assert!(!t.contains("will not be kept"));
}

/// Says how sure the learner is of a question's answer (the quiz asks before checking).
fn sure(s: &mut AppState, question: QuestionId, level: Confidence) {
    s.reduce(&COURSE, Action::SetConfidence { question, level });
}

#[test]
fn progress_shows_on_home_page() {
    let mut s = state_at("#/");
    let u = first_unit();
    s.reduce(&COURSE, Action::MarkRead(u.lesson, true));
    let q = COURSE.quiz(u.quiz).questions[0];
    for (i, o) in COURSE.question(q).options().iter().enumerate() {
        if o.correct {
            s.reduce(
                &COURSE,
                Action::Pick {
                    question: q,
                    option: i,
                },
            );
        }
    }
    sure(&mut s, q, Confidence::Medium);
    s.reduce(&COURSE, Action::Check(q));
    let t = text(&render(s));
    let total = COURSE.quiz(u.quiz).questions.len();
    assert!(t.contains("Lesson: ✓ read"), "{t}");
    assert!(
        t.contains(&format!("1 of {total} answered correctly")),
        "{t}"
    );
}

#[test]
fn storage_notice_when_progress_cannot_be_kept() {
    let mut s = state_at("#/");
    s.storage = Storage::Unavailable;
    let t = text(&render(s));
    assert!(t.contains("Your progress will not be kept here."), "{t}");
    assert!(t.contains("take a progress code"), "{t}");
}

#[test]
fn lesson_renders_blocks_citations_and_glossary_links() {
    let u = first_unit();
    let l = COURSE.lesson(u.lesson);
    let html = render(state_at(&format!("#/lesson/{}", l.id)));
    let headings = l
        .body
        .iter()
        .filter(|b| matches!(b, Block::Heading(2, _)))
        .count();
    // The lesson's own sections, plus the key points box and the "Main sources" section.
    assert!(count(&html, "<h2") > headings);
    let aside = html.split("<aside").nth(1).unwrap_or("");
    assert!(
        aside.contains(r#"class="key-points""#) && aside.contains(r#"aria-label="Key points""#)
    );
    assert!(html.contains(r##"<span class="cite">(<a href="#/sources/"##));
    assert!(html.contains(r##"href="#/glossary/"##) && html.contains(r#"class="term""#));
    assert!(text(&html).contains(&format!("{} words", l.words)));
    assert!(html.contains(r#"aria-pressed="false""#));
}

/// The `n`th question of quiz.txt, and the address of its place in the quiz as shown (shuffled
/// quizzes show their questions in the learner's order).
fn question_hash(n: usize) -> (QuestionId, String) {
    let quiz = COURSE.quiz(first_unit().quiz);
    let q = quiz.questions[n];
    let order = state_at("#/").quiz_order(&COURSE, first_unit().quiz);
    let pos = order
        .iter()
        .position(|x| *x == q)
        .expect("every question is shown");
    (q, format!("#/quiz/{}/{}", quiz.id, pos + 1))
}

#[test]
fn unanswered_question_has_labelled_inputs_and_no_feedback() {
    let (q, hash) = question_hash(0);
    let question = COURSE.question(q);
    let html = render(state_at(&hash));
    let kind = if question.kind == QuestionKind::Multiple {
        "checkbox"
    } else {
        "radio"
    };
    assert_eq!(
        count(&html, &format!(r#"type="{kind}" name="q-{}""#, question.id)),
        question.options().len()
    );
    // The quiz asks how sure the learner is: three more radios, in their own fieldset.
    assert_eq!(count(&html, r#"name="sureness""#), 3);
    assert!(text(&html).contains("How sure are you of this answer?"));
    for i in 0..question.options().len() {
        assert!(html.contains(&format!(r#"<label for="option-{i}">"#)));
    }
    assert!(html.contains(r#"<fieldset id="answer">"#) && html.contains("<legend"));
    assert!(text(&html).contains("Check answer"));
    assert!(!html.contains("feedback-heading"));
    assert!(!html.contains(r#"disabled="#));
}

#[test]
fn wrong_answer_shows_its_feedback_try_again_and_show_answer() {
    let (q, hash) = question_hash(0);
    let question = COURSE.question(q);
    let wrong = question
        .options()
        .iter()
        .position(|o| !o.correct)
        .expect("a wrong option");
    let mut s = state_at(&hash);
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q,
            option: wrong,
        },
    );
    // Checking before saying how sure is refused.
    s.reduce(&COURSE, Action::Check(q));
    assert!(s.attempt(q).graded.is_none());
    assert_eq!(
        s.announcement.text,
        "Say how sure you are of this answer before checking it."
    );
    sure(&mut s, q, Confidence::Medium);
    s.reduce(&COURSE, Action::Check(q));
    let html = render(s);
    let t = text(&html);
    assert!(html.contains(r#"id="feedback-heading""#));
    assert!(
        t.contains("You said: Fairly sure. Certainty-based mark: -2."),
        "{t}"
    );
    assert!(t.contains("Not correct"), "{t}");
    assert!(t.contains("Try again") && t.contains("Show the answer"));
    let fb = squash(&plain(&COURSE, question.options()[wrong].feedback));
    let first_words: String = fb.split(" (").next().unwrap_or(&fb).to_string();
    assert!(t.contains(&first_words), "feedback missing: {first_words}");
    assert!(t.contains("Your choice: not correct."));
    assert_eq!(
        count(&html, r#"disabled="disabled""#),
        question.options().len()
    );
}

#[test]
fn right_answer_explains_every_option() {
    let (q, hash) = question_hash(1);
    let question = COURSE.question(q);
    let mut s = state_at(&hash);
    s.progress_mut()
        .attempt_mut(q)
        .expect("a question of the course")
        .answer = answer_key(question);
    sure(&mut s, q, Confidence::High);
    s.reduce(&COURSE, Action::Check(q));
    let t = text(&render(s));
    assert!(t.contains("✓ Correct") || t.contains("Correct"), "{t}");
    assert!(
        t.contains("You said: Very sure. Certainty-based mark: +3."),
        "{t}"
    );
    assert!(!t.contains("Try again"));
    assert_eq!(
        t.matches("Right answer:").count(),
        question.options().iter().filter(|o| o.correct).count()
    );
    assert_eq!(
        t.matches("Wrong answer:").count(),
        question.options().iter().filter(|o| !o.correct).count()
    );
    assert!(t.contains("Next question"));
}

#[test]
fn results_page_scores_the_attempt() {
    let quiz = COURSE.quiz(first_unit().quiz);
    let mut s = state_at(&format!("#/quiz/{}/results", quiz.id));
    for &q in quiz.questions {
        s.progress_mut()
            .attempt_mut(q)
            .expect("a question of the course")
            .answer = answer_key(COURSE.question(q));
        sure(&mut s, q, Confidence::High);
        s.reduce(&COURSE, Action::Check(q));
    }
    let n = quiz.questions.len();
    let t = text(&render(s));
    assert!(t.contains("Your score: 100 per cent"), "{t}");
    assert!(t.contains("You passed."));
    assert!(t.contains("How well you knew what you knew"), "{t}");
    assert!(
        t.contains(&format!(
            "Certainty-based mark: {} out of a possible {} (average 3.0 per question).",
            3 * n,
            3 * n
        )),
        "{t}"
    );
    assert!(t.contains("You were never sure of a wrong answer"), "{t}");
    // The overall feedback is the highest band at or below the score.
    let band = quiz.bands.last().expect("the quiz has bands");
    let band_words = squash(&plain(&COURSE, band.text));
    assert!(t.contains(&band_words), "band missing: {band_words}\n{t}");
}

#[test]
fn results_list_where_the_learner_was_sure_but_wrong() {
    let quiz_id = first_unit().quiz;
    let quiz = COURSE.quiz(quiz_id);
    let mut s = state_at(&format!("#/quiz/{}/results", quiz.id));
    let order = s.quiz_order(&COURSE, quiz_id);
    // The first choice question shown is answered wrongly and very sure; the rest right and not sure.
    let wrong_at = order
        .iter()
        .position(|q| matches!(COURSE.question(*q).body, Body::Choices(_)))
        .expect("a choice question");
    for (pos, &q) in order.iter().enumerate() {
        let question = COURSE.question(q);
        if pos == wrong_at {
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
            sure(&mut s, q, Confidence::High);
        } else {
            s.progress_mut()
                .attempt_mut(q)
                .expect("a question of the course")
                .answer = answer_key(question);
            sure(&mut s, q, Confidence::Low);
        }
        s.reduce(&COURSE, Action::Check(q));
    }
    let n = order.len() as i32;
    let total = (n - 1) - 6;
    let t = text(&render(s));
    assert!(
        t.contains(&format!(
            "Certainty-based mark: {total} out of a possible {}",
            3 * n
        )),
        "{t}"
    );
    assert!(
        t.contains(&format!(
            "You were fairly or very sure, but wrong, on question {}.",
            wrong_at + 1
        )),
        "{t}"
    );
}

#[test]
fn scenario_from_intro_to_an_ending() {
    let sid = first_unit().scenarios[0];
    let sc = COURSE.scenario(sid);
    let hash = format!("#/scenario/{}", sc.id);
    let mut s = state_at(&hash);
    let t = text(&render(s.clone()));
    assert!(t.contains("Start the scenario"));
    for v in sc.vars {
        assert!(t.contains(v.label), "variable {} not described", v.id);
    }
    s.reduce(&COURSE, Action::StartScenario(sid));
    let html = render(s.clone());
    assert!(text(&html).contains("Decision 1"));
    let n = COURSE.scenario(sid).node(sc.start).choices().len();
    assert_eq!(count(&html, r#"class="button choice""#), n);
    // Always take the first choice until an ending.
    let mut steps = 0;
    while s.run(sid).is_some_and(|r| !r.at_ending(sc)) {
        s.reduce(
            &COURSE,
            Action::Choose {
                scenario: sid,
                choice: 0,
            },
        );
        steps += 1;
        assert!(steps < 50);
    }
    let html = render(s.clone());
    let t = text(&html);
    let run = s.run(sid).expect("a run");
    let ending = sc.node(run.node).ending().expect("an ending");
    assert!(t.contains(&format!("Ending: {}", ending.title)), "{t}");
    assert!(t.contains("Debrief") && t.contains("Your route through the scenario"));
    assert!(t.contains("What happened"));
    let decisions = html.split(r#"id="route-heading""#).nth(1).unwrap_or("");
    let list = decisions.split("</ol>").next().unwrap_or("");
    assert_eq!(count(list, r#"<li class="decision">"#), steps);
    assert_eq!(count(list, "✓ Your choice: "), steps);
    assert!(t.contains("Play again from the start"));
}

/// Takes the offered choice whose label starts with these words.
fn choose_by_label(s: &mut AppState, sid: ScenarioId, starts: &str) {
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

#[test]
fn scenario_back_undoes_the_last_decision() {
    let sid = first_unit().scenarios[0];
    let sc = COURSE.scenario(sid);
    let mut s = state_at(&format!("#/scenario/{}", sc.id));
    s.reduce(&COURSE, Action::StartScenario(sid));
    let start_html = render(s.clone());
    assert!(
        !text(&start_html).contains("Back one step"),
        "nothing to undo yet"
    );
    choose_by_label(&mut s, sid, "Put the care home bed to Mrs Hale");
    let html = render(s.clone());
    let t = text(&html);
    assert!(
        t.contains("Decision 2") && t.contains("What happened"),
        "{t}"
    );
    assert_eq!(count(&html, "Back one step"), 1);
    assert!(html.contains(r#"class="button secondary back""#));

    s.reduce(&COURSE, Action::BackScenario(sid));
    let html = render(s.clone());
    let t = text(&html);
    assert!(t.contains("Decision 1") && !t.contains("Decision 2"), "{t}");
    assert!(
        !html.contains("scenario-happened"),
        "no consequence after going back"
    );
    assert!(!t.contains("Back one step"));
    // The variables are as they were at the start.
    for v in sc.vars {
        assert!(
            t.contains(&format!("{} {} (scale", v.label, v.start)),
            "{} reset",
            v.id
        );
    }
    assert_eq!(
        html, start_html,
        "the page is as it was at the first decision"
    );
}

#[test]
fn scenario_ending_shows_score_and_path_map_with_the_options_offered() {
    let sid = first_unit().scenarios[0];
    let sc = COURSE.scenario(sid);
    let mut s = state_at(&format!("#/scenario/{}", sc.id));
    s.reduce(&COURSE, Action::StartScenario(sid));
    choose_by_label(&mut s, sid, "Put the care home bed to Mrs Hale");
    choose_by_label(&mut s, sid, "Go along with the ward");
    // What matters to Mrs Hale was never asked: the choice that builds on it is not offered here.
    let html = render(s.clone());
    assert!(!text(&html).contains("Put your record of what Mrs Hale told you"));
    choose_by_label(
        &mut s,
        sid,
        "Recommend that the placement becomes permanent",
    );
    let run = s.run(sid).expect("a run").clone();
    assert!(run.at_ending(sc));

    let html = render(s.clone());
    let t = text(&html);
    let score = sc.score.as_ref().expect("scored");
    let value = run.score(sc).expect("a score");
    assert!(t.contains(&format!("{}: {value}", score.label)), "{t}");
    assert!(t.contains(&format!(
        "scores at the endings range from {} to {}",
        score.min, score.max
    )));
    assert!(
        t.contains("Worked out as 3 × Mrs Hale's wellbeing + "),
        "{t}"
    );

    let map = html.split(r#"id="route-heading""#).nth(1).unwrap_or("");
    let list = map.split("</ol>").next().unwrap_or("");
    let items: Vec<&str> = list.split(r#"<li class="decision">"#).skip(1).collect();
    assert_eq!(items.len(), 3);
    for (n, (item, before)) in items.iter().zip(run.history(sc)).enumerate() {
        let it = text(item);
        assert!(it.starts_with(&format!("Decision {}", n + 1)), "{it}");
        assert_eq!(count(item, "✓ Your choice: "), 1, "{it}");
        assert_eq!(
            count(item, "Not chosen: "),
            before.offered(sc).len() - 1,
            "{it}"
        );
    }
    assert!(text(items[2]).contains("Your choice: Recommend that the placement becomes permanent"));
    assert!(
        !list.contains("Put your record of what Mrs Hale told you"),
        "a choice not offered is not listed"
    );
    let ending = sc.node(run.node).ending().expect("ending");
    assert!(text(map).contains(&format!("Where it led: {}.", ending.title)));
    assert!(t.contains("Back one step") && t.contains("Play again from the start"));
}

#[test]
fn glossary_and_sources_list_everything() {
    let t = text(&render(state_at("#/glossary")));
    for term in COURSE.terms {
        assert!(t.contains(term.name), "term {}", term.id);
    }
    let html = render(state_at("#/sources"));
    for s in COURSE.sources {
        assert!(text(&html).contains(s.short), "source {}", s.id);
        if !s.doi.is_empty() {
            assert!(html.contains(&format!(r#"href="https://doi.org/{}""#, s.doi)));
        }
    }
    // A deep link to one term puts the focus target on that term, not on the page heading.
    let term = &COURSE.terms[0];
    let html = render(state_at(&format!("#/glossary/{}", term.id)));
    assert_eq!(count(&html, r#"id="view-heading""#), 1);
    assert!(html.contains(r#"class="term-entry target""#));
}

#[test]
fn unknown_address_renders_not_found() {
    let s = AppState::new(
        &COURSE,
        Route::parse(&COURSE, "#/nowhere"),
        Progress::new(&COURSE),
        Storage::Saved,
    );
    let t = text(&render(s));
    assert!(t.contains("Page not found"));
}

/// The position (in the quiz as shown) of the first question of a kind, and its id.
fn first_of(kind: QuestionKind) -> (usize, QuestionId) {
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

fn question_state(pos: usize) -> AppState {
    state_at(&format!(
        "#/quiz/{}/{}",
        COURSE.quiz(first_unit().quiz).id,
        pos + 1
    ))
}

#[test]
fn every_kind_renders_its_own_labelled_controls() {
    let expect = [
        (QuestionKind::Ordering, r#"class="order""#, "Move up: "),
        (QuestionKind::Matching, "<select", "Choose a match…"),
        (
            QuestionKind::Categorise,
            r#"class="statement""#,
            r#"type="radio""#,
        ),
        (
            QuestionKind::Numeric,
            r#"inputmode="decimal""#,
            "Your answer",
        ),
        (
            QuestionKind::ShortText,
            r#"inputmode="text""#,
            "Your answer",
        ),
    ];
    for (kind, control, words) in expect {
        let (pos, id) = first_of(kind);
        let html = render(question_state(pos));
        assert!(html.contains(control), "{kind:?}: no {control}");
        assert!(html.contains(words), "{kind:?}: no {words}");
        assert!(
            html.contains(r#"id="answer""#) && html.contains("Check answer"),
            "{kind:?}"
        );
        let q = COURSE.question(id);
        // Every item to order, match or sort is on the page.
        for item in q.items() {
            let first_words = squash(&plain(&COURSE, item.label));
            assert!(
                text(&html).contains(first_words.split(" (").next().unwrap_or("")),
                "{kind:?}: item missing"
            );
        }
    }
}

#[test]
fn a_checked_ordering_marks_every_item_and_explains_the_order() {
    let (pos, id) = first_of(QuestionKind::Ordering);
    let mut s = question_state(pos);
    sure(&mut s, id, Confidence::Low);
    s.reduce(&COURSE, Action::Check(id));
    let html = render(s);
    let n = COURSE.question(id).items().len();
    let t = text(&html);
    assert!(t.contains("The right order:"));
    assert_eq!(
        t.matches("In the right place.").count() + t.matches("Belongs in place").count(),
        n
    );
    assert!(!html.contains("Move up: "), "no moving once checked");
}

#[test]
fn a_wrong_unit_is_explained() {
    let (pos, id) = first_of(QuestionKind::Numeric);
    let mut s = question_state(pos);
    s.reduce(
        &COURSE,
        Action::Type {
            question: id,
            text: "3.8 furlongs".into(),
        },
    );
    sure(&mut s, id, Confidence::Low);
    s.reduce(&COURSE, Action::Check(id));
    let t = text(&render(s));
    assert!(t.contains("Not correct"), "{t}");
    assert!(
        t.contains("That unit is not one this question takes"),
        "{t}"
    );
    assert!(t.contains("You wrote: 3.8 furlongs"));
}

#[test]
fn a_deferred_quiz_has_no_check_button_and_reviews_before_submitting() {
    let quiz_id = first_unit().quiz;
    let quiz = COURSE.quiz(quiz_id);
    let mut s = question_state(0);
    s.reduce(&COURSE, Action::SetMode(quiz_id, QuizMode::Deferred));
    let t = text(&render(s.clone()));
    assert!(!t.contains("Check answer"), "{t}");
    assert!(t.contains("You can change it until you submit the quiz."));
    let first = s.quiz_order(&COURSE, quiz_id)[0];
    s.progress_mut()
        .attempt_mut(first)
        .expect("a question of the course")
        .answer = answer_key(COURSE.question(first));
    s.progress_mut()
        .attempt_mut(first)
        .expect("a question of the course")
        .touched = true;
    s.route = Route::Results(quiz_id);
    let t = text(&render(s.clone()));
    assert!(
        t.contains(&format!("Review your answers: {}", quiz.title)),
        "{t}"
    );
    assert!(t.contains("Change your answer to question 1"));
    let unanswered = quiz.questions.len() - 1;
    assert!(
        t.contains(&format!(
            "{unanswered} questions are not answered yet and will count as zero."
        )),
        "{t}"
    );
    // An answer without a sureness holds the submission back.
    s.reduce(&COURSE, Action::Submit(quiz_id));
    assert!(!s.is_submitted(quiz_id));
    assert_eq!(
        s.announcement.text,
        "Say how sure you are for question 1 before submitting."
    );
    sure(&mut s, first, Confidence::High);
    s.reduce(&COURSE, Action::Submit(quiz_id));
    let t = text(&render(s));
    assert!(t.contains(&format!("Results: {}", quiz.title)), "{t}");
    let expected = 100 / quiz.questions.len();
    assert!(
        t.contains(&format!("Your score: {expected} per cent")),
        "{t}"
    );
}

#[test]
fn feedback_explains_options_in_the_order_the_learner_sees_them() {
    let (pos, id) = first_of(QuestionKind::Multiple);
    let mut s = question_state(pos);
    let q = COURSE.question(id);
    let order = s.option_order(&COURSE, id);
    assert_ne!(
        order,
        (0..q.options().len()).collect::<Vec<_>>(),
        "the quiz shuffles this question's options"
    );
    s.progress_mut()
        .attempt_mut(id)
        .expect("a question of the course")
        .answer = answer_key(q);
    s.progress_mut()
        .attempt_mut(id)
        .expect("a question of the course")
        .touched = true;
    s.reduce(
        &COURSE,
        Action::SetConfidence {
            question: id,
            level: Confidence::High,
        },
    );
    s.reduce(&COURSE, Action::Check(id));
    let html = render(s);
    let words = |o: usize| squash(&plain(&COURSE, q.options()[o].label));
    let at = |hay: &str, o: usize| {
        hay.find(&words(o))
            .unwrap_or_else(|| panic!("option {o} missing"))
    };
    let (options, feedback) = html
        .split_once(r#"id="feedback-heading""#)
        .expect("feedback shown");
    let (options, feedback) = (text(options), text(feedback));
    for pair in order.windows(2) {
        assert!(
            at(&options, pair[0]) < at(&options, pair[1]),
            "options in the learner's order"
        );
        assert!(
            at(&feedback, pair[0]) < at(&feedback, pair[1]),
            "feedback in the same order"
        );
    }
}

#[test]
fn the_timeline_lists_every_event_in_date_order_with_its_unit() {
    let html = render(state_at("#/timeline"));
    let t = text(&html);
    assert!(
        t.contains(&format!(
            "{n} of {n} events shown.",
            n = COURSE.events.len()
        )),
        "{t}"
    );
    assert_eq!(count(&html, r#"class="tl-event""#), COURSE.events.len());
    let mut last = String::new();
    for e in COURSE.events {
        assert!(
            html.contains(&format!(r#"datetime="{}""#, e.date_iso())),
            "{}",
            e.id
        );
        assert!(e.date_iso() >= last, "date order");
        last = e.date_iso();
    }
    for (id, label) in [
        ("tl-unit", "Unit"),
        ("tl-decade", "Decade"),
        ("tl-words", "Words"),
    ] {
        assert!(
            html.contains(&format!(r#"for="{id}""#)) && html.contains(&format!(r#"id="{id}""#)),
            "{label} is labelled"
        );
    }
    assert!(
        html.contains(r##"href="#/timeline""##),
        "the timeline is in the navigation"
    );
}

/// A learner who has read unit 1, got its first question wrong and written a reflection.
fn busy_learner(hash: &str) -> AppState {
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

#[test]
fn lessons_hold_a_reflection_box_with_a_label_limit_and_saved_text() {
    let u = first_unit();
    let s = busy_learner(&Route::Lesson(u.lesson).href(&COURSE));
    let html = render(s);
    let r = COURSE.reflection(COURSE.reflection_ids().next().expect("a prompt"));
    let field = format!("reflect-{}", r.id);
    assert!(html.contains(&format!("for=\"{field}\"")), "{html}");
    assert!(html.contains(&format!("id=\"{field}\"")));
    assert!(html.contains("maxlength=\"170\""));
    let t = text(&html);
    assert!(t.contains(&plain(&COURSE, r.prompt)), "{t}");
    assert!(
        t.contains("of 170 characters. Saved in this browser (23 November 2026)."),
        "{t}"
    );
}

#[test]
fn the_progress_page_says_where_progress_lives_and_offers_the_code() {
    let s = busy_learner("#/progress");
    let code = s.progress.encode(&COURSE);
    let html = render(s);
    let t = text(&html);
    assert!(t.contains("In this browser, on this device."), "{t}");
    assert!(t.contains("1 of 8 lessons read"), "{t}");
    assert!(t.contains("1 reflection written."), "{t}");
    // The code in the read-only box is the progress itself; the file link carries it too.
    assert!(html.contains("readonly"), "{html}");
    assert!(text(&html).contains(&code) || html.contains(&code.replace('&', "&amp;")));
    assert!(
        html.contains("download=\"hsc-progress-2026-11-23.txt\""),
        "{html}"
    );
    assert!(t.contains("Reset my progress…"));
    let mut blocked = busy_learner("#/progress");
    blocked.storage = Storage::Unavailable;
    let t = text(&render(blocked));
    assert!(t.contains("Nowhere yet"), "{t}");
}

#[test]
fn the_record_lists_answers_feedback_confidence_and_reflections_with_dates() {
    let s = busy_learner("#/record");
    let html = render(s);
    let t = text(&html);
    assert!(t.contains("Unit 1: "), "{t}");
    assert!(t.contains("Lesson read: "), "{t}");
    assert!(t.contains("Not correct"), "{t}");
    assert!(t.contains("How sure you were Very sure"), "{t}");
    assert!(t.contains("Mrs Hale's <discharge> & my notes"), "{t}");
    assert!(
        html.contains("<time datetime=\"2026-11-23\">23 November 2026</time>"),
        "{html}"
    );
    assert!(html.contains("download=\"learning-record-2026-11-23.html\""));
    assert!(html.contains("download=\"learning-record-2026-11-23.md\""));
}

#[test]
fn the_review_is_read_only_and_practice_offers_the_missed_question() {
    let u = first_unit();
    let s = busy_learner(&Route::Review(u.quiz).href(&COURSE));
    let html = render(s);
    assert!(!html.contains("<input"), "the review has no controls");
    assert!(
        text(&html).contains("Your answers to 1 of the"),
        "{}",
        text(&html)
    );
    let s = busy_learner("#/practice");
    let t = text(&render(s));
    assert!(t.contains("1 question due now."), "{t}");
    assert!(t.contains("Start practising"), "{t}");
}

#[test]
fn a_progress_file_yields_its_whole_code_even_across_line_breaks() {
    use hsc_course::ui::effects::code_in_file;
    let code = "hsc3;s=000001;r=abcd0009first\nline;k=wxyz";
    let file =
        format!("Progress code for the module, saved today.\r\nTo load it...\r\n\r\n{code}\r\n");
    assert_eq!(
        code_in_file(&file.replace('\n', "\r\n").replace("\r\r", "\r")),
        code
    );
    assert_eq!(code_in_file(&format!("{code}\n")), code);
    assert_eq!(code_in_file("  no code here  "), "no code here");
}

#[test]
fn practice_shows_when_the_question_comes_back() {
    let mut s = busy_learner("#/practice");
    s.reduce(&COURSE, Action::PracticeNext);
    let q = s.practising.expect("a question to practise");
    let question = COURSE.question(q);
    let right = question
        .options()
        .iter()
        .position(|o| o.correct)
        .expect("a right option");
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q,
            option: right,
        },
    );
    s.reduce(
        &COURSE,
        Action::SetConfidence {
            question: q,
            level: Confidence::Low,
        },
    );
    s.reduce(&COURSE, Action::Check(q));
    let t = text(&render(s));
    assert!(t.contains("It comes back for practice tomorrow."), "{t}");
    assert!(t.contains("Finish"), "{t}");
}
