//! Scenario step 2, nodes: declares the ids of steps (`node:`) and endings (`ending:`), and
//! resolves the names that routes and conditions use.

use std::collections::HashMap;

use super::super::super::conditions::{self, RawTest};
use super::super::super::records::Entry;
use super::super::super::resolve::{leak, Resolver};
use super::super::super::schema::{is_id, suggest};
use super::Scope;
use crate::model::{Condition, NodeId, Test, VarId};

/// Declares the scenario's node ids: steps and endings, in file order.
pub fn declare<'e>(
    cx: &mut Resolver,
    file: &'e str,
    e: &'e Entry,
    what: String,
    var_ids: HashMap<String, u16>,
) -> Scope<'e> {
    let mut node_ids: HashMap<String, u16> = HashMap::new();
    let mut nodes = Vec::new();
    for n in e
        .children
        .iter()
        .filter(|c| c.key == "node" || c.key == "ending")
    {
        if !is_id(&n.value) {
            cx.err(
                file,
                n.line,
                format!(
                    "\"{}\" is not a valid node id; use lower-case letters, digits and hyphens",
                    n.value
                ),
            );
            continue;
        }
        if node_ids.contains_key(&n.value) {
            cx.err(
                file,
                n.line,
                format!("duplicate node id \"{}\" in {what}; rename one", n.value),
            );
            continue;
        }
        node_ids.insert(n.value.clone(), nodes.len() as u16);
        nodes.push((n.key == "ending", n));
    }
    Scope {
        file,
        what,
        var_ids,
        node_ids,
        nodes,
    }
}

impl Scope<'_> {
    /// The index of node `id`, or a diagnostic at `line` with a hint.
    pub fn node(&self, cx: &mut Resolver, id: &str, line: u32) -> Option<u16> {
        let got = self.node_ids.get(id).copied();
        if got.is_none() {
            let hint = suggest(id, self.node_ids.keys().map(String::as_str))
                .map(|s| format!("did you mean \"{s}\"?"))
                .unwrap_or_else(|| "add `node:` or `ending:` with that id, or correct it".into());
            cx.err(
                self.file,
                line,
                format!("node \"{id}\" does not exist in {}; {hint}", self.what),
            );
        }
        got
    }

    /// The names in a condition as typed tests; `None` after reporting any problem at `line`.
    pub fn condition(&self, cx: &mut Resolver, text: &str, line: u32) -> Option<Condition> {
        let raw = match conditions::parse_condition(text) {
            Ok(raw) => raw,
            Err(msg) => {
                cx.err(self.file, line, msg);
                return None;
            }
        };
        let mut ok = true;
        let mut groups: Vec<&'static [Test]> = Vec::new();
        for g in raw {
            let mut tests = Vec::new();
            for t in g {
                let negated = matches!(t, RawTest::NotVisited(_));
                match t {
                    RawTest::Compare(name, op, n) => match self.var(cx, line, &name) {
                        Some(v) => tests.push(Test::Compare(VarId(v), op, n)),
                        None => ok = false,
                    },
                    RawTest::Visited(n) | RawTest::NotVisited(n) => match self.node(cx, &n, line) {
                        Some(i) if negated => tests.push(Test::NotVisited(NodeId(i))),
                        Some(i) => tests.push(Test::Visited(NodeId(i))),
                        None => ok = false,
                    },
                }
            }
            groups.push(leak(tests));
        }
        ok.then(|| Condition { any: leak(groups) })
    }
}
