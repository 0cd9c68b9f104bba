//! Builds the glossary terms, with their citations and related terms.

use super::super::kind::Kind;
use super::super::resolve::{leak, leak_str, Resolver};
use super::super::schema::TERM_KEYS;
use crate::model::{Term, TermId};

pub fn build(cx: &mut Resolver) -> &'static [Term] {
    let mut out = Vec::new();
    for r in cx.valid(Kind::Term) {
        let (f, e) = (&r.file, &r.entry);
        cx.check_keys(f, e, &format!("term \"{}\"", e.value), TERM_KEYS);
        let definition = cx.rich_of(f, e.child("definition"));
        let cites = cx.citations(f, e);
        let see: Vec<TermId> = e
            .all("see")
            .filter_map(|s| {
                cx.lookup(Kind::Term, &s.value, f, s.line, "related term")
                    .map(TermId)
            })
            .collect();
        out.push(Term {
            id: leak_str(e.value.clone()),
            name: leak_str(e.text("name")),
            definition,
            cites,
            see: leak(see),
        });
    }
    leak(out)
}
