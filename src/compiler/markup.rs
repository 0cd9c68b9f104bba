//! Inline markup and the lesson Markdown subset, parsed at build time into unresolved trees.
//! References (sources, terms) are resolved by the caller, which knows the course's ids.

/// Text joined from one or more source lines, remembering where each line starts, so that a
/// problem inside it is reported at its own line.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub text: String,
    /// (character offset in `text`, line number), in order.
    pub lines: Vec<(usize, u32)>,
}

impl Para {
    pub fn new(line: u32, text: &str) -> Para {
        Para {
            text: text.to_string(),
            lines: vec![(0, line)],
        }
    }

    /// Appends the next source line, joined with a space.
    pub fn push_line(&mut self, line: u32, text: &str) {
        self.text.push(' ');
        self.lines.push((self.text.chars().count(), line));
        self.text.push_str(text);
    }

    pub fn first_line(&self) -> u32 {
        self.lines.first().map_or(0, |l| l.1)
    }

    /// The line holding the character at `offset`.
    pub fn line_at(&self, offset: usize) -> u32 {
        self.lines
            .iter()
            .rev()
            .find(|(o, _)| *o <= offset)
            .map_or(self.first_line(), |l| l.1)
    }
}

/// Inline content before its references are resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum RawInline {
    Text(String),
    Emphasis(Vec<RawInline>),
    Strong(Vec<RawInline>),
    /// `at`: character offset of the reference, for its line.
    Cite {
        source: String,
        locator: String,
        at: usize,
    },
    Term {
        id: String,
        shown: String,
        at: usize,
    },
    Link {
        text: String,
        href: String,
    },
}

/// A lesson block before resolution; each inline run keeps its line for diagnostics.
#[derive(Debug, Clone)]
pub enum RawBlock {
    Heading(u8, Para),
    Paragraph(Para),
    Bullets(Vec<Para>),
    Numbered(Vec<Para>),
    Quote(Para),
    KeyPoints(u32, Vec<Para>),
    /// `:::reflect ID` … `:::`: a reflection prompt (line of the opening, id, prompt text).
    Reflect(u32, String, Para),
}

/// Parses inline markup: `*em*`, `**strong**`, `[@source, locator]`, `[[term|shown]]`, `[text](https://…)`.
/// An error carries the character offset where the faulty markup starts.
pub fn parse_inline(s: &str) -> Result<Vec<RawInline>, (usize, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut pos = 0;
    let out = parse_until(&chars, &mut pos, None)?;
    Ok(out)
}

const UNCLOSED: &str = "unclosed markup";

fn flush(text: &mut String, out: &mut Vec<RawInline>) {
    if !text.is_empty() {
        out.push(RawInline::Text(std::mem::take(text)));
    }
}

fn starts(chars: &[char], pos: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(k, p)| chars.get(pos + k) == Some(&p))
}

fn find(chars: &[char], from: usize, pat: &str) -> Option<usize> {
    (from..chars.len()).find(|&i| starts(chars, i, pat))
}

fn parse_until(
    chars: &[char],
    pos: &mut usize,
    close: Option<&str>,
) -> Result<Vec<RawInline>, (usize, String)> {
    let mut out = Vec::new();
    let mut text = String::new();
    while *pos < chars.len() {
        if let Some(c) = close {
            if starts(chars, *pos, c) && !(c == "*" && starts(chars, *pos, "**")) {
                *pos += c.len();
                flush(&mut text, &mut out);
                return Ok(out);
            }
        }
        let ch = chars[*pos];
        if ch == '\\' && *pos + 1 < chars.len() {
            text.push(chars[*pos + 1]);
            *pos += 2;
        } else if starts(chars, *pos, "**") {
            flush(&mut text, &mut out);
            let at = *pos;
            *pos += 2;
            let inner = parse_until(chars, pos, Some("**")).map_err(|e| {
                if e.1 == UNCLOSED {
                    (
                        at,
                        "unclosed **strong** text; add the closing **".to_string(),
                    )
                } else {
                    e
                }
            })?;
            if inner.is_empty() {
                return Err((at, "empty **strong** text; remove the ** pair".into()));
            }
            out.push(RawInline::Strong(inner));
        } else if ch == '*' {
            flush(&mut text, &mut out);
            let at = *pos;
            *pos += 1;
            let inner = parse_until(chars, pos, Some("*")).map_err(|e| {
                if e.1 == UNCLOSED {
                    (
                        at,
                        r"unclosed *emphasis*; add the closing * (write \* for a literal asterisk)"
                            .to_string(),
                    )
                } else {
                    e
                }
            })?;
            if inner.is_empty() {
                return Err((at, "empty *emphasis*; remove the * pair".into()));
            }
            out.push(RawInline::Emphasis(inner));
        } else if starts(chars, *pos, "[@") {
            flush(&mut text, &mut out);
            let at = *pos;
            let end = find(chars, *pos, "]")
                .ok_or((at, "unclosed citation `[@…`; close it with ]".to_string()))?;
            let body: String = chars[*pos + 2..end].iter().collect();
            let (source, locator) = match body.split_once(',') {
                Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
                None => (body.trim().to_string(), String::new()),
            };
            if source.is_empty() {
                let msg = "empty citation `[@]`; write [@source-id] or [@source-id, locator]";
                return Err((at, msg.into()));
            }
            out.push(RawInline::Cite {
                source,
                locator,
                at,
            });
            *pos = end + 1;
        } else if starts(chars, *pos, "[[") {
            flush(&mut text, &mut out);
            let at = *pos;
            let unclosed = "unclosed glossary link `[[…`; close it with ]]";
            let end = find(chars, *pos, "]]").ok_or((at, unclosed.to_string()))?;
            let body: String = chars[*pos + 2..end].iter().collect();
            let (id, shown) = match body.split_once('|') {
                Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
                None => (body.trim().to_string(), String::new()),
            };
            if id.is_empty() {
                let msg = "empty glossary link `[[]]`; write [[term-id]] or [[term-id|words]]";
                return Err((at, msg.into()));
            }
            out.push(RawInline::Term { id, shown, at });
            *pos = end + 2;
        } else if ch == '[' {
            // A link `[text](https://…)`, or a literal bracket.
            let link = find(chars, *pos, "](").and_then(|mid| {
                let close = find(chars, mid + 2, ")")?;
                Some((mid, close))
            });
            match link {
                Some((mid, close)) if !chars[*pos + 1..mid].contains(&']') => {
                    let label: String = chars[*pos + 1..mid].iter().collect();
                    let href: String = chars[mid + 2..close].iter().collect();
                    if !href.starts_with("https://") {
                        return Err((
                            *pos,
                            format!("link address \"{href}\" must start with https://; write the full https:// address"),
                        ));
                    }
                    flush(&mut text, &mut out);
                    out.push(RawInline::Link { text: label, href });
                    *pos = close + 1;
                }
                _ => {
                    text.push('[');
                    *pos += 1;
                }
            }
        } else {
            text.push(ch);
            *pos += 1;
        }
    }
    if close.is_some() {
        return Err((*pos, UNCLOSED.into()));
    }
    flush(&mut text, &mut out);
    Ok(out)
}

/// Plain words of inline markup, for word counts.
pub fn word_count(s: &str) -> u32 {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count() as u32
}

/// Parses a lesson body; errors are (line, message).
pub fn parse_lesson(text: &str) -> (Vec<RawBlock>, Vec<(u32, String)>) {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut para: Option<Para> = None;
    let mut list: Option<(bool, Vec<Para>)> = None;
    let mut key_points: Option<(u32, Vec<Para>)> = None;
    let mut reflect: Option<(u32, String, Option<Para>)> = None;

    fn end_para(para: &mut Option<Para>, blocks: &mut Vec<RawBlock>) {
        if let Some(p) = para.take() {
            blocks.push(RawBlock::Paragraph(p));
        }
    }
    fn end_list(list: &mut Option<(bool, Vec<Para>)>, blocks: &mut Vec<RawBlock>) {
        if let Some((numbered, items)) = list.take() {
            blocks.push(if numbered {
                RawBlock::Numbered(items)
            } else {
                RawBlock::Bullets(items)
            });
        }
    }

    for (i, raw) in text.lines().enumerate() {
        let n = (i + 1) as u32;
        let line = raw.trim_end();
        if let Some((start, id, prompt)) = reflect.as_mut() {
            if line.trim() == ":::" {
                match prompt.take() {
                    Some(p) => blocks.push(RawBlock::Reflect(*start, std::mem::take(id), p)),
                    None => errors.push((
                        *start,
                        "an empty :::reflect box; write the question the learner reflects on inside it".into(),
                    )),
                }
                reflect = None;
            } else if line.trim().is_empty() {
                errors.push((n, "a :::reflect prompt is one paragraph; remove the blank line or close the box with :::".into()));
            } else {
                match prompt.as_mut() {
                    Some(p) => p.push_line(n, line.trim()),
                    None => *prompt = Some(Para::new(n, line.trim())),
                }
            }
            continue;
        }
        if let Some((start, items)) = key_points.as_mut() {
            if line.trim() == ":::" {
                if items.is_empty() {
                    errors.push((
                        *start,
                        "an empty :::key-points box; add `- point` lines inside it".into(),
                    ));
                }
                let (s, it) = (*start, std::mem::take(items));
                blocks.push(RawBlock::KeyPoints(s, it));
                key_points = None;
            } else if let Some(item) = line.strip_prefix("- ") {
                items.push(Para::new(n, item.trim()));
            } else if !line.trim().is_empty() {
                errors.push((n, "inside :::key-points only `- point` lines are allowed; start the line with \"- \" or close the box with :::".into()));
            }
            continue;
        }
        if line.trim().is_empty() {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            continue;
        }
        if line.starts_with(' ') {
            errors.push((n, "an indented line; lesson Markdown takes no indentation (one line per list item, paragraphs flush left)".into()));
            continue;
        }
        let numbered_item = {
            let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && line[digits..].starts_with(". ") {
                Some(line[digits + 2..].trim())
            } else {
                None
            }
        };
        if line == ":::key-points" {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            key_points = Some((n, Vec::new()));
        } else if let Some(id) = line.strip_prefix(":::reflect") {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            let id = id.trim();
            if id.is_empty() {
                errors.push((n, "a :::reflect box has no id; give it one that stays the same when the prompt is edited, e.g. `:::reflect meaning-own-words`".into()));
            }
            reflect = Some((n, id.to_string(), None));
        } else if line.starts_with(":::") {
            errors.push((
                n,
                format!("unknown box \"{line}\"; the boxes are :::key-points and :::reflect ID"),
            ));
        } else if let Some(h) = line.strip_prefix("### ") {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            blocks.push(RawBlock::Heading(3, Para::new(n, h.trim())));
        } else if let Some(h) = line.strip_prefix("## ") {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            blocks.push(RawBlock::Heading(2, Para::new(n, h.trim())));
        } else if line.starts_with("# ") {
            errors.push((n, "a level-1 heading; the lesson title comes from its `lesson:` record, so use ## for sections".into()));
        } else if line.starts_with('#') {
            errors.push((
                n,
                "only ## and ### headings are supported; use ## for sections and ### below them"
                    .into(),
            ));
        } else if let Some(item) = line.strip_prefix("- ") {
            end_para(&mut para, &mut blocks);
            if matches!(list, Some((true, _))) {
                end_list(&mut list, &mut blocks);
            }
            list.get_or_insert((false, Vec::new()))
                .1
                .push(Para::new(n, item.trim()));
        } else if let Some(item) = numbered_item {
            end_para(&mut para, &mut blocks);
            if matches!(list, Some((false, _))) {
                end_list(&mut list, &mut blocks);
            }
            list.get_or_insert((true, Vec::new()))
                .1
                .push(Para::new(n, item));
        } else if line.starts_with("* ") || line.starts_with("+ ") {
            errors.push((
                n,
                "bullets start with \"- \" in lesson Markdown; replace the marker".into(),
            ));
        } else if let Some(q) = line.strip_prefix('>') {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            match blocks.last_mut() {
                Some(RawBlock::Quote(p)) if !text_breaks_before(text, i) => {
                    p.push_line(n, q.trim())
                }
                _ => blocks.push(RawBlock::Quote(Para::new(n, q.trim()))),
            }
        } else if line.starts_with("```") || line.starts_with('|') || line.starts_with('<') {
            errors.push((n, "code blocks, tables and HTML are not part of lesson Markdown; write it as paragraphs or a list".into()));
        } else if list.is_some() {
            errors.push((n, "a list item must fit on one line; join this line to the item above or leave a blank line before a new paragraph".into()));
        } else if let Some(p) = para.as_mut() {
            p.push_line(n, line.trim());
        } else {
            para = Some(Para::new(n, line.trim()));
        }
    }
    if let Some((start, _)) = key_points {
        errors.push((
            start,
            "this :::key-points box is never closed; add a line with ::: after its points".into(),
        ));
    }
    if let Some((start, _, _)) = reflect {
        errors.push((
            start,
            "this :::reflect box is never closed; add a line with ::: after the prompt".into(),
        ));
    }
    end_para(&mut para, &mut blocks);
    end_list(&mut list, &mut blocks);
    (blocks, errors)
}

/// True when the line before `i` is blank (so a `>` line starts a new quotation).
fn text_breaks_before(text: &str, i: usize) -> bool {
    i == 0 || text.lines().nth(i - 1).is_none_or(|l| l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup() {
        let got =
            parse_inline("A *b* and **c [[term|T]]** [@src, s 2] [x](https://e.org) [lit").unwrap();
        assert_eq!(
            got,
            vec![
                RawInline::Text("A ".into()),
                RawInline::Emphasis(vec![RawInline::Text("b".into())]),
                RawInline::Text(" and ".into()),
                RawInline::Strong(vec![
                    RawInline::Text("c ".into()),
                    RawInline::Term {
                        id: "term".into(),
                        shown: "T".into(),
                        at: 14
                    }
                ]),
                RawInline::Text(" ".into()),
                RawInline::Cite {
                    source: "src".into(),
                    locator: "s 2".into(),
                    at: 27
                },
                RawInline::Text(" ".into()),
                RawInline::Link {
                    text: "x".into(),
                    href: "https://e.org".into()
                },
                RawInline::Text(" [lit".into()),
            ]
        );
    }

    #[test]
    fn inline_errors_carry_their_position() {
        let err = parse_inline("an *open").unwrap_err();
        assert_eq!(err.0, 3);
        assert!(err.1.contains("unclosed *emphasis*"));
        assert!(parse_inline("**open")
            .unwrap_err()
            .1
            .contains("unclosed **strong**"));
        assert_eq!(
            parse_inline("ok [@src").unwrap_err(),
            (3, "unclosed citation `[@…`; close it with ]".to_string())
        );
        assert!(parse_inline("[x](http://e.org)")
            .unwrap_err()
            .1
            .contains("https://"));
        // An error inside emphasis keeps its own position.
        assert_eq!(parse_inline("*a [@*").unwrap_err().0, 3);
        assert_eq!(
            parse_inline(r"2 \* 3").unwrap(),
            vec![RawInline::Text("2 * 3".into())]
        );
    }

    #[test]
    fn paragraphs_map_offsets_to_lines() {
        let mut p = Para::new(7, "first line");
        p.push_line(8, "second");
        assert_eq!(p.text, "first line second");
        assert_eq!(
            (p.line_at(0), p.line_at(10), p.line_at(11), p.line_at(16)),
            (7, 7, 8, 8)
        );
    }

    #[test]
    fn lesson_blocks() {
        let md = "## A\n\nOne\ntwo.\n\n- x\n- y\n\n1. p\n2. q\n\n> quoted\n> more\n\n:::key-points\n- k\n:::\n";
        let (blocks, errors) = parse_lesson(md);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(blocks.len(), 6);
        assert!(
            matches!(&blocks[1], RawBlock::Paragraph(p) if p.text == "One two." && p.line_at(4) == 4 && p.line_at(0) == 3)
        );
        assert!(matches!(&blocks[2], RawBlock::Bullets(v) if v.len() == 2));
        assert!(
            matches!(&blocks[3], RawBlock::Numbered(v) if v.len() == 2 && v[1].first_line() == 10)
        );
        assert!(
            matches!(&blocks[4], RawBlock::Quote(p) if p.text == "quoted more" && p.line_at(7) == 13)
        );
        assert!(matches!(&blocks[5], RawBlock::KeyPoints(15, v) if v.len() == 1));
    }

    #[test]
    fn lesson_errors() {
        let (_, errors) = parse_lesson("# Title\n\n| a | b |\n\n:::key-points\n- k\n");
        let lines: Vec<u32> = errors.iter().map(|e| e.0).collect();
        assert_eq!(lines, vec![1, 3, 5]);
    }
}
