//! Home, lessons, the glossary, sources, timeline and addresses that lead nowhere.

use super::*;

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

/// The lecturers' page: the warning about visible answers, an embed code with a title and a
/// sandbox, and every unit's outcomes, prompts, every question with its answer, and every ending.
#[test]
fn lecturers_page_has_the_embed_code_and_every_units_answers() {
    use hsc_course::engine::quiz::answer_words;
    let html = render(state_at("#/lecturers"));
    let t = text(&html);
    assert!(
        t.contains("answers included"),
        "the page says answers are visible"
    );
    let code = html
        .split(r#"<textarea id="embed-code""#)
        .nth(1)
        .unwrap_or("");
    assert!(
        code.contains(r#"&lt;iframe src="https://example.org/module/?embed#/""#),
        "the embed code"
    );
    assert!(code.contains(r#" title=""#) && code.contains(r#"sandbox="allow-scripts"#));
    // The preview (a second copy of the module) only when asked for: a button, and no frame yet.
    assert!(
        html.contains(r#"aria-expanded="false" aria-controls="embed-preview""#)
            && html.contains(">Show the preview</button>")
            && html.contains(r#"<div id="embed-preview"></div>"#)
            && !html.contains(r#"class="preview""#),
        "the preview's button, closed"
    );
    for u in COURSE.unit_ids() {
        let unit = COURSE.unit(u);
        for o in unit.outcomes {
            assert!(
                t.contains(&squash(&plain(&COURSE, o))),
                "{}: an outcome",
                unit.id
            );
        }
        for d in unit.discuss {
            assert!(
                t.contains(&squash(&plain(&COURSE, d))),
                "{}: a prompt",
                unit.id
            );
        }
        let n = COURSE.quiz(unit.quiz).questions.len();
        assert!(
            t.contains(&format!("Questions and answers ({n})")),
            "{}",
            unit.id
        );
        // The answers are built when the disclosure opens: rendered open here.
        let r = yew::LocalServerRenderer::<hsc_course::ui::views::UnitAnswers>::with_props(
            hsc_course::ui::views::UnitAnswersProps {
                unit: u,
                open: true,
            },
        )
        .hydratable(false);
        let answers = text(&futures::executor::block_on(r.render()));
        for &q in COURSE.quiz(unit.quiz).questions {
            let words = squash(&answer_words(&COURSE, COURSE.question(q)));
            assert!(
                answers.contains(&words),
                "{}: the answer {words}",
                COURSE.question(q).id
            );
        }
        for &s in unit.scenarios {
            for e in COURSE.scenario(s).nodes.iter().filter_map(|n| n.ending()) {
                assert!(t.contains(&squash(e.title)), "ending {}", e.title);
            }
        }
    }
}

/// Embedded: a compact header and no footer; with units chosen, only those on the home page; with
/// a pass mark set, the quiz says it.
#[test]
fn embed_settings_shape_the_page() {
    use hsc_course::engine::settings::Settings;
    let mut s = state_at("#/");
    s.settings = Settings::from_query(&COURSE, "?embed&units=history&pass=55");
    let html = render(s.clone());
    assert!(html.contains(r#"class="site-header compact""#));
    assert!(!html.contains("<footer"), "no footer when embedded");
    assert_eq!(
        html.matches(r#"<li class="card">"#).count(),
        1,
        "one unit shown"
    );
    assert!(text(&html).contains(COURSE.units[1].title));
    let quiz = COURSE.units[1].quiz;
    s.route = Route::Quiz(quiz);
    assert!(text(&render(s)).contains("Pass mark: 55 per cent"));
    let plain_page = render(state_at("#/"));
    assert!(plain_page.contains("<footer") && !plain_page.contains("compact"));
}
