//! Builds lessons: each lesson's Markdown body as blocks of rich text, its reading length in
//! words, and the reflection prompts it holds (course-wide, in lesson order).

use std::collections::HashMap;

use super::super::kind::Kind;
use super::super::markup::{self, Para, RawBlock};
use super::super::resolve::{leak, leak_str, Resolver};
use super::super::schema::{is_id, LESSON_KEYS};
use super::{owner, Owners};
use crate::model::*;

/// The reflection prompts found so far, and where each id was first seen.
#[derive(Default)]
struct Reflections {
    found: Vec<Reflection>,
    first_at: HashMap<String, (String, u32)>,
}

/// The lessons, and the reflection prompts of all of them.
pub fn build(cx: &mut Resolver, owners: &Owners) -> (&'static [Lesson], Vec<Reflection>) {
    let mut out = Vec::new();
    let mut reflections = Reflections::default();
    for (i, r) in cx.valid(Kind::Lesson).into_iter().enumerate() {
        let (f, e) = (&r.file, &r.entry);
        cx.check_keys(f, e, &format!("lesson \"{}\"", e.value), LESSON_KEYS);
        let unit = owner(cx, owners, Kind::Lesson, i, r);
        let cites = cx.citations(f, e);
        let (body, words) = match cx.loaded.lesson_files.get(&e.value) {
            Some((md_file, text)) => body(cx, &mut reflections, md_file, text, LessonId(i as u16)),
            None => (&[][..], 0),
        };
        out.push(Lesson {
            id: leak_str(e.value.clone()),
            unit,
            title: leak_str(e.text("title")),
            cites,
            body,
            words,
        });
    }
    (leak(out), reflections.found)
}

/// A lesson file's blocks and its word count.
fn body(
    cx: &mut Resolver,
    reflections: &mut Reflections,
    file: &str,
    text: &str,
    lesson: LessonId,
) -> (&'static [Block], u32) {
    let (raw, errors) = markup::parse_lesson(text);
    for (l, m) in errors {
        cx.err(file, l, m);
    }

    let mut blocks = Vec::new();
    let items = |cx: &mut Resolver, v: Vec<Para>| -> &'static [Rich] {
        let v: Vec<Rich> = v.iter().map(|p| cx.rich(file, p)).collect();
        leak(v)
    };
    for b in raw {
        blocks.push(match b {
            RawBlock::Heading(level, p) => Block::Heading(level, cx.rich(file, &p)),
            RawBlock::Paragraph(p) => Block::Paragraph(cx.rich(file, &p)),
            RawBlock::Quote(p) => Block::Quote(cx.rich(file, &p)),
            RawBlock::Bullets(v) => Block::Bullets(items(cx, v)),
            RawBlock::Numbered(v) => Block::Numbered(items(cx, v)),
            RawBlock::KeyPoints(_, v) => Block::KeyPoints(items(cx, v)),
            RawBlock::Reflect(line, id, p) => {
                let prompt = cx.rich(file, &p);
                if id.is_empty() {
                    // Reported by the markup parser.
                } else if !is_id(&id) {
                    cx.err(file, line, format!("\"{id}\" is not a valid reflection id; use lower-case letters, digits and hyphens"));
                } else if let Some((f0, l0)) = reflections.first_at.get(&id) {
                    let msg = format!("reflection \"{id}\" is already used at {f0}:{l0}; give each reflection prompt its own id");
                    cx.err(file, line, msg);
                }
                reflections
                    .first_at
                    .entry(id.clone())
                    .or_insert((file.to_string(), line));
                let rid = ReflectionId(reflections.found.len() as u16);
                reflections.found.push(Reflection {
                    id: leak_str(id),
                    lesson,
                    prompt,
                });
                Block::Reflect(rid)
            }
        });
    }
    if blocks.is_empty() {
        cx.err(file, 1, "this lesson file is empty; write the lesson");
    }
    // The words a reader reads: citations are not counted.
    let mut prose = String::new();
    for b in &blocks {
        match b {
            Block::Heading(_, r) | Block::Paragraph(r) | Block::Quote(r) => {
                reading_text(r, &mut prose)
            }
            Block::Bullets(v) | Block::Numbered(v) | Block::KeyPoints(v) => {
                v.iter().for_each(|r| reading_text(r, &mut prose))
            }
            // A question to the reader, not reading.
            Block::Reflect(_) => {}
        }
    }
    (leak(blocks), markup::word_count(&prose))
}

/// Appends the words of rich text that a reader reads (not the citations).
fn reading_text(r: Rich, out: &mut String) {
    for i in r {
        match i {
            Inline::Text(t) | Inline::Term(_, t) | Inline::Link(t, _) => out.push_str(t),
            Inline::Emphasis(v) | Inline::Strong(v) => reading_text(v, out),
            Inline::Cite(_) => {}
        }
    }
    out.push(' ');
}
