//! Tests of the JSON writer: string escaping, layout, rich text, and the real seeds read back by
//! a small strict JSON reader (below, test-only), which must give the same value.

use super::course::{kind_word, rich};
use super::*;
use crate::compiler::compile;
use crate::model::*;
use std::path::Path;

/// A strict reader of the JSON this module writes (RFC 8259 syntax): enough to prove the output
/// parses and to compare it with the value it was written from.
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn parse(text: &'a str) -> Result<Json, String> {
        let mut r = Reader { text, at: 0 };
        let v = r.value()?;
        r.space();
        if r.at != text.len() {
            return Err(r.fail("text after the value"));
        }
        Ok(v)
    }

    fn fail(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(' ' | '\n' | '\r' | '\t')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> Result<(), String> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.fail(&format!("expected {word}")))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.space();
        match self.peek() {
            Some('n') => self.eat("null").map(|_| Json::Null),
            Some('t') => self.eat("true").map(|_| Json::Bool(true)),
            Some('f') => self.eat("false").map(|_| Json::Bool(false)),
            Some('"') => self.string().map(Json::Str),
            Some('[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(']') {
                    self.at += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value()?);
                    self.space();
                    match self.next() {
                        Some(',') => continue,
                        Some(']') => return Ok(Json::Arr(items)),
                        _ => return Err(self.fail("expected , or ]")),
                    }
                }
            }
            Some('{') => {
                self.at += 1;
                let mut fields = Vec::new();
                self.space();
                if self.peek() == Some('}') {
                    self.at += 1;
                    return Ok(Json::Obj(fields));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    self.space();
                    self.eat(":")?;
                    fields.push((key, self.value()?));
                    self.space();
                    match self.next() {
                        Some(',') => continue,
                        Some('}') => return Ok(Json::Obj(fields)),
                        _ => return Err(self.fail("expected , or }")),
                    }
                }
            }
            Some('-' | '0'..='9') => self.number(),
            _ => Err(self.fail("expected a value")),
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        if self.peek() == Some('-') {
            self.at += 1;
        }
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some('0'..='9')) {
                r.at += 1;
            }
            r.at - from
        };
        let int_start = self.at;
        let n = digits(self);
        if n == 0 || (n > 1 && self.text[int_start..].starts_with('0')) {
            return Err(self.fail("bad integer part"));
        }
        let mut whole = true;
        if self.peek() == Some('.') {
            self.at += 1;
            whole = false;
            if digits(self) == 0 {
                return Err(self.fail("no digits after ."));
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            return Err(self.fail("the writer never uses exponents"));
        }
        let spelt = &self.text[start..self.at];
        Ok(match spelt.parse::<i64>() {
            Ok(i) if whole => Json::Int(i),
            _ => Json::Decimal(spelt.to_string()),
        })
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self
            .text
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.fail("short \\u escape"))?;
        self.at += 4;
        u32::from_str_radix(hex, 16).map_err(|_| self.fail("bad \\u escape"))
    }

    fn string(&mut self) -> Result<String, String> {
        self.eat("\"")?;
        let mut out = String::new();
        loop {
            match self.next() {
                None => return Err(self.fail("unterminated string")),
                Some('"') => return Ok(out),
                Some(c) if u32::from(c) < 0x20 => {
                    return Err(self.fail("raw control character in a string"))
                }
                Some('\\') => {
                    let c = match self.next() {
                        Some('"') => '"',
                        Some('\\') => '\\',
                        Some('/') => '/',
                        Some('n') => '\n',
                        Some('r') => '\r',
                        Some('t') => '\t',
                        Some('b') => '\u{8}',
                        Some('f') => '\u{c}',
                        Some('u') => {
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi) {
                                self.eat("\\u")?;
                                let lo = self.hex4()?;
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or_else(|| self.fail("bad code point"))?
                        }
                        _ => return Err(self.fail("bad escape")),
                    };
                    out.push(c);
                }
                Some(c) => out.push(c),
            }
        }
    }
}

fn written(v: &Json) -> String {
    let mut out = String::new();
    v.write(0, &mut out);
    out
}

fn str_json(s: &str) -> String {
    let mut out = String::new();
    write_str(s, &mut out);
    out
}

#[test]
fn strings_are_escaped() {
    assert_eq!(str_json(""), r#""""#);
    assert_eq!(str_json(r#"say "hi" \ bye"#), r#""say \"hi\" \\ bye""#);
    assert_eq!(str_json("a\nb\rc\td"), r#""a\nb\rc\td""#);
    assert_eq!(str_json("\u{8}\u{c}"), r#""\b\f""#);
    assert_eq!(str_json("\u{0}\u{1}\u{1f}"), r#""\u0000\u0001\u001f""#);
    assert_eq!(str_json("x\u{2028}y\u{2029}"), r#""x\u2028y\u2029""#);
    // Everything else is written as it is: slashes, DEL, and any non-ASCII character.
    assert_eq!(str_json("</a> \u{7f}"), "\"</a> \u{7f}\"");
    assert_eq!(str_json("café – “quoted” 😀"), "\"café – “quoted” 😀\"");
}

#[test]
fn every_string_reads_back_as_written() {
    let mut all: String = (0u32..0x80).filter_map(char::from_u32).collect();
    all.push_str("\u{a0}é–“”‘’£€\u{2028}\u{2029}\u{feff}😀\u{10ffff}");
    for s in [all.as_str(), "", "\\", "\"", "\\\"", "\\u0041", "a\\nb"] {
        let text = str_json(s);
        assert_eq!(Reader::parse(&text), Ok(Json::Str(s.to_string())), "{text}");
    }
}

#[test]
fn containers_of_scalars_take_one_line_and_others_one_element_a_line() {
    let v = obj([
        ("empty", Json::Arr(vec![])),
        ("none", Json::Obj(vec![])),
        ("flat", Json::Arr(vec![s("a"), int(-2), Json::Null])),
        (
            "nested",
            Json::Arr(vec![obj([("x", Json::Bool(true))]), Json::Arr(vec![])]),
        ),
        ("n", Json::Decimal("-0.05".into())),
    ]);
    let want = r#"{
  "empty": [],
  "none": {},
  "flat": ["a", -2, null],
  "nested": [
    {"x": true},
    []
  ],
  "n": -0.05
}"#;
    assert_eq!(written(&v), want);
    assert_eq!(Reader::parse(want), Ok(v));
}

#[test]
fn fixed_point_numbers_are_json_numbers() {
    assert_eq!(decimal(38_000), Json::Decimal("3.8".into()));
    assert_eq!(decimal(-500), Json::Decimal("-0.05".into()));
    assert_eq!(decimal(120_000), Json::Int(12));
    assert_eq!(decimal(0), Json::Int(0));
    for v in [38_000, -500, 1, 120_000, -10_000] {
        let read = Reader::parse(&written(&decimal(v)));
        assert_eq!(read, Ok(decimal(v)), "{v}");
    }
}

#[test]
fn the_reader_refuses_what_is_not_json() {
    for bad in [
        "",
        "{",
        "[1,]",
        "{\"a\" 1}",
        "\"a\nb\"",
        "01",
        "1.",
        "1e5",
        "nul",
        "[] []",
        "\"\\x\"",
    ] {
        assert!(Reader::parse(bad).is_err(), "{bad:?} was accepted");
    }
}

static SOURCES: &[Source] = &[Source {
    id: "glasby-2017",
    short: "Glasby 2017",
    authors: "",
    title: "",
    venue: "",
    year: "",
    doi: "",
    url: "",
    licence: "",
    note: "",
}];

static TINY: Course = Course {
    schema: SCHEMA_VERSION,
    id: "tiny",
    title: "Tiny",
    units: &[],
    lessons: &[],
    quizzes: &[],
    questions: &[],
    scenarios: &[],
    sources: SOURCES,
    terms: &[],
    events: &[],
    reflections: &[],
};

#[test]
fn rich_text_is_words_split_at_citations() {
    const CITE: Inline = Inline::Cite(Citation {
        source: SourceId(0),
        locator: "third lesson",
    });
    static R: &[Inline] = &[
        Inline::Text("Care "),
        Inline::Emphasis(&[
            Inline::Text("that "),
            Inline::Strong(&[Inline::Text("joins")]),
        ]),
        Inline::Text(" up "),
        CITE,
        Inline::Text(", says the "),
        Inline::Term(TermId(0), "integrated care"),
        Inline::Text(" "),
        Inline::Link("report", "https://example.org/"),
        CITE,
    ];
    let cite_json = obj([("cite", s("glasby-2017")), ("locator", s("third lesson"))]);
    assert_eq!(
        rich(&TINY, R),
        Json::Arr(vec![
            s("Care that joins up "),
            cite_json.clone(),
            s(", says the integrated care report"),
            cite_json,
        ])
    );
    assert_eq!(rich(&TINY, &[]), Json::Arr(vec![]));
}

fn field<'v>(v: &'v Json, key: &str) -> &'v Json {
    match v {
        Json::Obj(fields) => fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, x)| x)
            .unwrap_or_else(|| panic!("no field {key} in {v:?}")),
        _ => panic!("{v:?} is not an object"),
    }
}

fn items(v: &Json) -> &[Json] {
    match v {
        Json::Arr(items) => items,
        _ => panic!("{v:?} is not an array"),
    }
}

fn text(v: &Json) -> &str {
    match v {
        Json::Str(s) => s,
        _ => panic!("{v:?} is not a string"),
    }
}

#[test]
fn the_real_course_reads_back_as_written_with_its_seed_ids() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let course = compile(&dir).unwrap_or_else(|d| panic!("the seeds do not compile: {d:?}"));
    let out = course_json(&course);
    assert!(out.ends_with("}\n"));
    let read = Reader::parse(&out).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(
        read,
        course_value(&course),
        "read back differs from the value written"
    );

    let ids = |key: &str| -> Vec<String> {
        items(field(&read, key))
            .iter()
            .map(|x| text(field(x, "id")).to_string())
            .collect()
    };
    let course_ids = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(text(field(&read, "id")), course.id);
    assert_eq!(
        ids("units"),
        course_ids(course.units.iter().map(|u| u.id).collect())
    );
    assert_eq!(
        ids("lessons"),
        course_ids(course.lessons.iter().map(|x| x.id).collect())
    );
    assert_eq!(
        ids("quizzes"),
        course_ids(course.quizzes.iter().map(|x| x.id).collect())
    );
    assert_eq!(
        ids("scenarios"),
        course_ids(course.scenarios.iter().map(|x| x.id).collect())
    );
    assert_eq!(
        ids("sources"),
        course_ids(course.sources.iter().map(|x| x.id).collect())
    );
    assert_eq!(
        ids("terms"),
        course_ids(course.terms.iter().map(|x| x.id).collect())
    );
    assert_eq!(
        ids("events"),
        course_ids(course.events.iter().map(|x| x.id).collect())
    );

    // Every question is in its quiz, in seed order, with its kind and numbers as the app has them.
    let mut seen = 0;
    for (quiz, q) in items(field(&read, "quizzes")).iter().zip(course.quizzes) {
        for (x, &id) in items(field(quiz, "questions")).iter().zip(q.questions) {
            let want = course.question(id);
            assert_eq!(text(field(x, "id")), want.id);
            assert_eq!(text(field(x, "kind")), kind_word(want.kind));
            if let Body::Numeric(n) = &want.body {
                for (key, value) in [("answer", n.answer), ("tolerance", n.tolerance)] {
                    let read = match field(x, key) {
                        Json::Int(i) => i.checked_mul(DECIMAL_SCALE),
                        Json::Decimal(d) => parse_decimal(d),
                        other => panic!("{} {key} is not a number: {other:?}", want.id),
                    };
                    assert_eq!(read, Some(value), "{} {key}", want.id);
                }
            }
            seen += 1;
        }
    }
    assert_eq!(
        seen,
        course.questions.len(),
        "every question is written once"
    );
}
