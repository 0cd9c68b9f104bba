//! Properties of the real course, as embedded in the app.

use std::collections::BTreeSet;
use std::path::Path;

use hsc_course::compiler::compile;
use hsc_course::course::COURSE;
use hsc_course::engine::grade::{answer_key, grade, Answer, Outcome, Selection};
use hsc_course::engine::quiz::fresh_answer;
use hsc_course::engine::scenario::Run;
use hsc_course::model::*;

#[test]
fn the_seeds_compile_without_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    match compile(&dir) {
        Ok(c) => assert_eq!(c.questions.len(), COURSE.questions.len()),
        Err(d) => panic!(
            "{}",
            d.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn every_question_is_answerable_and_explained() {
    assert!(!COURSE.questions.is_empty());
    for id in COURSE.question_ids() {
        let q = COURSE.question(id);
        let key = answer_key(q);
        assert_eq!(
            grade(q, &key).map(|g| g.outcome),
            Some(Outcome::Correct),
            "{}: key does not grade correct",
            q.id
        );
        for (i, o) in q.options().iter().enumerate() {
            assert!(
                !o.feedback.is_empty(),
                "{}: option {} has no feedback",
                q.id,
                i + 1
            );
            let alone = grade(q, &Answer::Choices(Selection::only(i))).map(|g| g.outcome);
            if !o.correct {
                assert_eq!(
                    alone,
                    Some(Outcome::Incorrect),
                    "{}: wrong option {} alone must not score",
                    q.id,
                    i + 1
                );
            }
        }
        for (i, item) in q.items().iter().enumerate() {
            assert!(
                !item.feedback.is_empty(),
                "{}: item {} has no feedback",
                q.id,
                i + 1
            );
        }
        // Nobody starts from a right answer (an ordering is never presented already in order).
        assert_ne!(
            grade(q, &fresh_answer(&COURSE, id)).map(|g| g.outcome),
            Some(Outcome::Correct),
            "{} starts out correct",
            q.id
        );
        assert!(!q.cites.is_empty(), "{} cites no source", q.id);
        if q.kind == QuestionKind::TrueFalse {
            assert_eq!(q.options().len(), 2, "{}", q.id);
        }
    }
}

/// Every ending reachable from the start by some walk; every node can still reach an ending.
#[test]
fn every_scenario_ending_is_reachable_and_no_node_is_a_dead_end() {
    for sid in COURSE.scenario_ids() {
        let s = COURSE.scenario(sid);
        let mut reached = BTreeSet::new();
        // A situation: node, variables, nodes visited (conditions may depend on all three).
        let mut seen = BTreeSet::new();
        let mut stack = vec![Run::start(sid, s)];
        while let Some(run) = stack.pop() {
            let visited: BTreeSet<NodeId> = s.node_ids().filter(|n| run.visited(*n)).collect();
            if !seen.insert((run.node, run.vars.clone(), visited)) {
                continue;
            }
            if run.at_ending(s) {
                reached.insert(run.node);
                continue;
            }
            let offered = run.offered(s);
            assert!(
                !offered.is_empty(),
                "{}: node {} offers no way on with {:?}",
                s.id,
                s.node(run.node).id,
                run.vars
            );
            stack.extend(offered.into_iter().filter_map(|c| run.choose(s, c)));
        }
        let endings: BTreeSet<NodeId> = s
            .node_ids()
            .filter(|n| s.node(*n).ending().is_some())
            .collect();
        assert_eq!(reached, endings, "{}: some endings cannot be reached", s.id);
        assert!(endings.len() >= 2, "{} needs at least two endings", s.id);
    }
}

/// The shortest route to any ending takes at least three decisions; effects keep variables in range.
#[test]
fn scenarios_have_at_least_three_decisions_on_every_route() {
    for sid in COURSE.scenario_ids() {
        let s = COURSE.scenario(sid);
        let mut stack = vec![Run::start(sid, s)];
        let mut routes = 0;
        while let Some(run) = stack.pop() {
            assert!(run.path.len() <= 50, "{}: a route loops", s.id);
            for (v, value) in s.vars.iter().zip(&run.vars) {
                assert!(
                    (v.min..=v.max).contains(value),
                    "{}: {} out of range",
                    s.id,
                    v.id
                );
            }
            if run.at_ending(s) {
                routes += 1;
                assert!(
                    run.path.len() >= 3,
                    "{}: an ending after only {} decisions",
                    s.id,
                    run.path.len()
                );
                continue;
            }
            stack.extend(run.offered(s).into_iter().filter_map(|c| run.choose(s, c)));
        }
        assert!(routes >= 2);
    }
}

/// The unit 1 scenario uses conditions, a conditional route and a score, and every one of them
/// matters: each conditional choice is offered on some routes and not on others, each route is
/// taken on some, and the score range is the one reached at the endings.
#[test]
fn the_first_scenario_uses_conditions_routes_and_a_score() {
    let sid = COURSE
        .unit(COURSE.unit_ids().next().expect("a unit"))
        .scenarios[0];
    let s = COURSE.scenario(sid);
    let conditional: Vec<(NodeId, usize)> = s
        .node_ids()
        .flat_map(|n| {
            s.node(n)
                .choices()
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.when.is_always())
                .map(move |(i, _)| (n, i))
        })
        .collect();
    assert!(!conditional.is_empty(), "no conditional choice");
    let routed = s
        .nodes
        .iter()
        .flat_map(|n| n.choices())
        .filter(|c| c.goto.len() > 1)
        .count();
    assert!(routed >= 1, "no conditional route");
    let score = s.score.as_ref().expect("a score");

    let (mut offered, mut hidden) = (BTreeSet::new(), BTreeSet::new());
    let mut targets = BTreeSet::new();
    let (mut lo, mut hi) = (i32::MAX, i32::MIN);
    let mut stack = vec![Run::start(sid, s)];
    while let Some(run) = stack.pop() {
        if run.at_ending(s) {
            let v = run.score(s).expect("scored");
            lo = lo.min(v);
            hi = hi.max(v);
            continue;
        }
        for &(n, i) in &conditional {
            if n == run.node {
                if run.is_offered(s, i) {
                    offered.insert((n, i));
                } else {
                    hidden.insert((n, i));
                }
            }
        }
        for c in run.offered(s) {
            if let Some(next) = run.choose(s, c) {
                targets.insert((run.node, c, next.node));
                stack.push(next);
            }
        }
    }
    for k in &conditional {
        assert!(
            offered.contains(k) && hidden.contains(k),
            "{k:?} is always or never offered"
        );
    }
    for n in s.node_ids() {
        for (i, c) in s.node(n).choices().iter().enumerate() {
            for g in c.goto {
                assert!(
                    targets.contains(&(n, i, g.to)),
                    "a route to {} is never taken",
                    s.node(g.to).id
                );
            }
        }
    }
    assert_eq!((score.min, score.max), (lo, hi));
}

fn inlines(r: Rich, out: &mut Vec<Inline>) {
    for i in r {
        out.push(*i);
        if let Inline::Emphasis(v) | Inline::Strong(v) = i {
            inlines(v, out);
        }
    }
}

fn all_inlines() -> Vec<Inline> {
    let mut out = Vec::new();
    for l in COURSE.lessons {
        for b in l.body {
            match b {
                Block::Heading(_, r) | Block::Paragraph(r) | Block::Quote(r) => {
                    inlines(r, &mut out)
                }
                Block::Bullets(v) | Block::Numbered(v) | Block::KeyPoints(v) => {
                    v.iter().for_each(|r| inlines(r, &mut out))
                }
                Block::Reflect(r) => inlines(COURSE.reflection(*r).prompt, &mut out),
            }
        }
    }
    for q in COURSE.questions {
        inlines(q.prompt, &mut out);
        for o in q.options() {
            inlines(o.label, &mut out);
            inlines(o.feedback, &mut out);
        }
    }
    for s in COURSE.scenarios {
        s.intro.iter().for_each(|r| inlines(r, &mut out));
        for n in s.nodes {
            n.text.iter().for_each(|r| inlines(r, &mut out));
            for c in n.choices() {
                inlines(c.label, &mut out);
                inlines(c.consequence, &mut out);
            }
            if let Some(e) = n.ending() {
                e.debrief.iter().for_each(|r| inlines(r, &mut out));
            }
        }
    }
    for t in COURSE.terms {
        inlines(t.definition, &mut out);
    }
    out
}

#[test]
fn every_citation_and_glossary_link_resolves_and_every_source_is_used() {
    let all = all_inlines();
    let mut cited = BTreeSet::new();
    for i in &all {
        match i {
            Inline::Cite(c) => {
                assert!(c.source.index() < COURSE.sources.len());
                cited.insert(c.source);
            }
            Inline::Term(t, words) => {
                assert!(t.index() < COURSE.terms.len());
                assert!(!words.is_empty());
            }
            Inline::Link(_, href) => assert!(href.starts_with("https://")),
            _ => {}
        }
    }
    for q in COURSE.questions {
        cited.extend(q.cites.iter().map(|c| c.source));
    }
    for s in COURSE.source_ids() {
        assert!(
            cited.contains(&s),
            "source {} is never cited",
            COURSE.source(s).id
        );
    }
}

#[test]
fn every_glossary_term_is_used_somewhere() {
    let used: BTreeSet<TermId> = all_inlines()
        .into_iter()
        .filter_map(|i| {
            if let Inline::Term(t, _) = i {
                Some(t)
            } else {
                None
            }
        })
        .collect();
    for t in COURSE.term_ids() {
        assert!(
            used.contains(&t),
            "glossary term {} is never linked",
            COURSE.term(t).id
        );
    }
}

#[test]
fn the_first_unit_is_complete() {
    let u = COURSE.unit(COURSE.unit_ids().next().expect("a unit"));
    assert!(COURSE.lesson(u.lesson).words >= 800, "lesson too short");
    assert!(COURSE.quiz(u.quiz).questions.len() >= 8);
    assert!(!u.scenarios.is_empty());
    assert!(!u.outcomes.is_empty());
    assert_eq!(COURSE.schema, SCHEMA_VERSION);
    assert_eq!(COURSE.sources.len(), 5);
}

#[test]
fn the_course_uses_every_question_kind() {
    use QuestionKind::*;
    for kind in [
        Single, Multiple, TrueFalse, Ordering, Matching, Categorise, Numeric, ShortText,
    ] {
        assert!(
            COURSE.questions.iter().any(|q| q.kind == kind),
            "no {kind:?} question in the course"
        );
    }
}

/// The whole course: eight units, each complete, and the course-wide counts.
#[test]
fn the_full_course_meets_its_targets() {
    assert_eq!(COURSE.units.len(), 8, "eight units");
    assert!(
        COURSE.questions.len() >= 100,
        "{} questions",
        COURSE.questions.len()
    );
    assert!(
        COURSE.scenarios.len() >= 8,
        "{} scenarios",
        COURSE.scenarios.len()
    );
    assert!(
        COURSE.terms.len() >= 40,
        "{} glossary terms",
        COURSE.terms.len()
    );
    assert!(
        COURSE.events.len() >= 30,
        "{} timeline events",
        COURSE.events.len()
    );
    assert!(
        COURSE.events.first().is_some_and(|e| e.year <= 1974),
        "the timeline starts in the 1970s"
    );
    assert!(
        COURSE
            .events
            .iter()
            .all(|e| (1973..=2022).contains(&e.year)),
        "events from 1973 to 2022"
    );
    for u in COURSE.units {
        let lesson = COURSE.lesson(u.lesson);
        assert!(
            (800..=1500).contains(&lesson.words),
            "{}: lesson of {} words",
            u.id,
            lesson.words
        );
        let quiz = COURSE.quiz(u.quiz);
        assert!(
            quiz.questions.len() >= 12,
            "{}: {} questions",
            u.id,
            quiz.questions.len()
        );
        let kinds: BTreeSet<String> = quiz
            .questions
            .iter()
            .map(|q| format!("{:?}", COURSE.question(*q).kind))
            .collect();
        assert!(kinds.len() >= 4, "{}: question types {kinds:?}", u.id);
        assert!(!u.scenarios.is_empty(), "{}: no scenario", u.id);
        for &s in u.scenarios {
            let sc = COURSE.scenario(s);
            let endings = sc.nodes.iter().filter(|n| n.ending().is_some()).count();
            assert!(endings >= 3, "{}: {endings} endings", sc.id);
            let decisions = sc.nodes.len() - endings;
            assert!(decisions >= 4, "{}: {decisions} decision points", sc.id);
            assert!(!sc.vars.is_empty(), "{}: no variables", sc.id);
        }
        assert!(!u.outcomes.is_empty(), "{}: no learning outcomes", u.id);
        assert_eq!(u.discuss.len(), 2, "{}: two seminar prompts", u.id);
        assert!(
            COURSE.events.iter().any(|e| COURSE.unit(e.unit).id == u.id) || u.id == "meaning",
            "{}: no events",
            u.id
        );
    }
}

/// The longest route through a scenario (by decisions), found by walking every choice.
fn longest_route(s: ScenarioId) -> Vec<usize> {
    let sc = COURSE.scenario(s);
    fn walk(sc: &Scenario, run: &Run, route: &mut Vec<usize>, best: &mut Vec<usize>) {
        if route.len() > best.len() {
            *best = route.clone();
        }
        if route.len() >= 40 {
            return;
        }
        for c in run.offered(sc) {
            if let Some(next) = run.choose(sc, c) {
                route.push(c);
                walk(sc, &next, route, best);
                route.pop();
            }
        }
    }
    let mut best = Vec::new();
    walk(sc, &Run::start(s, sc), &mut Vec::new(), &mut best);
    best
}

/// Everything done, at its largest: every lesson read, every question answered with the longest
/// answer it can hold (and in practice, with confidence and tries), every quiz submitted, every
/// ending reached with the longest route under way, and every reflection written to the limit,
/// on dates years apart. Stored progress must fit SCORM 1.2's `suspend_data` (4,096 characters,
/// as a browser counts them) and read back the same.
#[test]
fn the_worst_case_progress_fits_scorm_suspend_data() {
    use hsc_course::engine::grade::Grade;
    use hsc_course::engine::progress::{
        Attempt, Progress, QuestionRecord, Written, REFLECTION_MAX, TYPED_NUMERIC_MAX,
        TYPED_TEXT_MAX,
    };
    use hsc_course::engine::quiz::Confidence;
    let mut p = Progress::new(&COURSE);
    p.seed = u32::MAX;
    let first = 19_000;
    let last = first + 4_000;
    for l in COURSE.lesson_ids() {
        p.set_read(l, true, first);
    }
    for q in COURSE.question_ids() {
        let question = COURSE.question(q);
        let answer = match question.body {
            Body::Choices(options) => Answer::Choices(Selection((1 << options.len()) - 1)),
            Body::Numeric(_) => Answer::Typed("9".repeat(TYPED_NUMERIC_MAX)),
            Body::ShortText { .. } => Answer::Typed("x".repeat(TYPED_TEXT_MAX)),
            _ => answer_key(question),
        };
        let attempt = Attempt {
            answer,
            graded: Some(Grade {
                outcome: Outcome::Incorrect,
                credit: 0,
            }),
            tries: 3,
            revealed: true,
            confidence: Some(Confidence::High),
            touched: true,
        };
        if let Some(r) = p.question_mut(q) {
            *r = QuestionRecord::stored(attempt, Some(Outcome::Partial), 3, last);
        }
    }
    p.submitted.iter_mut().for_each(|s| *s = true);
    for s in COURSE.scenario_ids() {
        let sc = COURSE.scenario(s);
        for n in sc.node_ids().filter(|n| sc.node(*n).ending().is_some()) {
            p.reach(s, n);
        }
        let route = longest_route(s);
        assert!(route.len() >= 3, "{}: {route:?}", sc.id);
        p.runs[s.index()] = Run::replay(s, sc, &route);
        p.played_on[s.index()] = last;
    }
    for r in COURSE.reflection_ids() {
        p.reflections[r.index()] = Some(Written {
            text: "w".repeat(REFLECTION_MAX),
            day: last,
        });
    }
    let text = p.encode(&COURSE);
    let length = text.encode_utf16().count();
    println!("worst case: {length} characters");
    assert!(length <= 4096, "worst case is {length} characters");
    // Read back, it is the same progress (the answers graded as their content says).
    let back = Progress::decode(&COURSE, &text).expect("the worst case decodes");
    assert_eq!(back.encode(&COURSE), text);
    assert_eq!(back.reflections, p.reflections);
    assert_eq!(back.runs, p.runs);
    let boxes =
        |p: &Progress| -> Vec<u8> { COURSE.question_ids().map(|q| p.practice_box(q)).collect() };
    assert_eq!(boxes(&back), boxes(&p));
    // The same with every reflection in two-unit characters: the limit counts them as a browser does.
    for w in p.reflections.iter_mut().flatten() {
        w.text = "👂".repeat(REFLECTION_MAX / 2);
    }
    assert!(p.encode(&COURSE).encode_utf16().count() <= 4096);
}

/// Stored progress names content by short tags: no two items of a kind may share one.
#[test]
fn content_tags_are_unique_within_each_kind() {
    use hsc_course::engine::progress::tag;
    fn unique<'a>(kind: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = std::collections::BTreeMap::new();
        for id in ids {
            if let Some(other) = seen.insert(tag(id), id) {
                panic!(
                    "{kind} ids \"{id}\" and \"{other}\" share the progress tag {}; rename one",
                    tag(id)
                );
            }
        }
    }
    unique("lesson", COURSE.lessons.iter().map(|l| l.id));
    unique("question", COURSE.questions.iter().map(|q| q.id));
    unique("scenario", COURSE.scenarios.iter().map(|s| s.id));
    unique("quiz", COURSE.quizzes.iter().map(|q| q.id));
    unique("reflection", COURSE.reflections.iter().map(|r| r.id));
    for s in COURSE.scenarios {
        unique(
            "ending",
            s.nodes
                .iter()
                .filter(|n| n.ending().is_some())
                .map(|n| n.id),
        );
    }
}

/// Typed answers are kept up to a length (so progress fits SCORM); every accepted answer and the
/// numeric answers must be typeable within it.
#[test]
fn every_accepted_answer_fits_the_typing_limit() {
    use hsc_course::engine::grade::format_number;
    use hsc_course::engine::progress::{TYPED_NUMERIC_MAX, TYPED_TEXT_MAX};
    for q in COURSE.questions {
        match &q.body {
            Body::ShortText { accepts, .. } => {
                for a in *accepts {
                    assert!(
                        a.text.encode_utf16().count() <= TYPED_TEXT_MAX,
                        "{}: {}",
                        q.id,
                        a.text
                    );
                }
            }
            Body::Numeric(n) => {
                let typed = format_number(n.answer, n.units.first().copied());
                assert!(
                    typed.encode_utf16().count() <= TYPED_NUMERIC_MAX,
                    "{}: {typed}",
                    q.id
                );
            }
            _ => {}
        }
    }
}
