//! The compiled course as JSON, for tools outside the app: `check-seeds --json FILE` writes it and
//! the browser tests read it, so they follow the compiler's reading of `seeds/` instead of parsing it
//! again. Native only (like the rest of the compiler), so none of it reaches the wasm.
//!
//! Every record keeps its seed id, and records refer to each other by those ids. The shape:
//!
//! - course: `schema`, `id`, `title`, `units`, `lessons`, `quizzes`, `scenarios`, `sources`,
//!   `terms`, `events` (in date order), `reflections`.
//! - unit: `id`, `title`, `summary`, `outcomes`, `lesson`, `quiz`, `scenarios`, `discuss`.
//! - lesson: `id`, `unit`, `title`, `words`, `cites`, `body` (blocks, each with a `kind`).
//! - quiz: `id`, `unit`, `title`, `intro`, `pass`, `mode` (`immediate` or `deferred`), `tries`,
//!   `confidence`, `shuffle`, `bands` (`min`, `text`), `questions` (the question records, in seed
//!   order).
//! - question: `id`, `kind` (the seed's `type`), `prompt`, `cites`, then by kind: `options`
//!   (`label`, `correct`, `feedback`); `items` (`label`, `feedback`, in the right order);
//!   `targets` and `pairs` (`label`, `match`: index into `targets`, `feedback`); `groups` and
//!   `statements` (`label`, `group`: index into `groups`, `feedback`); `answer`, `tolerance`
//!   (numbers), `units`, `feedback`, `otherwise`; `accepts` (`text`, `feedback`), `otherwise`.
//! - scenario: `id`, `unit`, `title`, `summary`, `intro`, `start`, `variables` (`id`, `label`,
//!   `start`, `min`, `max`), `score` (null, or `label`, `terms` of `var` and `times`, `min`,
//!   `max`), `nodes`: `id`, `text`, and `choices` (`label`, `if`, `goto`: routes of `to` and `if`,
//!   `consequence`, `effects` of `var` and `delta`) or, at an ending, `ending` (`title`,
//!   `debrief`, `see`).
//! - a condition (`if`): an array of alternatives (or), each an array of tests that must all hold
//!   (and): `{"var", "op", "value"}`, `{"visited": NODE}` or `{"not_visited": NODE}`. `[[]]` always
//!   holds.
//! - source: `id`, `short`, `authors`, `title`, `venue`, `year`, `doi`, `url`, `licence`, `note`.
//! - term: `id`, `name`, `definition`, `cites`, `see`. event: `id`, `date` (ISO: `1999`,
//!   `1974-04`, `2019-09-13`), `title`, `text`, `unit`, `cites`. reflection: `id`, `lesson`,
//!   `prompt`.
//! - rich text (prompts, labels, feedback...) is an array of runs: a string is words as shown
//!   (emphasis, glossary terms and links give their words), and `{"cite": SOURCE, "locator"}` is a
//!   citation, which the app shows as "(Short, locator)". Several paragraphs are an array of those.

use crate::model::*;

#[cfg(test)]
mod tests;

/// A JSON value, built from the course and then written out by [`Json::write`].
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    /// A number with a fractional part, already spelt as JSON (see [`decimal`]).
    Decimal(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// The course as JSON text, indented, ending with a newline.
pub fn course_json(course: &Course) -> String {
    let mut out = String::new();
    course_value(course).write(0, &mut out);
    out.push('\n');
    out
}

impl Json {
    fn is_scalar(&self) -> bool {
        !matches!(self, Json::Arr(v) if !v.is_empty())
            && !matches!(self, Json::Obj(v) if !v.is_empty())
    }

    /// Writes the value at this indent: containers of scalars on one line, others one element a line.
    pub fn write(&self, indent: usize, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Decimal(d) => out.push_str(d),
            Json::Str(s) => write_str(s, out),
            Json::Arr(v) => {
                let flat = v.iter().all(Json::is_scalar);
                write_list(out, indent, flat, ('[', ']'), v, |x, at, out| {
                    x.write(at, out)
                });
            }
            Json::Obj(v) => {
                let flat = v.iter().all(|(_, x)| x.is_scalar());
                write_list(out, indent, flat, ('{', '}'), v, |(k, x), at, out| {
                    write_str(k, out);
                    out.push_str(": ");
                    x.write(at, out);
                });
            }
        }
    }
}

fn write_list<T>(
    out: &mut String,
    indent: usize,
    flat: bool,
    (open, close): (char, char),
    items: &[T],
    mut each: impl FnMut(&T, usize, &mut String),
) {
    out.push(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if flat {
            if i > 0 {
                out.push(' ');
            }
        } else {
            newline(out, indent + 1);
        }
        each(item, indent + 1, out);
    }
    if !flat {
        newline(out, indent);
    }
    out.push(close);
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', indent * 2));
}

/// A JSON string: quotes, backslashes and control characters escaped, and U+2028/U+2029 too (old
/// JavaScript parsers took them for line ends); everything else as UTF-8.
pub fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn obj<const N: usize>(fields: [(&str, Json); N]) -> Json {
    Json::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn s(text: &str) -> Json {
    Json::Str(text.to_string())
}

fn int(n: impl Into<i64>) -> Json {
    Json::Int(n.into())
}

/// A fixed-point number ([`DECIMAL_SCALE`]) as a JSON number: `12`, `3.8`, `-0.05`.
fn decimal(v: i64) -> Json {
    if v % DECIMAL_SCALE == 0 {
        Json::Int(v / DECIMAL_SCALE)
    } else {
        Json::Decimal(format_decimal(v))
    }
}

fn list<T>(items: impl IntoIterator<Item = T>, f: impl FnMut(T) -> Json) -> Json {
    Json::Arr(items.into_iter().map(f).collect())
}

/// Rich text as runs of words and citations (see the module documentation).
fn rich(c: &Course, r: Rich) -> Json {
    fn push(c: &Course, r: Rich, words: &mut String, runs: &mut Vec<Json>) {
        for i in r {
            match i {
                Inline::Text(t) | Inline::Term(_, t) | Inline::Link(t, _) => words.push_str(t),
                Inline::Emphasis(v) | Inline::Strong(v) => push(c, v, words, runs),
                Inline::Cite(cite) => {
                    if !words.is_empty() {
                        runs.push(Json::Str(std::mem::take(words)));
                    }
                    runs.push(citation(c, cite));
                }
            }
        }
    }
    let (mut words, mut runs) = (String::new(), Vec::new());
    push(c, r, &mut words, &mut runs);
    if !words.is_empty() {
        runs.push(Json::Str(words));
    }
    Json::Arr(runs)
}

fn paras(c: &Course, p: Paras) -> Json {
    list(p, |r| rich(c, r))
}

fn riches(c: &Course, v: &[Rich]) -> Json {
    list(v, |r| rich(c, r))
}

fn citation(c: &Course, cite: &Citation) -> Json {
    obj([
        ("cite", s(c.source(cite.source).id)),
        ("locator", s(cite.locator)),
    ])
}

fn cites(c: &Course, v: &[Citation]) -> Json {
    list(v, |x| citation(c, x))
}

// Each record is destructured whole, so that a field added to the model and forgotten here fails
// to compile.

/// The whole course (see the module documentation for the shape).
pub fn course_value(c: &Course) -> Json {
    let Course {
        schema,
        id,
        title,
        units,
        lessons,
        quizzes,
        questions: _, // written inside their quizzes
        scenarios,
        sources,
        terms,
        events,
        reflections,
    } = c;
    obj([
        ("schema", int(*schema)),
        ("id", s(id)),
        ("title", s(title)),
        ("units", list(*units, |u| unit(c, u))),
        ("lessons", list(*lessons, |l| lesson(c, l))),
        ("quizzes", list(*quizzes, |q| quiz(c, q))),
        ("scenarios", list(*scenarios, |x| scenario(c, x))),
        ("sources", list(*sources, source)),
        ("terms", list(*terms, |t| term(c, t))),
        ("events", list(*events, |e| event(c, e))),
        ("reflections", list(*reflections, |r| reflection(c, r))),
    ])
}

fn unit(c: &Course, u: &Unit) -> Json {
    let Unit {
        id,
        title,
        summary,
        outcomes,
        lesson,
        quiz,
        scenarios,
        discuss,
    } = u;
    obj([
        ("id", s(id)),
        ("title", s(title)),
        ("summary", rich(c, summary)),
        ("outcomes", riches(c, outcomes)),
        ("lesson", s(c.lesson(*lesson).id)),
        ("quiz", s(c.quiz(*quiz).id)),
        ("scenarios", list(*scenarios, |&x| s(c.scenario(x).id))),
        ("discuss", riches(c, discuss)),
    ])
}

fn lesson(c: &Course, l: &Lesson) -> Json {
    let Lesson {
        id,
        unit,
        title,
        cites: sources,
        body,
        words,
    } = l;
    obj([
        ("id", s(id)),
        ("unit", s(c.unit(*unit).id)),
        ("title", s(title)),
        ("words", int(*words)),
        ("cites", cites(c, sources)),
        ("body", list(*body, |b| block(c, b))),
    ])
}

fn block(c: &Course, b: &Block) -> Json {
    match b {
        Block::Heading(level, r) => obj([
            ("kind", s("heading")),
            ("level", int(*level)),
            ("text", rich(c, r)),
        ]),
        Block::Paragraph(r) => obj([("kind", s("paragraph")), ("text", rich(c, r))]),
        Block::Bullets(v) => obj([("kind", s("bullets")), ("items", riches(c, v))]),
        Block::Numbered(v) => obj([("kind", s("numbered")), ("items", riches(c, v))]),
        Block::Quote(r) => obj([("kind", s("quote")), ("text", rich(c, r))]),
        Block::KeyPoints(v) => obj([("kind", s("key_points")), ("items", riches(c, v))]),
        Block::Reflect(id) => obj([
            ("kind", s("reflect")),
            ("reflection", s(c.reflection(*id).id)),
        ]),
    }
}

fn quiz(c: &Course, q: &Quiz) -> Json {
    let Quiz {
        id,
        unit,
        title,
        intro,
        pass,
        questions,
        mode,
        tries,
        confidence,
        shuffle,
        bands,
    } = q;
    let mode = match mode {
        QuizMode::Immediate => "immediate",
        QuizMode::Deferred => "deferred",
    };
    obj([
        ("id", s(id)),
        ("unit", s(c.unit(*unit).id)),
        ("title", s(title)),
        ("intro", rich(c, intro)),
        ("pass", int(*pass)),
        ("mode", s(mode)),
        ("tries", int(*tries)),
        ("confidence", Json::Bool(*confidence)),
        ("shuffle", Json::Bool(*shuffle)),
        (
            "bands",
            list(*bands, |Band { min, text }| {
                obj([("min", int(*min)), ("text", rich(c, text))])
            }),
        ),
        (
            "questions",
            list(*questions, |&x| question(c, c.question(x))),
        ),
    ])
}

/// The seed's `type:` word for a kind of question.
fn kind_word(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "single",
        QuestionKind::Multiple => "multiple",
        QuestionKind::TrueFalse => "truefalse",
        QuestionKind::Ordering => "ordering",
        QuestionKind::Matching => "matching",
        QuestionKind::Categorise => "categorise",
        QuestionKind::Numeric => "numeric",
        QuestionKind::ShortText => "text",
    }
}

fn question(c: &Course, q: &Question) -> Json {
    let Question {
        id,
        quiz: _, // written inside its quiz
        kind,
        prompt,
        cites: sources,
        body,
    } = q;
    let mut fields = vec![
        ("id", s(id)),
        ("kind", s(kind_word(*kind))),
        ("prompt", rich(c, prompt)),
        ("cites", cites(c, sources)),
    ];
    // An item's `key` is its target or group; an ordering question's items are in order instead.
    let keyed = |items: &[Item], name: &str| {
        list(
            items,
            |Item {
                 label,
                 key,
                 feedback,
             }| {
                obj([
                    ("label", rich(c, label)),
                    (name, int(*key)),
                    ("feedback", rich(c, feedback)),
                ])
            },
        )
    };
    match body {
        Body::Choices(options) => fields.push((
            "options",
            list(
                *options,
                |Choice {
                     label,
                     correct,
                     feedback,
                 }| {
                    obj([
                        ("label", rich(c, label)),
                        ("correct", Json::Bool(*correct)),
                        ("feedback", rich(c, feedback)),
                    ])
                },
            ),
        )),
        Body::Ordering(items) => fields.push((
            "items",
            list(
                *items,
                |Item {
                     label,
                     key: _,
                     feedback,
                 }| {
                    obj([("label", rich(c, label)), ("feedback", rich(c, feedback))])
                },
            ),
        )),
        Body::Matching { items, targets } => {
            fields.push(("targets", list(*targets, |t| s(t))));
            fields.push(("pairs", keyed(items, "match")));
        }
        Body::Categorise { items, groups } => {
            fields.push(("groups", list(*groups, |g| s(g))));
            fields.push(("statements", keyed(items, "group")));
        }
        Body::Numeric(Numeric {
            answer,
            tolerance,
            units,
            feedback,
            otherwise,
        }) => {
            fields.push(("answer", decimal(*answer)));
            fields.push(("tolerance", decimal(*tolerance)));
            fields.push(("units", list(*units, |u| s(u))));
            fields.push(("feedback", rich(c, feedback)));
            fields.push(("otherwise", rich(c, otherwise)));
        }
        Body::ShortText { accepts, otherwise } => {
            fields.push((
                "accepts",
                list(*accepts, |Accept { text, feedback }| {
                    obj([("text", s(text)), ("feedback", rich(c, feedback))])
                }),
            ));
            fields.push(("otherwise", rich(c, otherwise)));
        }
    }
    Json::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn scenario(c: &Course, x: &Scenario) -> Json {
    let Scenario {
        id,
        unit,
        title,
        summary,
        intro,
        vars,
        start,
        nodes,
        score,
    } = x;
    let score = match score {
        None => Json::Null,
        Some(Score {
            label,
            terms,
            min,
            max,
        }) => obj([
            ("label", s(label)),
            (
                "terms",
                list(*terms, |w| {
                    obj([("var", s(x.var(w.var).id)), ("times", int(w.times))])
                }),
            ),
            ("min", int(*min)),
            ("max", int(*max)),
        ]),
    };
    obj([
        ("id", s(id)),
        ("unit", s(c.unit(*unit).id)),
        ("title", s(title)),
        ("summary", rich(c, summary)),
        ("intro", paras(c, intro)),
        ("start", s(x.node(*start).id)),
        ("variables", list(*vars, variable)),
        ("score", score),
        ("nodes", list(*nodes, |n| node(c, x, n))),
    ])
}

fn variable(v: &Variable) -> Json {
    let Variable {
        id,
        label,
        start,
        min,
        max,
    } = v;
    obj([
        ("id", s(id)),
        ("label", s(label)),
        ("start", int(*start)),
        ("min", int(*min)),
        ("max", int(*max)),
    ])
}

fn node(c: &Course, x: &Scenario, n: &Node) -> Json {
    let Node { id, text, kind } = n;
    let (key, value) = match kind {
        NodeKind::Step { choices } => ("choices", list(*choices, |ch| choice(c, x, ch))),
        NodeKind::Ending(Ending {
            title,
            debrief,
            see,
        }) => (
            "ending",
            obj([
                ("title", s(title)),
                ("debrief", paras(c, debrief)),
                ("see", list(*see, |&l| s(c.lesson(l).id))),
            ]),
        ),
    };
    obj([("id", s(id)), ("text", paras(c, text)), (key, value)])
}

fn choice(c: &Course, x: &Scenario, ch: &ScenarioChoice) -> Json {
    let ScenarioChoice {
        label,
        when,
        goto,
        consequence,
        effects,
    } = ch;
    obj([
        ("label", rich(c, label)),
        ("if", condition(x, when)),
        (
            "goto",
            list(*goto, |g| {
                obj([("to", s(x.node(g.to).id)), ("if", condition(x, &g.when))])
            }),
        ),
        ("consequence", rich(c, consequence)),
        (
            "effects",
            list(*effects, |e| {
                obj([("var", s(x.var(e.var).id)), ("delta", int(e.delta))])
            }),
        ),
    ])
}

fn condition(x: &Scenario, when: &Condition) -> Json {
    list(when.any, |group| {
        list(*group, |t| match *t {
            Test::Compare(v, op, n) => obj([
                ("var", s(x.var(v).id)),
                ("op", s(op.symbol())),
                ("value", int(n)),
            ]),
            Test::Visited(node) => obj([("visited", s(x.node(node).id))]),
            Test::NotVisited(node) => obj([("not_visited", s(x.node(node).id))]),
        })
    })
}

fn source(x: &Source) -> Json {
    let Source {
        id,
        short,
        authors,
        title,
        venue,
        year,
        doi,
        url,
        licence,
        note,
    } = x;
    obj([
        ("id", s(id)),
        ("short", s(short)),
        ("authors", s(authors)),
        ("title", s(title)),
        ("venue", s(venue)),
        ("year", s(year)),
        ("doi", s(doi)),
        ("url", s(url)),
        ("licence", s(licence)),
        ("note", s(note)),
    ])
}

fn term(c: &Course, t: &Term) -> Json {
    let Term {
        id,
        name,
        definition,
        cites: sources,
        see,
    } = t;
    obj([
        ("id", s(id)),
        ("name", s(name)),
        ("definition", rich(c, definition)),
        ("cites", cites(c, sources)),
        ("see", list(*see, |&x| s(c.term(x).id))),
    ])
}

fn event(c: &Course, e: &Event) -> Json {
    // Year, month and day are written as the one ISO date they make.
    let Event {
        id,
        year: _,
        month: _,
        day: _,
        title,
        text,
        cites: sources,
        unit,
    } = e;
    obj([
        ("id", s(id)),
        ("date", s(&e.date_iso())),
        ("title", s(title)),
        ("text", rich(c, text)),
        ("unit", s(c.unit(*unit).id)),
        ("cites", cites(c, sources)),
    ])
}

fn reflection(c: &Course, r: &Reflection) -> Json {
    let Reflection { id, lesson, prompt } = r;
    obj([
        ("id", s(id)),
        ("lesson", s(c.lesson(*lesson).id)),
        ("prompt", rich(c, prompt)),
    ])
}
