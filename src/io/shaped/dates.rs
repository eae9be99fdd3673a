//! Dates as people write them in tables: ISO, `23/11/2001` or `11/23/2001` (the order
//! decided per column), `23 Nov 2001`, `23 November 2001`, `November 23, 2001`, `Nov 2001`,
//! `2001`, spreadsheet serial dates (`37218`), followed by the letters of depositary tables
//! (`a` accession, `d` succession, `A` acceptance, `AA` approval) or footnote marks.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::{EventKind, PartialDate};

/// The order of day and month in a date written with numbers only (`03/04/2001`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOrder {
    /// `23/11/2001`: day, month, year.
    #[serde(rename = "dmy")]
    DayFirst,
    /// `11/23/2001`: month, day, year.
    #[serde(rename = "mdy")]
    MonthFirst,
}

impl DateOrder {
    /// The word of the command line and the mapping file: `dmy` or `mdy`.
    pub fn word(self) -> &'static str {
        match self {
            Self::DayFirst => "dmy",
            Self::MonthFirst => "mdy",
        }
    }

    /// Reads `dmy` or `mdy` (any case).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "dmy" => Some(Self::DayFirst),
            "mdy" => Some(Self::MonthFirst),
            _ => None,
        }
    }
}

/// A date read from a cell, with the letter that changes what the step was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellDate {
    /// The date.
    pub date: PartialDate,
    /// What a trailing letter says the step was (`a` accession, `d` succession, `A`
    /// acceptance, `AA` approval).
    pub step: Option<EventKind>,
}

/// Why a cell is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Day and month could each be the other (`03/04/2001`) and the column does not say.
    Ambiguous,
    /// Not a date; the reason.
    Invalid(String),
}

/// Cells that mean "no date" in a step column: empty, dashes, "n/a".
pub fn is_blank(text: &str) -> bool {
    matches!(
        text.trim(),
        "" | "-" | "--" | "\u{2013}" | "\u{2014}" | ".." | "..." | "n/a" | "N/A" | "na" | "NA"
    )
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names: the full English name or its first three letters (`Sept` too).
fn month_of(word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|name| {
            name.starts_with(word.as_str()) || (word == "sept" && *name == "september")
        })
        .and_then(|index| i8::try_from(index + 1).ok())
}

/// Splits the trailing letters and footnote marks off a date: `23 Nov 2001 a` →
/// (`23 Nov 2001`, accession); `2001[3]` → (`2001`, none). Text after the last digit that is
/// not such a mark makes the cell invalid.
fn split_marks(text: &str) -> Result<(&str, Option<EventKind>), DateProblem> {
    let text = text.trim();
    let mut core = text;
    // Footnotes in brackets: `[3]`, `(3)`, and superscript digits or symbols.
    loop {
        let trimmed = core.trim_end();
        let next = if let Some(rest) = trimmed.strip_suffix(']') {
            rest.rfind('[').map(|at| &rest[..at])
        } else if let Some(rest) = trimmed.strip_suffix(')') {
            rest.rfind('(')
                .filter(|&at| rest[at + 1..].bytes().all(|b| b.is_ascii_digit()))
                .map(|at| &rest[..at])
        } else {
            trimmed
                .strip_suffix(['*', '\u{2020}', '\u{2021}', '\u{b9}', '\u{b2}', '\u{b3}'])
                .or_else(|| trimmed.strip_suffix(|c: char| ('\u{2070}'..='\u{2079}').contains(&c)))
        };
        match next {
            Some(next) if next.len() < core.len() => core = next,
            _ => break,
        }
    }
    let core = core.trim_end();
    let last_digit = core
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_digit())
        .map(|(at, c)| at + c.len_utf8());
    let Some(end) = last_digit else {
        return Ok((core, None));
    };
    let (date, tail) = core.split_at(end);
    let tail = tail
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    let step = match tail {
        "" => None,
        "a" => Some(EventKind::Acceded),
        "d" => Some(EventKind::Succeeded),
        "A" => Some(EventKind::Accepted),
        "AA" => Some(EventKind::Approved),
        other => {
            return Err(DateProblem::Invalid(format!(
                "\"{other}\" after the date is not a mark this reader knows (a, d, A, AA or a footnote)"
            )));
        }
    };
    Ok((date.trim(), step))
}

/// Reads a cell as a date; `order` decides `03/04/2001` (none: such a date is ambiguous).
/// Blank cells give `Ok(None)`.
pub fn parse_cell(text: &str, order: Option<DateOrder>) -> Result<Option<CellDate>, DateProblem> {
    if is_blank(text) {
        return Ok(None);
    }
    let (core, step) = split_marks(text)?;
    let date = parse_core(core, order)?;
    Ok(Some(CellDate { date, step }))
}

fn invalid(reason: &str) -> DateProblem {
    DateProblem::Invalid(reason.to_owned())
}

fn number(text: &str) -> Option<i16> {
    (!text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn parts(year: i16, month: Option<i16>, day: Option<i16>) -> Result<PartialDate, DateProblem> {
    let narrow = |value: i16| i8::try_from(value).unwrap_or(i8::MAX);
    PartialDate::from_parts(year, month.map(narrow), day.map(narrow))
        .map_err(|error| DateProblem::Invalid(error.reason))
}

/// A spreadsheet serial date (days since 30 December 1899) of five digits, with an
/// optional time of day.
fn serial(text: &str) -> Option<Date> {
    let whole = text.split_once('.').map_or(text, |(whole, fraction)| {
        if fraction.bytes().all(|b| b.is_ascii_digit()) {
            whole
        } else {
            ""
        }
    });
    if whole.len() != 5 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let days: i64 = whole.parse().ok()?;
    serial_date(days)
}

/// The date of a spreadsheet serial day number.
pub fn serial_date(days: i64) -> Option<Date> {
    let epoch = Date::new(1899, 12, 30).ok()?;
    epoch
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

fn parse_core(core: &str, order: Option<DateOrder>) -> Result<PartialDate, DateProblem> {
    // ISO with a time: keep the date.
    let core = match core.split_once('T') {
        Some((date, _)) if date.len() == 10 => date,
        _ => core,
    };
    if let Some(date) = serial(core) {
        return Ok(PartialDate::day(date));
    }
    let numeric: Vec<&str> = core.split(['-', '/', '.']).collect();
    if numeric.iter().all(|part| number(part).is_some()) {
        let n: Vec<i16> = numeric.iter().filter_map(|part| number(part)).collect();
        let year_first = numeric.first().is_some_and(|part| part.len() == 4);
        return match (n.as_slice(), year_first) {
            ([year], true) => parts(*year, None, None),
            ([year, month], true) => parts(*year, Some(*month), None),
            ([year, month, day], true) => parts(*year, Some(*month), Some(*day)),
            ([month, year], false) if numeric[1].len() == 4 => parts(*year, Some(*month), None),
            ([a, b, year], false) if numeric[2].len() == 4 => {
                let dotted = core.contains('.');
                let order = if *a > 12 || dotted {
                    DateOrder::DayFirst
                } else if *b > 12 {
                    DateOrder::MonthFirst
                } else if let Some(order) = order {
                    order
                } else if a == b {
                    DateOrder::DayFirst
                } else {
                    return Err(DateProblem::Ambiguous);
                };
                match order {
                    DateOrder::DayFirst => parts(*year, Some(*b), Some(*a)),
                    DateOrder::MonthFirst => parts(*year, Some(*a), Some(*b)),
                }
            }
            _ => Err(invalid(
                "expected a date such as 2001-11-23, 23/11/2001, 23 Nov 2001 or 2001 (the year needs four digits)",
            )),
        };
    }
    // Words: `23 Nov 2001`, `November 23, 2001`, `Nov 2001`, `23-Nov-2001`.
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for token in core
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '/'))
        .filter(|t| !t.is_empty())
    {
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| token.strip_suffix(suffix))
            .filter(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or(token);
        if let Some(value) = number(digits) {
            if digits.len() == 4 && year.is_none() {
                year = Some(value);
            } else if digits.len() <= 2 && day.is_none() {
                day = Some(value);
            } else {
                return Err(invalid("more numbers than a day and a year"));
            }
        } else if let Some(value) = month_of(token).filter(|_| month.is_none()) {
            month = Some(i16::from(value));
        } else {
            return Err(DateProblem::Invalid(format!(
                "\"{token}\" is not a month, a day or a year"
            )));
        }
    }
    match (year, month) {
        (Some(year), Some(_)) => parts(year, month, day),
        (Some(_), None) => Err(invalid("a day without a month")),
        (None, _) => Err(invalid("the date has no four-digit year")),
    }
}

/// The order of day and month a column's values imply: day first when some value's first
/// number is above 12, month first when some value's second is; `Err` with both examples
/// when the values contradict each other; `Ok(None)` when no value decides.
pub fn column_order<'a>(
    values: impl IntoIterator<Item = &'a str>,
) -> Result<Option<DateOrder>, (String, String)> {
    let mut day_first: Option<&str> = None;
    let mut month_first: Option<&str> = None;
    for value in values {
        let Ok((core, _)) = split_marks(value) else {
            continue;
        };
        if core.contains('.') && !core.contains('/') {
            continue;
        }
        let numbers: Vec<&str> = core.split(['/', '-']).collect();
        let [a, b, year] = numbers[..] else { continue };
        let (Some(a), Some(b)) = (number(a), number(b)) else {
            continue;
        };
        if year.len() != 4 {
            continue;
        }
        if a > 12 && b <= 12 {
            day_first.get_or_insert(value);
        } else if b > 12 && a <= 12 {
            month_first.get_or_insert(value);
        }
    }
    match (day_first, month_first) {
        (Some(d), Some(m)) => Err((d.to_owned(), m.to_owned())),
        (Some(_), None) => Ok(Some(DateOrder::DayFirst)),
        (None, Some(_)) => Ok(Some(DateOrder::MonthFirst)),
        (None, None) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Word;

    fn date(text: &str, order: Option<DateOrder>) -> String {
        match parse_cell(text, order) {
            Ok(Some(cell)) => match cell.step {
                Some(step) => format!("{} {}", cell.date, step.word()),
                None => cell.date.to_string(),
            },
            Ok(None) => "blank".into(),
            Err(DateProblem::Ambiguous) => "ambiguous".into(),
            Err(DateProblem::Invalid(reason)) => format!("invalid: {reason}"),
        }
    }

    #[test]
    fn dates_as_people_write_them() {
        for (text, expected) in [
            ("2001-11-23", "2001-11-23"),
            ("2001-11", "2001-11"),
            ("2001", "2001"),
            (" 2001 ", "2001"),
            ("2001/11/23", "2001-11-23"),
            ("2001-11-23T00:00:00", "2001-11-23"),
            ("23/11/2001", "2001-11-23"),
            ("11/23/2001", "2001-11-23"),
            ("23.11.2001", "2001-11-23"),
            ("03.04.2001", "2001-04-03"),
            ("04/04/2001", "2001-04-04"),
            ("11/2001", "2001-11"),
            ("23 Nov 2001", "2001-11-23"),
            ("23 November 2001", "2001-11-23"),
            ("November 23, 2001", "2001-11-23"),
            ("23-Nov-2001", "2001-11-23"),
            ("Nov 2001", "2001-11"),
            ("November 2001", "2001-11"),
            ("1st Sept 2001", "2001-09-01"),
            ("37218", "2001-11-23"),
            ("37218.5", "2001-11-23"),
            ("23 Nov 2001 a", "2001-11-23 acceded"),
            ("23 Nov 2001a", "2001-11-23 acceded"),
            ("23 Nov 2001 d", "2001-11-23 succeeded"),
            ("23 Nov 2001 A", "2001-11-23 accepted"),
            ("23 Nov 2001 AA", "2001-11-23 approved"),
            ("23 Nov 2001 (a)", "2001-11-23 acceded"),
            ("23/11/2001 [3]", "2001-11-23"),
            ("2001*", "2001"),
            ("2001\u{b9}", "2001"),
            ("", "blank"),
            ("-", "blank"),
            ("\u{2014}", "blank"),
        ] {
            assert_eq!(date(text, None), expected, "{text:?}");
        }
    }

    #[test]
    fn slashed_dates_need_the_columns_order_when_both_numbers_are_months() {
        assert_eq!(date("03/04/2001", None), "ambiguous");
        assert_eq!(date("03/04/2001", Some(DateOrder::DayFirst)), "2001-04-03");
        assert_eq!(
            date("03/04/2001", Some(DateOrder::MonthFirst)),
            "2001-03-04"
        );
        assert_eq!(
            column_order(["03/04/2001", "23/11/2001"]),
            Ok(Some(DateOrder::DayFirst))
        );
        assert_eq!(
            column_order(["03/04/2001", "11/23/2001"]),
            Ok(Some(DateOrder::MonthFirst))
        );
        assert_eq!(column_order(["03/04/2001", "2001"]), Ok(None));
        assert_eq!(
            column_order(["23/11/2001", "11/23/2001"]),
            Err(("23/11/2001".into(), "11/23/2001".into()))
        );
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        for text in [
            "soon",
            "X",
            "31/02/2001",
            "23 Nov",
            "01",
            "2001 ratified",
            "99999999",
        ] {
            assert!(
                matches!(parse_cell(text, None), Err(DateProblem::Invalid(_))),
                "{text:?}: {}",
                date(text, None)
            );
        }
    }
}
