//! A calendar month: the resolution of the timeline.

use jiff::civil::Date;

/// A month of a year; the timeline moves in whole months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    index: i32,
}

impl Month {
    /// The month of a year; `month` is 1 to 12 (clamped).
    pub const fn new(year: i16, month: i8) -> Self {
        let month = if month < 1 {
            1
        } else if month > 12 {
            12
        } else {
            month
        };
        // Widening casts: `From` is not usable in a const fn.
        Self {
            index: year as i32 * 12 + month as i32 - 1,
        }
    }

    /// The month a date falls in.
    pub fn of_date(date: Date) -> Self {
        Self::new(date.year(), date.month())
    }

    /// The month at a count of months since year 0, the inverse of [`Month::index`].
    pub fn from_index(index: i32) -> Self {
        Self { index }
    }

    /// Months since January of year 0: handy for sliders and arithmetic.
    pub fn index(self) -> i32 {
        self.index
    }

    /// The year.
    pub fn year(self) -> i16 {
        i16::try_from(self.index.div_euclid(12)).unwrap_or(i16::MAX)
    }

    /// The month of the year, 1 to 12.
    pub fn month(self) -> i8 {
        i8::try_from(self.index.rem_euclid(12) + 1).unwrap_or(1)
    }

    /// This month moved by `months` (negative moves back).
    pub fn plus(self, months: i32) -> Self {
        Self {
            index: self.index.saturating_add(months),
        }
    }

    /// The last day of the month: what "as of this month" means in queries.
    pub fn end(self) -> Date {
        Date::new(self.year(), self.month(), 1)
            .map(|first| first.last_of_month())
            .unwrap_or_default()
    }

    /// "October 2012", for the large date on the canvas.
    pub fn long_name(self) -> String {
        let name = crate::model::month_name(self.month());
        format!("{name} {}", self.year())
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_round_trip_and_step_across_years() {
        let october = Month::new(2012, 10);
        assert_eq!(october.to_string(), "2012-10");
        assert_eq!(october.plus(3).to_string(), "2013-01");
        assert_eq!(october.plus(-10).to_string(), "2011-12");
        assert_eq!(Month::from_index(october.index()), october);
        assert_eq!(october.long_name(), "October 2012");
    }

    #[test]
    fn end_is_the_last_day() {
        assert_eq!(Month::new(2012, 2).end(), jiff::civil::date(2012, 2, 29));
        assert_eq!(
            Month::of_date(jiff::civil::date(2001, 11, 23)),
            Month::new(2001, 11)
        );
    }
}
