//! Builds the timeline's events, sorted by date (then by id, so the order never depends on the
//! order of the files).

use super::super::kind::Kind;
use super::super::resolve::{leak, leak_str, Resolver};
use super::super::schema::EVENT_KEYS;
use crate::model::{Event, UnitId};

pub fn build(cx: &mut Resolver) -> &'static [Event] {
    let mut out = Vec::new();
    for r in cx.valid(Kind::Event) {
        let (f, e) = (&r.file, &r.entry);
        cx.check_keys(f, e, &format!("event \"{}\"", e.value), EVENT_KEYS);
        let (year, month, day) = match e.child("date") {
            Some(d) => parse_date(&d.value).unwrap_or_else(|| {
                cx.err(f, d.line, format!("date \"{}\" is not YYYY, YYYY-MM or YYYY-MM-DD (a real date from 1900 to 2100); write e.g. `2014-05-14`", d.value));
                (1900, 0, 0)
            }),
            None => (1900, 0, 0),
        };
        let unit = e
            .child("unit")
            .and_then(|u| cx.lookup(Kind::Unit, &u.value, f, u.line, "unit"))
            .map_or(UnitId(0), UnitId);
        let text = cx.rich_of(f, e.child("text"));
        let cites = cx.citations(f, e);
        out.push(Event {
            id: leak_str(e.value.clone()),
            year,
            month,
            day,
            title: leak_str(e.text("title")),
            text,
            cites,
            unit,
        });
    }
    out.sort_by(|a, b| (a.year, a.month, a.day, a.id).cmp(&(b.year, b.month, b.day, b.id)));
    leak(out)
}

/// "1999" → (1999, 0, 0); "1974-04" → (1974, 4, 0); "2019-09-13" → (2019, 9, 13).
fn parse_date(s: &str) -> Option<(u16, u8, u8)> {
    let mut parts = s.trim().split('-');
    let year: u16 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: u8 = match parts.next() {
        Some(m) if m.len() == 2 => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        Some(_) => return None,
        None => 0,
    };
    let day: u8 = match parts.next() {
        Some(d) if d.len() == 2 && month > 0 => {
            let days = match month {
                2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            d.parse().ok().filter(|d| (1..=days).contains(d))?
        }
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() || !(1900..=2100).contains(&year) {
        return None;
    }
    Some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse() {
        assert_eq!(parse_date("1999"), Some((1999, 0, 0)));
        assert_eq!(parse_date("1974-04"), Some((1974, 4, 0)));
        assert_eq!(parse_date("2019-09-13"), Some((2019, 9, 13)));
        assert_eq!(parse_date("2020-02-29"), Some((2020, 2, 29)));
        for bad in [
            "99",
            "2019-13",
            "2019-02-30",
            "2021-02-29",
            "2019-9",
            "2019-09-13-1",
            "c. 2015",
            "1800",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
