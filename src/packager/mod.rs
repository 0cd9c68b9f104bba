//! The SCORM packager (native only): turns the release build in `dist/` into a SCORM 1.2 or 2004
//! zip: every file of the build, `index.html` with the package's settings in a `<meta>` tag (which
//! the module reads at start, see [`crate::engine::package`]), and `imsmanifest.xml` at the root.

pub mod crc32;
mod manifest;
mod zip;

use std::path::{Path, PathBuf};

use crate::engine::package::{Package, META_NAME};
use crate::model::Course;
pub use manifest::title;

/// A package written to disk.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: usize,
    /// Files in the package, the manifest included.
    pub files: usize,
}

/// Every file under `dir`, as sorted relative paths with `/`.
fn files_under(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "gz" || e == "br") {
                // Precompressed copies are for web servers; an LMS unpacks the zip itself.
                continue;
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .map_err(|_| format!("{} is outside {}", path.display(), dir.display()))?;
                let parts: Option<Vec<&str>> = rel.iter().map(|p| p.to_str()).collect();
                let parts =
                    parts.ok_or_else(|| format!("{} is not a UTF-8 name", path.display()))?;
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// `index.html` with the package's settings added just before `</head>`. The page is bytes, not
/// text: it carries the wasm as raw bytes after its ASCII head (`crate::dist::copy`).
pub fn with_settings(html: &[u8], course: &Course, package: &Package) -> Result<Vec<u8>, String> {
    let close = b"</head>";
    let at = html
        .windows(close.len())
        .position(|w| w == close)
        .ok_or("index.html has no </head>: is it the release build's?")?;
    if String::from_utf8_lossy(&html[..at]).contains(&format!("name=\"{META_NAME}\"")) {
        return Err(format!(
            "index.html already has a {META_NAME} tag: package a fresh build, not a package's files"
        ));
    }
    let tag = format!(
        "<meta name=\"{META_NAME}\" content=\"{}\">\n",
        crate::dist::copy::with_references(&package.to_meta_content(course))
    );
    Ok([&html[..at], tag.as_bytes(), &html[at..]].concat())
}

/// The package as zip bytes, and how many files it holds.
pub fn build(dist: &Path, course: &Course, package: &Package) -> Result<(Vec<u8>, usize), String> {
    let index = dist.join("index.html");
    if !index.is_file() {
        return Err(format!(
            "{} not found: build the module first (`trunk build --release`), or run `bash .ci/package`, which does both",
            index.display()
        ));
    }
    let files = files_under(dist)?;
    if files.iter().any(|f| f == "imsmanifest.xml") {
        return Err(format!(
            "{} already holds an imsmanifest.xml: package a fresh build",
            dist.display()
        ));
    }
    let mut zip = zip::ZipWriter::new();
    let manifest = manifest::manifest(course, package, &files);
    zip.add("imsmanifest.xml", manifest.as_bytes())?;
    for f in &files {
        let path = dist.join(f);
        let data = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if f == "index.html" {
            zip.add(f, &with_settings(&data, course, package)?)?;
        } else {
            zip.add(f, &data)?;
        }
    }
    Ok((zip.finish()?, files.len() + 1))
}

/// The file name: `<course>-<units>-scorm12.zip` or `…-scorm2004.zip`.
pub fn file_name(course: &Course, package: &Package) -> String {
    format!(
        "{}-{}-{}.zip",
        course.id,
        package.units_label(course),
        package.version.file_suffix()
    )
}

/// Builds the package and writes it into `out` (created if needed).
pub fn write(
    dist: &Path,
    out: &Path,
    course: &Course,
    package: &Package,
) -> Result<Written, String> {
    let (bytes, files) = build(dist, course, package)?;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let path = out.join(file_name(course, package));
    std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Written {
        path,
        bytes: bytes.len(),
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::COURSE;
    use crate::engine::package::ScormVersion;
    use crate::model::UnitId;

    fn fake_dist(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("hsc-packager-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("static")).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<html><head><title>x</title></head><body></body></html>",
        )
        .unwrap();
        std::fs::write(dir.join("app_bg.wasm"), [0u8, 97, 115, 109]).unwrap();
        std::fs::write(dir.join("static/logo.svg"), "<svg/>").unwrap();
        dir
    }

    #[test]
    fn the_settings_go_into_the_head_once() {
        let all: Vec<UnitId> = COURSE.unit_ids().collect();
        let p = Package::new(&COURSE, ScormVersion::V12, &all);
        let html = with_settings(b"<head><title>t</title></head>\xff", &COURSE, &p).unwrap();
        assert!(
            html.ends_with(b"</head>\xff"),
            "the bytes after the head kept as they are"
        );
        let html = String::from_utf8_lossy(&html).into_owned();
        let tag = format!(
            "<meta name=\"hsc-package\" content=\"{}\">",
            p.to_meta_content(&COURSE)
        );
        assert!(html.contains(&format!("{tag}\n</head>")), "{html}");
        assert!(with_settings(html.as_bytes(), &COURSE, &p)
            .unwrap_err()
            .contains("already"));
        assert!(with_settings(b"<body></body>", &COURSE, &p)
            .unwrap_err()
            .contains("</head>"));
    }

    #[test]
    fn a_package_holds_every_file_and_the_manifest_lists_them() {
        let dist = fake_dist("every");
        let unit = [COURSE.unit_ids().next().unwrap()];
        let p = Package::new(&COURSE, ScormVersion::V2004, &unit);
        let out = PathBuf::from(format!("{}-out", dist.display()));
        let w = write(&dist, &out, &COURSE, &p).unwrap();
        assert_eq!(w.files, 4);
        assert_eq!(
            w.path.file_name().unwrap().to_str().unwrap(),
            format!("integrating-care-{}-scorm2004.zip", COURSE.unit(unit[0]).id)
        );
        let bytes = std::fs::read(&w.path).unwrap();
        assert_eq!(bytes.len(), w.bytes);
        let (zip, _) = build(&dist, &COURSE, &p).unwrap();
        assert_eq!(zip, bytes, "the same build gives the same package");
        let _ = std::fs::remove_dir_all(&dist);
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn a_missing_build_says_how_to_make_one() {
        let p = Package::new(
            &COURSE,
            ScormVersion::V12,
            &[COURSE.unit_ids().next().unwrap()],
        );
        let err = build(Path::new("/nonexistent-dist"), &COURSE, &p).unwrap_err();
        assert!(
            err.contains("trunk build --release") && err.contains(".ci/package"),
            "{err}"
        );
    }
}
