//! Item-writing quality across the whole course: a test-wise student must not be able to score
//! without knowing the material. The key of a single-choice question is not usually its longest
//! option (nor usually in any one place of the options' length order), true/false keys are
//! balanced, and no two questions ask nearly the same thing.

use std::collections::BTreeSet;

use hsc_course::course::COURSE;
use hsc_course::engine::text::plain;
use hsc_course::model::*;

/// At most this fraction of single-choice questions may have the key as their longest option
/// (with four options, chance alone gives about a quarter).
const MAX_KEY_LONGEST: (usize, usize) = (1, 3);
/// No place in the options' length order (longest, second longest, …) may hold the key in more
/// than this fraction of single-choice questions: "always pick the third longest" must not pay.
const MAX_SAME_LENGTH_RANK: (usize, usize) = (2, 5);
/// True/false keys: each answer is the key in at least this fraction of the questions.
const MIN_TRUE_FALSE_SHARE: (usize, usize) = (2, 5);
/// Two prompts sharing at least this fraction of all their content words ask the same thing
/// (short generic prompts such as "Put these in order" are let through by `MIN_SHARED`).
const SAME_PROMPT: (usize, usize) = (3, 5);
/// Two questions whose prompts and options together share this fraction of their words.
const SAME_QUESTION: (usize, usize) = (1, 2);
const MIN_SHARED: usize = 6;

fn label(r: Rich) -> String {
    plain(&COURSE, r)
}

/// Whether the key of a single-choice question is strictly longer than every other option.
fn key_is_longest(q: &Question) -> bool {
    let opts = q.options();
    let Some(key) = opts.iter().position(|o| o.correct) else {
        return false;
    };
    let len = |i: usize| label(opts[i].label).chars().count();
    (0..opts.len()).all(|i| i == key || len(i) < len(key))
}

/// Where the key stands when the options are ordered by length: 0 when no option is longer.
fn key_length_rank(q: &Question) -> Option<usize> {
    let opts = q.options();
    let key = opts.iter().position(|o| o.correct)?;
    let len = |i: usize| label(opts[i].label).chars().count();
    Some((0..opts.len()).filter(|&i| len(i) > len(key)).count())
}

/// The most keys any one length rank holds, and which rank that is.
fn busiest_rank(ranks: &[usize]) -> (usize, usize) {
    let top = ranks.iter().copied().max().unwrap_or(0);
    (0..=top)
        .map(|r| (ranks.iter().filter(|&&x| x == r).count(), r))
        .max()
        .unwrap_or((0, 0))
}

/// The words of a prompt that carry its meaning: lower case, four letters or more, no common
/// function words.
fn content_words(text: &str) -> BTreeSet<String> {
    const COMMON: &str = "which what that this these those with from about were have does their \
        there they when most more following statement statements according sources source true \
        false best describes into than been each your would will also";
    text.split(|c: char| !c.is_alphanumeric())
        .map(|w| w.to_lowercase())
        .filter(|w| w.chars().count() >= 4 && !COMMON.split_whitespace().any(|c| c == w))
        .collect()
}

/// Everything a question asks about: its prompt and the words of its options, items, targets and
/// groups (two ordering questions share a prompt's words but not their events).
fn question_text(q: &Question) -> String {
    let mut text = label(q.prompt);
    for o in q.options() {
        text.push(' ');
        text.push_str(&label(o.label));
    }
    for i in q.items() {
        text.push(' ');
        text.push_str(&label(i.label));
    }
    if let Body::Matching { targets: names, .. } | Body::Categorise { groups: names, .. } = q.body {
        for n in names {
            text.push(' ');
            text.push_str(n);
        }
    }
    text
}

/// Shared content words, and the words of both together.
fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> (usize, usize) {
    (a.intersection(b).count(), a.union(b).count().max(1))
}

/// Two questions are near-duplicates when their prompts share most of their (at least
/// `MIN_SHARED`) content words, or when everything they show shares half its words.
fn near_duplicate(
    prompt_a: &BTreeSet<String>,
    prompt_b: &BTreeSet<String>,
    all_a: &BTreeSet<String>,
    all_b: &BTreeSet<String>,
) -> Option<String> {
    let (shared, of) = overlap(prompt_a, prompt_b);
    if shared >= MIN_SHARED && at_least(shared, of, SAME_PROMPT) {
        return Some(format!(
            "their prompts share {shared} of {of} content words"
        ));
    }
    let (shared, of) = overlap(all_a, all_b);
    if shared >= MIN_SHARED && at_least(shared, of, SAME_QUESTION) {
        return Some(format!(
            "their prompts and options share {shared} of {of} content words"
        ));
    }
    None
}

fn at_least(n: usize, d: usize, frac: (usize, usize)) -> bool {
    n * frac.1 >= frac.0 * d
}

#[test]
fn single_choice_keys_are_not_usually_the_longest_option() {
    let singles: Vec<&Question> = COURSE
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Single)
        .collect();
    assert!(
        singles.len() >= 20,
        "only {} single-choice questions",
        singles.len()
    );
    let longest: Vec<&str> = singles
        .iter()
        .filter(|q| key_is_longest(q))
        .map(|q| q.id)
        .collect();
    assert!(
        longest.len() * MAX_KEY_LONGEST.1 <= singles.len() * MAX_KEY_LONGEST.0,
        "the key is the longest option in {} of {} single-choice questions (at most {}/{} allowed): {}",
        longest.len(),
        singles.len(),
        MAX_KEY_LONGEST.0,
        MAX_KEY_LONGEST.1,
        longest.join(", ")
    );
}

#[test]
fn no_length_rank_gives_the_key_away() {
    let ranks: Vec<usize> = COURSE
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Single)
        .filter_map(key_length_rank)
        .collect();
    let (most, rank) = busiest_rank(&ranks);
    assert!(
        most * MAX_SAME_LENGTH_RANK.1 <= ranks.len() * MAX_SAME_LENGTH_RANK.0,
        "the option with {rank} longer option(s) is the key in {most} of {} single-choice questions (at most {}/{} allowed)",
        ranks.len(),
        MAX_SAME_LENGTH_RANK.0,
        MAX_SAME_LENGTH_RANK.1
    );
}

#[test]
fn true_false_keys_are_balanced() {
    let keys: Vec<bool> = COURSE
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::TrueFalse)
        .map(|q| q.options().first().is_some_and(|o| o.correct))
        .collect();
    assert!(keys.len() >= 8, "only {} true/false questions", keys.len());
    let trues = keys.iter().filter(|&&k| k).count();
    let falses = keys.len() - trues;
    assert!(
        at_least(trues, keys.len(), MIN_TRUE_FALSE_SHARE)
            && at_least(falses, keys.len(), MIN_TRUE_FALSE_SHARE),
        "true/false keys: {trues} True and {falses} False; each must be at least {}/{} of them",
        MIN_TRUE_FALSE_SHARE.0,
        MIN_TRUE_FALSE_SHARE.1
    );
}

#[test]
fn no_two_questions_ask_nearly_the_same_thing() {
    let words: Vec<(&str, BTreeSet<String>, BTreeSet<String>)> = COURSE
        .questions
        .iter()
        .map(|q| {
            let prompt = content_words(&label(q.prompt));
            (q.id, prompt, content_words(&question_text(q)))
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, (a, pa, wa)) in words.iter().enumerate() {
        for (b, pb, wb) in &words[i + 1..] {
            if let Some(why) = near_duplicate(pa, pb, wa, wb) {
                pairs.push(format!("{a} and {b}: {why}"));
            }
        }
    }
    assert!(
        pairs.is_empty(),
        "near-duplicate questions (keep one of each):\n{}",
        pairs.join("\n")
    );
}

// The checks on made-up examples, so that each is known to be able to fail.

#[test]
fn a_reworded_prompt_is_found_and_a_different_one_is_not() {
    let a = content_words(
        "How many local areas in England became integrated care pioneers under the programme?",
    );
    let b = content_words(
        "Under the programme, how many local areas in England were integrated care pioneers?",
    );
    let c =
        content_words("Which national body in England inspects care homes and home care agencies?");
    let none = BTreeSet::new();
    assert!(near_duplicate(&a, &b, &none, &none).is_some());
    assert!(near_duplicate(&a, &c, &none, &none).is_none());
    // Generic prompts of ordering questions share words but not their items.
    let p = content_words("Put these events in order, earliest first");
    let i1 =
        content_words("Put these events in order, earliest first. Health Act, Care Act, NHS plan");
    let i2 = content_words(
        "Put these events in order, earliest first. Pioneers, vanguards, COVID-19 outbreak",
    );
    assert!(near_duplicate(&p, &p, &i1, &i2).is_none());
    assert!(near_duplicate(&none, &none, &i1, &i1).is_some());
}

#[test]
fn the_busiest_rank_is_found() {
    assert_eq!(busiest_rank(&[2, 2, 1, 2, 0, 3]), (3, 2));
    assert_eq!(busiest_rank(&[0, 1, 2, 3]).0, 1);
    assert_eq!(busiest_rank(&[]), (0, 0));
}

#[test]
fn fractions() {
    assert!(at_least(2, 5, MIN_TRUE_FALSE_SHARE));
    assert!(!at_least(1, 5, MIN_TRUE_FALSE_SHARE));
}
