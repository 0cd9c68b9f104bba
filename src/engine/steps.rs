//! How much of a long page to show at once. The glossary, the timeline, a lesson and the lecturers'
//! units are tens of kilobytes of text; laying all of it out before the first frame made opening
//! them take 150 to 300 ms on a slow phone, most of it for text below the screen. So such a page
//! shows its first parts (a screenful and more) in the first frame, and the rest a step at a time
//! in the frames after, each step small enough that a click or a key press waits little for it.
//!
//! A part's weight is the length of its markup, which is what its parsing and layout cost
//! follows.

/// Markup in the first frame: about a screenful of any of the pages, on a phone or a desktop.
pub const FIRST: usize = 4_000;

/// Markup added in each later frame.
pub const STEP: usize = 8_000;

/// Where the parts shown end, after those up to `start` and a step of about `budget`: at least
/// one more part when any is left, then more while the step's weight stays within the budget.
pub fn step_end(weights: &[usize], start: usize, budget: usize) -> usize {
    let mut end = start;
    let mut used = 0;
    while let Some(&w) = weights.get(end) {
        if end > start && used + w > budget {
            break;
        }
        used += w;
        end += 1;
    }
    end
}

/// The parts shown in the first frame: a first step of about `budget`, and at least up to part
/// `through` (the one a link leads to, which gets the focus).
pub fn first_end(weights: &[usize], budget: usize, through: Option<usize>) -> usize {
    let end = step_end(weights, 0, budget);
    match through {
        Some(i) if i < weights.len() => end.max(i + 1),
        _ => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_fills_its_budget_and_takes_at_least_one_part() {
        let w = [3, 3, 3, 10, 1];
        assert_eq!(step_end(&w, 0, 6), 2);
        assert_eq!(step_end(&w, 0, 7), 2);
        assert_eq!(step_end(&w, 0, 9), 3);
        // A part heavier than the whole budget still comes, alone.
        assert_eq!(step_end(&w, 3, 5), 4);
        assert_eq!(step_end(&w, 3, 11), 5);
        // Nothing left: the end stays where it is.
        assert_eq!(step_end(&w, 5, 100), 5);
        assert_eq!(step_end(&[], 0, 100), 0);
    }

    #[test]
    fn steps_reach_every_part_in_order() {
        let w: Vec<usize> = (0..200).map(|i| 100 + (i * 37) % 900).collect();
        let mut end = first_end(&w, FIRST, None);
        let mut steps = 1;
        while end < w.len() {
            let next = step_end(&w, end, STEP);
            assert!(next > end);
            assert!(w[end..next].iter().sum::<usize>() <= STEP || next == end + 1);
            end = next;
            steps += 1;
        }
        assert_eq!(end, w.len());
        assert!(steps > 2, "{steps}");
    }

    #[test]
    fn the_first_frame_reaches_the_part_linked_to() {
        let w = [1_000; 40];
        assert_eq!(first_end(&w, 6_000, None), 6);
        assert_eq!(first_end(&w, 6_000, Some(2)), 6);
        assert_eq!(first_end(&w, 6_000, Some(30)), 31);
        // A part that is not there changes nothing.
        assert_eq!(first_end(&w, 6_000, Some(40)), 6);
    }
}
