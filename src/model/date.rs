//! Dates known to a day, a month or a year, and how they are placed in time.
//!
//! Placement rule (documented in `docs/format.md`): an event dated to a month or a year is
//! placed on the **first day** of that period (`2012-07` happens on 1 July 2012, `2012` on
//! 1 January 2012). A query "as of" a month or a year means the **last day** of that period,
//! inclusive (`--at 2014-10` is 31 October 2014), so that "as of 2014" includes everything
//! that happened in 2014.

use std::fmt;

use jiff::civil::Date;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

impl Precision {
    /// The word used in files and reports.
    pub fn word(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// A calendar date known to a [`Precision`]; written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    start: Date,
    precision: Precision,
}

/// Why a text is not a valid date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date \"{input}\": {reason}")]
pub struct DateError {
    /// The text as given.
    pub input: String,
    /// What is wrong with it.
    pub reason: String,
}

const MONTH_NAMES: [&str; 12] = [
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

impl PartialDate {
    /// A date known to the day.
    pub fn day(date: Date) -> Self {
        Self {
            start: date,
            precision: Precision::Day,
        }
    }

    /// Builds a date from its parts; `month` and `day` may be absent (lower precision).
    pub fn from_parts(year: i16, month: Option<i8>, day: Option<i8>) -> Result<Self, DateError> {
        let shown = match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        };
        let error = |reason: String| DateError {
            input: shown.clone(),
            reason,
        };
        if !(1000..=9999).contains(&year) {
            return Err(error("the year must have four digits".into()));
        }
        let (precision, month_number, day_number) = match (month, day) {
            (None, None) => (Precision::Year, 1, 1),
            (Some(m), None) => (Precision::Month, m, 1),
            (Some(m), Some(d)) => (Precision::Day, m, d),
            (None, Some(_)) => return Err(error("a day needs a month".into())),
        };
        if !(1..=12).contains(&month_number) {
            return Err(error(format!("month {month_number} does not exist")));
        }
        let start = Date::new(year, month_number, day_number).map_err(|_| {
            let month_name = month_name(month_number);
            error(format!("{month_name} {year} has no day {day_number}"))
        })?;
        Ok(Self { start, precision })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (surrounding spaces are ignored).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let trimmed = text.trim();
        let error = |reason: &str| DateError {
            input: text.to_owned(),
            reason: reason.to_owned(),
        };
        let parts: Vec<&str> = trimmed.split('-').collect();
        let number = |part: &str, digits: usize, name: &str| -> Result<i16, DateError> {
            if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error(&format!(
                    "expected YYYY, YYYY-MM or YYYY-MM-DD ({name} must have {digits} digits)"
                )));
            }
            part.parse::<i16>()
                .map_err(|_| error("expected YYYY, YYYY-MM or YYYY-MM-DD"))
        };
        let narrow = |value: i16| i8::try_from(value).unwrap_or(i8::MAX);
        let result = match parts.as_slice() {
            [y] => Self::from_parts(number(y, 4, "the year")?, None, None),
            [y, m] => Self::from_parts(
                number(y, 4, "the year")?,
                Some(narrow(number(m, 2, "the month")?)),
                None,
            ),
            [y, m, d] => Self::from_parts(
                number(y, 4, "the year")?,
                Some(narrow(number(m, 2, "the month")?)),
                Some(narrow(number(d, 2, "the day")?)),
            ),
            _ => return Err(error("expected YYYY, YYYY-MM or YYYY-MM-DD")),
        };
        result.map_err(|e| DateError {
            input: text.to_owned(),
            reason: e.reason,
        })
    }

    /// The precision the date is known to.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// The first day of the period: where an event with this date is placed in time.
    pub fn start(self) -> Date {
        self.start
    }

    /// The last day of the period: what "as of" this date means in a query.
    pub fn end(self) -> Date {
        match self.precision {
            Precision::Day => self.start,
            Precision::Month => self.start.last_of_month(),
            Precision::Year => Date::new(self.start.year(), 12, 31).unwrap_or(self.start),
        }
    }

    /// The year.
    pub fn year(self) -> i16 {
        self.start.year()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.start;
        match self.precision {
            Precision::Year => write!(f, "{:04}", d.year()),
            Precision::Month => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

/// The English name of a month (1 = January); empty outside 1..=12.
pub fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|index| MONTH_NAMES.get(index))
        .copied()
        .unwrap_or("")
}

/// Today's date (UTC), the default "as of" date of queries.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap_or_default()
    }

    #[test]
    fn parses_three_precisions_and_round_trips() {
        for text in ["2014", "2014-10", "2014-10-07"] {
            let parsed = PartialDate::parse(text);
            assert_eq!(parsed.map(|d| d.to_string()), Ok(text.to_owned()));
        }
        assert_eq!(
            PartialDate::parse("2014-10").map(|d| d.precision()),
            Ok(Precision::Month)
        );
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        let err = PartialDate::parse("2014-02-30").err().map(|e| e.reason);
        assert_eq!(err.as_deref(), Some("February 2014 has no day 30"));
        assert!(PartialDate::parse("2016-02-29").is_ok(), "leap day exists");
        assert!(PartialDate::parse("2015-02-29").is_err(), "not a leap year");
        assert!(PartialDate::parse("2014-13").is_err());
        assert!(PartialDate::parse("14-10-01").is_err());
        assert!(PartialDate::parse("2014/10/01").is_err());
        assert!(PartialDate::parse("").is_err());
        assert!(PartialDate::parse("2014-1-01").is_err());
        assert!(PartialDate::parse("２０１４").is_err(), "non-ASCII digits");
    }

    #[test]
    fn placement_uses_start_and_queries_use_end_of_period() {
        let year = PartialDate::parse("2012").unwrap_or(PartialDate::day(Date::default()));
        assert_eq!(year.start(), date(2012, 1, 1));
        assert_eq!(year.end(), date(2012, 12, 31));
        let month = PartialDate::parse("2012-02").unwrap_or(PartialDate::day(Date::default()));
        assert_eq!(month.start(), date(2012, 2, 1));
        assert_eq!(month.end(), date(2012, 2, 29));
    }

    #[test]
    fn orders_by_start_then_precision() {
        let a = PartialDate::parse("2012").ok();
        let b = PartialDate::parse("2012-01").ok();
        let c = PartialDate::parse("2012-01-01").ok();
        assert!(a < b && b < c);
    }
}
