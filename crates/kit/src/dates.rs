//! How a message date is shown in the message list: the time for today, "hier"/"Yesterday",
//! then day and month within the year, then the full date — in the user's time zone.

use crate::Lang;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc};

const MONTHS_FR: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FULL_MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const FULL_MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month's whole name (`month0`: 0 for January), as a letter writes it.
///
/// ```
/// use facteur_kit::{dates::full_month, Lang};
/// assert_eq!(full_month(2, Lang::Fr), "mars");
/// assert_eq!(full_month(11, Lang::En), "December");
/// ```
pub fn full_month(month0: usize, lang: Lang) -> &'static str {
    let m = month0.min(11);
    match lang {
        Lang::Fr => FULL_MONTHS_FR[m],
        Lang::En => FULL_MONTHS_EN[m],
    }
}

/// The short date of a list row.
///
/// `offset` is the user's UTC offset at that moment (from the browser).
///
/// ```
/// use chrono::{FixedOffset, TimeZone, Utc};
/// use facteur_kit::{dates::list_date, Lang};
/// let paris = FixedOffset::east_opt(3600).unwrap();
/// let now = Utc.with_ymd_and_hms(2026, 11, 23, 15, 0, 0).unwrap();
/// let at = |d, h, m| Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
/// assert_eq!(list_date(at(23, 8, 5), now, paris, Lang::Fr), "09:05");
/// assert_eq!(list_date(at(22, 8, 5), now, paris, Lang::Fr), "hier");
/// assert_eq!(list_date(at(3, 8, 5), now, paris, Lang::Fr), "3 nov.");
/// assert_eq!(list_date(at(3, 8, 5), now, paris, Lang::En), "Nov 3");
/// ```
pub fn list_date(when: DateTime<Utc>, now: DateTime<Utc>, offset: FixedOffset, lang: Lang) -> String {
    let local = when.with_timezone(&offset);
    let today = now.with_timezone(&offset).date_naive();
    let day = local.date_naive();
    if day == today {
        time_of_day(local, lang)
    } else if Some(day) == today.pred_opt() {
        match lang {
            Lang::Fr => "hier".into(),
            Lang::En => "Yesterday".into(),
        }
    } else if day.year() == today.year() || day > today {
        day_month(day, lang)
    } else {
        numeric_date(day)
    }
}

/// The full date and time, for a tooltip or the message header.
///
/// ```
/// use chrono::{FixedOffset, TimeZone, Utc};
/// use facteur_kit::{dates::full_date, Lang};
/// let paris = FixedOffset::east_opt(3600).unwrap();
/// let when = Utc.with_ymd_and_hms(2026, 3, 2, 13, 7, 0).unwrap();
/// assert_eq!(full_date(when, paris, Lang::Fr), "2 mars 2026 à 14:07");
/// assert_eq!(full_date(when, paris, Lang::En), "Mar 2, 2026, 2:07 PM");
/// ```
pub fn full_date(when: DateTime<Utc>, offset: FixedOffset, lang: Lang) -> String {
    let local = when.with_timezone(&offset);
    let day = local.date_naive();
    match lang {
        Lang::Fr => format!("{} {} {} à {}", day.day(), month_name(day, lang), day.year(), time_of_day(local, lang)),
        Lang::En => format!("{} {}, {}, {}", month_name(day, lang), day.day(), day.year(), time_of_day(local, lang)),
    }
}

/// A day, written out (for search criteria).
///
/// ```
/// use chrono::NaiveDate;
/// use facteur_kit::{dates::long_day, Lang};
/// let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
/// assert_eq!(long_day(day, Lang::Fr), "1 mars 2026");
/// assert_eq!(long_day(day, Lang::En), "Mar 1, 2026");
/// ```
pub fn long_day(day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{} {}", day_month(day, lang), day.year()),
        Lang::En => format!("{}, {}", day_month(day, lang), day.year()),
    }
}

fn month_name(day: NaiveDate, lang: Lang) -> &'static str {
    let m = day.month0() as usize;
    match lang {
        Lang::Fr => MONTHS_FR[m],
        Lang::En => MONTHS_EN[m],
    }
}

fn time_of_day(local: DateTime<FixedOffset>, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{:02}:{:02}", local.hour(), local.minute()),
        Lang::En => {
            let (pm, h12) = local.hour12();
            format!("{}:{:02} {}", h12, local.minute(), if pm { "PM" } else { "AM" })
        }
    }
}

fn day_month(day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{} {}", day.day(), month_name(day, lang)),
        Lang::En => format!("{} {}", month_name(day, lang), day.day()),
    }
}

/// Day first in both languages (the English of the interface is British English).
fn numeric_date(day: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", day.day(), day.month(), day.year())
}

/// Parses a JMAP `UTCDate` (RFC 3339, e.g. `2026-11-23T08:05:00Z`).
pub fn parse_utc(date: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(date).ok().map(|d| d.with_timezone(&Utc))
}

/// A day as `2026-11-23` (the value of an `<input type=date>`, of the search address).
///
/// Written with plain integer formatting, as [`parse_iso_day`] reads it: chrono's `format` and
/// `parse_from_str` bring its whole strftime machinery into the wasm.
pub fn iso_day(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// Reads `2026-11-23` (nothing before or after; `None` for a day that does not exist).
///
/// ```
/// use facteur_kit::dates::{iso_day, parse_iso_day};
/// let day = parse_iso_day("2026-02-28").unwrap();
/// assert_eq!(iso_day(day), "2026-02-28");
/// assert_eq!(parse_iso_day("2026-02-29"), None);
/// assert_eq!(parse_iso_day("2026-2-3x"), None);
/// ```
pub fn parse_iso_day(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let mut number = |digits: usize| {
        let part = parts.next().filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))?;
        part.parse::<u32>().ok()
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// An instant as a JMAP `UTCDate` (`2026-03-01T23:00:00Z`).
pub fn utc_date(at: DateTime<Utc>) -> String {
    format!("{}T{:02}:{:02}:{:02}Z", iso_day(at.date_naive()), at.hour(), at.minute(), at.second())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn iso_days_and_utc_dates_match_chrono() {
        for (y, m, d) in [(2026, 1, 1), (1999, 12, 31), (2028, 2, 29), (987, 7, 4)] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_day(day), day.format("%Y-%m-%d").to_string());
            assert_eq!(parse_iso_day(&iso_day(day)), Some(day));
            let at = Utc.with_ymd_and_hms(y, m, d, 23, 5, 9).unwrap();
            assert_eq!(utc_date(at), at.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        }
        for bad in ["", "2026-13-01", "2026-00-10", "2026-01-32", "26-01-01", "2026-01-01T", "2026-1-01", "+202-01-01"]
        {
            assert_eq!(parse_iso_day(bad), None, "{bad:?}");
        }
    }

    fn paris_winter() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    #[test]
    fn today_depends_on_the_users_time_zone() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 0, 30, 0).unwrap(); // 01:30 in Paris
        let late_yesterday_utc = Utc.with_ymd_and_hms(2026, 11, 22, 23, 10, 0).unwrap(); // 00:10 in Paris
        assert_eq!(list_date(late_yesterday_utc, now, paris_winter(), Lang::Fr), "00:10");
        assert_eq!(list_date(late_yesterday_utc, now, FixedOffset::east_opt(0).unwrap(), Lang::Fr), "hier");
    }

    #[test]
    fn older_years_get_a_numeric_date_and_the_year_boundary_is_right() {
        let now = Utc.with_ymd_and_hms(2026, 1, 2, 12, 0, 0).unwrap();
        let dec31 = Utc.with_ymd_and_hms(2025, 12, 31, 12, 0, 0).unwrap();
        let dec30 = Utc.with_ymd_and_hms(2025, 12, 30, 12, 0, 0).unwrap();
        assert_eq!(list_date(dec31, now, paris_winter(), Lang::Fr), "31/12/2025");
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        assert_eq!(list_date(dec31, now, paris_winter(), Lang::Fr), "hier");
        assert_eq!(list_date(dec30, now, paris_winter(), Lang::En), "30/12/2025");
    }

    #[test]
    fn english_times_use_am_pm() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 15, 0, 0).unwrap();
        let noon = Utc.with_ymd_and_hms(2026, 11, 23, 11, 0, 0).unwrap();
        assert_eq!(list_date(noon, now, paris_winter(), Lang::En), "12:00 PM");
        let midnight = Utc.with_ymd_and_hms(2026, 11, 22, 23, 5, 0).unwrap();
        assert_eq!(list_date(midnight, now, paris_winter(), Lang::En), "12:05 AM");
    }

    #[test]
    fn parses_jmap_dates() {
        assert_eq!(parse_utc("2026-11-23T08:05:00Z"), Some(Utc.with_ymd_and_hms(2026, 11, 23, 8, 5, 0).unwrap()));
        assert_eq!(parse_utc("2026-11-23T09:05:00+01:00"), Some(Utc.with_ymd_and_hms(2026, 11, 23, 8, 5, 0).unwrap()));
        assert_eq!(parse_utc("not a date"), None);
    }
}
