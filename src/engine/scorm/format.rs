//! How SCORM writes numbers, times and durations, per version.

use super::super::package::ScormVersion;

/// A percentage held in hundredths (7058 is 70.58 per cent) as SCORM's decimal: "70.58", "70.5",
/// "70". At most two decimals, as SCORM 1.2's `score.raw` asks.
pub fn percent(hundredths: u32) -> String {
    decimal(u64::from(hundredths), 2)
}

/// The same percentage as a fraction of one, for SCORM 2004's `score.scaled`: "0.7058".
pub fn scaled(hundredths: u32) -> String {
    decimal(u64::from(hundredths), 4)
}

/// `value` divided by 10^`places`, written without trailing zeros.
fn decimal(value: u64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let (int, frac) = (value / scale, value % scale);
    if frac == 0 {
        return int.to_string();
    }
    let digits = format!("{frac:0width$}", width = places as usize);
    format!("{int}.{}", digits.trim_end_matches('0'))
}

/// Reads a score the LMS holds ("70.58", "70", "") back into hundredths of a per cent; `None`
/// for anything that is not a number from 0 to 100.
pub fn read_percent(text: &str) -> Option<u32> {
    let t = text.trim();
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || int.len() > 3 {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u32 = int.parse().ok()?;
    let mut hundredths = whole * 100;
    for (i, b) in frac.bytes().take(2).enumerate() {
        hundredths += u32::from(b - b'0') * if i == 0 { 10 } else { 1 };
    }
    (hundredths <= 10_000).then_some(hundredths)
}

/// A pass mark as the LMS gives it (1.2's `mastery_score` 0-100, 2004's `scaled_passing_score`
/// -1 to 1) in whole per cent, rounded up so that a score that reaches it passes in both.
pub fn read_pass_mark(version: ScormVersion, text: &str) -> Option<u8> {
    let t = text.trim();
    match version {
        ScormVersion::V12 => read_percent(t).map(|h| h.div_ceil(100) as u8),
        ScormVersion::V2004 => {
            if t.starts_with('-') {
                return Some(0);
            }
            let (int, frac) = t.split_once('.').unwrap_or((t, ""));
            if !matches!(int, "0" | "1" | "") || t.is_empty() {
                return None;
            }
            if !frac.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if int == "1" {
                return frac.bytes().all(|b| b == b'0').then_some(100);
            }
            // Ten-thousandths of one, then whole per cent rounded up.
            let mut units: u32 = 0;
            for (i, b) in frac.bytes().enumerate() {
                if i < 4 {
                    units = units * 10 + u32::from(b - b'0');
                } else if b != b'0' {
                    units += 1;
                    break;
                }
            }
            units *= 10u32.pow(4 - frac.len().min(4) as u32);
            Some(units.div_ceil(100) as u8)
        }
    }
}

/// How long the session lasted, in each version's format: 1.2 `HHHH:MM:SS.SS`, 2004 an ISO 8601
/// duration such as `PT1H2M3.5S`.
pub fn session_time(version: ScormVersion, millis: u64) -> String {
    let centis = millis / 10;
    let (h, rest) = (centis / 360_000, centis % 360_000);
    let (m, rest) = (rest / 6_000, rest % 6_000);
    let (s, cs) = (rest / 100, rest % 100);
    match version {
        ScormVersion::V12 => format!("{:04}:{m:02}:{s:02}.{cs:02}", h.min(9999)),
        ScormVersion::V2004 => {
            let mut out = String::from("PT");
            if h > 0 {
                out.push_str(&format!("{h}H"));
            }
            if h > 0 || m > 0 {
                out.push_str(&format!("{m}M"));
            }
            out.push_str(&decimal(s * 100 + cs, 2));
            out.push('S');
            out
        }
    }
}

/// A local date and time, as the browser's clock gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl Stamp {
    /// 1.2's `CMITime` (`HH:MM:SS`) or 2004's `time(second,10,0)` (`YYYY-MM-DDThh:mm:ss`).
    pub fn format(self, version: ScormVersion) -> String {
        let Stamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
        } = self;
        match version {
            ScormVersion::V12 => format!("{hour:02}:{minute:02}:{second:02}"),
            ScormVersion::V2004 => {
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScormVersion::{V12, V2004};

    #[test]
    fn percentages_have_at_most_two_decimals() {
        assert_eq!(percent(7058), "70.58");
        assert_eq!(percent(7050), "70.5");
        assert_eq!(percent(7000), "70");
        assert_eq!(percent(0), "0");
        assert_eq!(percent(10_000), "100");
        assert_eq!(scaled(7058), "0.7058");
        assert_eq!(scaled(10_000), "1");
        assert_eq!(scaled(5), "0.0005");
    }

    #[test]
    fn reads_back_what_it_writes_and_nothing_else() {
        for h in [0, 5, 7058, 7050, 9999, 10_000] {
            assert_eq!(read_percent(&percent(h)), Some(h));
        }
        for bad in ["", "abc", "-1", "100.01", "1e2", "70.5x", "1000"] {
            assert_eq!(read_percent(bad), None, "{bad}");
        }
    }

    #[test]
    fn pass_marks_from_either_version() {
        assert_eq!(read_pass_mark(V12, "70"), Some(70));
        assert_eq!(read_pass_mark(V12, "70.5"), Some(71));
        assert_eq!(read_pass_mark(V12, ""), None);
        assert_eq!(read_pass_mark(V2004, "0.7"), Some(70));
        assert_eq!(read_pass_mark(V2004, "0.55"), Some(55));
        assert_eq!(read_pass_mark(V2004, "0.7001"), Some(71));
        assert_eq!(read_pass_mark(V2004, "1"), Some(100));
        assert_eq!(read_pass_mark(V2004, "1.0"), Some(100));
        assert_eq!(read_pass_mark(V2004, "-0.5"), Some(0));
        assert_eq!(read_pass_mark(V2004, ""), None);
        assert_eq!(read_pass_mark(V2004, "seventy"), None);
    }

    #[test]
    fn session_times_in_each_format() {
        assert_eq!(session_time(V12, 0), "0000:00:00.00");
        assert_eq!(session_time(V12, 3_723_450), "0001:02:03.45");
        assert_eq!(session_time(V2004, 3_723_450), "PT1H2M3.45S");
        assert_eq!(session_time(V2004, 65_000), "PT1M5S");
        assert_eq!(session_time(V2004, 400), "PT0.4S");
    }

    #[test]
    fn stamps_in_each_format() {
        let s = Stamp {
            year: 2026,
            month: 12,
            day: 3,
            hour: 9,
            minute: 5,
            second: 7,
        };
        assert_eq!(s.format(V12), "09:05:07");
        assert_eq!(s.format(V2004), "2026-12-03T09:05:07");
    }
}
