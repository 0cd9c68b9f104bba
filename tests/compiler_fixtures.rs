//! Golden tests for the content compiler (`src/compiler/`).
//!
//! Every folder `tests/fixtures/compiler/<case>/` holds a small corpus in `seeds/` and, in
//! `expected.txt`, the diagnostics `compile` must return for it: one per line, exactly as they are
//! displayed (`seeds/FILE:LINE: message`), in the compiler's file and line order. An empty
//! `expected.txt` means the corpus must compile. Each invalid case is the `valid` corpus with one
//! deliberate mistake, named for it (`several-problems` has several, in several files).
//!
//! To add a case, copy `valid/`, break one thing, and write the diagnostic it should produce
//! into `expected.txt` before running the test: never paste in the compiler's output unread.

use std::fs;
use std::path::{Path, PathBuf};

use hsc_course::compiler::compile;
use hsc_course::model::{
    Block, Cmp, Condition, Course, Inline, NodeId, NodeKind, QuestionKind, Test, Weight,
};

/// Fewer cases than this means fixtures have gone missing.
const MIN_CASES: usize = 12;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compiler")
}

/// The case folders, sorted by name.
fn cases() -> Vec<(String, PathBuf)> {
    let dir = fixtures_dir();
    let entries = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the fixtures folder {}: {e}", dir.display()));
    let mut cases: Vec<(String, PathBuf)> = entries
        .map(|e| e.expect("a readable fixtures folder entry"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    cases.sort();
    cases
}

/// The diagnostics of a case's corpus, one displayed diagnostic per item (empty when it compiles).
fn actual_lines(seeds: &Path) -> Vec<String> {
    match compile(seeds) {
        Ok(_) => Vec::new(),
        // A failure must always say why; this line can match no expected.txt.
        Err(diags) if diags.is_empty() => vec!["(compile failed with no diagnostics)".to_string()],
        Err(diags) => diags.iter().map(ToString::to_string).collect(),
    }
}

/// The lines of `expected.txt`, ignoring a trailing newline (and `\r` from a Windows checkout).
fn expected_lines(path: &Path) -> Result<Vec<String>, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = text.replace("\r\n", "\n");
    let text = text.strip_suffix('\n').unwrap_or(&text);
    if text.is_empty() {
        return Ok(Vec::new());
    }
    Ok(text.split('\n').map(str::to_string).collect())
}

fn show(lines: &[String]) -> String {
    if lines.is_empty() {
        "    (no diagnostics: the corpus compiles)".to_string()
    } else {
        lines
            .iter()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[test]
fn every_fixture_gives_exactly_its_expected_diagnostics() {
    let cases = cases();
    assert!(
        cases.len() >= MIN_CASES,
        "expected at least {MIN_CASES} fixture folders in {}, found {}: {:?}",
        fixtures_dir().display(),
        cases.len(),
        cases.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );

    let mut failures = Vec::new();
    for (name, dir) in &cases {
        if let Err(problem) = check_case(name, dir) {
            failures.push(format!("case `{name}` ({}):\n{problem}", dir.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} compiler fixtures failed:\n\n{}\n",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Compiles one case and compares its diagnostics with its `expected.txt`.
fn check_case(name: &str, dir: &Path) -> Result<(), String> {
    let seeds = dir.join("seeds");
    if !seeds.join("course.txt").is_file() {
        return Err("  has no seeds/course.txt".to_string());
    }
    let expected = expected_lines(&dir.join("expected.txt")).map_err(|e| format!("  {e}"))?;
    // Only a `valid…` case may expect a clean compile: an invalid case with an empty
    // expected.txt would silently bless a compiler that misses its mistake.
    if expected.is_empty() != name.starts_with("valid") {
        return Err(format!(
            "  only cases named `valid…` may have an empty expected.txt, and they must have one \
             (expected.txt has {} line(s))",
            expected.len()
        ));
    }
    let actual = actual_lines(&seeds);
    if actual != expected {
        return Err(format!(
            "  expected (expected.txt):\n{}\n  actual (compile):\n{}",
            show(&expected),
            show(&actual)
        ));
    }
    Ok(())
}

/// Every diagnostic says what is wrong, then `; ` and how to fix it (at least two words), so that
/// no author is left with a complaint and no way forward.
#[test]
fn every_diagnostic_ends_with_how_to_fix_it() {
    let mut checked = 0;
    let mut without_fix = Vec::new();
    for (name, dir) in cases() {
        let Err(diags) = compile(&dir.join("seeds")) else {
            continue;
        };
        for d in diags {
            checked += 1;
            let parts = d.message.split_once("; ");
            let has_fix = parts.is_some_and(|(wrong, fix)| {
                !wrong.trim().is_empty() && fix.split_whitespace().count() >= 2
            });
            if !has_fix {
                without_fix.push(format!("    {name}: {d}"));
            }
        }
    }
    assert!(
        checked >= MIN_CASES,
        "expected at least {MIN_CASES} diagnostics across the fixtures, found {checked}"
    );
    assert!(
        without_fix.is_empty(),
        "{} of {checked} diagnostics do not end with `; HOW TO FIX IT`:\n{}\n",
        without_fix.len(),
        without_fix.join("\n")
    );
}

fn valid_course() -> Course {
    let seeds = fixtures_dir().join("valid/seeds");
    compile(&seeds).unwrap_or_else(|diags| {
        let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
        panic!(
            "the `valid` fixture must compile, but gave:\n{}",
            show(&lines)
        )
    })
}

#[test]
fn valid_fixture_compiles_to_the_expected_course() {
    let course = valid_course();

    assert_eq!(course.id, "care-basics");
    assert_eq!(course.title, "Caring together: a short course");
    assert_eq!(course.units.len(), 1);
    assert_eq!(course.lessons.len(), 1);
    assert_eq!(course.quizzes.len(), 1);
    assert_eq!(course.questions.len(), 3);
    assert_eq!(course.scenarios.len(), 1);
    assert_eq!(course.sources.len(), 1);
    assert_eq!(course.terms.len(), 1);

    // The unit owns the lesson, the quiz and the scenario.
    let unit = &course.units[0];
    assert_eq!(unit.id, "basics");
    assert_eq!(course.lesson(unit.lesson).id, "basics-lesson");
    assert_eq!(course.quiz(unit.quiz).id, "basics-quiz");
    assert_eq!(unit.scenarios.len(), 1);
    assert_eq!(course.scenario(unit.scenarios[0]).id, "discharge");

    // One question of each type, in file order, all in the one quiz with a 70% pass mark.
    let quiz = &course.quizzes[0];
    assert_eq!(quiz.pass, 70);
    assert_eq!(quiz.questions.len(), 3);
    let kinds: Vec<QuestionKind> = course.questions.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds,
        [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::TrueFalse
        ]
    );
    let correct: Vec<Vec<bool>> = course
        .questions
        .iter()
        .map(|q| q.options().iter().map(|o| o.correct).collect())
        .collect();
    assert_eq!(
        correct,
        [
            vec![true, false],
            vec![true, true, false],
            vec![false, true]
        ]
    );

    // `cite: glasby-2017, third paragraph` resolved to that source, with its locator.
    let first = &course.questions[0];
    assert_eq!(first.id, "who-runs-care");
    assert_eq!(first.cites.len(), 1);
    assert_eq!(course.source(first.cites[0].source).id, "glasby-2017");
    assert_eq!(course.source(first.cites[0].source).short, "Glasby 2017");
    assert_eq!(first.cites[0].locator, "third paragraph");

    // The lesson's inline `[@glasby-2017, third paragraph]` and `[[integrated-care|…]]` resolved.
    let lesson = &course.lessons[0];
    let Block::Paragraph(para) = lesson.body[1] else {
        panic!(
            "the lesson's second block should be a paragraph: {:?}",
            lesson.body
        );
    };
    let cite = para
        .iter()
        .find_map(|i| match i {
            Inline::Cite(c) => Some(*c),
            _ => None,
        })
        .expect("the lesson paragraph cites a source");
    assert_eq!(course.source(cite.source).id, "glasby-2017");
    assert_eq!(cite.locator, "third paragraph");
    let term = para
        .iter()
        .find_map(|i| match i {
            Inline::Term(t, words) => Some((*t, *words)),
            _ => None,
        })
        .expect("the lesson paragraph links a glossary term");
    assert_eq!(course.term(term.0).id, "integrated-care");
    assert_eq!(term.1, "integrated care");

    // The scenario starts at `start: ward` and has two steps and two endings.
    let scenario = &course.scenarios[0];
    assert_eq!(scenario.nodes[scenario.start.index()].id, "ward");
    assert_eq!(scenario.vars.len(), 1);
    assert_eq!(scenario.vars[0].id, "wellbeing");
    let ids: Vec<&str> = scenario.nodes.iter().map(|n| n.id).collect();
    assert_eq!(ids, ["ward", "meeting", "home", "care-home"]);
    let endings = scenario
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Ending(_)))
        .count();
    assert_eq!(endings, 2);
    let NodeKind::Step { choices } = scenario.nodes[0].kind else {
        panic!("`ward` should be a step with choices");
    };
    assert_eq!(choices.len(), 2);
    assert_eq!(choices[0].goto.len(), 1);
    assert_eq!(scenario.nodes[choices[0].goto[0].to.index()].id, "meeting");
    assert_eq!(
        scenario.nodes[choices[1].goto[0].to.index()].id,
        "care-home"
    );
    assert!(choices
        .iter()
        .all(|c| c.when.is_always() && c.goto[0].when.is_always()));
    assert!(scenario.score.is_none());
    assert_eq!(choices[1].effects.len(), 1);
    assert_eq!(choices[1].effects[0].delta, -2);
}

#[test]
fn conditions_routes_and_score_compile_to_typed_data() {
    let seeds = fixtures_dir().join("valid-conditions/seeds");
    let course = compile(&seeds).unwrap_or_else(|diags| {
        let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
        panic!(
            "`valid-conditions` must compile, but gave:\n{}",
            show(&lines)
        )
    });
    let s = &course.scenarios[0];
    let node = |id: &str| s.find_node(id).expect("node");
    let score = s.score.as_ref().expect("a score");
    let [w, t] = score.terms else {
        panic!("two score terms: {:?}", score.terms)
    };
    let (wellbeing, trust) = (w.var, t.var);
    assert_eq!(
        (s.var(wellbeing).id, s.var(trust).id),
        ("wellbeing", "trust")
    );

    let groups = |c: Condition| -> Vec<Vec<Test>> { c.any.iter().map(|g| g.to_vec()).collect() };
    let meeting = s.node(node("meeting")).choices();
    // goto: home if trust >= 3 / goto: care-home
    let routes: Vec<(NodeId, Vec<Vec<Test>>)> = meeting[0]
        .goto
        .iter()
        .map(|g| (g.to, groups(g.when)))
        .collect();
    assert_eq!(
        routes,
        [
            (node("home"), vec![vec![Test::Compare(trust, Cmp::Ge, 3)]]),
            (node("care-home"), vec![vec![]]),
        ]
    );
    assert!(meeting[0].when.is_always() && meeting[1].goto[0].when.is_always());
    // if: not visited nurse or trust < 1
    assert_eq!(
        groups(meeting[1].when),
        [
            vec![Test::NotVisited(node("nurse"))],
            vec![Test::Compare(trust, Cmp::Lt, 1)]
        ]
    );
    // if: visited meeting and trust>=2
    assert_eq!(
        groups(s.node(node("nurse")).choices()[0].when),
        [vec![
            Test::Visited(node("meeting")),
            Test::Compare(trust, Cmp::Ge, 2)
        ]]
    );
    // score: 2*wellbeing + trust, with the range reachable at the endings: booking the bed
    // first (wellbeing 3, trust 1) is lowest, 7; phoning the nurse and then planning (8, 4) is
    // highest, 20.
    assert_eq!(score.label, "Outcome score");
    assert_eq!(
        score.terms,
        [
            Weight {
                var: wellbeing,
                times: 2
            },
            Weight {
                var: trust,
                times: 1
            }
        ]
    );
    assert_eq!((score.min, score.max), (7, 20));
}
