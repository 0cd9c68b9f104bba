//! Short names between the wasm and its JS glue. wasm-bindgen names each import after the function
//! it calls plus a 16-digit hash (`__wbg_appendChild_8204974b7328bf98`), and its own exports much
//! the same; each name is written twice, in the wasm's import or export section and in the glue.
//! The hashes do not compress. This renames them `a`, `b`, … `Z`, `aa`, … in both files, for the
//! wasm's imports from the glue's module and for the exports that only the glue uses
//! (`wasm.NAME`), and leaves everything else (`memory`, which the loader reads) as it is.

use std::collections::HashMap;

/// The wasm and the glue with the short names, and how many names were changed.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String, usize), String> {
    let sections = sections(wasm)?;
    let mut renames: HashMap<String, String> = HashMap::new();
    let mut next = 0usize;
    let mut out = wasm[..8].to_vec();
    for (id, body) in sections {
        let body = match id {
            2 => imports(body, glue, &mut renames, &mut next)?,
            7 => exports(body, glue, &mut renames, &mut next)?,
            _ => body.to_vec(),
        };
        out.push(id);
        leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    let count = renames.len();
    Ok((out, replace_identifiers(glue, &renames), count))
}

/// The n-th short name: `a` … `z`, `A` … `Z`, then two letters and more.
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = Vec::new();
    loop {
        s.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// How often `name` stands alone in `js` (not inside a longer identifier), and how often as
/// `prefix` + name.
fn occurrences(js: &str, name: &str, prefix: &str) -> (usize, usize) {
    let (mut all, mut with_prefix) = (0, 0);
    for (at, _) in js.match_indices(name) {
        let before = js[..at].chars().next_back();
        let after = js[at + name.len()..].chars().next();
        if before.is_some_and(is_ident) || after.is_some_and(is_ident) {
            continue;
        }
        all += 1;
        if js[..at].ends_with(prefix) {
            with_prefix += 1;
        }
    }
    (all, with_prefix)
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `js` with every identifier named in `renames` replaced (identifiers are whole runs of
/// letters, digits, `_` and `$`; the names replaced are unique enough that none is a word of
/// a string or a comment).
fn replace_identifiers(js: &str, renames: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(start) = rest.find(is_ident) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find(|c: char| !is_ident(c)).unwrap_or(tail.len());
        let word = &tail[..end];
        out.push_str(renames.get(word).map_or(word, String::as_str));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The short name of `name`: the one it already has, or the next one.
fn rename(name: &str, renames: &mut HashMap<String, String>, next: &mut usize) -> String {
    renames
        .entry(name.to_string())
        .or_insert_with(|| {
            *next += 1;
            short_name(*next - 1)
        })
        .clone()
}

fn imports(
    body: &[u8],
    glue: &str,
    renames: &mut HashMap<String, String>,
    next: &mut usize,
) -> Result<Vec<u8>, String> {
    let mut r = Bytes { data: body, at: 0 };
    let count = r.uint()?;
    let mut out = Vec::new();
    leb(&mut out, count);
    for _ in 0..count {
        let module = r.name()?;
        let field = r.name()?;
        let desc_start = r.at;
        r.import_desc()?;
        let desc = &body[desc_start..r.at];
        // A name of the glue's own module, used once in the glue (as its key there).
        let (all, _) = occurrences(glue, field, "");
        let ours = glue.contains(&format!("\"{module}\": import0")) && all == 1;
        let field = if ours || renames.contains_key(field) {
            rename(field, renames, next)
        } else {
            field.to_string()
        };
        put_name(&mut out, module);
        put_name(&mut out, &field);
        out.extend_from_slice(desc);
    }
    if r.at != body.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok(out)
}

fn exports(
    body: &[u8],
    glue: &str,
    renames: &mut HashMap<String, String>,
    next: &mut usize,
) -> Result<Vec<u8>, String> {
    let mut r = Bytes { data: body, at: 0 };
    let count = r.uint()?;
    let mut out = Vec::new();
    leb(&mut out, count);
    for _ in 0..count {
        let name = r.name()?;
        let kind = r.byte()?;
        let index = r.uint()?;
        // wasm-bindgen's own exports, used by the glue only as `wasm.NAME`.
        let (all, via_wasm) = occurrences(glue, name, "wasm.");
        let name = if name.contains("__") && all > 0 && all == via_wasm {
            rename(name, renames, next)
        } else {
            name.to_string()
        };
        put_name(&mut out, &name);
        out.push(kind);
        leb(&mut out, index);
    }
    if r.at != body.len() {
        return Err("the export section has bytes after its last export".into());
    }
    Ok(out)
}

/// The sections of a wasm module: (id, body).
fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>, String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut r = Bytes { data: wasm, at: 8 };
    let mut out = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = usize::try_from(r.uint()?).map_err(|_| "a section is too long")?;
        let end = r.at.checked_add(len).filter(|e| *e <= wasm.len());
        let end = end.ok_or("a section runs past the end of the module")?;
        out.push((id, &wasm[r.at..end]));
        r.at = end;
    }
    Ok(out)
}

/// `v` as LEB128, the course's binary form's writer doing the work.
fn leb(out: &mut Vec<u8>, v: u64) {
    let mut w = crate::model::wire::Writer::default();
    w.uint(v);
    out.extend_from_slice(&w.shape);
}

fn put_name(out: &mut Vec<u8>, s: &str) {
    leb(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A reader of a section's bytes.
struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.data.get(self.at).ok_or("a section ends too soon")?;
        self.at += 1;
        Ok(b)
    }

    fn uint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("a number is too long".into())
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let len = usize::try_from(self.uint()?).map_err(|_| "a name is too long")?;
        let end = self.at.checked_add(len).filter(|e| *e <= self.data.len());
        let bytes = &self.data[self.at..end.ok_or("a name runs past its section")?];
        self.at += len;
        std::str::from_utf8(bytes).map_err(|_| "a name is not UTF-8".into())
    }

    /// Skips an import's description: a function, table, memory, global or tag.
    fn import_desc(&mut self) -> Result<(), String> {
        match self.byte()? {
            0 => {
                self.uint()?;
            }
            1 => {
                let reftype = self.byte()?;
                if reftype == 0x63 || reftype == 0x64 {
                    self.uint()?; // a typed reference's heap type
                }
                self.limits()?;
            }
            2 => self.limits()?,
            3 => {
                self.byte()?;
                self.byte()?;
            }
            4 => {
                self.byte()?;
                self.uint()?;
            }
            k => return Err(format!("an import of an unknown kind ({k})")),
        }
        Ok(())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.uint()?;
        if flags & 1 == 1 {
            self.uint()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `./app_bg.js`'s `__wbg_log_0123456789abcdef` and `env`'s `keep`, and
    /// exporting `memory` and `__wbindgen_malloc`.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let mut types = Vec::new();
        leb(&mut types, 1);
        types.extend_from_slice(&[0x60, 0, 0]);
        m.push(1);
        leb(&mut m, types.len() as u64);
        m.extend_from_slice(&types);
        let mut imports = Vec::new();
        leb(&mut imports, 3);
        for (module, field) in [
            ("./app_bg.js", "__wbg_log_0123456789abcdef"),
            ("env", "keep"),
        ] {
            put_name(&mut imports, module);
            put_name(&mut imports, field);
            imports.extend_from_slice(&[0, 0]);
        }
        put_name(&mut imports, "env");
        put_name(&mut imports, "mem");
        imports.extend_from_slice(&[2, 1, 1, 2]);
        m.push(2);
        leb(&mut m, imports.len() as u64);
        m.extend_from_slice(&imports);
        let mut exports = Vec::new();
        leb(&mut exports, 2);
        for name in ["memory", "__wbindgen_malloc"] {
            put_name(&mut exports, name);
            exports.extend_from_slice(&[0, 0]);
        }
        m.push(7);
        leb(&mut m, exports.len() as u64);
        m.extend_from_slice(&exports);
        m
    }

    const GLUE: &str = "const import0 = {\n__wbg_log_0123456789abcdef: function(a) { console.log(a); },\n};\nreturn { \"./app_bg.js\": import0 };\nwasm.__wbindgen_malloc(1); wasm.memory; x.__wbindgen_malloc_more;\n";

    #[test]
    fn the_glues_imports_and_internal_exports_get_short_names_in_both_files() {
        let (wasm, glue, count) = shorten(&module(), GLUE).unwrap();
        assert_eq!(count, 2);
        assert!(glue.contains("\na: function(a)"), "{glue}");
        assert!(glue.contains("wasm.b(1)"), "{glue}");
        // Left as they were: memory, a longer identifier, other modules' imports.
        assert!(
            glue.contains("wasm.memory; x.__wbindgen_malloc_more;"),
            "{glue}"
        );
        let names: Vec<(u8, Vec<u8>)> = sections(&wasm)
            .unwrap()
            .into_iter()
            .map(|(id, b)| (id, b.to_vec()))
            .collect();
        let imports = &names.iter().find(|(id, _)| *id == 2).unwrap().1;
        let text = String::from_utf8_lossy(imports);
        assert!(
            text.contains("./app_bg.js\u{1}a") && text.contains("keep") && text.contains("mem")
        );
        assert!(!text.contains("__wbg_log"));
        let exports = &names.iter().find(|(id, _)| *id == 7).unwrap().1;
        let text = String::from_utf8_lossy(exports);
        assert!(text.contains("memory") && text.contains("\u{1}b") && !text.contains("malloc"));
        // Nothing else in the module changed: only the two names are shorter (by 25 and 16 bytes).
        assert_eq!(wasm.len() + 25 + 16, module().len());
    }

    #[test]
    fn short_names_run_through_one_letter_then_two() {
        assert_eq!(short_name(0), "a");
        assert_eq!(short_name(51), "Z");
        assert_eq!(short_name(52), "aa");
        assert_eq!(short_name(53), "ab");
        let names: std::collections::HashSet<String> = (0..5000).map(short_name).collect();
        assert_eq!(names.len(), 5000);
    }

    #[test]
    fn a_module_cut_short_is_an_error() {
        let m = module();
        assert!(shorten(&m[..m.len() - 3], GLUE).is_err());
        assert!(shorten(b"not wasm", GLUE).is_err());
    }
}
