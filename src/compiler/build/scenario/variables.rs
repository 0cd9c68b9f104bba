//! Scenario step 1, variables: each `var:` with its label, start value and range.

use std::collections::HashMap;

use super::super::super::records::Entry;
use super::super::super::resolve::{leak_str, Resolver};
use super::super::super::schema::{is_id, suggest, VAR_KEYS};
use super::Scope;
use crate::model::Variable;

/// The scenario's variables, and their ids → index.
pub fn build(
    cx: &mut Resolver,
    f: &str,
    e: &Entry,
    what: &str,
) -> (Vec<Variable>, HashMap<String, u16>) {
    let mut vars = Vec::new();
    let mut var_ids: HashMap<String, u16> = HashMap::new();
    for v in e.all("var") {
        cx.check_keys(f, v, &format!("variable \"{}\"", v.value), VAR_KEYS);
        if !is_id(&v.value) {
            cx.err(
                f,
                v.line,
                format!(
                    "\"{}\" is not a valid variable id; use lower-case letters, digits and hyphens",
                    v.value
                ),
            );
        }
        if var_ids.contains_key(&v.value) {
            cx.err(
                f,
                v.line,
                format!("duplicate variable \"{}\" in {what}; rename one", v.value),
            );
            continue;
        }
        let mut num = |key: &str| -> i32 {
            let Some(c) = v.child(key) else { return 0 };
            c.value.parse::<i32>().unwrap_or_else(|_| {
                cx.err(
                    f,
                    c.line,
                    format!(
                        "`{key}: {}` is not a whole number; write digits, such as `{key}: 3` or `{key}: -2`",
                        c.value
                    ),
                );
                0
            })
        };
        let (start, min, max) = (num("start"), num("min"), num("max"));
        if min >= max {
            cx.err(
                f,
                v.line,
                format!(
                    "variable \"{}\" has min {min} and max {max}; min must be below max",
                    v.value
                ),
            );
        } else if !(min..=max).contains(&start) {
            let line = v.child("start").map_or(v.line, |c| c.line);
            cx.err(f, line, format!("variable \"{}\" starts at {start}, outside its range {min}..{max}; change `start`", v.value));
        }
        var_ids.insert(v.value.clone(), vars.len() as u16);
        vars.push(Variable {
            id: leak_str(v.value.clone()),
            label: leak_str(v.text("label")),
            start,
            min,
            max,
        });
    }
    (vars, var_ids)
}

impl Scope<'_> {
    /// The index of variable `name`, or a diagnostic at `line` with a hint.
    pub fn var(&self, cx: &mut Resolver, line: u32, name: &str) -> Option<u16> {
        if let Some(v) = self.var_ids.get(name) {
            return Some(*v);
        }
        let hint = suggest(name, self.var_ids.keys().map(String::as_str))
            .map(|s| format!("did you mean \"{s}\"?"))
            .unwrap_or_else(|| format!("declare it with `var: {name}` in the scenario"));
        cx.err(
            self.file,
            line,
            format!("unknown variable \"{name}\" in {}; {hint}", self.what),
        );
        None
    }
}
