//! The labelled hard cases in `cases.txt`, each graded against its family's
//! records and compared with the grade a person reviewing it expects. Run
//! `scripts/match-report.sh` for the report.
//!
//! The file: `family TITLE` starts a roster; `record KEY | first | middle |
//! last | other names | YYYY-MM-DD | sex | street | zip | phone | email` adds
//! a record to it (other names as `given/family`, separated by `;`);
//! `case GRADE TRUTH | first | middle | last | YYYY-MM-DD | sex | street |
//! zip | phone | email | note` is what someone typed, the grade it should
//! get (`certain`, `probable`, `possible`, `none`) and whose it really is
//! (a record key, or `-` for someone without a record). `#` starts a comment.

use super::*;

struct Case {
    line: usize,
    family: String,
    expected: Option<Grade>,
    truth: Option<String>,
    submission: Person,
    note: String,
}

struct Family {
    title: String,
    records: Vec<(String, Person)>,
}

fn cells(rest: &str, n: usize, line: usize) -> Vec<String> {
    let cells: Vec<String> = rest.split('|').map(|c| c.trim().to_string()).collect();
    assert_eq!(cells.len(), n, "line {line}: {n} cells expected: {rest}");
    cells
}

fn optional(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

fn parse(text: &str) -> (Vec<Family>, Vec<Case>) {
    let mut families: Vec<Family> = Vec::new();
    let mut cases = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let (word, rest) = raw.split_once(' ').unwrap_or((raw, ""));
        match word {
            "family" => families.push(Family {
                title: rest.trim().to_string(),
                records: Vec::new(),
            }),
            "record" => {
                let (key, rest) = rest.split_once('|').expect("record KEY | ...");
                let c = cells(rest, 10, line);
                let other_names = c[3]
                    .split(';')
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| {
                        let (given, family) = n.split_once('/').unwrap_or(("", n));
                        OtherName {
                            first_name: given.trim().into(),
                            last_name: family.trim().into(),
                        }
                    })
                    .collect();
                let record = Person {
                    first_name: c[0].clone(),
                    middle_name: c[1].clone(),
                    last_name: c[2].clone(),
                    other_names,
                    date_of_birth: Some(
                        Date::parse_iso(&c[4]).unwrap_or_else(|| panic!("line {line}: date")),
                    ),
                    legal_sex: c[5].clone(),
                    street: c[6].clone(),
                    zip: c[7].clone(),
                    phone: optional(&c[8]),
                    email: optional(&c[9]),
                };
                families
                    .last_mut()
                    .unwrap_or_else(|| panic!("line {line}: record before a family"))
                    .records
                    .push((key.trim().to_string(), record));
            }
            "case" => {
                let (head, rest) = rest.split_once('|').expect("case GRADE TRUTH | ...");
                let mut head = head.split_whitespace();
                let expected = match head.next() {
                    Some("certain") => Some(Grade::Certain),
                    Some("probable") => Some(Grade::Probable),
                    Some("possible") => Some(Grade::Possible),
                    Some("none") => None,
                    other => panic!("line {line}: grade {other:?}"),
                };
                let truth = match head.next() {
                    Some("-") => None,
                    Some(key) => Some(key.to_string()),
                    None => panic!("line {line}: truth"),
                };
                let c = cells(rest, 10, line);
                let family = families
                    .last()
                    .unwrap_or_else(|| panic!("line {line}: case before a family"));
                if let Some(key) = &truth {
                    assert!(
                        family.records.iter().any(|(k, _)| k == key),
                        "line {line}: no record {key}"
                    );
                }
                cases.push(Case {
                    line,
                    family: family.title.clone(),
                    expected,
                    truth,
                    submission: Person {
                        first_name: c[0].clone(),
                        middle_name: c[1].clone(),
                        last_name: c[2].clone(),
                        date_of_birth: Some(
                            Date::parse_iso(&c[3]).unwrap_or_else(|| panic!("line {line}: date")),
                        ),
                        legal_sex: c[4].clone(),
                        street: c[5].clone(),
                        zip: c[6].clone(),
                        phone: optional(&c[7]),
                        email: optional(&c[8]),
                        other_names: Vec::new(),
                    },
                    note: c[9].clone(),
                });
            }
            other => panic!("line {line}: unknown line kind {other}"),
        }
    }
    (families, cases)
}

#[test]
fn the_labelled_cases_get_their_grades() {
    let (families, cases) = parse(include_str!("cases.txt"));
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let mut wrong_certain = Vec::new();
    let mut differ = Vec::new();
    let (mut with_record, mut reached_certain) = (0, 0);
    let mut by_grade = [0usize; 4];
    for case in &cases {
        let family = families
            .iter()
            .find(|f| f.title == case.family)
            .expect("family");
        // As the server does: the candidates are the records born that day.
        let born_that_day: Vec<&(String, Person)> = family
            .records
            .iter()
            .filter(|(_, r)| r.date_of_birth == case.submission.date_of_birth)
            .collect();
        let records: Vec<Person> = born_that_day.iter().map(|(_, r)| r.clone()).collect();
        let decision = decide(&case.submission, &records);
        let matched = decision.candidate.map(|i| born_that_day[i].0.clone());
        by_grade[match decision.grade {
            Some(Grade::Certain) => 0,
            Some(Grade::Probable) => 1,
            Some(Grade::Possible) => 2,
            None => 3,
        }] += 1;
        let truth_is_a_candidate = case
            .truth
            .as_ref()
            .is_some_and(|t| born_that_day.iter().any(|(k, _)| k == t));
        if truth_is_a_candidate {
            with_record += 1;
        }
        if let Some(at) = decision.certain() {
            if case.truth.as_deref() == Some(born_that_day[at].0.as_str()) {
                reached_certain += 1;
            } else {
                wrong_certain.push(format!(
                    "line {}: {} matched {}",
                    case.line, case.note, born_that_day[at].0
                ));
            }
        }
        if decision.grade != case.expected {
            differ.push(format!(
                "line {}: expected {}, got {} ({:?}) — {}",
                case.line,
                case.expected.map_or("none", Grade::code),
                decision.grade.map_or("none", Grade::code),
                matched,
                case.note
            ));
        }
    }
    println!(
        "{} labelled cases in {} families: {} certain, {} probable, {} possible, {} none",
        cases.len(),
        families.len(),
        by_grade[0],
        by_grade[1],
        by_grade[2],
        by_grade[3]
    );
    println!("wrong certain matches: {}", wrong_certain.len());
    println!(
        "true matches reaching certain: {reached_certain} of {with_record} whose record is a candidate ({:.0}%)",
        100.0 * reached_certain as f64 / with_record.max(1) as f64
    );
    println!("graded other than labelled: {}", differ.len());
    assert!(
        wrong_certain.is_empty(),
        "wrong certain matches:\n{}",
        wrong_certain.join("\n")
    );
    assert!(differ.is_empty(), "grades differ:\n{}", differ.join("\n"));
}
