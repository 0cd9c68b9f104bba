//! Unit tests of the engine against the test course compiled from `tests/fixtures/engine`.

use super::fixture::course;
use super::grade::{answer_key, grade, Answer, Outcome, Selection};
use super::progress::{DecodeError, Progress};
use super::route::Route;
use super::scenario::Run;
use super::state::{Action, AppState, Storage};
use crate::model::*;

fn q(i: u16) -> QuestionId {
    QuestionId(i)
}

fn ch(options: &[usize]) -> Answer {
    Answer::Choices(sel(options))
}

fn sel(options: &[usize]) -> Selection {
    options
        .iter()
        .fold(Selection::default(), |s, &o| s.toggled(o))
}

#[test]
fn single_choice_is_all_or_nothing() {
    let single = course().question(q(0));
    assert_eq!(grade(single, &Answer::Choices(Selection::default())), None);
    let right = grade(single, &ch(&[0])).unwrap();
    assert_eq!((right.outcome, right.credit), (Outcome::Correct, 100));
    let wrong = grade(single, &ch(&[1])).unwrap();
    assert_eq!((wrong.outcome, wrong.credit), (Outcome::Incorrect, 0));
    // Both chosen (impossible with radios, but a corrupt selection must not score).
    assert_eq!(
        grade(single, &ch(&[0, 1])).unwrap().outcome,
        Outcome::Incorrect
    );
}

#[test]
fn multiple_response_partial_credit() {
    let multi = course().question(q(1));
    let g = |o: &[usize]| grade(multi, &ch(o)).map(|g| (g.outcome, g.credit));
    assert_eq!(g(&[0, 1]), Some((Outcome::Correct, 100)));
    assert_eq!(g(&[0]), Some((Outcome::Partial, 50)));
    assert_eq!(g(&[0, 1, 2]), Some((Outcome::Partial, 50)));
    assert_eq!(g(&[0, 2]), Some((Outcome::Incorrect, 0)));
    assert_eq!(
        g(&[2, 3]),
        Some((Outcome::Incorrect, 0)),
        "negative totals floor at zero"
    );
    assert_eq!(g(&[0, 1, 2, 3]), Some((Outcome::Incorrect, 0)));
    assert_eq!(answer_key(multi), ch(&[0, 1]));
}

#[test]
fn true_false() {
    let tf = course().question(q(2));
    assert_eq!(grade(tf, &ch(&[1])).unwrap().outcome, Outcome::Correct);
    assert_eq!(grade(tf, &ch(&[0])).unwrap().outcome, Outcome::Incorrect);
}

#[test]
fn scenario_walks_reach_expected_endings_and_values() {
    let s = course().scenario(ScenarioId(0));
    let good = Run::replay(ScenarioId(0), s, &[0, 0]).unwrap();
    assert_eq!(s.node(good.node).id, "good");
    assert!(good.at_ending(s));
    // trust 9 + 1 reaches its maximum 10; wellbeing 5 + 2.
    assert_eq!(good.vars, vec![7, 10]);
    // Content whose "Talk" gives trust +3 (which the compiler rejects) is clamped at the maximum.
    let clamping = super::fixture::clamping_scenario();
    let clamped = Run::replay(ScenarioId(0), clamping, &[0, 0]).unwrap();
    assert_eq!(clamping.node(clamped.node).id, "good");
    assert_eq!(clamped.vars, vec![7, 10]);
    // And "Meet" (trust +1 at 10) leaves it there.
    let met = Run::replay(ScenarioId(0), clamping, &[0, 1, 0, 0]).unwrap();
    assert_eq!((clamping.node(met.node).id, met.vars), ("bad", vec![5, 10]));
    assert_eq!(good.path.len(), 2);

    let bad = Run::replay(ScenarioId(0), s, &[1]).unwrap();
    assert_eq!(s.node(bad.node).id, "bad");
    assert_eq!(bad.vars, vec![1, 9]);
    assert_eq!(
        bad.last_choice(s).map(|c| c.consequence),
        Some(&[Inline::Text("You wait.")][..])
    );

    // No choice 5 at the start, and nothing to choose at an ending.
    assert!(Run::replay(ScenarioId(0), s, &[5]).is_none());
    assert!(Run::replay(ScenarioId(0), s, &[1, 0]).is_none());
}

/// A walk: the choices (indices among all of a node's choices), the ending and the variables.
fn walk(choices: &[usize]) -> Run {
    let s = course().scenario(ScenarioId(0));
    Run::replay(ScenarioId(0), s, choices)
        .unwrap_or_else(|| panic!("walk {choices:?} is not possible"))
}

fn node_of(run: &Run) -> &'static str {
    course().scenario(ScenarioId(0)).node(run.node).id
}

#[test]
fn conditions_decide_which_choices_are_offered() {
    let s = course().scenario(ScenarioId(0));
    let start = Run::start(ScenarioId(0), s);
    // "Call the family" needs trust >= 9: trust starts at 9.
    assert_eq!(start.offered(s), vec![0, 1, 2]);
    // After "Talk" (trust 10) the middle node offers "Ask the family again" (family not visited).
    let middle = walk(&[0]);
    assert_eq!(node_of(&middle), "middle");
    assert_eq!(middle.offered(s), vec![0, 1]);
    // At the family node, "Meet" needs middle visited (or wellbeing above 9).
    let family_first = walk(&[2]);
    assert_eq!(node_of(&family_first), "family");
    assert_eq!(family_first.vars, vec![6, 7]);
    assert!(family_first.visited(NodeId(4)) && !family_first.visited(NodeId(1)));
    assert_eq!(family_first.offered(s), vec![1], "Meet is not offered yet");
    assert!(
        family_first.choose(s, 0).is_none(),
        "a choice not offered cannot be taken"
    );
    let family_later = walk(&[0, 1]);
    assert_eq!(family_later.offered(s), vec![0, 1]);
    // Back at the middle after visiting the family, "Ask the family again" is gone.
    let again = walk(&[0, 1, 0]);
    assert_eq!(node_of(&again), "middle");
    assert_eq!(again.offered(s), vec![0]);
    assert!(Run::replay(ScenarioId(0), s, &[0, 1, 0, 1]).is_none());
}

#[test]
fn routes_follow_the_first_condition_that_holds_after_the_effects() {
    // Plan: wellbeing +2, then "good if wellbeing >= 7", else "bad".
    let good = walk(&[0, 0]);
    assert_eq!((node_of(&good), good.vars.clone()), ("good", vec![7, 10]));
    // Talk, ask again (wellbeing 3), meet (trust +0: it stays at its maximum 10), plan: 5 < 7.
    let bad = walk(&[0, 1, 0, 0]);
    assert_eq!((node_of(&bad), bad.vars.clone()), ("bad", vec![5, 10]));
    assert_eq!(bad.path.len(), 4);
    let gave_up = walk(&[2, 1]);
    assert_eq!(
        (node_of(&gave_up), gave_up.vars.clone()),
        ("bad", vec![5, 7])
    );
}

#[test]
fn scores_are_the_weighted_sum_of_the_variables() {
    let s = course().scenario(ScenarioId(0));
    // score: 2*wellbeing + trust
    assert_eq!(walk(&[0, 0]).score(s), Some(2 * 7 + 10));
    assert_eq!(walk(&[1]).score(s), Some(2 + 9));
    assert_eq!(walk(&[0, 1, 0, 0]).score(s), Some(2 * 5 + 10));
    let sc = s.score.as_ref().expect("scored");
    assert_eq!(sc.value(&[]), 0, "missing values count as 0");
    assert_eq!(sc.value(&[i32::MAX, 1]), i32::MAX, "no overflow");
}

#[test]
fn back_undoes_one_decision_with_its_variables_and_visits() {
    let s = course().scenario(ScenarioId(0));
    let run = walk(&[0, 1]);
    assert_eq!((node_of(&run), run.vars.clone()), ("family", vec![3, 10]));
    let one = run.back(s).expect("one step back");
    assert_eq!(one, walk(&[0]));
    assert!(!one.visited(NodeId(4)), "the family is no longer visited");
    assert_eq!(
        one.offered(s),
        vec![0, 1],
        "so asking again is offered again"
    );
    let two = one.back(s).expect("two steps back");
    assert_eq!(two, Run::start(ScenarioId(0), s));
    assert!(two.back(s).is_none(), "nothing to undo at the start");
    // Back from an ending, then a different way on.
    let ended = walk(&[0, 0]);
    let undone = ended.back(s).expect("back from an ending");
    assert_eq!(node_of(&undone), "middle");
    assert_eq!(undone.choose(s, 1).map(|r| r.vars), Some(vec![3, 10]));
}

#[test]
fn history_gives_the_run_before_each_decision() {
    let s = course().scenario(ScenarioId(0));
    let run = walk(&[0, 1, 0, 0]);
    let h = run.history(s);
    let at: Vec<&str> = h.iter().map(node_of).collect();
    assert_eq!(at, ["start", "middle", "family", "middle"]);
    // What was offered at each decision, for the path map.
    let offered: Vec<Vec<usize>> = h.iter().map(|r| r.offered(s)).collect();
    assert_eq!(
        offered,
        vec![vec![0, 1, 2], vec![0, 1], vec![0, 1], vec![0]]
    );
    assert_eq!(h[2].vars, vec![3, 10]);
}

/// Progress with something of every kind: every question kind in every state, a run under way,
/// endings, reflections, dates and practice boxes.
fn busy_progress() -> Progress {
    use super::progress::Written;
    use super::quiz::Confidence;
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.today = 20_000;
    s.progress.seed = 4_000_000_000;
    s.reduce(course(), Action::MarkRead(LessonId(0), true));
    s.today = 20_005;
    // single: checked, wrong, with confidence, then shown.
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    s.reduce(course(), Action::ShowAnswer(q(0)));
    // multi: partly right, checked.
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    // tf: right, then being answered again would need a restart; leave it checked.
    s.reduce(
        course(),
        Action::Pick {
            question: q(2),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(2)));
    // order: moved but not checked (a draft).
    s.reduce(
        course(),
        Action::Move {
            question: q(3),
            position: 1,
            up: true,
        },
    );
    // match: wrong, try again, then gave up.
    for item in 0..course().question(q(4)).items().len() {
        s.reduce(
            course(),
            Action::Assign {
                question: q(4),
                item,
                value: Some(0),
            },
        );
    }
    s.reduce(course(), Action::Check(q(4)));
    s.reduce(course(), Action::TryAgain(q(4)));
    s.reduce(course(), Action::ShowAnswer(q(4)));
    // sort: one item left unassigned (a draft with a gap).
    s.reduce(
        course(),
        Action::Assign {
            question: q(5),
            item: 0,
            value: Some(1),
        },
    );
    // number and text: typed; text checked.
    s.reduce(
        course(),
        Action::Type {
            question: q(6),
            text: "12.5".into(),
        },
    );
    s.reduce(
        course(),
        Action::Type {
            question: q(7),
            text: "héllo; k=zz".into(),
        },
    );
    s.reduce(course(), Action::Check(q(7)));
    s.progress.attempts[0].confidence = Some(Confidence::High);
    // A scenario: one ending reached, a second run under way.
    let id = ScenarioId(0);
    s.reduce(course(), Action::StartScenario(id));
    for c in walk_to_ending(&s, id) {
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: c,
            },
        );
    }
    s.reduce(course(), Action::RestartScenario(id));
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    s.progress.reflections[0] = Some(Written {
        text: "Ask first; act second.\nThen: écouter 👂 ;k=".into(),
        day: 20_006,
    });
    s.progress.submitted[1] = true;
    s.progress
}

/// The choices of the first route to an ending, taking choice 0 where it is offered.
fn walk_to_ending(s: &AppState, id: ScenarioId) -> Vec<usize> {
    let sc = course().scenario(id);
    let mut run = s.run(id).cloned().unwrap_or_else(|| Run::start(id, sc));
    let mut out = Vec::new();
    while !run.at_ending(sc) {
        let c = run.offered(sc)[0];
        run = run.choose(sc, c).expect("an offered choice");
        out.push(c);
    }
    out
}

#[test]
fn progress_round_trips_everything() {
    let p = busy_progress();
    assert!(p.endings(ScenarioId(0)).len() == 1 && p.run(ScenarioId(0)).is_some());
    assert!(
        p.attempts.iter().any(|a| a.revealed)
            && p.attempts.iter().any(|a| a.graded.is_none() && a.touched)
    );
    let text = p.encode(course());
    assert!(text.starts_with("hsc3;"), "{text}");
    assert_eq!(Progress::decode(course(), &text), Ok(p.clone()));
    // Surrounding white space (a pasted code) does not matter.
    assert_eq!(Progress::decode(course(), &format!("  {text}\n")), Ok(p));
}

#[test]
fn a_blank_progress_is_short() {
    let mut p = Progress::new(course());
    p.seed = 1;
    let text = p.encode(course());
    assert!(text.len() < 24, "{text}");
    assert_eq!(Progress::decode(course(), &text), Ok(p));
}

#[test]
fn progress_from_versions_one_and_two_still_loads() {
    let mut p = Progress::new(course());
    p.set_read(LessonId(0), true, 0);
    p.record(q(0), Outcome::Correct);
    p.record(q(1), Outcome::Partial);
    p.reach(ScenarioId(0), NodeId(3));
    p.reach(ScenarioId(0), NodeId(2));
    let t = super::progress::tag;
    let v2 = format!(
        "hsc2;l={};q={}c{}p;e={}{}{}{}",
        t("lesson"),
        t("single"),
        t("multi"),
        t("scen"),
        t("good"),
        t("scen"),
        t("bad")
    );
    assert_eq!(Progress::decode(course(), &v2), Ok(p.clone()));
    let v1 = "hsc1;l=lesson;q=single:c,multi:p;e=scen/good,scen/bad";
    assert_eq!(Progress::decode(course(), v1), Ok(p));
}

#[test]
fn damaged_codes_are_refused_whole() {
    let text = busy_progress().encode(course());
    // Cut anywhere: refused.
    for cut in (0..text.chars().count()).step_by(7) {
        let short: String = text.chars().take(cut).collect();
        assert!(Progress::decode(course(), &short).is_err(), "{short:?}");
    }
    // One character changed: refused.
    let changed = text.replacen("q=", "q=1", 1);
    assert_eq!(
        Progress::decode(course(), &changed),
        Err(DecodeError::Damaged)
    );
}

#[test]
fn practice_follows_a_leitner_schedule() {
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.today = 100;
    // Missed in the quiz: into box 1, due at once.
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    // Right first time: not in practice.
    s.reduce(
        course(),
        Action::Pick {
            question: q(2),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(2)));
    assert_eq!(s.progress.best(q(2)), Some(Outcome::Correct));
    assert_eq!(s.due(course()), vec![q(0)]);
    // Practise: right, so box 2, back tomorrow.
    s.reduce(course(), Action::Navigate(Route::Practice));
    s.reduce(course(), Action::PracticeNext);
    assert_eq!(s.practising, Some(q(0)));
    assert_eq!(s.attempt(q(0)).graded, None, "practice asks afresh");
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    assert!(
        s.announcement
            .text
            .contains("comes back for practice tomorrow"),
        "{}",
        s.announcement.text
    );
    assert_eq!(s.progress.practice_box(q(0)), 2);
    assert!(s.due(course()).is_empty());
    s.reduce(course(), Action::PracticeNext);
    assert_eq!(s.practising, None);
    // Tomorrow: due; right again, box 3, three days.
    s.reduce(course(), Action::SetToday(101));
    assert_eq!(s.due(course()), vec![q(0)]);
    s.reduce(course(), Action::PracticeNext);
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    assert_eq!(
        (s.progress.practice_box(q(0)), s.progress.due_on(q(0))),
        (3, Some(104))
    );
    // A miss sends it back to box 1, due again at once.
    s.reduce(course(), Action::SetToday(104));
    s.reduce(course(), Action::PracticeNext);
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    assert_eq!(
        (s.progress.practice_box(q(0)), s.progress.due_on(q(0))),
        (1, Some(104))
    );
    // Three rights in a row, and it leaves the list.
    for day in [104, 105, 108] {
        s.reduce(course(), Action::SetToday(day));
        s.reduce(course(), Action::PracticeNext);
        assert_eq!(s.practising, Some(q(0)), "day {day}");
        s.reduce(
            course(),
            Action::Pick {
                question: q(0),
                option: 0,
            },
        );
        s.reduce(course(), Action::Check(q(0)));
    }
    assert_eq!(s.progress.practice_box(q(0)), 0);
    assert!(
        s.announcement.text.contains("Learned"),
        "{}",
        s.announcement.text
    );
    // The schedule survives encoding.
    let back = Progress::decode(course(), &s.progress.encode(course())).unwrap();
    assert_eq!(back, s.progress);
}

#[test]
fn practice_checks_at_once_even_in_a_deferred_quiz() {
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    let quiz = course().question(q(0)).quiz;
    s.reduce(course(), Action::SetMode(quiz, QuizMode::Deferred));
    s.progress.boxes[0] = 1;
    s.reduce(course(), Action::Navigate(Route::Practice));
    s.reduce(course(), Action::PracticeNext);
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    assert!(s.attempt(q(0)).graded.is_some());
    // Outside practice, the deferred quiz still waits for submission.
    s.reduce(course(), Action::Navigate(Route::Home));
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    assert!(s.attempt(q(1)).graded.is_none());
}

#[test]
fn reflections_are_clipped_kept_and_cleared() {
    use super::progress::REFLECTION_MAX;
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.today = 9;
    let r = ReflectionId(0);
    s.reduce(course(), Action::Reflect(r, "a\r\nb".into()));
    assert_eq!(
        s.progress.reflection(r).map(|w| (w.text.as_str(), w.day)),
        Some(("a\nb", 9))
    );
    s.reduce(
        course(),
        Action::Reflect(r, "é".repeat(REFLECTION_MAX + 50)),
    );
    assert_eq!(
        s.progress.reflection(r).map(|w| w.text.chars().count()),
        Some(REFLECTION_MAX)
    );
    // An emoji is two units in a browser: the limit counts them so.
    s.reduce(course(), Action::Reflect(r, "👂".repeat(REFLECTION_MAX)));
    assert_eq!(
        s.progress
            .reflection(r)
            .map(|w| w.text.encode_utf16().count()),
        Some(REFLECTION_MAX)
    );
    // Spaces are kept while typing (the box must not fight the learner), but are no reflection.
    s.reduce(course(), Action::Reflect(r, "  ".into()));
    assert_eq!(
        s.progress.reflection(r).map(|w| w.text.as_str()),
        Some("  ")
    );
    assert!(super::record::build(course(), &s.progress)
        .iter()
        .all(|sec| sec
            .entries
            .iter()
            .all(|e| !e.title.starts_with("Reflection"))));
    s.reduce(course(), Action::Reflect(r, String::new()));
    assert_eq!(s.progress.reflection(r), None);
}

#[test]
fn import_replaces_progress_and_refuses_bad_codes_without_change() {
    let busy = busy_progress();
    let code = busy.encode(course());
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.progress.seed = 5;
    s.reduce(course(), Action::Import("not a code".into()));
    assert!(s.announcement.text.starts_with("Nothing was changed"));
    assert!(s.progress.is_blank(course()));
    s.reduce(course(), Action::Import(code[..code.len() - 3].to_string()));
    assert!(
        s.announcement.text.contains("incomplete"),
        "{}",
        s.announcement.text
    );
    s.reduce(course(), Action::Import(code));
    assert_eq!(s.progress, busy);
    s.reduce(course(), Action::Reset);
    assert!(s.progress.is_blank(course()));
    assert_eq!(
        s.progress.seed, busy.seed,
        "the shuffle stays the learner's own"
    );
}

#[test]
fn the_record_lists_what_was_done_with_dates() {
    use super::record;
    let p = busy_progress();
    let sections = record::build(course(), &p);
    assert_eq!(sections.len(), 1);
    let titles: Vec<&str> = sections[0]
        .entries
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles[0], "Lesson read: Lesson");
    assert!(titles[1].starts_with("Reflection: What would you do?"));
    assert!(
        titles.iter().any(|t| t.starts_with("Scenario: ")),
        "{titles:?}"
    );
    let md = record::markdown(course(), &sections, 20_010);
    assert!(md.contains("*4 October 2024*"), "{md}");
    assert!(md.contains("made on 14 October 2024"), "{md}");
    assert!(md.contains("Then: écouter 👂 ;k="));
    let html = record::html(course(), &sections, 20_010);
    assert!(
        html.contains("<time datetime=\"2024-10-09\">9 October 2024</time>"),
        "{html}"
    );
    assert!(!html.contains("<script"));
}

#[test]
fn days_convert_both_ways() {
    use super::day;
    assert_eq!(day::from_civil(1970, 1, 1), 0);
    assert_eq!(day::from_civil(2024, 1, 1), 19_723);
    assert_eq!(day::from_civil(2026, 11, 23), 20_780);
    assert_eq!(day::to_civil(20_780), (2026, 11, 23));
    assert_eq!(day::words(day::from_civil(2024, 2, 29)), "29 February 2024");
    assert_eq!(day::iso(day::from_civil(2000, 3, 1)), "2000-03-01");
    for d in (0..80_000).step_by(37) {
        let (y, m, dd) = day::to_civil(d);
        assert_eq!(day::from_civil(y, m, dd), d);
    }
}

#[test]
fn tags_are_four_base36_characters_and_stable() {
    let t = super::progress::tag;
    assert_eq!(t("single"), t("single"));
    assert_ne!(t("single"), t("multi"));
    for id in ["", "a", "meaning-quiz", "x".repeat(300).as_str()] {
        let tag = t(id);
        assert_eq!(tag.len(), 4);
        assert!(
            tag.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()),
            "{tag}"
        );
    }
}

#[test]
fn a_thousand_corrupt_or_truncated_blobs_never_panic() {
    let good = busy_progress().encode(course());
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet: Vec<char> = "hsc123;=:,/lqezrkbs0123456789abcxyzAZ-_.é€\u{0}\n "
        .chars()
        .collect();
    for i in 0..1000 {
        let blob: String = match i % 4 {
            // Truncations of a real blob, at every length (on a character boundary).
            0 => good
                .chars()
                .take((next() % (good.len() as u64 + 1)) as usize)
                .collect(),
            // A real blob with one character replaced.
            1 => {
                let at = (next() % good.len() as u64) as usize;
                good.chars()
                    .enumerate()
                    .map(|(k, c)| {
                        if k == at {
                            alphabet[(next() % alphabet.len() as u64) as usize]
                        } else {
                            c
                        }
                    })
                    .collect()
            }
            // Random strings from the format's own characters, with either header.
            2 => {
                let head = ["hsc3;", "hsc2;", "hsc1;"][(next() % 3) as usize];
                let len = (next() % 60) as usize;
                head.chars()
                    .chain((0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]))
                    .collect()
            }
            // Random bytes as text.
            _ => (0..(next() % 80))
                .map(|_| char::from((next() % 256) as u8))
                .collect(),
        };
        // Decoding never panics; a damaged version-3 blob is always refused.
        let decoded = Progress::decode(course(), &blob);
        if blob.trim_start().starts_with("hsc3") && blob != good {
            assert!(decoded.is_err(), "{blob:?}");
        }
        if let Ok(d) = decoded {
            assert_eq!(d.lessons.len(), course().lessons.len(), "{blob:?}");
            assert_eq!(d.best.len(), course().questions.len(), "{blob:?}");
        }
    }
}

#[test]
fn progress_decoding_drops_unknown_content_and_rejects_garbage() {
    let p = Progress::decode(
        course(),
        "hsc1;l=gone,lesson;q=gone:c,tf:w;e=scen/middle,nope/good,scen/good",
    )
    .unwrap();
    assert!(p.is_read(LessonId(0)));
    assert_eq!(p.best(q(2)), Some(Outcome::Incorrect));
    // "middle" is not an ending, so it is not recorded as one.
    assert_eq!(p.endings(ScenarioId(0)), &[NodeId(2)]);
    assert_eq!(
        Progress::decode(course(), "{\"json\":1}"),
        Err(DecodeError::NotProgress)
    );
    assert!(matches!(
        Progress::decode(course(), "hsc1;q=single:x"),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        Progress::decode(course(), "hsc1;z=1"),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        Progress::decode(course(), "hsc1;l"),
        Err(DecodeError::Malformed(_))
    ));
    assert_eq!(
        Progress::decode(course(), "hsc1"),
        Ok(Progress::new(course()))
    );
}

#[test]
fn routes_parse_and_print() {
    let cases = [
        ("", Route::Home),
        ("#/", Route::Home),
        ("#/unit/unit", Route::Unit(UnitId(0))),
        ("#/lesson/lesson", Route::Lesson(LessonId(0))),
        ("#/quiz/quiz", Route::Quiz(QuizId(0))),
        ("#/quiz/quiz/3", Route::Question(QuizId(0), 2)),
        ("#/quiz/quiz/results", Route::Results(QuizId(0))),
        ("#/scenario/scen", Route::Scenario(ScenarioId(0))),
        ("#/glossary", Route::Glossary),
        ("#/glossary/term", Route::Term(TermId(0))),
        ("#/sources", Route::Sources),
        ("#/sources/src", Route::Source(SourceId(0))),
    ];
    for (hash, route) in cases {
        assert_eq!(Route::parse(course(), hash), route, "{hash}");
        if !hash.is_empty() && hash != "#/" {
            assert_eq!(route.href(course()), hash);
        }
    }
    for bad in [
        "#/unit/nope",
        "#/quiz/quiz/0",
        "#/quiz/quiz/4",
        "#/quiz/quiz/x",
        "#/what",
        "#/unit/unit/extra",
    ] {
        assert_eq!(Route::parse(course(), bad), Route::NotFound, "{bad}");
    }
}

fn state() -> AppState {
    AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    )
}

#[test]
fn checking_an_answer_grades_records_and_announces() {
    let mut s = state();
    s.reduce(course(), Action::Check(q(1)));
    assert_eq!(s.attempt(q(1)).graded, None);
    assert_eq!(s.announcement.text, "Choose an answer before checking it.");

    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 3,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    let a = s.attempt(q(1));
    assert_eq!(a.graded.map(|g| g.outcome), Some(Outcome::Incorrect));
    assert_eq!(a.tries, 1);
    assert_eq!(s.progress.best(q(1)), Some(Outcome::Incorrect));
    assert_eq!(
        s.announcement.text,
        "Not correct. A is right. D is wrong (Author 2020, p. 2)"
    );

    // Locked once checked: picking changes nothing until "try again".
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 1,
        },
    );
    assert_eq!(s.attempt(q(1)).selected(), sel(&[0, 3]));
    s.reduce(course(), Action::TryAgain(q(1)));
    assert_eq!(s.attempt(q(1)).selected(), Selection::default());
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    assert_eq!(s.attempt(q(1)).tries, 2);
    assert_eq!(s.progress.best(q(1)), Some(Outcome::Correct));
    assert!(s.announcement.text.starts_with("Correct."));
}

#[test]
fn single_choice_pick_replaces_and_show_answer_needs_an_attempt() {
    let mut s = state();
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    assert_eq!(s.attempt(q(0)).selected(), sel(&[0]));
    s.reduce(course(), Action::ShowAnswer(q(2)));
    assert!(
        !s.attempt(q(2)).revealed,
        "no answer shown before an attempt"
    );
    s.reduce(
        course(),
        Action::Pick {
            question: q(2),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(2)));
    s.reduce(course(), Action::ShowAnswer(q(2)));
    let a = s.attempt(q(2));
    assert!(a.revealed);
    // The learner's choice and grade stay theirs: showing the answer earns nothing.
    assert_eq!(a.selected(), sel(&[0]));
    assert_eq!(a.graded.map(|g| g.credit), Some(0));
    assert_eq!(s.quiz_score(course(), QuizId(0)), (0, 1));
    assert_eq!(s.announcement.text, "The answer: False.");
    // Giving up after "try again" (nothing chosen) counts as not correct.
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    s.reduce(course(), Action::TryAgain(q(1)));
    s.reduce(course(), Action::ShowAnswer(q(1)));
    assert_eq!(
        s.attempt(q(1)).graded.map(|g| (g.outcome, g.credit)),
        Some((Outcome::Incorrect, 0))
    );
    assert_eq!(
        s.progress.best(q(1)),
        Some(Outcome::Partial),
        "the record keeps the best real answer"
    );
    // Showing the answer does not improve the recorded result.
    assert_eq!(s.progress.best(q(2)), Some(Outcome::Incorrect));
    // An option index the question does not have is ignored.
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 9,
        },
    );
    assert_eq!(s.attempt(q(0)).selected(), sel(&[0]));
}

#[test]
fn quiz_score_and_restart() {
    let mut s = state();
    for (question, option) in [(0, 0), (1, 0), (2, 0)] {
        s.reduce(
            course(),
            Action::Pick {
                question: q(question),
                option,
            },
        );
        s.reduce(course(), Action::Check(q(question)));
    }
    // 100 + 50 + 0 over three questions.
    assert_eq!(s.quiz_score(course(), QuizId(0)), (50, 3));
    s.reduce(course(), Action::RestartQuiz(QuizId(0)));
    assert_eq!(s.quiz_score(course(), QuizId(0)), (0, 0));
    assert_eq!(
        s.progress.best(q(0)),
        Some(Outcome::Correct),
        "restarting keeps the record"
    );
}

#[test]
fn scenario_actions_record_endings() {
    let mut s = state();
    let id = ScenarioId(0);
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    assert!(s.run(id).is_none(), "no choice before the scenario starts");
    s.reduce(course(), Action::StartScenario(id));
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 1,
        },
    );
    assert_eq!(s.announcement.text, "You wait. Ending reached: Bad ending.");
    assert_eq!(s.progress.endings(id), &[NodeId(3)]);
    s.reduce(course(), Action::RestartScenario(id));
    assert_eq!(s.run(id).map(|r| r.path.len()), Some(0));
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    assert_eq!(s.announcement.text, "You talk.");
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    assert_eq!(s.progress.endings(id), &[NodeId(2), NodeId(3)]);
}

#[test]
fn back_in_the_reducer_restores_and_announces() {
    let mut s = state();
    let id = ScenarioId(0);
    let before = s.announcement.clone();
    s.reduce(course(), Action::BackScenario(id));
    assert_eq!(s.announcement, before, "no run: nothing happens");
    s.reduce(course(), Action::StartScenario(id));
    let started = s.announcement.clone();
    s.reduce(course(), Action::BackScenario(id));
    assert_eq!(s.announcement, started, "at the start: nothing to undo");
    for c in [0, 0] {
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: c,
            },
        );
    }
    assert_eq!(s.progress.endings(id), &[NodeId(2)]);
    s.reduce(course(), Action::BackScenario(id));
    assert_eq!(
        s.announcement.text,
        "Went back one step. Your last choice is undone. Decision 2."
    );
    assert_eq!(s.run(id), Some(&walk(&[0])));
    assert_eq!(
        s.progress.endings(id),
        &[NodeId(2)],
        "an ending reached stays reached"
    );
    // A choice that is not offered does nothing.
    let announced = s.announcement.clone();
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 2,
        },
    );
    assert_eq!(s.run(id), Some(&walk(&[0])));
    assert_eq!(s.announcement, announced);
}

#[test]
fn announcements_change_serial_even_when_words_repeat() {
    let mut s = state();
    s.reduce(course(), Action::Check(q(0)));
    let first = s.announcement.clone();
    s.reduce(course(), Action::Check(q(0)));
    assert_eq!(first.text, s.announcement.text);
    assert_ne!(first.serial, s.announcement.serial);
}

mod kinds {
    use super::super::fixture::course;
    use super::super::grade::{
        answer_key, grade, read_number, scrambled, Answer, Outcome, Reading,
    };
    use super::super::quiz::{answer_words, feedback_text};
    use crate::model::*;

    fn q(id: &str) -> &'static Question {
        course().questions[3..]
            .iter()
            .find(|q| q.id == id)
            .expect("fixture question")
    }

    fn g(question: &Question, a: Answer) -> Option<(Outcome, u8)> {
        grade(question, &a).map(|g| (g.outcome, g.credit))
    }

    #[test]
    fn ordering_earns_the_share_in_place() {
        let o = q("order");
        assert_eq!(
            g(o, Answer::Order(vec![0, 1, 2, 3])),
            Some((Outcome::Correct, 100))
        );
        assert_eq!(
            g(o, Answer::Order(vec![0, 1, 3, 2])),
            Some((Outcome::Partial, 50))
        );
        assert_eq!(
            g(o, Answer::Order(vec![1, 0, 3, 2])),
            Some((Outcome::Incorrect, 0))
        );
        assert_eq!(
            g(o, Answer::Order(vec![0, 1])),
            None,
            "a wrong-sized order is not gradable"
        );
        assert_eq!(answer_key(o), Answer::Order(vec![0, 1, 2, 3]));
        assert_eq!(
            answer_words(course(), o),
            "First, then Second, then Third, then Fourth"
        );
    }

    #[test]
    fn scrambled_orders_are_permutations_and_never_already_right() {
        for len in 2..=8usize {
            for seed in 0..200u64 {
                let v = scrambled(len, seed);
                let mut sorted = v.clone();
                sorted.sort_unstable();
                assert_eq!(
                    sorted,
                    (0..len as u8).collect::<Vec<_>>(),
                    "len {len} seed {seed}"
                );
                assert!(
                    v.iter().enumerate().any(|(i, x)| usize::from(*x) != i),
                    "len {len} seed {seed} is in order"
                );
            }
        }
    }

    #[test]
    fn matching_and_categorising_need_every_item_and_give_shares() {
        let m = q("match");
        assert_eq!(g(m, Answer::Assign(vec![Some(1), None])), None);
        assert_eq!(
            g(m, Answer::Assign(vec![Some(1), Some(0)])),
            Some((Outcome::Correct, 100))
        );
        assert_eq!(
            g(m, Answer::Assign(vec![Some(1), Some(1)])),
            Some((Outcome::Partial, 50))
        );
        let c = q("sort");
        assert_eq!(
            g(c, Answer::Assign(vec![Some(0), Some(0), Some(0)])),
            Some((Outcome::Partial, 66))
        );
        assert_eq!(
            g(c, Answer::Assign(vec![Some(1), Some(0), Some(1)])),
            Some((Outcome::Incorrect, 0))
        );
        assert_eq!(
            answer_words(course(), c),
            "Nursing: Health; Home care: Social; Surgery: Health"
        );
        let a = Answer::Assign(vec![Some(0), Some(0), Some(0)]);
        let grade_ = grade(c, &a).expect("gradable");
        assert_eq!(
            feedback_text(course(), c, &a, grade_),
            "Partly correct: 66 per cent. 2 of 3 are right."
        );
    }

    #[test]
    fn numbers_within_tolerance_with_accepted_units() {
        let n = q("number");
        for right in [
            "3.8",
            " 3.8 ",
            "£3.8",
            "3.8 billion",
            "£3.8bn",
            "3.84",
            "3.75",
            "3.8 Billion",
        ] {
            assert_eq!(
                g(n, Answer::Typed(right.into())).map(|x| x.0),
                Some(Outcome::Correct),
                "{right}"
            );
        }
        for wrong in ["3.9", "38", "3.8 million", "-3.8"] {
            assert_eq!(
                g(n, Answer::Typed(wrong.into())).map(|x| x.0),
                Some(Outcome::Incorrect),
                "{wrong}"
            );
        }
        for not_a_number in ["", "about four", "£", "."] {
            assert_eq!(
                g(n, Answer::Typed(not_a_number.into())),
                None,
                "{not_a_number}"
            );
        }
        assert_eq!(
            read_number("3,800 bn", &["bn"]),
            Some(Reading::Number(38_000_000))
        );
        assert_eq!(
            read_number("3.8 million", &["bn"]),
            Some(Reading::WrongUnit(38_000))
        );
        assert_eq!(
            read_number("-0.00005", &[]),
            Some(Reading::Number(-1)),
            "rounded at the fifth place"
        );
        assert_eq!(read_number("1.2.3", &[]), None);
        assert_eq!(
            read_number("99999999999999999999", &[]),
            None,
            "overflow is not a number"
        );
        let a = Answer::Typed("3.8 million".into());
        let grade_ = grade(n, &a).expect("gradable");
        assert_eq!(
            feedback_text(course(), n, &a, grade_),
            "Not correct. That unit is not one this question takes; answer in billion or bn. It was 3.8 billion."
        );
        assert_eq!(
            answer_words(course(), n),
            "3.8 billion (answers within 0.05 are accepted)"
        );
    }

    #[test]
    fn decimals_parse_and_print_exactly() {
        use crate::model::{format_decimal, parse_decimal};
        for (text, v) in [
            ("3.8", 38_000),
            ("0.05", 500),
            ("12", 120_000),
            ("-1.25", -12_500),
            (".5", 5_000),
            ("3,800", 38_000_000),
        ] {
            assert_eq!(parse_decimal(text), Some(v), "{text}");
        }
        for (v, text) in [
            (38_000, "3.8"),
            (500, "0.05"),
            (120_000, "12"),
            (-12_500, "-1.25"),
            (1, "0.0001"),
            (0, "0"),
        ] {
            assert_eq!(format_decimal(v), text);
        }
        for bad in ["", ".", "-", "1e5", "abc", "1.2.3"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn short_text_ignores_case_spacing_and_punctuation() {
        let t = q("text");
        for right in [
            "Leutz",
            "leutz",
            "  LEUTZ. ",
            "walter   leutz!",
            "Walter-Leutz",
        ] {
            assert_eq!(
                g(t, Answer::Typed(right.into())).map(|x| x.0),
                Some(Outcome::Correct),
                "{right}"
            );
        }
        assert_eq!(
            g(t, Answer::Typed("Glasby".into())).map(|x| x.0),
            Some(Outcome::Incorrect)
        );
        assert_eq!(g(t, Answer::Typed(" ?! ".into())), None);
        let a = Answer::Typed("walter leutz".into());
        assert_eq!(
            feedback_text(course(), t, &a, grade(t, &a).expect("gradable")),
            "Correct. Yes, Walter Leutz."
        );
    }
}

mod kind_actions {
    use super::super::fixture::course;
    use super::super::grade::{Answer, Outcome};
    use super::super::progress::Progress;
    use super::super::quiz::{fresh_answer, seed};
    use super::super::route::Route;
    use super::super::state::{Action, AppState, Storage};
    use crate::model::*;

    fn id(name: &str) -> QuestionId {
        course().find_question(name).expect("fixture question")
    }

    /// The second fixture quiz, run in immediate mode (it is deferred in the content).
    fn state() -> AppState {
        let mut s = AppState::new(
            course(),
            Route::Home,
            Progress::new(course()),
            Storage::Saved,
        );
        s.reduce(
            course(),
            Action::SetMode(QuizId(1), crate::model::QuizMode::Immediate),
        );
        s
    }

    /// Checks an answer after saying how sure (the quiz asks for it).
    fn check(s: &mut AppState, q: QuestionId) {
        s.reduce(
            course(),
            Action::SetConfidence {
                question: q,
                level: super::super::quiz::Confidence::High,
            },
        );
        s.reduce(course(), Action::Check(q));
    }

    #[test]
    fn ordering_moves_items_with_buttons_and_announces_the_new_place() {
        let q = id("order");
        let mut s = state();
        let Answer::Order(start) = s.attempt(q).answer else {
            panic!("ordering answer")
        };
        assert_eq!(Answer::Order(start.clone()), fresh_answer(course(), q));
        assert_ne!(
            start,
            vec![0, 1, 2, 3],
            "never starts in order (seed {})",
            seed(course().question(q))
        );
        // Bubble the items into order with "move up" only, as a keyboard user would.
        for _ in 0..8 {
            let Answer::Order(cur) = s.attempt(q).answer else {
                unreachable!()
            };
            if let Some(pos) = (1..cur.len()).find(|&p| cur[p] < cur[p - 1]) {
                s.reduce(
                    course(),
                    Action::Move {
                        question: q,
                        position: pos,
                        up: true,
                    },
                );
                assert!(
                    s.announcement.text.ends_with(&format!("now {} of 4.", pos)),
                    "{}",
                    s.announcement.text
                );
            }
        }
        assert_eq!(s.attempt(q).answer, Answer::Order(vec![0, 1, 2, 3]));
        // Moving past either end changes nothing.
        s.reduce(
            course(),
            Action::Move {
                question: q,
                position: 0,
                up: true,
            },
        );
        s.reduce(
            course(),
            Action::Move {
                question: q,
                position: 3,
                up: false,
            },
        );
        s.reduce(
            course(),
            Action::Move {
                question: q,
                position: 9,
                up: true,
            },
        );
        assert_eq!(s.attempt(q).answer, Answer::Order(vec![0, 1, 2, 3]));
        check(&mut s, q);
        assert_eq!(s.progress.best(q), Some(Outcome::Correct));
        assert_eq!(
            s.announcement.text,
            "Correct. 4 of 4 items are in the right place."
        );
    }

    #[test]
    fn assigning_checks_and_keeps_work_on_try_again() {
        let q = id("match");
        let mut s = state();
        s.reduce(
            course(),
            Action::Assign {
                question: q,
                item: 0,
                value: Some(1),
            },
        );
        check(&mut s, q);
        assert_eq!(s.announcement.text, "Match every item before checking.");
        s.reduce(
            course(),
            Action::Assign {
                question: q,
                item: 1,
                value: Some(7),
            },
        );
        assert_eq!(
            s.attempt(q).answer,
            Answer::Assign(vec![Some(1), None]),
            "an unknown target is ignored"
        );
        s.reduce(
            course(),
            Action::Assign {
                question: q,
                item: 1,
                value: Some(1),
            },
        );
        check(&mut s, q);
        assert_eq!(s.attempt(q).graded.map(|g| g.credit), Some(50));
        s.reduce(course(), Action::TryAgain(q));
        assert_eq!(
            s.attempt(q).answer,
            Answer::Assign(vec![Some(1), Some(1)]),
            "the learner's work is kept"
        );
        assert_eq!(
            s.announcement.text,
            "Change your answer, then check it again."
        );
        s.reduce(
            course(),
            Action::Assign {
                question: q,
                item: 1,
                value: Some(0),
            },
        );
        check(&mut s, q);
        assert_eq!(s.progress.best(q), Some(Outcome::Correct));
    }

    #[test]
    fn typing_is_bounded_and_locked_after_a_check() {
        let q = id("text");
        let mut s = state();
        s.reduce(
            course(),
            Action::Type {
                question: q,
                text: "x".repeat(5000),
            },
        );
        let max = super::super::progress::TYPED_TEXT_MAX;
        assert_eq!(s.attempt(q).answer, Answer::Typed("x".repeat(max)));
        s.reduce(
            course(),
            Action::Type {
                question: q,
                text: "Walter Leutz".into(),
            },
        );
        check(&mut s, q);
        s.reduce(
            course(),
            Action::Type {
                question: q,
                text: "changed".into(),
            },
        );
        assert_eq!(s.attempt(q).answer, Answer::Typed("Walter Leutz".into()));
        // A typed-answer action on a choice question changes nothing.
        let single = id("single");
        s.reduce(
            course(),
            Action::Type {
                question: single,
                text: "3".into(),
            },
        );
        assert_eq!(s.attempt(single).answer, fresh_answer(course(), single));
    }

    #[test]
    fn show_answer_words_every_kind() {
        let mut s = state();
        let q = id("number");
        s.reduce(
            course(),
            Action::Type {
                question: q,
                text: "4".into(),
            },
        );
        check(&mut s, q);
        s.reduce(course(), Action::ShowAnswer(q));
        assert_eq!(
            s.announcement.text,
            "The answer: 3.8 billion (answers within 0.05 are accepted)."
        );
        assert_eq!(s.attempt(q).graded.map(|g| g.credit), Some(0));
    }
}

mod quiz_behaviour {
    use super::super::fixture::course;
    use super::super::grade::{Answer, Outcome};
    use super::super::progress::Progress;
    use super::super::quiz::{band_for, cbm_mark, permutation, Confidence};
    use super::super::route::Route;
    use super::super::state::{Action, AppState, Storage};
    use crate::model::*;

    fn id(name: &str) -> QuestionId {
        course().find_question(name).expect("fixture question")
    }

    fn state(seed: u32) -> AppState {
        let mut p = Progress::new(course());
        p.seed = seed;
        AppState::new(course(), Route::Home, p, Storage::Saved)
    }

    const Q2: QuizId = QuizId(1);

    #[test]
    fn certainty_based_marks_follow_moodle() {
        let marks: Vec<i32> = Confidence::ALL
            .iter()
            .flat_map(|&c| {
                [
                    cbm_mark(Outcome::Correct, c),
                    cbm_mark(Outcome::Incorrect, c),
                    cbm_mark(Outcome::Partial, c),
                ]
            })
            .collect();
        assert_eq!(marks, vec![1, 0, 0, 2, -2, -2, 3, -6, -6]);
    }

    #[test]
    fn the_lecturers_link_overrides_the_content_mode() {
        let mut s = state(7);
        assert_eq!(s.mode(course(), QuizId(0)), QuizMode::Immediate);
        assert_eq!(
            Route::mode_param(course(), "#/quiz/quiz/2?mode=deferred"),
            Some((QuizId(0), QuizMode::Deferred))
        );
        assert_eq!(
            Route::mode_param(course(), "#/quiz/quiz?mode=sideways"),
            None
        );
        assert_eq!(
            Route::mode_param(course(), "#/glossary?mode=deferred"),
            None
        );
        assert_eq!(
            Route::parse(course(), "#/quiz/quiz/2?mode=deferred"),
            Route::Question(QuizId(0), 1)
        );
        s.reduce(course(), Action::SetMode(QuizId(0), QuizMode::Deferred));
        assert_eq!(s.mode(course(), QuizId(0)), QuizMode::Deferred);
        s.reduce(
            course(),
            Action::Pick {
                question: id("single"),
                option: 0,
            },
        );
        s.reduce(course(), Action::Check(id("single")));
        assert_eq!(
            s.attempt(id("single")).graded,
            None,
            "no checking one by one in deferred mode"
        );
    }

    #[test]
    fn deferred_quizzes_grade_everything_on_submit_and_need_sureness() {
        let mut s = state(7);
        s.reduce(
            course(),
            Action::Type {
                question: id("number"),
                text: "3.8bn".into(),
            },
        );
        s.reduce(
            course(),
            Action::Type {
                question: id("text"),
                text: "Glasby".into(),
            },
        );
        s.reduce(course(), Action::Submit(Q2));
        assert!(
            !s.is_submitted(Q2),
            "answered questions need a sureness first"
        );
        assert!(
            s.announcement
                .text
                .starts_with("Say how sure you are for question"),
            "{}",
            s.announcement.text
        );
        s.reduce(
            course(),
            Action::SetConfidence {
                question: id("number"),
                level: Confidence::High,
            },
        );
        s.reduce(
            course(),
            Action::SetConfidence {
                question: id("text"),
                level: Confidence::High,
            },
        );
        s.reduce(course(), Action::Submit(Q2));
        assert!(s.is_submitted(Q2));
        assert_eq!(s.focus_request, 1);
        assert_eq!(
            s.attempt(id("number")).graded.map(|g| g.outcome),
            Some(Outcome::Correct)
        );
        assert_eq!(
            s.attempt(id("text")).graded.map(|g| g.outcome),
            Some(Outcome::Incorrect)
        );
        // Unanswered questions count as wrong, at the lowest sureness.
        assert_eq!(s.attempt(id("match")).graded.map(|g| g.credit), Some(0));
        assert_eq!(s.attempt(id("match")).confidence, Some(Confidence::Low));
        assert_eq!(s.quiz_score(course(), Q2), (20, 5));
        assert_eq!(
            s.announcement.text,
            "Answers submitted. Your score: 20 per cent."
        );
        // Submitted: answers are locked; restarting opens the quiz again.
        s.reduce(
            course(),
            Action::Type {
                question: id("text"),
                text: "Leutz".into(),
            },
        );
        assert_eq!(s.attempt(id("text")).answer, Answer::Typed("Glasby".into()));
        s.reduce(course(), Action::RestartQuiz(Q2));
        assert!(!s.is_submitted(Q2));
    }

    #[test]
    fn immediate_mode_shows_the_answer_when_the_tries_run_out() {
        let mut s = state(7);
        s.reduce(course(), Action::SetMode(Q2, QuizMode::Immediate));
        let q = id("number");
        s.reduce(
            course(),
            Action::Type {
                question: q,
                text: "4".into(),
            },
        );
        s.reduce(course(), Action::Check(q));
        assert_eq!(s.attempt(q).graded, None, "sureness first");
        assert_eq!(
            s.announcement.text,
            "Say how sure you are of this answer before checking it."
        );
        s.reduce(
            course(),
            Action::SetConfidence {
                question: q,
                level: Confidence::Medium,
            },
        );
        s.reduce(course(), Action::Check(q));
        assert!(!s.attempt(q).revealed, "one try of two used");
        s.reduce(course(), Action::TryAgain(q));
        s.reduce(course(), Action::Check(q));
        let a = s.attempt(q);
        assert!(a.revealed, "the second wrong try shows the answer");
        assert_eq!(a.tries, 2);
        assert!(s.announcement.text.ends_with(
            "No tries left. The answer: 3.8 billion (answers within 0.05 are accepted)."
        ));
        s.reduce(course(), Action::TryAgain(q));
        assert!(
            s.attempt(q).graded.is_some(),
            "no more tries once the answer is shown"
        );
    }

    #[test]
    fn shuffled_orders_are_stable_per_learner_and_differ_between_learners() {
        let a = state(11);
        let again = state(11);
        assert_eq!(a.quiz_order(course(), Q2), again.quiz_order(course(), Q2));
        let mut sorted = a.quiz_order(course(), Q2);
        sorted.sort();
        assert_eq!(sorted, course().quiz(Q2).questions.to_vec());
        let distinct: std::collections::BTreeSet<Vec<QuestionId>> = (1..40)
            .map(|seed| state(seed).quiz_order(course(), Q2))
            .collect();
        assert!(distinct.len() > 5, "seeds give different orders");
        // Unshuffled quizzes and true/false options keep their order.
        assert_eq!(
            a.quiz_order(course(), QuizId(0)),
            course().quiz(QuizId(0)).questions.to_vec()
        );
        assert_eq!(a.option_order(course(), id("tf")), vec![0, 1]);
        for n in 0..10 {
            let mut p = permutation(n, 99);
            p.sort_unstable();
            assert_eq!(p, (0..n as u8).collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_seed_is_kept_with_progress() {
        let mut p = Progress::new(course());
        p.seed = 4_000_000_000;
        let text = p.encode(course());
        assert_eq!(
            Progress::decode(course(), &text).map(|d| d.seed),
            Ok(4_000_000_000)
        );
    }

    #[test]
    fn score_bands_pick_the_highest_reached() {
        let quiz = course().quiz(Q2);
        let words = |score| band_for(quiz, score).map(|b| b.text);
        assert_eq!(words(0), Some(&[Inline::Text("Keep going.")][..]));
        assert_eq!(words(79), Some(&[Inline::Text("Nearly.")][..]));
        assert_eq!(words(100), Some(&[Inline::Text("Well done.")][..]));
        assert_eq!(band_for(course().quiz(QuizId(0)), 50).map(|b| b.min), None);
    }
}

mod timeline {
    use super::super::fixture::course;
    use super::super::timeline::{decades, filter, Filter};

    fn ids(f: &Filter) -> Vec<&'static str> {
        filter(course(), f)
            .into_iter()
            .map(|e| course().event(e).id)
            .collect()
    }

    #[test]
    fn filters_by_unit_decade_and_words() {
        assert_eq!(ids(&Filter::default()), vec!["duty", "pools", "talk"]);
        assert_eq!(
            ids(&Filter {
                decade: Some(1990),
                ..Filter::default()
            }),
            vec!["pools"]
        );
        assert_eq!(
            ids(&Filter {
                words: "POOL".into(),
                ..Filter::default()
            }),
            vec!["pools"],
            "word starts, any case"
        );
        assert_eq!(
            ids(&Filter {
                words: "health work".into(),
                ..Filter::default()
            }),
            vec!["duty"],
            "all words, title or text"
        );
        assert_eq!(
            ids(&Filter {
                words: "2019".into(),
                ..Filter::default()
            }),
            vec!["talk"],
            "the year is searchable"
        );
        assert_eq!(
            ids(&Filter {
                words: "ool".into(),
                ..Filter::default()
            }),
            Vec::<&str>::new(),
            "not mid-word"
        );
        assert_eq!(
            ids(&Filter {
                unit: Some(course().unit_ids().next().expect("unit")),
                decade: Some(2010),
                words: String::new()
            }),
            vec!["talk"]
        );
        assert_eq!(decades(course()), vec![1970, 1990, 2010]);
    }

    #[test]
    fn dates_read_as_words_and_as_iso() {
        let d: Vec<(String, String)> = course()
            .events
            .iter()
            .map(|e| (e.date_words(), e.date_iso()))
            .collect();
        assert_eq!(
            d,
            vec![
                ("April 1974".to_string(), "1974-04".to_string()),
                ("1999".to_string(), "1999".to_string()),
                ("13 September 2019".to_string(), "2019-09-13".to_string()),
            ]
        );
    }
}

#[test]
fn progress_saved_by_another_tab_is_taken_quietly_and_garbage_ignored() {
    let busy = busy_progress();
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    let said = s.announcement.clone();
    s.reduce(course(), Action::Adopt("garbage".into()));
    assert!(s.progress.is_blank(course()));
    s.reduce(course(), Action::Adopt(busy.encode(course())));
    assert_eq!(s.progress, busy);
    assert_eq!(s.announcement, said, "nothing is announced");
    // A tab that cannot save keeps its own work: it exists nowhere else.
    let mut unsaved = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Unavailable,
    );
    unsaved.reduce(course(), Action::MarkRead(LessonId(0), true));
    let own = unsaved.progress.clone();
    unsaved.reduce(course(), Action::Adopt(busy.encode(course())));
    assert_eq!(unsaved.progress, own);
}

#[test]
fn an_import_or_a_reset_can_be_undone_once() {
    let busy = busy_progress();
    let mut s = AppState::new(course(), Route::Home, busy.clone(), Storage::Saved);
    s.reduce(course(), Action::Reset);
    assert!(s.progress.is_blank(course()));
    s.reduce(course(), Action::UndoReplace);
    assert_eq!(s.progress, busy);
    assert!(s.announcement.text.starts_with("Undone"));
    // Nothing more to undo.
    s.reduce(course(), Action::UndoReplace);
    assert_eq!(s.progress, busy);
    let mut other = Progress::new(course());
    other.seed = 3;
    s.reduce(course(), Action::Import(other.encode(course())));
    assert_eq!(s.progress, other);
    s.reduce(course(), Action::UndoReplace);
    assert_eq!(s.progress, busy);
}
