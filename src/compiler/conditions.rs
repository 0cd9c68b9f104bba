//! The small expression syntax of scenarios: `if:` conditions (also after `goto: NODE if`) and
//! `score:` formulas. Parsed here into names; `mod.rs` resolves the names to typed ids.

use crate::model::Cmp;

/// One test, with the names as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawTest {
    Compare(String, Cmp, i32),
    Visited(String),
    NotVisited(String),
}

/// Groups joined by `or`, each a list of tests joined by `and`.
pub type RawCondition = Vec<Vec<RawTest>>;

const HELP: &str = "write tests such as `trust >= 3`, `visited NODE` or `not visited NODE`, joined with `and` or `or`";

/// Splits on spaces, and around the comparison signs `< <= > >= = !=` (so `trust>=3` reads too).
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_is_op = false;
    for c in s.chars() {
        let is_op = matches!(c, '<' | '>' | '=' | '!');
        if c.is_whitespace() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() && is_op != cur_is_op {
            out.push(std::mem::take(&mut cur));
        }
        cur_is_op = is_op;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn cmp(tok: &str) -> Option<Cmp> {
    Some(match tok {
        "<" => Cmp::Lt,
        "<=" => Cmp::Le,
        ">" => Cmp::Gt,
        ">=" => Cmp::Ge,
        "=" => Cmp::Eq,
        "!=" => Cmp::Ne,
        _ => return None,
    })
}

const WORDS: &[&str] = &["and", "or", "not", "visited"];

fn name(tok: Option<&String>) -> Option<String> {
    tok.filter(|t| super::schema::is_id(t) && !WORDS.contains(&t.as_str()))
        .cloned()
}

/// Parses `trust >= 3 and visited family-call or not visited ward`; `and` binds tighter than `or`.
pub fn parse_condition(s: &str) -> Result<RawCondition, String> {
    let toks = tokens(s);
    if toks.is_empty() {
        return Err(format!("the condition is empty; {HELP}"));
    }
    let near = |i: usize| -> String {
        match toks.get(i) {
            Some(t) if t == "==" => {
                format!("condition \"{s}\" uses `==`; write `=` for \"equals\"")
            }
            Some(t) => format!("condition \"{s}\" is not understood at \"{t}\"; {HELP}"),
            None => format!("condition \"{s}\" ends too early; {HELP}"),
        }
    };
    let mut groups = Vec::new();
    let mut group = Vec::new();
    let mut i = 0;
    loop {
        let test = match toks.get(i).map(String::as_str) {
            Some("visited") => {
                let n = name(toks.get(i + 1)).ok_or_else(|| near(i + 1))?;
                i += 2;
                RawTest::Visited(n)
            }
            Some("not") => {
                if toks.get(i + 1).map(String::as_str) != Some("visited") {
                    return Err(near(i + 1));
                }
                let n = name(toks.get(i + 2)).ok_or_else(|| near(i + 2))?;
                i += 3;
                RawTest::NotVisited(n)
            }
            _ => {
                let var = name(toks.get(i)).ok_or_else(|| near(i))?;
                let op = toks
                    .get(i + 1)
                    .and_then(|t| cmp(t))
                    .ok_or_else(|| near(i + 1))?;
                let n = match toks.get(i + 2) {
                    Some(t) => t.parse::<i32>().map_err(|_| {
                        format!("\"{t}\" in condition \"{s}\" is not a whole number; compare a variable with a number, e.g. `trust >= 3`")
                    })?,
                    None => return Err(near(i + 2)),
                };
                i += 3;
                RawTest::Compare(var, op, n)
            }
        };
        group.push(test);
        match toks.get(i).map(String::as_str) {
            None => break,
            Some("and") => i += 1,
            Some("or") => {
                groups.push(std::mem::take(&mut group));
                i += 1;
            }
            Some(_) => return Err(near(i)),
        }
    }
    groups.push(group);
    Ok(groups)
}

const SCORE_HELP: &str =
    "write a sum of variables, each optionally times a whole number, e.g. `2*wellbeing + trust - delay`";

/// Parses `2*wellbeing + trust - delay` into (variable, weight) pairs.
pub fn parse_score(s: &str) -> Result<Vec<(String, i32)>, String> {
    let spaced = s.replace('*', " * ");
    let toks: Vec<String> = spaced.split_whitespace().map(str::to_string).collect();
    let near = |i: usize| -> String {
        match toks.get(i) {
            Some(t) => format!("score \"{s}\" is not understood at \"{t}\"; {SCORE_HELP}"),
            None => format!("score \"{s}\" ends too early; {SCORE_HELP}"),
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut sign = 1;
    match toks.first().map(String::as_str) {
        None => return Err(format!("the score is empty; {SCORE_HELP}")),
        Some("-") => {
            sign = -1;
            i = 1;
        }
        Some("+") => i = 1,
        Some(_) => {}
    }
    let is_times = |i: usize| toks.get(i).map(String::as_str) == Some("*");
    let number = |i: usize| toks.get(i).and_then(|t| t.parse::<i32>().ok());
    loop {
        let (var, times) = if let Some(n) = number(i) {
            if !is_times(i + 1) {
                return Err(near(i + 1));
            }
            let v = name(toks.get(i + 2)).ok_or_else(|| near(i + 2))?;
            i += 3;
            (v, n)
        } else {
            let v = name(toks.get(i)).ok_or_else(|| near(i))?;
            if is_times(i + 1) {
                let n = number(i + 2).ok_or_else(|| near(i + 2))?;
                i += 3;
                (v, n)
            } else {
                i += 1;
                (v, 1)
            }
        };
        out.push((var, sign * times));
        match toks.get(i).map(String::as_str) {
            None => break,
            Some("+") => sign = 1,
            Some("-") => sign = -1,
            Some(_) => return Err(near(i)),
        }
        i += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp_test(v: &str, op: Cmp, n: i32) -> RawTest {
        RawTest::Compare(v.into(), op, n)
    }

    #[test]
    fn conditions_parse() {
        assert_eq!(
            parse_condition("trust >= 3"),
            Ok(vec![vec![cmp_test("trust", Cmp::Ge, 3)]])
        );
        assert_eq!(
            parse_condition("trust>=3 and visited family-call or not visited ward"),
            Ok(vec![
                vec![
                    cmp_test("trust", Cmp::Ge, 3),
                    RawTest::Visited("family-call".into())
                ],
                vec![RawTest::NotVisited("ward".into())],
            ])
        );
        assert_eq!(
            parse_condition("delay < -2 or delay != 4 and x = 0 or y <= 1 and z > 2"),
            Ok(vec![
                vec![cmp_test("delay", Cmp::Lt, -2)],
                vec![cmp_test("delay", Cmp::Ne, 4), cmp_test("x", Cmp::Eq, 0)],
                vec![cmp_test("y", Cmp::Le, 1), cmp_test("z", Cmp::Gt, 2)],
            ])
        );
        for bad in [
            "",
            "trust",
            "trust >=",
            "trust >= high",
            "trust => 3",
            "trust == 3",
            "visited",
            "not ward",
            "trust >= 3 and",
            "trust >= 3 also visited x",
            "visited and",
        ] {
            assert!(parse_condition(bad).is_err(), "{bad:?} should not parse");
        }
        assert_eq!(
            parse_condition("trust == 3"),
            Err("condition \"trust == 3\" uses `==`; write `=` for \"equals\"".into())
        );
    }

    #[test]
    fn scores_parse() {
        assert_eq!(
            parse_score("2*wellbeing + trust - delay"),
            Ok(vec![
                ("wellbeing".into(), 2),
                ("trust".into(), 1),
                ("delay".into(), -1)
            ])
        );
        assert_eq!(
            parse_score("- delay * 3 + 2 * care-plan"),
            Ok(vec![("delay".into(), -3), ("care-plan".into(), 2)])
        );
        for bad in ["", "trust +", "trust delay", "2 trust", "trust * x", "+"] {
            assert!(parse_score(bad).is_err(), "{bad:?} should not parse");
        }
    }
}
