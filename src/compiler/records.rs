//! The record syntax of `.txt` seed files: `key: value` lines nested by two-space indentation,
//! with `key: |` text blocks. See `seeds/README.md`.

use super::markup::Para;
use super::Diagnostics;

/// One `key: value` line with its children.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub value: String,
    /// Paragraphs of a `|` text block.
    pub block: Vec<Para>,
    pub line: u32,
    pub children: Vec<Entry>,
}

impl Entry {
    /// The entry's text as paragraphs: a one-line value is one paragraph.
    pub fn paragraphs(&self) -> Vec<Para> {
        if self.block.is_empty() {
            if self.value.is_empty() {
                Vec::new()
            } else {
                vec![Para::new(self.line, &self.value)]
            }
        } else {
            self.block.clone()
        }
    }

    pub fn has_value(&self) -> bool {
        !self.value.is_empty() || !self.block.is_empty()
    }

    pub fn child(&self, key: &str) -> Option<&Entry> {
        self.children.iter().find(|c| c.key == key)
    }

    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.children.iter().filter(move |c| c.key == key)
    }

    /// The value of a child key, or "" when absent (absence is reported by the schema check).
    pub fn text(&self, key: &str) -> &str {
        self.child(key).map(|c| c.value.as_str()).unwrap_or("")
    }
}

struct Token {
    line: u32,
    indent: usize,
    key: String,
    value: String,
    block: Vec<Para>,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Parses a record file into its top-level entries; problems go to `diags`.
pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> Vec<Entry> {
    let lines: Vec<&str> = text.lines().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line = (i + 1) as u32;
        i += 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // A badly indented line is reported, then read at the nearest level (tabs as two spaces,
        // odd indents rounded down), so that it does not also cause misleading follow-on errors.
        let lead = &raw[..raw.len() - raw.trim_start().len()];
        let mut indent = lead
            .chars()
            .map(|c| if c == '\t' { 2 } else { 1 })
            .sum::<usize>();
        if lead.contains('\t') {
            diags.push(
                file,
                line,
                "a tab in the indentation; indent with two spaces per level",
            );
        } else if indent % 2 != 0 {
            diags.push(
                file,
                line,
                format!("indented by {indent} spaces; indent by a multiple of two spaces (two per level)"),
            );
            indent -= 1;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            diags.push(
                file,
                line,
                format!("expected `key: value`, found \"{}\"; add the key and a colon, or join this line to the one above", clip(trimmed)),
            );
            continue;
        };
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            diags.push(
                file,
                line,
                format!("\"{}\" is not a key (keys are lower-case words like `title`); write `key: value`", clip(key)),
            );
            continue;
        }
        let value = value.trim();
        let mut block = Vec::new();
        if value == "|" {
            let mut body: Vec<(u32, &str)> = Vec::new();
            while i < lines.len() && (lines[i].trim().is_empty() || indent_of(lines[i]) > indent) {
                body.push(((i + 1) as u32, lines[i]));
                i += 1;
            }
            let mut para: Option<Para> = None;
            for (n, l) in body {
                let t = l.trim();
                if t.is_empty() {
                    if let Some(p) = para.take() {
                        block.push(p);
                    }
                } else if let Some(p) = para.as_mut() {
                    p.push_line(n, t);
                } else {
                    para = Some(Para::new(n, t));
                }
            }
            if let Some(p) = para {
                block.push(p);
            }
            if block.is_empty() {
                diags.push(
                    file,
                    line,
                    format!("`{key}: |` starts a text block but no indented text follows; indent the text under it"),
                );
            }
        }
        tokens.push(Token {
            line,
            indent,
            key: key.to_string(),
            value: if block.is_empty() {
                value.to_string()
            } else {
                String::new()
            },
            block,
        });
    }
    let mut pos = 0;
    build(file, &tokens, &mut pos, 0, diags)
}

fn build(
    file: &str,
    tokens: &[Token],
    pos: &mut usize,
    indent: usize,
    diags: &mut Diagnostics,
) -> Vec<Entry> {
    let mut out = Vec::new();
    while *pos < tokens.len() {
        let t = &tokens[*pos];
        if t.indent < indent {
            break;
        }
        *pos += 1;
        if t.indent > indent {
            diags.push(
                file,
                t.line,
                format!(
                    "`{}` is indented {} spaces but the line above allows at most {}; indent children by exactly two spaces",
                    t.key, t.indent, indent
                ),
            );
            // Skip its own children too.
            while *pos < tokens.len() && tokens[*pos].indent > t.indent {
                *pos += 1;
            }
            continue;
        }
        let children = build(file, tokens, pos, indent + 2, diags);
        out.push(Entry {
            key: t.key.clone(),
            value: t.value.clone(),
            block: t.block.clone(),
            line: t.line,
            children,
        });
    }
    out
}

fn clip(s: &str) -> String {
    if s.chars().count() > 40 {
        let cut: String = s.chars().take(40).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}
