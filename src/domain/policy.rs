//! The state policy table for teens and proxies (`state_policy.csv`): one
//! default row and one row per state, checked when loaded. Every decision
//! made from it names the rule that made it, in words a person can read and
//! the audit log can keep.

use super::date::Date;
use std::collections::HashMap;

/// The table the server ships with.
pub const BUNDLED: &str = include_str!("state_policy.csv");

const HEADER: &str =
    "state,age_of_majority,teen_from,teen_to,parent_teen_scope,renewal_days,utc_offset,dst";

pub use super::states::Scope;

/// One row: the rules of a state (or the default).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatePolicy {
    /// Two letters, or `*` for the default row.
    pub state: String,
    pub age_of_majority: u32,
    pub teen_from: u32,
    pub teen_to: u32,
    pub parent_teen_scope: Scope,
    pub renewal_days: u32,
    /// Hours from UTC of the state's standard time.
    pub utc_offset: i32,
    pub dst: bool,
}

impl StatePolicy {
    /// How a decision names this row: "Alabama's rule" reads oddly for the
    /// default, so: "the AL row" / "the default row".
    pub fn source(&self) -> String {
        if self.state == "*" {
            "the default row".into()
        } else {
            format!("the {} row", self.state)
        }
    }
}

#[derive(Clone, Debug)]
pub struct PolicyTable {
    default: StatePolicy,
    states: HashMap<String, StatePolicy>,
}

/// Where a person stands by age, under a state's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeGroup {
    /// Below the teen band: reached through a parent's or guardian's proxy.
    Child,
    /// In the band: enrolls their own account, with teen protections.
    Teen,
    /// At or past the age of majority.
    Adult,
}

/// A decision and the rule that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision<T> {
    pub value: T,
    /// The rule, for the audit log: "age 16 in the NY row: teen band 14–17".
    pub rule: String,
}

impl PolicyTable {
    pub fn bundled() -> PolicyTable {
        // Checked by a unit test; the server also checks any replacement file.
        PolicyTable::parse(BUNDLED).unwrap_or_else(|e| panic!("bundled state policy: {e}"))
    }

    /// Reads and checks a table; the error names the line and what is wrong.
    pub fn parse(text: &str) -> Result<PolicyTable, String> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
        match lines.next() {
            Some((_, header)) if header.replace(' ', "") == HEADER => {}
            Some((n, _)) => return Err(format!("line {n}: the header must be {HEADER}")),
            None => return Err("the table is empty".into()),
        }
        let mut default = None;
        let mut states = HashMap::new();
        for (n, line) in lines {
            let row = parse_row(line).map_err(|e| format!("line {n}: {e}"))?;
            if row.state == "*" {
                if default.replace(row).is_some() {
                    return Err(format!("line {n}: a second default row"));
                }
            } else if states.insert(row.state.clone(), row).is_some() {
                return Err(format!("line {n}: that state has a row already"));
            }
        }
        let default = default.ok_or("there is no default row (state *)")?;
        Ok(PolicyTable { default, states })
    }

    /// The row for `state`, or the default row.
    pub fn row(&self, state: &str) -> &StatePolicy {
        self.states
            .get(&state.trim().to_ascii_uppercase())
            .unwrap_or(&self.default)
    }

    /// The calendar date in `state` at `now` (Unix seconds).
    pub fn today_in(&self, state: &str, now: i64) -> Date {
        let row = self.row(state);
        let standard = now + i64::from(row.utc_offset) * 3600;
        let local = if row.dst && in_us_dst(standard) {
            standard + 3600
        } else {
            standard
        };
        Date::from_unix_seconds(local)
    }

    /// The moment (Unix seconds) `date` begins in `state`: the inverse of
    /// [`PolicyTable::today_in`], so a day counted there ends there too.
    pub fn start_of_day(&self, date: Date, state: &str) -> i64 {
        let row = self.row(state);
        let midnight = date.to_days() * 86_400;
        let standard = midnight - i64::from(row.utc_offset) * 3600;
        // In daylight time, local midnight is 23:00 standard time the day before.
        if row.dst && in_us_dst(midnight - 3600) {
            standard - 3600
        } else {
            standard
        }
    }

    /// Child, teen or adult, on today's date in the patient's state. A
    /// birthday on 29 February counts on 1 March in common years.
    pub fn age_group(&self, born: Date, state: &str, now: i64) -> Decision<AgeGroup> {
        let row = self.row(state);
        let age = born.age_on(self.today_in(state, now));
        let (value, why) = if age >= row.age_of_majority {
            (
                AgeGroup::Adult,
                format!("age of majority {}", row.age_of_majority),
            )
        } else if age >= row.teen_from && age <= row.teen_to {
            (
                AgeGroup::Teen,
                format!("teen band {}–{}", row.teen_from, row.teen_to),
            )
        } else if age < row.teen_from {
            (
                AgeGroup::Child,
                format!("below the teen band {}–{}", row.teen_from, row.teen_to),
            )
        } else {
            // Past the band yet under the majority (a table that leaves a
            // gap): treated as a teen, the more protective reading.
            (
                AgeGroup::Teen,
                format!("between the teen band and majority {}", row.age_of_majority),
            )
        };
        Decision {
            value,
            rule: format!("age {age} in {}: {why}", row.source()),
        }
    }

    /// The lowest age a teen band starts at in any row.
    pub fn youngest_teen(&self) -> u32 {
        std::iter::once(&self.default)
            .chain(self.states.values())
            .map(|row| row.teen_from)
            .min()
            .unwrap_or(self.default.teen_from)
    }

    /// Below the teen band in every state (a child wherever they live, for
    /// a question asked before the address): the default row's decision.
    pub fn child_in_every_state(&self, born: Date, now: i64) -> Option<Decision<AgeGroup>> {
        let decisions: Vec<_> = std::iter::once(&self.default)
            .chain(self.states.values())
            .map(|row| self.age_group(born, &row.state, now))
            .collect();
        decisions
            .iter()
            .all(|d| d.value == AgeGroup::Child)
            .then(|| decisions.into_iter().next())
            .flatten()
    }

    /// The day a parent's access by law ends: the minor's birthday of majority.
    pub fn majority_on(&self, born: Date, state: &str) -> Decision<Date> {
        let row = self.row(state);
        let year = born.year() + row.age_of_majority as i32;
        // 29 February in a common year: the day after 28 February.
        let date = Date::new(year, born.month(), born.day())
            .unwrap_or_else(|| Date::new(year, 3, 1).unwrap_or(born));
        Decision {
            value: date,
            rule: format!(
                "age of majority {} in {}",
                row.age_of_majority,
                row.source()
            ),
        }
    }
}

fn parse_row(line: &str) -> Result<StatePolicy, String> {
    let cells: Vec<&str> = line.split(',').map(str::trim).collect();
    let [state, majority, from, to, scope, renewal, offset, dst] = cells[..] else {
        return Err(format!("8 columns expected, found {}", cells.len()));
    };
    let number = |text: &str, what: &str, range: std::ops::RangeInclusive<i64>| {
        text.parse::<i64>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or(format!(
                "{what} must be a whole number from {} to {}",
                range.start(),
                range.end()
            ))
    };
    if state != "*" && !(state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(format!("state {state:?} must be two capital letters or *"));
    }
    let age_of_majority = number(majority, "age_of_majority", 16..=21)? as u32;
    let teen_from = number(from, "teen_from", 10..=20)? as u32;
    let teen_to = number(to, "teen_to", 10..=20)? as u32;
    if teen_from > teen_to || teen_to >= age_of_majority {
        return Err(
            "the teen band must run from teen_from to teen_to, below the age of majority".into(),
        );
    }
    let parent_teen_scope = Scope::from_stored(scope)
        .ok_or_else(|| format!("parent_teen_scope {scope:?} must be full or limited"))?;
    Ok(StatePolicy {
        state: state.to_string(),
        age_of_majority,
        teen_from,
        teen_to,
        parent_teen_scope,
        renewal_days: number(renewal, "renewal_days", 1..=3650)? as u32,
        utc_offset: number(offset, "utc_offset", -12..=14)? as i32,
        dst: match dst {
            "yes" => true,
            "no" => false,
            other => return Err(format!("dst {other:?} must be yes or no")),
        },
    })
}

/// Whether US daylight saving time is in effect at `standard` (Unix seconds
/// shifted to local standard time): from 2:00 on the second Sunday of March
/// to 2:00 daylight time (1:00 standard) on the first Sunday of November.
fn in_us_dst(standard: i64) -> bool {
    let year = Date::from_unix_seconds(standard).year();
    let sunday_on_or_after = |month: u32, day: u32| {
        let start = Date::new(year, month, day).map_or(0, Date::to_days);
        // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on Sundays.
        start + (7 - (start + 4).rem_euclid(7)) % 7
    };
    let begins = sunday_on_or_after(3, 8) * 86_400 + 2 * 3600;
    let ends = sunday_on_or_after(11, 1) * 86_400 + 3600;
    (begins..ends).contains(&standard)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(y: i32, m: u32, d: u32, hour: i64) -> i64 {
        Date::new(y, m, d).unwrap().to_days() * 86_400 + hour * 3600
    }

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn the_bundled_table_loads_with_the_named_states() {
        let t = PolicyTable::bundled();
        assert_eq!(t.row("AL").age_of_majority, 19);
        assert_eq!(t.row("ne").age_of_majority, 19);
        assert_eq!(t.row("MS").age_of_majority, 21);
        assert_eq!(t.row("NY").age_of_majority, 18);
        assert_eq!(t.row("ZZ").state, "*", "unknown states get the default");
        assert_eq!(t.row("NY").parent_teen_scope, Scope::Limited);
        assert_eq!((t.row("CA").teen_from, t.row("CA").teen_to), (14, 17));
        assert_eq!(t.states.len(), 51, "50 states and DC");
    }

    #[test]
    fn bad_tables_are_refused_naming_the_line() {
        let ok = format!("{HEADER}\n*,18,14,17,limited,365,-5,yes\n");
        assert!(PolicyTable::parse(&ok).is_ok());
        let cases = [
            (format!("{HEADER}\n"), "no default row"),
            (
                format!("{HEADER}\n*,18,14,17,limited,365,-5,yes\n*,18,14,17,limited,365,-5,yes"),
                "line 3: a second default row",
            ),
            (
                format!(
                    "{HEADER}\n*,18,14,17,limited,365,-5,yes\nNY,18,14,17,limited,365,-5,yes\nNY,18,14,17,limited,365,-5,yes"
                ),
                "line 4: that state has a row",
            ),
            (
                format!("{HEADER}\n*,18,14,18,limited,365,-5,yes"),
                "below the age of majority",
            ),
            (
                format!("{HEADER}\n*,30,14,17,limited,365,-5,yes"),
                "age_of_majority must be",
            ),
            (
                format!("{HEADER}\n*,18,14,17,some,365,-5,yes"),
                "full or limited",
            ),
            (
                format!("{HEADER}\n*,18,14,17,limited,365,-5,maybe"),
                "yes or no",
            ),
            (
                format!(
                    "{HEADER}\nNew York,18,14,17,limited,365,-5,yes\n*,18,14,17,limited,365,-5,yes"
                ),
                "two capital letters",
            ),
            (format!("{HEADER}\n*,18,14,17,limited,365"), "8 columns"),
            ("state,age\n".to_string(), "line 1: the header"),
        ];
        for (text, expected) in cases {
            let error = PolicyTable::parse(&text).unwrap_err();
            assert!(
                error.contains(expected),
                "{error:?} should say {expected:?}"
            );
        }
    }

    #[test]
    fn age_groups_follow_each_states_rules() {
        let t = PolicyTable::bundled();
        let now = unix(2026, 6, 15, 18);
        let born = |age: i32| date(2026 - age, 1, 10);
        assert_eq!(t.age_group(born(13), "NY", now).value, AgeGroup::Child);
        assert_eq!(t.age_group(born(14), "NY", now).value, AgeGroup::Teen);
        assert_eq!(t.age_group(born(17), "NY", now).value, AgeGroup::Teen);
        assert_eq!(t.age_group(born(18), "NY", now).value, AgeGroup::Adult);
        assert_eq!(t.age_group(born(18), "AL", now).value, AgeGroup::Teen);
        assert_eq!(t.age_group(born(19), "NE", now).value, AgeGroup::Adult);
        assert_eq!(t.age_group(born(20), "MS", now).value, AgeGroup::Teen);
        assert_eq!(t.age_group(born(21), "MS", now).value, AgeGroup::Adult);
        let decision = t.age_group(born(18), "AL", now);
        assert_eq!(decision.rule, "age 18 in the AL row: teen band 14–18");
        // The same person, moved from Alabama to New York, is an adult.
        assert_eq!(t.age_group(born(18), "NY", now).value, AgeGroup::Adult);
        assert_eq!(
            t.age_group(born(18), "NY", now).rule,
            "age 18 in the NY row: age of majority 18"
        );
    }

    #[test]
    fn a_child_everywhere_is_below_every_states_teen_band() {
        let table = PolicyTable::parse(
            "state,age_of_majority,teen_from,teen_to,parent_teen_scope,renewal_days,utc_offset,dst\n\
             *,18,14,17,limited,365,-5,yes\n\
             NY,18,12,17,limited,365,-5,yes\n",
        )
        .unwrap();
        let now = unix(2026, 12, 1, 18);
        let born = |age: i32| date(2026 - age, 6, 1);
        let child = table
            .child_in_every_state(born(11), now)
            .expect("a child everywhere");
        assert_eq!(
            child.rule,
            "age 11 in the default row: below the teen band 14–17"
        );
        // Twelve is a teen in this NY, so not a child everywhere.
        assert_eq!(table.child_in_every_state(born(12), now), None);
        assert_eq!(table.child_in_every_state(born(30), now), None);
    }

    #[test]
    fn birthdays_count_on_the_day_in_the_patients_state() {
        let t = PolicyTable::bundled();
        let born = date(2008, 7, 20);
        // The day before, of and after the 18th birthday, at noon in New York.
        for (day, group) in [
            (19, AgeGroup::Teen),
            (20, AgeGroup::Adult),
            (21, AgeGroup::Adult),
        ] {
            let now = unix(2026, 7, day, 16);
            assert_eq!(t.age_group(born, "NY", now).value, group, "July {day}");
        }
        // 02:00 UTC on the birthday is still the day before in California
        // (19:00 PDT) but the birthday in UTC+0 terms.
        let early = unix(2026, 7, 20, 2);
        assert_eq!(t.today_in("CA", early), date(2026, 7, 19));
        assert_eq!(t.age_group(born, "CA", early).value, AgeGroup::Teen);
        assert_eq!(t.today_in("NY", unix(2026, 7, 20, 5)), date(2026, 7, 20));
        // Arizona keeps standard time all year; California does not.
        assert_eq!(t.today_in("AZ", unix(2026, 7, 20, 6)), date(2026, 7, 19));
        assert_eq!(t.today_in("CA", unix(2026, 7, 20, 7)), date(2026, 7, 20));
        assert_eq!(t.today_in("CA", unix(2026, 1, 20, 7)), date(2026, 1, 19));
    }

    #[test]
    fn a_29_february_birthday_counts_on_1_march_in_common_years() {
        let t = PolicyTable::bundled();
        let born = date(2008, 2, 29);
        let at_noon = |m, d| unix(2026, m, d, 17);
        assert_eq!(
            t.age_group(born, "NY", at_noon(2, 28)).value,
            AgeGroup::Teen
        );
        assert_eq!(
            t.age_group(born, "NY", at_noon(3, 1)).value,
            AgeGroup::Adult
        );
        assert_eq!(t.majority_on(born, "NY").value, date(2026, 3, 1));
        // (18, 19 and 21 years after a leap year is never a leap year.)
        assert_eq!(
            t.majority_on(date(2012, 2, 29), "NY").value,
            date(2030, 3, 1)
        );
        assert_eq!(
            t.majority_on(date(2015, 2, 28), "AL").value,
            date(2034, 2, 28)
        );
        assert_eq!(
            t.majority_on(date(2004, 2, 29), "NY").value,
            date(2022, 3, 1)
        );
        assert_eq!(
            t.majority_on(date(2006, 2, 28), "MS").value,
            date(2027, 2, 28)
        );
        assert_eq!(
            t.majority_on(date(2003, 2, 28), "MS").value,
            date(2024, 2, 28)
        );
        assert_eq!(
            t.majority_on(date(2000, 2, 29), "MS").value,
            date(2021, 3, 1)
        );
        assert_eq!(
            t.majority_on(date(1999, 2, 28), "AL").value,
            date(2018, 2, 28)
        );
    }

    #[test]
    fn a_day_starts_where_today_in_turns_to_it() {
        let t = PolicyTable::bundled();
        let mut day = date(2025, 12, 25);
        // Every day of a year, DST changes included, in zones with and without it.
        for _ in 0..400 {
            for state in ["NY", "CA", "AZ", "HI", "AK", "ZZ"] {
                let start = t.start_of_day(day, state);
                assert_eq!(t.today_in(state, start), day, "{state} {day:?}");
                assert_eq!(
                    t.today_in(state, start - 1),
                    day.add_days(-1),
                    "{state} {day:?}"
                );
            }
            day = day.add_days(1);
        }
    }

    #[test]
    fn dst_begins_and_ends_on_the_us_sundays() {
        // 2026: 8 March and 1 November, in local standard time.
        assert!(!in_us_dst(unix(2026, 3, 8, 1)));
        assert!(in_us_dst(unix(2026, 3, 8, 2)));
        assert!(in_us_dst(unix(2026, 7, 15, 12)));
        assert!(in_us_dst(unix(2026, 11, 1, 0)));
        assert!(!in_us_dst(unix(2026, 11, 1, 1)));
        assert!(!in_us_dst(unix(2026, 1, 15, 12)));
    }
}
