//! The compiled course as a [`Json`] value, record by record; the shape is described in the
//! documentation of [`super`] (`compiler/json.rs`).

use super::{decimal, int, list, obj, s, Json};
use crate::model::*;

/// Rich text as runs of words and citations (see the documentation of [`super`]).
pub(super) fn rich(c: &Course, r: Rich) -> Json {
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

/// The whole course (see the documentation of [`super`] for the shape).
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
pub(super) fn kind_word(kind: QuestionKind) -> &'static str {
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
