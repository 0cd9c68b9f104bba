//! Tests of grading, every question kind, against the engine's test course.

use crate::engine::fixture::{course, q, sel};
use crate::engine::grade::{answer_key, grade, Answer, Outcome, Selection};

fn ch(options: &[usize]) -> Answer {
    Answer::Choices(sel(options))
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

/// The kinds other than choices, found by content id.
mod kinds {
    use crate::engine::fixture::course;
    use crate::engine::grade::{
        answer_key, grade, read_number, scrambled, Answer, Outcome, Reading,
    };
    use crate::engine::quiz::{answer_words, feedback_text};
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
