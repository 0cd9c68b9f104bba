//! Tests of stored progress: encoding, decoding, old versions and damaged codes.

use crate::engine::fixture::{busy_progress, course, q};
use crate::engine::grade::Outcome;
use crate::engine::progress::{DecodeError, Progress};
use crate::model::*;

#[test]
fn progress_round_trips_everything() {
    let p = busy_progress();
    assert!(p.endings(ScenarioId(0)).len() == 1 && p.run(ScenarioId(0)).is_some());
    assert!(
        p.questions().iter().any(|r| r.attempt().revealed)
            && p.questions()
                .iter()
                .any(|r| r.attempt().graded.is_none() && r.attempt().touched)
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
    let t = crate::engine::progress::tag;
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
fn tags_are_four_base36_characters_and_stable() {
    let t = crate::engine::progress::tag;
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
            assert_eq!(d.questions().len(), course().questions.len(), "{blob:?}");
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
fn the_seed_is_kept_with_progress() {
    let mut p = Progress::new(course());
    p.seed = 4_000_000_000;
    let text = p.encode(course());
    assert_eq!(
        Progress::decode(course(), &text).map(|d| d.seed),
        Ok(4_000_000_000)
    );
}

/// The code written for the busy progress by the module before progress kept one record per
/// question: the encoding has not changed, and such a code still reads as the same progress.
const BUSY_CODE: &str = "hsc3;s=3kQoW0;b=4uW;l=c7sx01;q=xzhlXN063v42m3eaUK063FT11au7TK063Gl1f79zO0006Vz0213u1smO0004F400nvm9O0005n41..2940O000412.5uremO000Bhéllo; k=zz;z=4fxu;e=3p44061xm1k205a2d;r=eafv070gAsk first; act second.\nThen: écouter 👂 ;k=;k=5cva";

#[test]
fn the_encoding_is_the_one_written_before() {
    let p = busy_progress();
    assert_eq!(p.encode(course()), BUSY_CODE);
    assert_eq!(Progress::decode(course(), BUSY_CODE), Ok(p));
}

#[test]
fn display_settings_travel_in_the_code_and_only_when_chosen() {
    use crate::engine::display::{Display, Font, Spacing, TextSize, Theme};
    let mut p = busy_progress();
    let plain = p.encode(course());
    assert!(!plain.contains(";d="), "{plain}");
    p.display = Display {
        text: TextSize::Larger,
        spacing: Spacing::Wide,
        font: Font::Legible,
        theme: Theme::Dark,
    };
    let text = p.encode(course());
    assert!(text.contains(";d="), "{text}");
    assert_eq!(Progress::decode(course(), &text), Ok(p.clone()));
    // A digit the module never writes is a damaged code, refused whole.
    let bad = text.replacen(
        &format!(";d={}", &text[text.find(";d=").map_or(0, |i| i + 3)..][..1]),
        ";d=z",
        1,
    );
    assert_ne!(bad, text);
    assert!(Progress::decode(course(), &bad).is_err(), "{bad}");
    // Settings alone are not progress.
    let mut fresh = Progress::new(course());
    fresh.display = p.display;
    assert!(fresh.is_blank(course()));
}
