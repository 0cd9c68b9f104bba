//! An outcome in words and a symbol: the one wording that the quiz pages, the feedback and the
//! learning record all use, so a result never reads one way on one page and another way on the next.

use super::grade::{Grade, Outcome};

/// A result in words: "Correct", "Partly correct", "Not correct", or "Not answered yet" for none.
pub fn words(o: Option<Outcome>) -> &'static str {
    match o {
        None => "Not answered yet",
        Some(Outcome::Correct) => "Correct",
        Some(Outcome::Partial) => "Partly correct",
        Some(Outcome::Incorrect) => "Not correct",
    }
}

/// The symbol shown beside [`words`] (hidden from screen readers, which read the words):
/// ✓ right, ◐ partly, ✗ wrong, ○ not answered.
pub fn symbol(o: Option<Outcome>) -> &'static str {
    match o {
        None => "○",
        Some(Outcome::Correct) => "✓",
        Some(Outcome::Partial) => "◐",
        Some(Outcome::Incorrect) => "✗",
    }
}

/// A grade in words, with the credit when it is partial: "Partly correct (50 per cent)".
pub fn grade_words(g: Grade) -> String {
    match g.outcome {
        Outcome::Partial => format!("{} ({} per cent)", words(Some(g.outcome)), g.credit),
        o => words(Some(o)).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_has_its_own_words_and_symbol() {
        let all = [
            None,
            Some(Outcome::Correct),
            Some(Outcome::Partial),
            Some(Outcome::Incorrect),
        ];
        assert_eq!(
            all.map(words),
            [
                "Not answered yet",
                "Correct",
                "Partly correct",
                "Not correct"
            ]
        );
        assert_eq!(all.map(symbol), ["○", "✓", "◐", "✗"]);
    }

    #[test]
    fn a_partial_grade_says_its_credit() {
        let g = |outcome, credit| grade_words(Grade { outcome, credit });
        assert_eq!(g(Outcome::Correct, 100), "Correct");
        assert_eq!(g(Outcome::Partial, 50), "Partly correct (50 per cent)");
        assert_eq!(g(Outcome::Incorrect, 0), "Not correct");
    }
}
