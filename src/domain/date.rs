//! Calendar dates without a time zone, and the date-of-birth rule.
//!
//! Dates of birth are typed as three boxes (month, day, year). The rule is
//! forgiving about form ("3" or "03", "Mar" or "March") and specific about
//! what is wrong.

use crate::words;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// English month names, which the month box accepts in any language
/// (shown dates take their words from the catalog: [`month_name`]).
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

/// Month `n` (1–12) in the reader's language.
pub fn month_name(n: u8) -> &'static str {
    match n {
        1 => words::month_1(),
        2 => words::month_2(),
        3 => words::month_3(),
        4 => words::month_4(),
        5 => words::month_5(),
        6 => words::month_6(),
        7 => words::month_7(),
        8 => words::month_8(),
        9 => words::month_9(),
        10 => words::month_10(),
        11 => words::month_11(),
        _ => words::month_12(),
    }
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u32 {
        self.month.into()
    }
    pub fn day(self) -> u32 {
        self.day.into()
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::to_days`].
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The UTC calendar date of a Unix time in seconds.
    pub fn from_unix_seconds(seconds: i64) -> Date {
        Date::from_days(seconds.div_euclid(86_400))
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// Whole years of age on `today`.
    pub fn age_on(self, today: Date) -> u32 {
        let mut age = today.year - self.year;
        if (today.month, today.day) < (self.month, self.day) {
            age -= 1;
        }
        age.max(0) as u32
    }

    /// As typed into the three boxes.
    pub fn parts(self) -> DateParts {
        DateParts {
            month: self.month.to_string(),
            day: self.day.to_string(),
            year: self.year.to_string(),
        }
    }

    /// `YYYY-MM-DD`, the stored form.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// Today for the person typing: the browser's local date, or on the server
    /// the latest date anywhere on Earth (UTC+14), so nobody's "today" is ever
    /// taken for the future.
    pub fn today() -> Date {
        #[cfg(target_arch = "wasm32")]
        {
            let now = js_sys::Date::new_0();
            Date::new(
                now.get_full_year() as i32,
                now.get_month() + 1,
                now.get_date(),
            )
            .unwrap_or_else(|| Date::from_unix_seconds((now.get_time() / 1000.0) as i64))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0);
            Date::from_unix_seconds(now + 14 * 3600)
        }
    }
}

/// "March 3, 2010", as people in the US write dates.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&words::date_long(
            month_name(self.month),
            &self.day.to_string(),
            &self.year.to_string(),
        ))
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// What a person typed into the three date boxes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(validator::Validate))]
#[serde(default)]
pub struct DateParts {
    #[cfg_attr(feature = "ssr", validate(length(max = 16)))]
    pub month: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 16)))]
    pub day: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 16)))]
    pub year: String,
}

/// One of the three boxes, named as in the page's input ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    Month,
    Day,
    Year,
}

impl DatePart {
    pub fn id_suffix(self) -> &'static str {
        match self {
            DatePart::Month => "month",
            DatePart::Day => "day",
            DatePart::Year => "year",
        }
    }
}

/// What is wrong with a typed date: the message, and which boxes to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    pub parts: Vec<DatePart>,
}

impl DateError {
    fn new(message: impl Into<String>, parts: &[DatePart]) -> Self {
        DateError {
            message: message.into(),
            parts: parts.to_vec(),
        }
    }
}

/// The earliest date of birth accepted.
pub const EARLIEST_BIRTH_YEAR: i32 = 1900;

/// Which date three boxes hold, for the words of its messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateField {
    /// The person's own date of birth: "Enter your date of birth".
    YourBirth,
    /// Someone else's (a child's, a patient's for staff): "Enter their
    /// date of birth".
    TheirBirth,
    /// The first date of a range: "Enter the first date".
    First,
    /// The last date of a range.
    Last,
}

impl DateField {
    fn enter(self) -> &'static str {
        match self {
            DateField::YourBirth => words::date_enter_your_birth(),
            DateField::TheirBirth => words::date_enter_their_birth(),
            DateField::First => words::date_enter_first(),
            DateField::Last => words::date_enter_last(),
        }
    }

    /// "Date of birth must include a day and a year".
    fn must_include(self, parts: &str) -> String {
        match self {
            DateField::YourBirth | DateField::TheirBirth => words::date_birth_must_include(parts),
            DateField::First => words::date_first_must_include(parts),
            DateField::Last => words::date_last_must_include(parts),
        }
    }

    fn real(self) -> &'static str {
        match self {
            DateField::YourBirth | DateField::TheirBirth => words::date_birth_real(),
            DateField::First => words::date_first_real(),
            DateField::Last => words::date_last_real(),
        }
    }

    fn past(self) -> &'static str {
        match self {
            DateField::YourBirth | DateField::TheirBirth => words::date_birth_past(),
            DateField::First => words::date_first_past(),
            DateField::Last => words::date_last_past(),
        }
    }

    fn too_early(self) -> &'static str {
        match self {
            DateField::YourBirth | DateField::TheirBirth => words::date_birth_from_1900(),
            DateField::First => words::date_first_from_1900(),
            DateField::Last => words::date_last_from_1900(),
        }
    }
}

/// The date-of-birth rule: a real date, on or after January 1, 1900, and not in the future.
pub fn parse_date_of_birth(parts: &DateParts, today: Date) -> Result<Date, DateError> {
    parse_past_date(parts, today, DateField::YourBirth)
}

/// Someone else's date of birth (a child's, a patient's for staff): the
/// same checks, worded "Enter their date of birth".
pub fn parse_their_date_of_birth(parts: &DateParts, today: Date) -> Result<Date, DateError> {
    parse_past_date(parts, today, DateField::TheirBirth)
}

/// A real date, on or after January 1, 1900, and not after `today`.
/// `field` says which date it is in messages ("Enter your date of birth",
/// "First date must be a real date").
pub fn parse_past_date(
    parts: &DateParts,
    today: Date,
    field: DateField,
) -> Result<Date, DateError> {
    use DatePart::*;
    let month_text = parts.month.trim();
    let day_text = parts.day.trim();
    let year_text = parts.year.trim();

    let missing: Vec<DatePart> = [(Month, month_text), (Day, day_text), (Year, year_text)]
        .iter()
        .filter(|(_, t)| t.is_empty())
        .map(|(p, _)| *p)
        .collect();
    let part_name = |p: &DatePart| match p {
        Month => words::date_part_month(),
        Day => words::date_part_day(),
        Year => words::date_part_year(),
    };
    match missing.as_slice() {
        [] => {}
        [_, _, _] => {
            return Err(DateError::new(field.enter(), &[Month, Day, Year]));
        }
        [one] => {
            return Err(DateError::new(field.must_include(part_name(one)), &missing));
        }
        [first, second, ..] => {
            let parts = words::date_parts_two(part_name(first), part_name(second));
            return Err(DateError::new(field.must_include(&parts), &missing));
        }
    }

    let month = parse_month(month_text);
    let day = day_text
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d));
    let year_is_numeric = !year_text.is_empty() && year_text.bytes().all(|b| b.is_ascii_digit());

    let mut unreal = Vec::new();
    if month.is_none() {
        unreal.push(Month);
    }
    if day.is_none() {
        unreal.push(Day);
    }
    if !year_is_numeric {
        unreal.push(Year);
    }
    if !unreal.is_empty() {
        return Err(DateError::new(field.real(), &unreal));
    }
    let four_numbers = || DateError::new(words::date_year_four_numbers(), &[Year]);
    if year_text.len() != 4 {
        return Err(four_numbers());
    }
    let year: i32 = year_text.parse().map_err(|_| four_numbers())?;
    let (month, day) = (month.unwrap_or(1), day.unwrap_or(1));
    let date = Date::new(year, month, day).ok_or_else(|| DateError::new(field.real(), &[Day]))?;
    if date > today {
        return Err(DateError::new(field.past(), &[Month, Day, Year]));
    }
    if year < EARLIEST_BIRTH_YEAR {
        return Err(DateError::new(field.too_early(), &[Year]));
    }
    Ok(date)
}

/// "3", "03", "Mar", "march" are all March.
fn parse_month(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    // ASCII case only: the month names of every catalog are plain letters,
    // and full Unicode case tables would weigh on every app.
    let lower = text.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    // The reader's language first ("mar" is marzo in Spanish), then English.
    (1..=12u8)
        .find(|n| month_name(*n).to_ascii_lowercase().starts_with(&lower))
        .map(u32::from)
        .or_else(|| {
            MONTH_NAMES
                .iter()
                .position(|name| name.to_ascii_lowercase().starts_with(&lower))
                .map(|i| i as u32 + 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parts(m: &str, d: &str, y: &str) -> DateParts {
        DateParts {
            month: m.into(),
            day: d.into(),
            year: y.into(),
        }
    }
    fn today() -> Date {
        Date::new(2026, 11, 30).unwrap()
    }
    fn dob(m: &str, d: &str, y: &str) -> Result<Date, DateError> {
        parse_date_of_birth(&parts(m, d, y), today())
    }

    #[test]
    fn accepts_forgiving_forms() {
        let want = Date::new(2007, 3, 9).unwrap();
        for (m, d) in [
            ("3", "9"),
            ("03", "09"),
            (" 3 ", " 09"),
            ("Mar", "9"),
            ("march", "9"),
            ("MAR.", "9"),
        ] {
            assert_eq!(dob(m, d, "2007"), Ok(want), "{m} {d}");
        }
    }

    #[test]
    fn says_what_is_missing() {
        assert_eq!(
            dob("", "", "").unwrap_err().message,
            "Enter your date of birth"
        );
        let theirs = |m: &str, d: &str, y: &str| {
            let parts = DateParts {
                month: m.into(),
                day: d.into(),
                year: y.into(),
            };
            parse_their_date_of_birth(&parts, Date::new(2026, 12, 1).unwrap())
                .unwrap_err()
                .message
        };
        assert_eq!(theirs("", "", ""), "Enter their date of birth");
        assert_eq!(theirs("4", "", "2000"), "Date of birth must include a day");
        assert_eq!(
            dob("", "4", "2000").unwrap_err().message,
            "Date of birth must include a month"
        );
        let e = dob("4", "", "").unwrap_err();
        assert_eq!(e.message, "Date of birth must include a day and a year");
        assert_eq!(e.parts, vec![DatePart::Day, DatePart::Year]);
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(
            dob("13", "1", "2000").unwrap_err().parts,
            vec![DatePart::Month]
        );
        assert_eq!(
            dob("2", "30", "2000").unwrap_err().message,
            "Date of birth must be a real date"
        );
        assert_eq!(
            dob("2", "29", "2001").unwrap_err().parts,
            vec![DatePart::Day]
        );
        assert!(dob("2", "29", "2000").is_ok());
        assert_eq!(
            dob("1", "1", "99").unwrap_err().message,
            "Year must include 4 numbers"
        );
        assert_eq!(
            dob("1", "x", "20o0").unwrap_err().parts,
            vec![DatePart::Day, DatePart::Year]
        );
        assert_eq!(
            dob("12", "1", "2026").unwrap_err().message,
            "Date of birth must be in the past"
        );
        assert!(dob("11", "30", "2026").is_ok(), "born today is allowed");
        assert_eq!(
            dob("12", "31", "1899").unwrap_err().message,
            "Date of birth must be on or after January 1, 1900"
        );
    }

    #[test]
    fn ages_and_display() {
        let born = Date::new(2010, 12, 1).unwrap();
        assert_eq!(born.age_on(today()), 15);
        assert_eq!(born.age_on(Date::new(2026, 12, 1).unwrap()), 16);
        assert_eq!(Date::new(2010, 3, 3).unwrap().to_string(), "March 3, 2010");
        assert_eq!(Date::parse_iso("2010-03-03"), Date::new(2010, 3, 3));
        assert_eq!(Date::parse_iso("2010-02-30"), None);
        assert_eq!(Date::from_unix_seconds(0), Date::new(1970, 1, 1).unwrap());
        assert_eq!(
            Date::from_unix_seconds(-1),
            Date::new(1969, 12, 31).unwrap()
        );
    }

    proptest! {
        #[test]
        fn days_round_trip(days in -600_000i64..800_000) {
            let d = Date::from_days(days);
            prop_assert_eq!(d.to_days(), days);
            prop_assert_eq!(Date::parse_iso(&d.iso()), Some(d));
            prop_assert_eq!(d.add_days(1).to_days(), days + 1);
        }

        #[test]
        fn never_panics(m in ".{0,6}", d in ".{0,6}", y in ".{0,8}") {
            let _ = parse_date_of_birth(&parts(&m, &d, &y), today());
        }
    }
}
