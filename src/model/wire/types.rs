//! How each type of the model is written and read: ids, plain enums, structs field by field, and
//! the enums with data by a tag and their fields.

use super::{Reader, Wire, Writer};
use crate::model::*;

macro_rules! wire_id {
    ($($t:ident),*) => {$(
        impl Wire for $t {
            fn put(&self, w: &mut Writer) {
                w.uint(u64::from(self.0));
            }
            fn take(r: &mut Reader) -> Self {
                $t(r.small())
            }
        }
    )*};
}
wire_id!(
    UnitId,
    LessonId,
    QuizId,
    QuestionId,
    ScenarioId,
    NodeId,
    VarId,
    SourceId,
    TermId,
    EventId,
    ReflectionId
);

/// A unit-only enum as its position in the list given.
macro_rules! wire_plain_enum {
    ($t:ident [$($v:ident),*]) => {
        impl Wire for $t {
            fn put(&self, w: &mut Writer) {
                let all = [$($t::$v),*];
                let i = all.iter().position(|x| x == self).unwrap_or(0);
                w.uint(i as u64);
            }
            fn take(r: &mut Reader) -> Self {
                let all = [$($t::$v),*];
                let i = r.tag(all.len() as u8, concat!("an unknown ", stringify!($t)));
                all[usize::from(i)]
            }
        }
    };
}
wire_plain_enum!(QuizMode[Immediate, Deferred]);
wire_plain_enum!(QuestionKind[Single, Multiple, TrueFalse, Ordering, Matching, Categorise, Numeric, ShortText]);
wire_plain_enum!(Cmp[Lt, Le, Gt, Ge, Eq, Ne]);

/// A struct, field by field in the order listed: destructured without `..` and built with every
/// field, so the list must name them all.
macro_rules! wire_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, w: &mut Writer) {
                let $t { $($f),* } = self;
                $( $f.put(w); )*
            }
            fn take(r: &mut Reader) -> Self {
                $t { $($f: Wire::take(r)),* }
            }
        }
    };
}

wire_struct!(Course {
    schema,
    id,
    title,
    units,
    lessons,
    quizzes,
    questions,
    scenarios,
    sources,
    terms,
    events,
    reflections,
});
wire_struct!(Reflection { id, lesson, prompt });
wire_struct!(Event {
    id,
    year,
    month,
    day,
    title,
    text,
    cites,
    unit,
});
wire_struct!(Unit {
    id,
    title,
    summary,
    outcomes,
    lesson,
    quiz,
    scenarios,
    discuss,
});
wire_struct!(Lesson {
    id,
    unit,
    title,
    cites,
    body,
    words,
});
wire_struct!(Quiz {
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
});
wire_struct!(Band { min, text });
wire_struct!(Choice {
    label,
    correct,
    feedback,
});
wire_struct!(Scenario {
    id,
    unit,
    title,
    summary,
    intro,
    vars,
    start,
    nodes,
    score,
});
wire_struct!(Score {
    label,
    terms,
    min,
    max,
});
wire_struct!(Weight { var, times });
wire_struct!(Condition { any });
wire_struct!(Goto { to, when });
wire_struct!(Variable {
    id,
    label,
    start,
    min,
    max,
});
wire_struct!(Node { id, text, kind });
wire_struct!(Ending {
    title,
    debrief,
    see,
});
wire_struct!(ScenarioChoice {
    label,
    when,
    goto,
    consequence,
    effects,
});
wire_struct!(Effect { var, delta });
wire_struct!(Source {
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
});
wire_struct!(Term {
    id,
    name,
    definition,
    cites,
    see,
});
wire_struct!(Citation { source, locator });
wire_struct!(Question {
    id,
    quiz,
    kind,
    prompt,
    cites,
    body,
});
wire_struct!(Item {
    label,
    key,
    feedback,
});
wire_struct!(Numeric {
    answer,
    tolerance,
    units,
    feedback,
    otherwise,
});
wire_struct!(Accept { text, feedback });

impl Wire for Body {
    fn put(&self, w: &mut Writer) {
        match self {
            Body::Choices(o) => {
                w.uint(0);
                o.put(w);
            }
            Body::Ordering(i) => {
                w.uint(1);
                i.put(w);
            }
            Body::Matching { items, targets } => {
                w.uint(2);
                items.put(w);
                targets.put(w);
            }
            Body::Categorise { items, groups } => {
                w.uint(3);
                items.put(w);
                groups.put(w);
            }
            Body::Numeric(n) => {
                w.uint(4);
                n.put(w);
            }
            Body::ShortText { accepts, otherwise } => {
                w.uint(5);
                accepts.put(w);
                otherwise.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Self {
        match r.tag(6, "an unknown question body") {
            0 => Body::Choices(Wire::take(r)),
            1 => Body::Ordering(Wire::take(r)),
            2 => Body::Matching {
                items: Wire::take(r),
                targets: Wire::take(r),
            },
            3 => Body::Categorise {
                items: Wire::take(r),
                groups: Wire::take(r),
            },
            4 => Body::Numeric(Wire::take(r)),
            _ => Body::ShortText {
                accepts: Wire::take(r),
                otherwise: Wire::take(r),
            },
        }
    }
}

impl Wire for Test {
    fn put(&self, w: &mut Writer) {
        match self {
            Test::Compare(v, op, n) => {
                w.uint(0);
                v.put(w);
                op.put(w);
                n.put(w);
            }
            Test::Visited(n) => {
                w.uint(1);
                n.put(w);
            }
            Test::NotVisited(n) => {
                w.uint(2);
                n.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Self {
        match r.tag(3, "an unknown test") {
            0 => Test::Compare(Wire::take(r), Wire::take(r), Wire::take(r)),
            1 => Test::Visited(Wire::take(r)),
            _ => Test::NotVisited(Wire::take(r)),
        }
    }
}

impl Wire for NodeKind {
    fn put(&self, w: &mut Writer) {
        match self {
            NodeKind::Step { choices } => {
                w.uint(0);
                choices.put(w);
            }
            NodeKind::Ending(e) => {
                w.uint(1);
                e.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Self {
        match r.tag(2, "an unknown node kind") {
            0 => NodeKind::Step {
                choices: Wire::take(r),
            },
            _ => NodeKind::Ending(Wire::take(r)),
        }
    }
}

impl Wire for Inline {
    fn put(&self, w: &mut Writer) {
        match self {
            Inline::Text(t) => {
                w.uint(0);
                t.put(w);
            }
            Inline::Emphasis(v) => {
                w.uint(1);
                v.put(w);
            }
            Inline::Strong(v) => {
                w.uint(2);
                v.put(w);
            }
            Inline::Cite(c) => {
                w.uint(3);
                c.put(w);
            }
            Inline::Term(id, words) => {
                w.uint(4);
                id.put(w);
                words.put(w);
            }
            Inline::Link(text, href) => {
                w.uint(5);
                text.put(w);
                href.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Self {
        match r.tag(6, "an unknown inline") {
            0 => Inline::Text(Wire::take(r)),
            1 => Inline::Emphasis(Wire::take(r)),
            2 => Inline::Strong(Wire::take(r)),
            3 => Inline::Cite(Wire::take(r)),
            4 => Inline::Term(Wire::take(r), Wire::take(r)),
            _ => Inline::Link(Wire::take(r), Wire::take(r)),
        }
    }
}

impl Wire for Block {
    fn put(&self, w: &mut Writer) {
        match self {
            Block::Heading(level, r) => {
                w.uint(0);
                level.put(w);
                r.put(w);
            }
            Block::Paragraph(r) => {
                w.uint(1);
                r.put(w);
            }
            Block::Bullets(v) => {
                w.uint(2);
                v.put(w);
            }
            Block::Numbered(v) => {
                w.uint(3);
                v.put(w);
            }
            Block::Quote(r) => {
                w.uint(4);
                r.put(w);
            }
            Block::KeyPoints(v) => {
                w.uint(5);
                v.put(w);
            }
            Block::Reflect(id) => {
                w.uint(6);
                id.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Self {
        match r.tag(7, "an unknown block") {
            0 => Block::Heading(Wire::take(r), Wire::take(r)),
            1 => Block::Paragraph(Wire::take(r)),
            2 => Block::Bullets(Wire::take(r)),
            3 => Block::Numbered(Wire::take(r)),
            4 => Block::Quote(Wire::take(r)),
            5 => Block::KeyPoints(Wire::take(r)),
            _ => Block::Reflect(Wire::take(r)),
        }
    }
}
