//! The learner's own pages: reflections, progress code and file, the record, review and practice.

use super::*;

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
    assert!(
        html.contains("<dt>Lessons read</dt><dd>1 of 8</dd>"),
        "{html}"
    );
    assert!(
        html.contains("<dt>Reflections written</dt><dd>1</dd>"),
        "{html}"
    );
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
