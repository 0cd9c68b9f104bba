//! The learner's record: what they did, with dates, as one structure that the record page, the
//! read-only quiz review and the two downloads (HTML and Markdown) all render.

use super::day::{self, Day};
use super::grade::{grade, Outcome};
use super::outcome;
use super::progress::Progress;
use super::quiz::{answer_summary, answer_words, feedback_text};
use super::text::{cite_text, escape_html, plain};
use crate::model::{lowercase_first, Block, Course, QuestionId, QuizId, UnitId};

/// One labelled line of an entry ("Your answer", "Feedback").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub label: &'static str,
    pub text: String,
}

/// One thing the learner did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    /// When (0 when not known).
    pub day: Day,
    pub lines: Vec<Line>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub entries: Vec<Entry>,
}

fn line(label: &'static str, text: impl Into<String>) -> Line {
    Line {
        label,
        text: text.into(),
    }
}

/// A question the learner has answered, with their answer, its result and the explanation.
pub fn question_entry(
    course: &Course,
    p: &Progress,
    q: QuestionId,
    number: usize,
) -> Option<Entry> {
    let question = course.question(q);
    let a = p.attempt(q)?;
    let best = p.best(q);
    if a.graded.is_none() && best.is_none() {
        return None;
    }
    let mut lines = Vec::new();
    match a.graded {
        Some(g) => {
            let answer = if a.touched && grade(question, &a.answer).is_some() {
                answer_summary(course, question, &a.answer)
            } else {
                "No answer given".into()
            };
            lines.push(line("Your answer", answer));
            let mut result = outcome::grade_words(g);
            if a.revealed {
                result.push_str("; the answer was shown");
            }
            lines.push(line("Result", result));
            if let Some(c) = a.confidence {
                lines.push(line("How sure you were", c.words()));
            }
            let feedback = feedback_text(course, question, &a.answer, g);
            // The verdict is in "Result" already.
            let feedback = feedback
                .split_once(". ")
                .map_or(String::new(), |(_, rest)| rest.to_string());
            if !feedback.is_empty() {
                lines.push(line("Feedback", feedback));
            }
            if g.outcome != Outcome::Correct {
                lines.push(line("The answer", answer_words(course, question)));
            }
        }
        None => lines.push(line(
            "Your answer",
            "Being answered again (the earlier answer was cleared)",
        )),
    }
    if let Some(b) = best {
        if a.graded.map(|g| g.outcome) != Some(b) {
            lines.push(line("Best result so far", outcome::words(Some(b))));
        }
    }
    let cites: Vec<String> = question
        .cites
        .iter()
        .map(|c| cite_text(course, c))
        .collect();
    if !cites.is_empty() {
        lines.push(line("Source", cites.join("; ")));
    }
    Some(Entry {
        title: format!("Question {number}: {}", plain(course, question.prompt)),
        day: p.checked_on(q),
        lines,
    })
}

/// Every answered question of a quiz, numbered as the quiz lists them.
pub fn quiz_entries(course: &Course, p: &Progress, quiz: QuizId) -> Vec<Entry> {
    course
        .quiz(quiz)
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| question_entry(course, p, *q, i + 1))
        .collect()
}

fn unit_section(course: &Course, p: &Progress, u: UnitId, number: usize) -> Section {
    let unit = course.unit(u);
    let mut entries = Vec::new();
    let lesson = course.lesson(unit.lesson);
    if let Some(d) = p.read_on(unit.lesson) {
        entries.push(Entry {
            title: format!("Lesson read: {}", lesson.title),
            day: d,
            lines: Vec::new(),
        });
    }
    for b in lesson.body {
        if let Block::Reflect(r) = b {
            if let Some(w) = p.reflection(*r).filter(|w| !w.text.trim().is_empty()) {
                entries.push(Entry {
                    title: format!(
                        "Reflection: {}",
                        plain(course, course.reflection(*r).prompt)
                    ),
                    day: w.day,
                    lines: vec![line("You wrote", w.text.clone())],
                });
            }
        }
    }
    let quiz = course.quiz(unit.quiz);
    for mut e in quiz_entries(course, p, unit.quiz) {
        e.title = format!("{}, {}", quiz.title, lowercase_first(&e.title));
        entries.push(e);
    }
    for &s in unit.scenarios {
        let sc = course.scenario(s);
        let ends = p.endings(s);
        let run = p.run(s);
        if ends.is_empty() && run.is_none_or(|r| r.path.is_empty()) {
            continue;
        }
        let mut lines = Vec::new();
        if !ends.is_empty() {
            let titles: Vec<&str> = ends
                .iter()
                .filter_map(|n| sc.node(*n).ending().map(|e| e.title))
                .collect();
            lines.push(line("Endings reached", titles.join("; ")));
        }
        if let Some(r) = run {
            let steps: Vec<String> = r
                .path
                .iter()
                .enumerate()
                .filter_map(|(i, st)| {
                    let c = sc.node(st.at).choices().get(usize::from(st.choice))?;
                    Some(format!("{}. {}", i + 1, plain(course, c.label)))
                })
                .collect();
            if !steps.is_empty() {
                lines.push(line("Your latest route", steps.join(" ")));
            }
            match sc.node(r.node).ending() {
                Some(e) => {
                    let mut text = e.title.to_string();
                    if let (Some(score), Some(sd)) = (r.score(sc), sc.score.as_ref()) {
                        text.push_str(&format!(" ({}: {score})", sd.label));
                    }
                    lines.push(line("It ended", text));
                }
                None => lines.push(line("It ended", "Not finished yet")),
            }
        }
        entries.push(Entry {
            title: format!("Scenario: {}", sc.title),
            day: p.played_on.get(s.index()).copied().unwrap_or(0),
            lines,
        });
    }
    Section {
        heading: format!("Unit {number}: {}", unit.title),
        entries,
    }
}

/// The whole record, unit by unit; units with nothing done are left out.
pub fn build(course: &Course, p: &Progress) -> Vec<Section> {
    course
        .unit_ids()
        .enumerate()
        .map(|(i, u)| unit_section(course, p, u, i + 1))
        .filter(|s| !s.entries.is_empty())
        .collect()
}

fn esc_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '`' | '|'
        ) {
            out.push('\\');
        }
        // A line break inside a learner's text stays inside its list item.
        if c == '\n' {
            out.push_str("  \n  ");
            continue;
        }
        out.push(c);
    }
    out
}

fn heading_line(course: &Course, today: Day) -> String {
    format!(
        "A record of study in the open module \u{201c}{}\u{201d}, made on {}. Dates are those of the learner's device.",
        course.title,
        day::words(today)
    )
}

/// The record as a Markdown file (for a portfolio, e.g. NMC revalidation or Social Work England CPD).
pub fn markdown(course: &Course, sections: &[Section], today: Day) -> String {
    let mut out = format!("# My learning record\n\n{}\n", heading_line(course, today));
    if sections.is_empty() {
        out.push_str("\nNothing recorded yet.\n");
    }
    for s in sections {
        out.push_str(&format!("\n## {}\n", esc_md(&s.heading)));
        for e in &s.entries {
            out.push_str(&format!("\n### {}\n\n", esc_md(&e.title)));
            if e.day > 0 {
                out.push_str(&format!("*{}*\n\n", day::words(e.day)));
            }
            for l in &e.lines {
                out.push_str(&format!("- **{}:** {}\n", l.label, esc_md(&l.text)));
            }
        }
    }
    out
}

/// The record as a standalone HTML page that prints cleanly.
pub fn html(course: &Course, sections: &[Section], today: Day) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>My learning record</title>\n<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}h2{border-bottom:1px solid #999;margin-top:2rem}h3{font-size:1.05rem;margin-bottom:.25rem}dt{font-weight:bold}dd{margin:0 0 .5rem 0;white-space:pre-wrap}article{break-inside:avoid}</style>\n</head>\n<body>\n<h1>My learning record</h1>\n",
    );
    out.push_str(&format!(
        "<p>{}</p>\n",
        escape_html(&heading_line(course, today))
    ));
    if sections.is_empty() {
        out.push_str("<p>Nothing recorded yet.</p>\n");
    }
    for s in sections {
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            escape_html(&s.heading)
        ));
        for e in &s.entries {
            out.push_str(&format!("<article>\n<h3>{}</h3>\n", escape_html(&e.title)));
            if e.day > 0 {
                out.push_str(&format!(
                    "<p><time datetime=\"{}\">{}</time></p>\n",
                    day::iso(e.day),
                    day::words(e.day)
                ));
            }
            if !e.lines.is_empty() {
                out.push_str("<dl>\n");
                for l in &e.lines {
                    out.push_str(&format!(
                        "<dt>{}</dt><dd>{}</dd>\n",
                        escape_html(l.label),
                        escape_html(&l.text)
                    ));
                }
                out.push_str("</dl>\n");
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use crate::engine::fixture::{busy_progress, course};

    #[test]
    fn the_record_lists_what_was_done_with_dates() {
        use crate::engine::record;
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
}
