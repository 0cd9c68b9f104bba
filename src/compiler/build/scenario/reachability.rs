//! Scenario step 4, reachability: every node can be reached from the start by some route
//! (ignoring conditions; the exploration then checks which routes are ever taken).

use std::collections::VecDeque;

use super::super::super::resolve::Resolver;
use super::Scope;

/// Reports every node no route leads to from `start`; `edges` holds each node's route targets.
pub fn check(cx: &mut Resolver, scope: &Scope, start: u16, edges: &[Vec<u16>]) {
    if scope.nodes.is_empty() {
        return;
    }
    let mut seen = vec![false; scope.nodes.len()];
    let mut queue = VecDeque::from([usize::from(start)]);
    while let Some(i) = queue.pop_front() {
        if i >= seen.len() || std::mem::replace(&mut seen[i], true) {
            continue;
        }
        queue.extend(edges[i].iter().map(|&g| usize::from(g)));
    }
    for (i, (is_end, n)) in scope.nodes.iter().enumerate() {
        if !seen[i] {
            let kind = if *is_end { "ending" } else { "node" };
            cx.err(scope.file, n.line, format!("{kind} \"{}\" cannot be reached from the start node; add a choice that leads to it, or delete it", n.value));
        }
    }
}
