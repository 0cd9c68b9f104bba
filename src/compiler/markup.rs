//! Inline markup and the lesson Markdown subset, parsed at build time into unresolved trees.
//! References (sources, terms) are resolved by the caller, which knows the course's ids.

/// Inline content before its references are resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum RawInline {
    Text(String),
    Emphasis(Vec<RawInline>),
    Strong(Vec<RawInline>),
    Cite { source: String, locator: String },
    Term { id: String, shown: String },
    Link { text: String, href: String },
}

/// A lesson block before resolution; each inline run keeps its line for diagnostics.
#[derive(Debug, Clone)]
pub enum RawBlock {
    Heading(u8, u32, String),
    Paragraph(u32, String),
    Bullets(Vec<(u32, String)>),
    Numbered(Vec<(u32, String)>),
    Quote(u32, String),
    KeyPoints(u32, Vec<(u32, String)>),
}

/// Parses inline markup: `*em*`, `**strong**`, `[@source, locator]`, `[[term|shown]]`, `[text](https://…)`.
pub fn parse_inline(s: &str) -> Result<Vec<RawInline>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut pos = 0;
    let out = parse_until(&chars, &mut pos, None)?;
    Ok(out)
}

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
) -> Result<Vec<RawInline>, String> {
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
            *pos += 2;
            let inner = parse_until(chars, pos, Some("**"))
                .map_err(|_| "unclosed **strong** text; add the closing **".to_string())?;
            if inner.is_empty() {
                return Err("empty **strong** text; remove the ** pair".into());
            }
            out.push(RawInline::Strong(inner));
        } else if ch == '*' {
            flush(&mut text, &mut out);
            *pos += 1;
            let inner = parse_until(chars, pos, Some("*")).map_err(|_| {
                "unclosed *emphasis*; add the closing * (write \\* for a literal asterisk)"
                    .to_string()
            })?;
            if inner.is_empty() {
                return Err("empty *emphasis*; remove the * pair".into());
            }
            out.push(RawInline::Emphasis(inner));
        } else if starts(chars, *pos, "[@") {
            flush(&mut text, &mut out);
            let end = find(chars, *pos, "]").ok_or("unclosed citation `[@…`; close it with ]")?;
            let body: String = chars[*pos + 2..end].iter().collect();
            let (source, locator) = match body.split_once(',') {
                Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
                None => (body.trim().to_string(), String::new()),
            };
            if source.is_empty() {
                return Err(
                    "empty citation `[@]`; write [@source-id] or [@source-id, locator]".into(),
                );
            }
            out.push(RawInline::Cite { source, locator });
            *pos = end + 1;
        } else if starts(chars, *pos, "[[") {
            flush(&mut text, &mut out);
            let end =
                find(chars, *pos, "]]").ok_or("unclosed glossary link `[[…`; close it with ]]")?;
            let body: String = chars[*pos + 2..end].iter().collect();
            let (id, shown) = match body.split_once('|') {
                Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
                None => (body.trim().to_string(), String::new()),
            };
            if id.is_empty() {
                return Err(
                    "empty glossary link `[[]]`; write [[term-id]] or [[term-id|words]]".into(),
                );
            }
            out.push(RawInline::Term { id, shown });
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
                        return Err(format!("link address \"{href}\" must start with https://"));
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
        return Err("unclosed markup".into());
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
    let mut para: Option<(u32, String)> = None;
    let mut list: Option<(bool, Vec<(u32, String)>)> = None;
    let mut key_points: Option<(u32, Vec<(u32, String)>)> = None;

    fn end_para(para: &mut Option<(u32, String)>, blocks: &mut Vec<RawBlock>) {
        if let Some((l, t)) = para.take() {
            blocks.push(RawBlock::Paragraph(l, t));
        }
    }
    fn end_list(list: &mut Option<(bool, Vec<(u32, String)>)>, blocks: &mut Vec<RawBlock>) {
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
                items.push((n, item.trim().to_string()));
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
                Some(line[digits + 2..].trim().to_string())
            } else {
                None
            }
        };
        if line == ":::key-points" {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            key_points = Some((n, Vec::new()));
        } else if line.starts_with(":::") {
            errors.push((
                n,
                format!("unknown box \"{line}\"; the only box is :::key-points"),
            ));
        } else if let Some(h) = line.strip_prefix("### ") {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            blocks.push(RawBlock::Heading(3, n, h.trim().to_string()));
        } else if let Some(h) = line.strip_prefix("## ") {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            blocks.push(RawBlock::Heading(2, n, h.trim().to_string()));
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
                .push((n, item.trim().to_string()));
        } else if let Some(item) = numbered_item {
            end_para(&mut para, &mut blocks);
            if matches!(list, Some((false, _))) {
                end_list(&mut list, &mut blocks);
            }
            list.get_or_insert((true, Vec::new())).1.push((n, item));
        } else if line.starts_with("* ") || line.starts_with("+ ") {
            errors.push((
                n,
                "bullets start with \"- \" in lesson Markdown; replace the marker".into(),
            ));
        } else if let Some(q) = line.strip_prefix('>') {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            match blocks.last_mut() {
                Some(RawBlock::Quote(_, t)) if !text_breaks_before(text, i) => {
                    t.push(' ');
                    t.push_str(q.trim());
                }
                _ => blocks.push(RawBlock::Quote(n, q.trim().to_string())),
            }
        } else if line.starts_with("```") || line.starts_with('|') || line.starts_with('<') {
            errors.push((n, "code blocks, tables and HTML are not part of lesson Markdown; write it as paragraphs or a list".into()));
        } else if list.is_some() {
            errors.push((n, "a list item must fit on one line; join this line to the item above or leave a blank line before a new paragraph".into()));
        } else if let Some((_, t)) = para.as_mut() {
            t.push(' ');
            t.push_str(line.trim());
        } else {
            para = Some((n, line.trim().to_string()));
        }
    }
    if let Some((start, _)) = key_points {
        errors.push((
            start,
            "this :::key-points box is never closed; add a line with ::: after its points".into(),
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
                        shown: "T".into()
                    }
                ]),
                RawInline::Text(" ".into()),
                RawInline::Cite {
                    source: "src".into(),
                    locator: "s 2".into()
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
    fn inline_errors() {
        assert!(parse_inline("an *open")
            .unwrap_err()
            .contains("unclosed *emphasis*"));
        assert!(parse_inline("**open")
            .unwrap_err()
            .contains("unclosed **strong**"));
        assert!(parse_inline("[@src")
            .unwrap_err()
            .contains("unclosed citation"));
        assert!(parse_inline("[x](http://e.org)")
            .unwrap_err()
            .contains("https://"));
        assert_eq!(
            parse_inline(r"2 \* 3").unwrap(),
            vec![RawInline::Text("2 * 3".into())]
        );
    }

    #[test]
    fn lesson_blocks() {
        let md =
            "## A\n\nOne\ntwo.\n\n- x\n- y\n\n1. p\n2. q\n\n> quoted\n\n:::key-points\n- k\n:::\n";
        let (blocks, errors) = parse_lesson(md);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(blocks.len(), 6);
        assert!(matches!(&blocks[1], RawBlock::Paragraph(3, t) if t == "One two."));
        assert!(matches!(&blocks[2], RawBlock::Bullets(v) if v.len() == 2));
        assert!(matches!(&blocks[3], RawBlock::Numbered(v) if v.len() == 2));
        assert!(matches!(&blocks[5], RawBlock::KeyPoints(14, v) if v.len() == 1));
    }

    #[test]
    fn lesson_errors() {
        let (_, errors) = parse_lesson("# Title\n\n| a | b |\n\n:::key-points\n- k\n");
        let lines: Vec<u32> = errors.iter().map(|e| e.0).collect();
        assert_eq!(lines, vec![1, 3, 5]);
    }
}
