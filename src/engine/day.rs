//! Calendar days: what the learner's record dates things by, and what the practice schedule counts.
//!
//! A [`Day`] is the number of days since 1 January 1970 in the learner's own calendar (the browser
//! reads its local date). 0 means "date not known" (progress saved before dates were kept).

use crate::model::MONTHS;

pub type Day = u32;

/// The day number of a calendar date (proleptic Gregorian; Howard Hinnant's algorithm).
pub fn from_civil(year: i32, month: u32, day: u32) -> Day {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468).max(0) as Day
}

/// The calendar date of a day number: (year, month 1-12, day 1-31).
pub fn to_civil(d: Day) -> (i32, u32, u32) {
    let z = d as i32 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// "23 November 2026", or "date not recorded" for day 0.
pub fn words(d: Day) -> String {
    if d == 0 {
        return "date not recorded".into();
    }
    let (y, m, day) = to_civil(d);
    let month = (m as usize)
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("");
    format!("{day} {month} {y}")
}

/// "2026-11-23" (for `<time datetime>` and file names); empty for day 0.
pub fn iso(d: Day) -> String {
    if d == 0 {
        return String::new();
    }
    let (y, m, day) = to_civil(d);
    format!("{y:04}-{m:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_convert_both_ways() {
        use crate::engine::day;
        assert_eq!(day::from_civil(1970, 1, 1), 0);
        assert_eq!(day::from_civil(2024, 1, 1), 19_723);
        assert_eq!(day::from_civil(2026, 11, 23), 20_780);
        assert_eq!(day::to_civil(20_780), (2026, 11, 23));
        assert_eq!(day::words(day::from_civil(2024, 2, 29)), "29 February 2024");
        assert_eq!(day::iso(day::from_civil(2000, 3, 1)), "2000-03-01");
        for d in (0..80_000).step_by(37) {
            let (y, m, dd) = day::to_civil(d);
            assert_eq!(day::from_civil(y, m, dd), d);
        }
    }
}
