//! The last step of a build, native only (`src/bin/finish-dist.rs`, run by Trunk's post-build
//! hook): the course home rendered into `index.html` so that a learner reads it before the wasm
//! arrives; the start-up script moved out of `index.html` (see `static/start.js`); the wasm,
//! LZMA-compressed, carried in `index.html` after the home, so that it arrives with the page
//! rather than a round trip later; and precompressed `.gz` and `.br` copies of the files a browser
//! downloads.

pub mod compress;
pub mod copy;
mod literals;
mod names;
pub mod words;

use compress::{brotli, gzip, gzip_with_plain_run, lzma};
use copy::{copy_span, in_windows_1252, with_wasm_copy};

use std::fmt::Write as _;
use std::path::Path;

use crate::course::COURSE;
use crate::engine::progress::Progress;
use crate::engine::route::Route;
use crate::engine::state::{AppState, Storage};
use crate::packager::crc32::crc32;
use crate::ui::{App, AppProps};

/// The loader, with `APP_JS` and `APP_WASM` standing for the app's file names, and `COURSE_ID` for
/// the course's id.
const LOADER: &str = include_str!("../../static/start.js");

/// The LZMA decoder the loader uses, copied into the loader's file (one request fewer).
const LZMA_JS: &str = include_str!("../../static/lzma.js");

/// The loader's expander of the course's word-coded text ([`words`]), copied in likewise.
const WORDS_JS: &str = include_str!("../../static/words.js");

/// The loader's reader of the pieces of the wasm in the page ([`copy`]), copied in likewise.
const COPY_JS: &str = include_str!("../../static/copy.js");

/// Files worth sending compressed.
const COMPRESSIBLE: [&str; 7] = ["html", "js", "css", "wasm", "xml", "gift", "svg"];

/// The quoted file name that follows `marker` in `text`.
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let start = text.find(marker)? + marker.len();
    let rest = &text[start..];
    Some(&rest[..rest.find('\'')?])
}

/// The loader's text: the decoder, the expander and the pieces' reader, then the start-up script
/// with the file names in place (the build minifies it with [`terse`]).
pub fn loader(js: &str, wasm: &str) -> String {
    format!(
        "{}\n{}\n{}\n{}",
        LZMA_JS.replace("export class LzmaDecoder", "class LzmaDecoder"),
        WORDS_JS.replace("export function wordExpander", "function wordExpander"),
        COPY_JS.replace("export ", ""),
        LOADER
            .replace("APP_JS", js)
            .replace("APP_WASM", wasm)
            .replace("COURSE_ID", COURSE.id)
    )
}

/// The file name of the module `html` preloads (wasm-bindgen's glue).
fn preloaded_module(html: &str) -> Option<String> {
    let marker = "<link rel=\"modulepreload\" href=\"./";
    let rest = &html[html.find(marker)? + marker.len()..];
    Some(rest[..rest.find('"')?].to_string())
}

/// Where the tag that starts with `marker` lies in `html`: its start, and the end of its `>`.
fn tag_span(html: &str, marker: &str) -> Option<(usize, usize)> {
    let start = html.find(marker)?;
    Some((start, start + html[start..].find('>')? + 1))
}

/// `html` without the integrity hash Trunk gave the module preload of `js`: the build rewrites
/// the glue after Trunk hashed it (shorter names, [`terse`]). The stylesheet and the wasm carry none either.
fn without_integrity(html: &str, js: &str) -> String {
    let attr = " integrity=\"";
    let found = tag_span(
        html,
        &format!("<link rel=\"modulepreload\" href=\"./{js}\""),
    )
    .and_then(|(start, end)| {
        let i = start + html[start..end].find(attr)?;
        let close = i + attr.len() + html[i + attr.len()..end].find('"')? + 1;
        Some(format!("{}{}", &html[..i], &html[close..]))
    });
    found.unwrap_or_else(|| html.to_string())
}

/// `index.html` with Trunk's inline module script replaced by a reference to the loader; the
/// loader's name and text; and the wasm's file name.
pub fn externalise(html: &str) -> Result<(String, String, String, String), String> {
    let open = "<script type=\"module\">";
    let start = html
        .find(open)
        .ok_or("index.html has no inline module script: is it Trunk's output, not yet finished?")?;
    let end = html[start..]
        .find("</script>")
        .map(|e| start + e + "</script>".len())
        .ok_or("index.html's module script is not closed")?;
    let script = &html[start..end];
    let js = quoted_after(script, "from './").ok_or("no app script named in Trunk's loader")?;
    let wasm = quoted_after(script, "module_or_path: './")
        .ok_or("no wasm file named in Trunk's loader")?;
    let loader = loader(js, wasm);
    let name = format!("start-{:08x}.js", crc32(loader.as_bytes()));
    // `async`: the loader runs as soon as it has arrived, while the page (which carries the wasm)
    // is still arriving, and expands the wasm as it comes. `blocking="render"`: nothing is painted
    // before it has run, so that a deep link's loading message replaces the static home before a
    // frame shows it (it arrives with the style sheet, which blocks rendering anyway).
    let tag =
        format!("<script type=\"module\" async src=\"./{name}\" blocking=\"render\"></script>");
    let html = format!("{}{tag}{}", &html[..start], &html[end..]);
    Ok((
        without_wasm_preload(&html, wasm),
        name,
        loader,
        wasm.to_string(),
    ))
}

/// `html` without Trunk's preload of the plain wasm, which the page carries compressed and
/// fetches only when its copy is missing.
fn without_wasm_preload(html: &str, wasm: &str) -> String {
    match tag_span(html, &format!("<link rel=\"preload\" href=\"./{wasm}\"")) {
        Some((start, end)) => format!("{}{}", &html[..start], &html[end..]),
        None => html.to_string(),
    }
}

/// The course home as a first visitor sees it, rendered to HTML (Yew's server-side rendering).
pub fn home_html() -> String {
    let state = AppState::new(&COURSE, Route::Home, Progress::new(&COURSE), Storage::Saved);
    let renderer = yew::LocalServerRenderer::<App>::with_props(AppProps {
        initial: Some(state),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// `index.html` with the static home inside `#app`, and the loading message kept in a
/// `<template id="loading">` for deep links (the loader shows it instead of the home).
pub fn with_static_home(html: &str, home: &str) -> Result<String, String> {
    let open = "<div id=\"app\">";
    let start = html
        .find(open)
        .ok_or("index.html has no <div id=\"app\">")?
        + open.len();
    let end = start
        + html[start..]
            .find("</div>\n</body>")
            .ok_or("index.html's #app is not the last element of the body")?;
    let loading = html[start..end].trim();
    Ok(format!(
        "{}\n{home}\n<template id=\"loading\">{loading}</template>\n{}",
        &html[..start],
        &html[end..]
    ))
}

/// `html` without its comments (which are for the reader of `index.html`), the blank lines they
/// leave, and its indentation.
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    // Indentation means nothing to a browser outside preformatted text, which the page has none of.
    let keep_indent = out.contains("<pre") || out.contains("<textarea");
    let mut lines = String::with_capacity(out.len());
    for line in out.lines().filter(|l| !l.trim().is_empty()) {
        lines.push_str(if keep_indent { line } else { line.trim_start() });
        lines.push('\n');
    }
    lines
}

/// The style sheet without its comments and needless white space. Strings are kept as written;
/// white space is dropped only next to `{`, `}`, `;` and after `,` and `:`, never before a `:` (in
/// `.site-header :focus-visible` that space means "inside"; after a `:` it is only ever the space
/// of a declaration or a media feature, `outline: 3px`, `(max-width: 30rem)`).
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            '"' | '\'' => {
                if std::mem::take(&mut space) && !out.is_empty() {
                    out.push(' ');
                }
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            ':' => {
                if std::mem::take(&mut space) && !out.is_empty() {
                    out.push(' ');
                }
                out.push(c);
                while chars.peek().is_some_and(|d| d.is_whitespace()) {
                    chars.next();
                }
            }
            '{' | '}' | ';' | ',' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push(c);
                space = false;
                while chars.peek().is_some_and(|d| d.is_whitespace()) {
                    chars.next();
                }
            }
            c => {
                if std::mem::take(&mut space)
                    && !out.is_empty()
                    && !out.ends_with(['{', '}', ';', ','])
                {
                    out.push(' ');
                }
                out.push(c);
            }
        }
    }
    out
}

/// Finishes the build in `dir`; gives a report of what it wrote.
/// `js` (an ES module) minified by terser (compressed, local names mangled), which `.ci/setup`
/// installs with the build's other Node tools (`tests/package.json`). About 1.5 KB less gzip for
/// the glue and the loader together than stripping comments and indentation alone.
pub fn terse(js: &str) -> Result<String, String> {
    use std::io::Write as _;
    let terser = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node_modules/terser/bin/terser");
    if !terser.exists() {
        return Err(format!(
            "{} is missing: run `bash .ci/setup build` (it installs the build's Node tools)",
            terser.display()
        ));
    }
    let mut child = std::process::Command::new("node")
        .arg(&terser)
        .args(["--module", "--compress", "--mangle"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("node (to run terser): {e}"))?;
    let mut stdin = child.stdin.take().ok_or("terser's input")?;
    let input = js.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("terser: {e}"))?;
    writer
        .join()
        .map_err(|_| "terser's input".to_string())?
        .map_err(|e| format!("terser's input: {e}"))?;
    if !out.status.success() {
        return Err(format!("terser failed ({})", out.status));
    }
    String::from_utf8(out.stdout).map_err(|_| "terser's output is not UTF-8".into())
}

pub fn finish(dir: &Path) -> Result<String, String> {
    let index = dir.join("index.html");
    let page = std::fs::read(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut report = String::new();
    if !String::from_utf8_lossy(&page).contains("<template id=\"loading\">") {
        let html =
            String::from_utf8(page).map_err(|_| format!("{}: not UTF-8", index.display()))?;
        let html = without_comments(&with_static_home(&html, &home_html())?);
        std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
        let _ = writeln!(report, "index.html: the course home as static HTML");
    }
    // Once it carries the wasm, the page is not UTF-8 (see `copy`), and the wasm's copy is the
    // last step: a page that has it is finished.
    let page = std::fs::read(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if !String::from_utf8_lossy(&page).contains("<script type=\"module\" async src=\"./start-") {
        let html =
            String::from_utf8(page).map_err(|_| format!("{}: not UTF-8", index.display()))?;
        // Trunk's own option on the style sheet's link, which means nothing to a browser.
        let html = html.replace(" data-integrity=\"none\"", "");
        let (mut html, name, loader, wasm) = externalise(&html)?;
        let mut data = std::fs::read(dir.join(&wasm)).map_err(|e| format!("{wasm}: {e}"))?;
        if let Some(js) = preloaded_module(&html) {
            let text = std::fs::read_to_string(dir.join(&js)).map_err(|e| format!("{js}: {e}"))?;
            let (short, glue, count) =
                names::shorten(&data, &text).map_err(|e| format!("{wasm}: {e}"))?;
            let glue = terse(&glue).map_err(|e| format!("{js}: {e}"))?;
            std::fs::write(dir.join(&wasm), &short).map_err(|e| format!("{wasm}: {e}"))?;
            std::fs::write(dir.join(&js), &glue).map_err(|e| format!("{js}: {e}"))?;
            html = without_integrity(&html, &js);
            let _ = writeln!(
                report,
                "{js}: {count} names shared with the wasm shortened, then minified (terser), {} bytes to {}",
                text.len(),
                glue.len()
            );
            data = short;
        }
        let coded = words::code_in_wasm(&data, crate::course::stored_text())
            .map_err(|e| format!("{wasm}: {e}"))?;
        let packed = lzma(&coded)?;
        let page = with_wasm_copy(&in_windows_1252(&html)?, &packed)?;
        let loader = terse(&loader).map_err(|e| format!("{name}: {e}"))?;
        std::fs::write(dir.join(&name), loader).map_err(|e| format!("{name}: {e}"))?;
        std::fs::write(&index, page).map_err(|e| format!("{}: {e}", index.display()))?;
        let _ = writeln!(report, "{name}: the start-up script, out of index.html");
        let _ = writeln!(
            report,
            "index.html: in windows-1252, carrying the wasm as bytes, compressed (LZMA, its course text word-coded): {} bytes",
            packed.len()
        );
    }
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "css") {
            let css =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            if let Some(c) = css.chars().find(|c| !c.is_ascii()) {
                // The page is windows-1252 (see `copy`), and a style sheet without a label of its
                // own is read in the page's encoding.
                return Err(format!(
                    "{}: {c:?} is not ASCII; write it as a CSS escape, such as \\{:X}",
                    path.display(),
                    u32::from(c)
                ));
            }
            let small = minify_css(&css);
            if small != css {
                std::fs::write(&path, &small).map_err(|e| format!("{}: {e}", path.display()))?;
                let _ = writeln!(
                    report,
                    "{}: comments and spaces taken out, {} bytes to {}",
                    path.display(),
                    css.len(),
                    small.len()
                );
            }
        }
    }
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            n.rsplit('.')
                .next()
                .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
        })
        .collect();
    names.sort();
    for name in names {
        let data = std::fs::read(dir.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        let gz = if name == "index.html" {
            gzip_with_plain_run(&data, copy_span(&data))
        } else {
            gzip(&data)
        };
        let br = brotli(&data)?;
        std::fs::write(dir.join(format!("{name}.gz")), &gz)
            .map_err(|e| format!("{name}.gz: {e}"))?;
        std::fs::write(dir.join(format!("{name}.br")), &br)
            .map_err(|e| format!("{name}.br: {e}"))?;
        let _ = writeln!(
            report,
            "{name}: {} bytes, gzip {}, brotli {}",
            data.len(),
            gz.len(),
            br.len()
        );
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<head><link rel=\"stylesheet\" href=\"./s.css\">\n<script type=\"module\">\nimport init, * as bindings from './app-1.js';\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\n</script>\n<link rel=\"modulepreload\" href=\"./app-1.js\">\n<link rel=\"preload\" href=\"./app-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-x\" as=\"fetch\" type=\"application/wasm\"></head>";

    #[test]
    fn html_loses_its_comments_and_the_blank_lines_they_leave() {
        let html = "<head>\n  <!-- a note\n  over two lines -->\n  <link rel=\"icon\">\n  \n<p>a <!-- b --> c</p>\n<!-- left open";
        assert_eq!(
            without_comments(html),
            "<head>\n<link rel=\"icon\">\n<p>a  c</p>\n<!-- left open\n"
        );
        let pre = "<pre>\n  kept\n</pre>";
        assert_eq!(
            without_comments(pre),
            format!("{pre}\n"),
            "indentation kept in <pre>"
        );
    }

    #[test]
    fn css_loses_comments_and_spaces_but_not_meaning() {
        let css = "/* a note */\n.site-header :focus-visible { outline: 3px solid var(--ink); }\n@media screen and (max-width: 30rem) {\n  a, b > c { content: \"a  /* b */\"; }\n}\n";
        let small = minify_css(css);
        assert_eq!(
            small,
            ".site-header :focus-visible{outline:3px solid var(--ink);}@media screen and (max-width:30rem){a,b > c{content:\"a  /* b */\";}}"
        );
        assert_eq!(minify_css(&small), small, "a second pass changes nothing");
    }

    #[test]
    fn the_glue_preload_loses_its_stale_integrity_hash() {
        let html = "<link rel=\"modulepreload\" href=\"./app-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-x\"><link rel=\"preload\">";
        assert_eq!(preloaded_module(html).as_deref(), Some("app-1.js"));
        assert_eq!(
            without_integrity(html, "app-1.js"),
            "<link rel=\"modulepreload\" href=\"./app-1.js\" crossorigin=\"anonymous\"><link rel=\"preload\">"
        );
    }

    #[test]
    fn the_inline_loader_moves_to_a_file() {
        let (html, name, loader, wasm) = externalise(TRUNK).unwrap();
        assert_eq!(wasm, "app-1_bg.wasm");
        assert!(
            !html.contains("preload\" href=\"./app-1_bg.wasm"),
            "no preload of the plain wasm, which the page carries: {html}"
        );
        assert!(loader.contains("class LzmaDecoder") && !loader.contains("export "));
        assert!(!html.contains("<script type=\"module\">\n"), "{html}");
        assert!(html.contains(&format!(
            "<script type=\"module\" async src=\"./{name}\" blocking=\"render\"></script>"
        )));
        assert!(html.contains("modulepreload"), "the rest stays");
        assert!(loader.contains("import('./app-1.js')") && loader.contains("'./app-1_bg.wasm'"));
        assert!(!loader.contains("APP_JS") && !loader.contains("APP_WASM"));
        assert!(!loader.contains("COURSE_ID"));
        assert!(loader.contains(&format!("'hsc:{}:display'", COURSE.id)));
        assert_eq!(
            crate::ui::effects::display_key(COURSE.id),
            format!("hsc:{}:display", COURSE.id),
            "the key the app notes the display settings under"
        );
        assert!(externalise("<head></head>").is_err());
    }

    #[test]
    fn the_home_goes_into_the_page_and_the_loading_message_into_a_template() {
        let page = "<body>\n<div id=\"app\">\n  <main class=\"loading\"><p>Loading</p></main>\n</div>\n</body>";
        let home = home_html();
        assert!(home.contains("id=\"view-heading\"") && home.contains(COURSE.title));
        let html = with_static_home(page, &home).unwrap();
        assert!(html.contains(&format!("<div id=\"app\">\n{home}")));
        assert!(html.contains(
            "<template id=\"loading\"><main class=\"loading\"><p>Loading</p></main></template>"
        ));
        assert!(with_static_home("<body></body>", &home).is_err());
    }
}
