//! Stage 1, loading: reads `course.txt` and every file it reaches (`include:` for record files,
//! a lesson's `file:` for its Markdown), sorts the top-level records by kind, and reports files
//! nothing reaches and a missing or unsupported schema version.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostics;
use super::kind::{Kind, PerKind};
use super::records::{self, Entry};
use super::schema::{suggest, TOP_LEVEL};
use crate::model::SCHEMA_VERSION;

/// A record with the file it came from.
#[derive(Debug, Clone)]
pub struct Rec {
    /// Path shown to the author, starting `seeds/`.
    pub file: String,
    pub entry: Entry,
}

/// Everything read from the seeds folder.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The `course:` record of course.txt.
    pub course: Option<Rec>,
    /// Top-level records by kind, in the order they were read.
    pub records: PerKind<Vec<Rec>>,
    /// Lesson bodies: lesson id → (file shown, text).
    pub lesson_files: HashMap<String, (String, String)>,
}

/// The state of loading: where the files are and what has been read.
struct Loader<'d> {
    root: PathBuf,
    diags: &'d mut Diagnostics,
    /// Files read, by path relative to the root.
    read: BTreeSet<String>,
    /// `schema:` of course.txt: (file shown, line, version; 0 when not a number).
    schema: Option<(String, u32, u32)>,
    loaded: Loaded,
}

/// Reads the corpus in `root` (a folder holding `course.txt`).
pub fn load(root: &Path, diags: &mut Diagnostics) -> Loaded {
    let mut l = Loader {
        root: root.to_path_buf(),
        diags,
        read: BTreeSet::new(),
        schema: None,
        loaded: Loaded::default(),
    };
    l.load_all();
    l.check_unreached();
    l.check_schema_version();
    l.loaded
}

/// The path shown to the author for a path relative to the seeds folder.
pub fn shown(rel: &str) -> String {
    format!("seeds/{rel}")
}

impl Loader<'_> {
    fn load_all(&mut self) {
        let mut queue = VecDeque::from([("course.txt".to_string(), None::<(String, u32)>)]);
        while let Some((rel, from)) = queue.pop_front() {
            if self.read.contains(&rel) {
                if let Some((f, l)) = from {
                    self.diags.push(
                        &f,
                        l,
                        format!("\"{rel}\" is already included; remove this duplicate include"),
                    );
                }
                continue;
            }
            let text = match std::fs::read_to_string(self.root.join(&rel)) {
                Ok(t) => t,
                Err(e) => {
                    match from {
                        Some((f, l)) => self.diags.push(
                            &f,
                            l,
                            format!("cannot read \"{rel}\" ({e}); check the path, which is relative to this file"),
                        ),
                        None => self.diags.push(
                            &shown(&rel),
                            1,
                            format!("cannot read the course manifest ({e}); create seeds/course.txt starting with `schema: 1`"),
                        ),
                    }
                    continue;
                }
            };
            self.read.insert(rel.clone());
            let file = shown(&rel);
            let entries = records::parse(&file, &text, self.diags);
            let is_manifest = rel == "course.txt";
            for (i, e) in entries.into_iter().enumerate() {
                self.take(&rel, &file, is_manifest, i, e, &mut queue);
            }
        }
    }

    /// Files the `i`th top-level entry of `file` (at `rel`) where it belongs.
    fn take(
        &mut self,
        rel: &str,
        file: &str,
        is_manifest: bool,
        i: usize,
        e: Entry,
        queue: &mut VecDeque<(String, Option<(String, u32)>)>,
    ) {
        match e.key.as_str() {
            "schema" if is_manifest => {
                let v = e.value.parse::<u32>().unwrap_or(0);
                if i != 0 {
                    self.diags.push(
                        file,
                        e.line,
                        "`schema:` must be the first line of course.txt; move it to the top",
                    );
                }
                self.schema = Some((file.to_string(), e.line, v));
            }
            "course" if is_manifest => {
                self.loaded.course = Some(Rec {
                    file: file.to_string(),
                    entry: e,
                });
            }
            "schema" | "course" => self.diags.push(
                file,
                e.line,
                format!(
                    "`{}:` belongs in seeds/course.txt only; move or delete it",
                    e.key
                ),
            ),
            "include" => {
                let target = join_rel(rel, &e.value);
                if !e.value.ends_with(".txt") {
                    self.diags.push(file, e.line, format!("include \"{}\" is not a .txt record file; lessons (.md) are named by a lesson's `file:` key", e.value));
                } else if let Some(t) = target {
                    queue.push_back((t, Some((file.to_string(), e.line))));
                } else {
                    self.diags.push(
                        file,
                        e.line,
                        format!(
                            "include \"{}\" leaves the seeds folder; name a file inside seeds/",
                            e.value
                        ),
                    );
                }
            }
            k => match Kind::top_level(k) {
                Some(kind) => {
                    if kind == Kind::Lesson {
                        self.load_lesson_file(rel, file, &e);
                    }
                    self.loaded.records[kind].push(Rec {
                        file: file.to_string(),
                        entry: e,
                    });
                }
                None => {
                    let hint = match suggest(k, TOP_LEVEL.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("a file holds these records: {}", TOP_LEVEL.join(", ")),
                    };
                    self.diags.push(
                        file,
                        e.line,
                        format!("unknown record `{k}:` at the top level; {hint}"),
                    );
                }
            },
        }
    }

    fn load_lesson_file(&mut self, rel: &str, file: &str, e: &Entry) {
        let Some(f) = e.child("file") else { return };
        if !f.value.ends_with(".md") {
            self.diags.push(
                file,
                f.line,
                format!(
                    "lesson file \"{}\" must be a .md file; name the lesson's Markdown file, ending .md",
                    f.value
                ),
            );
            return;
        }
        let Some(target) = join_rel(rel, &f.value) else {
            self.diags.push(
                file,
                f.line,
                format!(
                    "lesson file \"{}\" leaves the seeds folder; name a file inside seeds/",
                    f.value
                ),
            );
            return;
        };
        match std::fs::read_to_string(self.root.join(&target)) {
            Ok(text) => {
                if !self.read.insert(target.clone()) {
                    self.diags.push(file, f.line, format!("\"{}\" is already used by another lesson; give each lesson its own file", f.value));
                }
                self.loaded
                    .lesson_files
                    .insert(e.value.clone(), (shown(&target), text));
            }
            Err(err) => self.diags.push(
                file,
                f.line,
                format!("cannot read lesson file \"{}\" ({err}); check the path, which is relative to this file", f.value),
            ),
        }
    }

    fn check_unreached(&mut self) {
        let mut all = Vec::new();
        walk(&self.root, "", &mut all);
        // A folder holding a file named DRAFT is work in progress: not reported until it is removed.
        let drafts: Vec<String> = all
            .iter()
            .filter_map(|rel| {
                rel.strip_suffix("DRAFT")
                    .filter(|dir| dir.is_empty() || dir.ends_with('/'))
            })
            .map(str::to_string)
            .collect();
        for rel in all {
            if rel == "README.md" || self.read.contains(&rel) {
                continue;
            }
            if drafts.iter().any(|d| rel.starts_with(d.as_str())) && !self.read.contains(&rel) {
                continue;
            }
            self.diags.push(
                &shown(&rel),
                1,
                "this file is not reached from course.txt; include it (`include: PATH` for .txt, a lesson's `file:` for .md) or delete it",
            );
        }
    }

    fn check_schema_version(&mut self) {
        match self.schema.clone() {
            Some((file, line, v)) if v != SCHEMA_VERSION => self.diags.push(
                &file,
                line,
                format!("unsupported schema version; this compiler reads `schema: {SCHEMA_VERSION}`"),
            ),
            Some(_) => {}
            None if self.read.contains("course.txt") => {
                self.diags.push("seeds/course.txt", 1, format!("course.txt does not declare its schema; add `schema: {SCHEMA_VERSION}` as its first line"))
            }
            None => {}
        }
        if self.loaded.course.is_none() && self.read.contains("course.txt") {
            self.diags.push(
                "seeds/course.txt",
                1,
                "course.txt has no `course: ID` record with a title and the unit order; add one",
            );
        }
    }
}

/// Joins an include path to the including file's folder; `None` if it escapes the root.
fn join_rel(from: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Every file under `dir` (hidden ones left out), as paths relative to the root, sorted.
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for ent in entries {
        let name = ent.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if ent.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&ent.path(), &rel, out);
        } else {
            out.push(rel);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join() {
        assert_eq!(
            join_rel("units/a/unit.txt", "quiz.txt").as_deref(),
            Some("units/a/quiz.txt")
        );
        assert_eq!(
            join_rel("course.txt", "units/x.txt").as_deref(),
            Some("units/x.txt")
        );
        assert_eq!(
            join_rel("units/a.txt", "../b.txt").as_deref(),
            Some("b.txt")
        );
        assert_eq!(join_rel("a.txt", "../b.txt"), None);
    }
}
