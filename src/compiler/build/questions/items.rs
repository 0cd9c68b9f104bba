//! The bodies of questions made of items: putting items in order, matching pairs to targets,
//! and sorting statements into groups.

use std::collections::HashMap;

use super::super::super::records::Entry;
use super::super::super::resolve::{leak, leak_str, Resolver};
use super::super::super::schema::{suggest, Field, ITEM_KEYS, PAIR_KEYS, STATEMENT_KEYS};
use crate::model::*;

/// `type: ordering`: 3 to 8 items, written in the right order.
pub fn ordering(cx: &mut Resolver, f: &str, q: &Entry, what: &str) -> Body {
    let items = build_items(cx, f, q, what, "item", ITEM_KEYS, |_, _| Some(0));
    if !(3..=8).contains(&items.len()) {
        cx.err(
            f,
            q.line,
            format!(
                "{what} has {} items to order; an ordering question takes 3 to 8",
                items.len()
            ),
        );
    }
    Body::Ordering(items)
}

/// `type: matching`: pairs, each matching one of the targets; every target is matched.
pub fn matching(cx: &mut Resolver, f: &str, q: &Entry, what: &str) -> Body {
    let targets = labels(cx, f, q, what, "target");
    let before = cx.diags.len();
    let items = build_items(cx, f, q, what, "pair", PAIR_KEYS, |c, e| {
        pick(c, f, e, "match", &targets, "target")
    });
    if cx.diags.len() == before {
        check_all_used(
            cx,
            f,
            what,
            "target",
            &targets,
            items,
            "is matched by no pair; add a pair that matches it, or remove it",
        );
    }
    if items.len() < 2 {
        cx.err(
            f,
            q.line,
            format!("{what} needs at least two `pair:` items to match; add another `pair:`"),
        );
    }
    Body::Matching {
        items,
        targets: leak(targets.into_iter().map(|(_, t)| leak_str(t)).collect()),
    }
}

/// `type: categorise`: statements, each in one of 2 to 4 groups; every group has one.
pub fn categorise(cx: &mut Resolver, f: &str, q: &Entry, what: &str) -> Body {
    let groups = labels(cx, f, q, what, "group");
    if !(2..=4).contains(&groups.len()) && !groups.is_empty() {
        cx.err(
            f,
            q.line,
            format!(
                "{what} has {} groups; a categorising question takes 2 to 4",
                groups.len()
            ),
        );
    }
    let before = cx.diags.len();
    let items = build_items(cx, f, q, what, "statement", STATEMENT_KEYS, |c, e| {
        pick(c, f, e, "group", &groups, "group")
    });
    if cx.diags.len() == before {
        check_all_used(
            cx,
            f,
            what,
            "group",
            &groups,
            items,
            "has no statement in it; add one or remove the group",
        );
    }
    if items.len() < 2 {
        cx.err(
            f,
            q.line,
            format!(
                "{what} needs at least two `statement:` items to sort; add another `statement:`"
            ),
        );
    }
    Body::Categorise {
        items,
        groups: leak(groups.into_iter().map(|(_, t)| leak_str(t)).collect()),
    }
}

/// Distinct plain labels under `key` (targets, groups), with their lines.
fn labels(cx: &mut Resolver, f: &str, q: &Entry, what: &str, key: &str) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    for e in q.all(key) {
        if let Some((line, _)) = out.iter().find(|(_, t)| *t == e.value) {
            cx.err(
                f,
                e.line,
                format!(
                    "{key} \"{}\" appears twice in {what} (first at line {line}); remove one",
                    e.value
                ),
            );
            continue;
        }
        out.push((e.line, e.value.clone()));
    }
    out
}

/// Items under `key` (ordering items, matching pairs, statements); `key_of` finds each one's
/// target or group. Duplicated labels are rejected.
fn build_items(
    cx: &mut Resolver,
    f: &str,
    q: &Entry,
    what: &str,
    key: &str,
    fields: &[Field],
    key_of: impl Fn(&mut Resolver, &Entry) -> Option<u8>,
) -> &'static [Item] {
    let mut out = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let entries: Vec<Entry> = q.all(key).cloned().collect();
    if entries.len() > 12 {
        cx.err(
            f,
            q.line,
            format!(
                "{what} has {} `{key}:` entries; keep it to 12 or fewer",
                entries.len()
            ),
        );
    }
    for e in &entries {
        let article = if key.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        cx.check_keys(f, e, &format!("{article} {key} of {what}"), fields);
        if e.value.is_empty() {
            cx.err(
                f,
                e.line,
                format!("a {key} has no label; write `{key}: ITS TEXT`"),
            );
        } else if let Some(first) = seen.insert(e.value.to_lowercase(), e.line) {
            cx.err(f, e.line, format!("{key} \"{}\" appears twice in {what} (first at line {first}); every {key} must be different", e.value));
        }
        let k = key_of(cx, e).unwrap_or(0);
        let label = cx.rich_line(f, e.line, &e.value);
        let feedback = cx.rich_of(f, e.child("feedback"));
        out.push(Item {
            label,
            key: k,
            feedback,
        });
    }
    leak(out)
}

/// The index of the label named by `e`'s `key` child among `labels`.
fn pick(
    cx: &mut Resolver,
    f: &str,
    e: &Entry,
    key: &str,
    labels: &[(u32, String)],
    what: &str,
) -> Option<u8> {
    let c = e.child(key)?;
    match labels.iter().position(|(_, t)| *t == c.value) {
        Some(i) => Some(i as u8),
        None => {
            let hint = suggest(&c.value, labels.iter().map(|(_, t)| t.as_str()))
                .map(|s| format!("did you mean \"{s}\"?"))
                .unwrap_or_else(|| format!("write one of the question's `{what}:` lines exactly"));
            cx.err(
                f,
                c.line,
                format!("no {what} is called \"{}\"; {hint}", c.value),
            );
            None
        }
    }
}

fn check_all_used(
    cx: &mut Resolver,
    f: &str,
    what: &str,
    kind: &str,
    labels: &[(u32, String)],
    items: &[Item],
    problem: &str,
) {
    for (i, (line, label)) in labels.iter().enumerate() {
        if !items.iter().any(|it| usize::from(it.key) == i) {
            cx.err(f, *line, format!("{kind} \"{label}\" of {what} {problem}"));
        }
    }
}
