//! Quiz pages: each kind of question unanswered, wrong and right; results; a deferred quiz; feedback order.

use super::*;

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
    let refused = "Nothing was submitted. Say how sure you are of your answer to question 1: open it with the link in the list, choose how sure you are, then submit.";
    assert_eq!(s.announcement.text, refused);
    // Shown beside the button as well, and the answer wanting a sureness marked in the list.
    let t = text(&render(s.clone()));
    assert!(t.contains(&format!("Error: {refused}")), "{t}");
    assert!(
        t.contains("Error: How sure you are is not given yet."),
        "{t}"
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
