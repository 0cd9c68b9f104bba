//! Moodle XML: a `category` question before each unit's questions, then each question as Moodle
//! stores it: `multichoice` (single, or multiple with fractions that sum to 100), `truefalse`,
//! `ordering` (core since Moodle 4.4), `matching` (categorising too: statements matched to group
//! names), `numerical` (tolerance, units accepted), `shortanswer` (case ignored).

use super::{line, share, sources};
use crate::engine::text::escape_html as esc;
use crate::model::{format_decimal, Body, Course, QuestionKind, Rich};

/// Text as HTML inside CDATA (the way Moodle writes it), so a reader sees the HTML as it is.
fn cdata_html(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("<![CDATA[<p>{}</p>]]>", esc(text).replace("]]>", "]]&gt;"))
}

/// `<tag format="html"><text>…</text></tag>`, the text as one HTML paragraph.
fn html(tag: &str, text: &str) -> String {
    format!(
        "<{tag} format=\"html\"><text>{}</text></{tag}>",
        cdata_html(text)
    )
}

/// An answer: HTML (options) or plain text that must match exactly (short answers).
fn answer(fraction: &str, text: &str, feedback: &str, as_html: bool) -> String {
    let (format, text) = if as_html {
        ("html", cdata_html(text))
    } else {
        ("moodle_auto_format", esc(text))
    };
    format!(
        "    <answer fraction=\"{fraction}\" format=\"{format}\"><text>{text}</text>{}</answer>\n",
        html("feedback", feedback)
    )
}

/// The whole bank.
pub fn moodle_xml(course: &Course) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    out.push_str(&format!(
        "<!-- {}: the question bank, {} questions, a category per unit. Every type is included. -->\n",
        esc(course.title),
        course.questions.len()
    ));
    for u in course.unit_ids() {
        let unit = course.unit(u);
        out.push_str(&format!(
            "  <question type=\"category\"><category><text>$course$/top/{}/{}</text></category></question>\n",
            esc(&course.title.replace('/', "-")),
            esc(&format!("Unit {}: {}", u.index() + 1, unit.title).replace('/', "-"))
        ));
        for &q in course.quiz(unit.quiz).questions {
            out.push_str(&question(course, q));
        }
    }
    out.push_str("</quiz>\n");
    out
}

fn question(course: &Course, id: crate::model::QuestionId) -> String {
    let q = course.question(id);
    let fb = |r: Rich| line(course, r);
    let kind = match q.kind {
        QuestionKind::Single | QuestionKind::Multiple => "multichoice",
        QuestionKind::TrueFalse => "truefalse",
        QuestionKind::Ordering => "ordering",
        QuestionKind::Matching | QuestionKind::Categorise => "matching",
        QuestionKind::Numeric => "numerical",
        QuestionKind::ShortText => "shortanswer",
    };
    let mut general = sources(course, q);
    let mut body = String::new();
    match &q.body {
        Body::Choices(options) if q.kind == QuestionKind::TrueFalse => {
            let true_right = options.first().is_some_and(|o| o.correct);
            for (i, (word, right)) in [("true", true_right), ("false", !true_right)]
                .into_iter()
                .enumerate()
            {
                let feedback = options.get(i).map(|o| fb(o.feedback)).unwrap_or_default();
                body.push_str(&answer(
                    if right { "100" } else { "0" },
                    word,
                    &feedback,
                    false,
                ));
            }
        }
        Body::Choices(options) => {
            let correct = options.iter().filter(|o| o.correct).count();
            let single = q.kind == QuestionKind::Single;
            body.push_str(&format!(
                "    <single>{single}</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n"
            ));
            for o in options.iter() {
                let fraction = match (single, o.correct) {
                    (true, true) => "100".to_string(),
                    (true, false) => "0".to_string(),
                    (false, true) => share(correct).to_string(),
                    (false, false) => format!("-{}", share(correct)),
                };
                body.push_str(&answer(
                    &fraction,
                    &line(course, o.label),
                    &fb(o.feedback),
                    true,
                ));
            }
        }
        Body::Ordering(items) => {
            body.push_str("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <selectcount>0</selectcount>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n");
            for (i, item) in items.iter().enumerate() {
                body.push_str(&format!(
                    "    <answer fraction=\"{}\" format=\"html\"><text>{}</text></answer>\n",
                    i + 1,
                    cdata_html(&line(course, item.label))
                ));
            }
            general = item_notes(course, items, general);
        }
        Body::Matching { items, targets }
        | Body::Categorise {
            items,
            groups: targets,
        } => {
            body.push_str("    <shuffleanswers>true</shuffleanswers>\n");
            for item in items.iter() {
                let target = targets
                    .get(usize::from(item.key))
                    .copied()
                    .unwrap_or_default();
                body.push_str(&format!(
                    "    <subquestion format=\"html\"><text>{}</text><answer><text>{}</text></answer></subquestion>\n",
                    cdata_html(&line(course, item.label)),
                    esc(target)
                ));
            }
            // Targets no item has are offered as distractors.
            for (t, target) in targets.iter().enumerate() {
                if !items.iter().any(|i| usize::from(i.key) == t) {
                    body.push_str(&format!(
                        "    <subquestion format=\"html\"><text></text><answer><text>{}</text></answer></subquestion>\n",
                        esc(target)
                    ));
                }
            }
            general = item_notes(course, items, general);
        }
        Body::Numeric(n) => {
            body.push_str(&format!(
                "    <answer fraction=\"100\" format=\"moodle_auto_format\"><text>{}</text>{}<tolerance>{}</tolerance></answer>\n",
                format_decimal(n.answer),
                html("feedback", &fb(n.feedback)),
                format_decimal(n.tolerance)
            ));
            body.push_str(&format!(
                "    <answer fraction=\"0\" format=\"moodle_auto_format\"><text>*</text>{}<tolerance>0</tolerance></answer>\n",
                html("feedback", &fb(n.otherwise))
            ));
            if !n.units.is_empty() {
                body.push_str("    <units>\n");
                for unit in n.units.iter() {
                    body.push_str(&format!(
                        "      <unit><multiplier>1</multiplier><unit_name>{}</unit_name></unit>\n",
                        esc(unit)
                    ));
                }
                body.push_str("    </units>\n");
            }
            body.push_str("    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0</unitpenalty>\n    <showunits>3</showunits>\n    <unitsleft>0</unitsleft>\n");
        }
        Body::ShortText { accepts, otherwise } => {
            body.push_str("    <usecase>0</usecase>\n");
            for a in accepts.iter() {
                body.push_str(&answer("100", a.text, &fb(a.feedback), false));
            }
            body.push_str(&answer("0", "*", &fb(*otherwise), false));
        }
    }
    format!(
        "  <question type=\"{kind}\">\n    <name><text>{id}</text></name>\n    {}\n    {}\n    <defaultgrade>1</defaultgrade>\n    <penalty>0</penalty>\n    <hidden>0</hidden>\n    <idnumber>{id}</idnumber>\n{body}  </question>\n",
        html("questiontext", &line(course, q.prompt)),
        html("generalfeedback", &general),
        id = esc(q.id),
    )
}

/// The feedback on each item (which these types cannot attach to an answer), before the sources.
fn item_notes(course: &Course, items: &[crate::model::Item], sources: String) -> String {
    let notes: Vec<String> = items
        .iter()
        .map(|i| format!("{}: {}", line(course, i.label), line(course, i.feedback)))
        .collect();
    let mut out = notes.join(" ");
    if !sources.is_empty() {
        out.push(' ');
        out.push_str(&sources);
    }
    out
}
