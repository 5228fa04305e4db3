use super::names::{self, FirstName, Folded, LastName, Nicknames, within_one_typo};
use super::*;
use proptest::prelude::*;

/// A record or submission: names, sex and the family's shared contacts.
fn person(first: &str, middle: &str, last: &str, sex: &str) -> Person {
    Person {
        first_name: first.into(),
        middle_name: middle.into(),
        last_name: last.into(),
        date_of_birth: Date::new(2008, 5, 14),
        legal_sex: sex.into(),
        email: Some("parks@example.com".into()),
        phone: Some("(617) 555-0101".into()),
        street: "12 Oak Rd Apt 3".into(),
        zip: "02139".into(),
        ..Person::default()
    }
}

fn grade_of(submission: &Person, records: &[Person]) -> (Option<Grade>, Option<usize>) {
    let d = decide(submission, records);
    (d.grade, d.candidate)
}

const CERTAIN: Option<Grade> = Some(Grade::Certain);
const PROBABLE: Option<Grade> = Some(Grade::Probable);
const POSSIBLE: Option<Grade> = Some(Grade::Possible);

#[test]
fn names_fold_to_one_spelling() {
    for (typed, folded) in [
        ("  García-López ", "garcialopez"),
        ("O'Connor", "oconnor"),
        ("ZOË", "zoe"),
        ("Nguyễn", "nguyen"),
        ("St. John", "stjohn"),
        ("Đặng", "dang"),
        ("Wałęsa", "walesa"),
        ("Strauß", "strauss"),
        ("Søren", "soren"),
        ("Æsa", "aesa"),
        ("Œuvre", "oeuvre"),
        ("Þór", "thor"),
        ("Yıldız", "yildiz"),
    ] {
        assert_eq!(names::fold(typed, false), folded, "{typed}");
    }
    assert_eq!(names::fold("Müller", true), "mueller");
    for (a, b) in [
        ("Müller", "Mueller"),
        ("Müller", "Muller"),
        ("Strauß", "Strauss"),
    ] {
        assert!(Folded::of(a).same(&Folded::of(b)), "{a} {b}");
        assert!(Folded::of(b).same(&Folded::of(a)), "{b} {a}");
    }
    assert!(!Folded::of("Muller").same(&Folded::of("Mueller")));
}

#[test]
fn last_names_as_people_write_them() {
    use LastName::*;
    for (typed, record, expect) in [
        ("Dang", "Đặng", Same),
        ("Walesa", "Wałęsa", Same),
        ("Strauss", "Strauß", Same),
        ("Mueller", "Müller", Same),
        ("garcia lopez", "García-López", Same),
        ("Garcia", "García López", Part),
        ("Lopez", "García-López", Part),
        ("Cruz", "de la Cruz", Part),
        ("Smith Jr.", "Smith", Same),
        ("Smith", "Smith III", Same),
        ("Dela", "Dela Cruz", Differs),
        ("Le", "Nguyễn-Lê", Part),
        ("Do", "Đỗ Văn", Part),
        ("de", "de la Cruz", Differs),
        ("van", "van der Berg", Differs),
        ("St", "St. John", Differs),
        ("Parks", "Park", Typo),
        ("Li", "Lu", Differs),
        ("Garza", "Garcia", Differs),
    ] {
        assert_eq!(
            names::last_name(typed, &[record]),
            expect,
            "{typed} / {record}"
        );
    }
    // A maiden name on the record counts.
    assert_eq!(names::last_name("Smith", &["Jones", "Smith"]), Same);
}

fn first(typed: &str, typed_middle: &str, record: &str, record_middle: &str) -> FirstName {
    names::first_name(
        &names::GivenNames {
            first: typed,
            middle: typed_middle,
            other: &[],
        },
        &names::GivenNames {
            first: record,
            middle: record_middle,
            other: &[],
        },
    )
}

#[test]
fn first_names_agree_by_parts_nickname_and_typo() {
    use FirstName::*;
    for (typed, typed_middle, record, record_middle, expect) in [
        ("Maria", "", "María", "", Exact),
        ("Mary", "", "Mary Ann", "", Parts),
        ("Mary", "Ann", "Mary Ann", "", Exact),
        ("Maria Elena", "", "Maria", "Elena", Exact),
        ("Maria Elena", "", "Maria Elena", "", Exact),
        ("Maria", "", "Maria", "Elena", Exact),
        ("Elena", "", "Maria Elena", "", Middle),
        ("Elena", "", "Maria", "Elena", Middle),
        ("Jean", "", "Jean-Luc", "", Parts),
        ("Jean Luc", "", "Jean-Luc", "", Exact),
        ("Jean-Luc", "", "Jean", "", Parts),
        ("Bill", "", "William", "", Nickname),
        ("William", "", "Bill", "", Nickname),
        ("Sam", "", "Samantha", "", Nickname),
        ("Pepe", "", "José", "", Nickname),
        ("Lupe", "", "Guadalupe", "", Nickname),
        ("Joseph", "", "José", "", Differs),
        ("Mason", "", "Jason", "", Typo),
        ("Jon", "", "Jan", "", Typo),
        ("Bil", "", "William", "", NearNickname),
        ("Martha", "", "Maria", "", Differs),
        // Given names that part after the first: sisters as often as not.
        ("Maria Elena", "", "Maria", "Luisa", FirstPart),
        ("Maria", "Elena", "Maria Luisa", "", FirstPart),
        ("Mary", "Beth", "Mary Ann", "", FirstPart),
        ("Jean", "Luc", "Jean-Marc", "", FirstPart),
        ("Mary", "A", "Mary Ann", "", Parts),
        ("Mary A.", "", "Mary", "Ann", Parts),
    ] {
        assert_eq!(
            first(typed, typed_middle, record, record_middle),
            expect,
            "{typed} {typed_middle} / {record} {record_middle}"
        );
    }
    // A name the record lists for the person (a nickname it holds) is exact.
    assert_eq!(
        names::first_name(
            &names::GivenNames {
                first: "Peggy",
                middle: "",
                other: &[]
            },
            &names::GivenNames {
                first: "Margaret",
                middle: "",
                other: &["Peggy"]
            },
        ),
        Exact
    );
}

#[test]
fn the_nickname_files_are_well_formed() {
    for file in [names::ENGLISH_NICKNAMES, names::SPANISH_NICKNAMES] {
        let mut lines = file.lines();
        assert_eq!(lines.next(), Some("name1,relationship,name2"));
        for line in lines {
            let (formal, nickname) = names::parse_line(line).unwrap_or_else(|| panic!("{line}"));
            for name in [formal, nickname] {
                assert!(!names::fold(name, false).is_empty(), "{line}");
            }
        }
    }
    let table = names::nicknames();
    assert!(table.of_each_other("william", "bill"));
    assert!(table.of_each_other("bill", "william"));
    assert!(table.of_each_other("jose", "pepe"));
    assert!(!table.of_each_other("jose", "joseph"));
    assert!(table.near("billy", "bill"), "both nicknames of William");
    let small = Nicknames::parse(&["header\na,has_nickname,b\nbroken line\n"]);
    assert!(small.of_each_other("a", "b"));
}

#[test]
fn certain_needs_names_sex_and_a_contact() {
    let jason = person("Jason", "", "Park", "M");
    assert_eq!(
        grade_of(
            &person("Jason", "", "Park", "M"),
            std::slice::from_ref(&jason)
        ),
        (CERTAIN, Some(0))
    );
    // Each contact alone is enough; none is not.
    let mut only_phone = person("Jason", "", "Park", "M");
    only_phone.email = Some("jason@example.com".into());
    only_phone.street = "1 Elm St".into();
    assert_eq!(
        grade_of(&only_phone, std::slice::from_ref(&jason)).0,
        CERTAIN
    );
    only_phone.phone = Some("555-555-0199".into());
    assert_eq!(
        grade_of(&only_phone, std::slice::from_ref(&jason)).0,
        POSSIBLE
    );
    // Sex that differs, a typo or the middle name: probable, proposed.
    assert_eq!(
        grade_of(
            &person("Jason", "", "Park", "F"),
            std::slice::from_ref(&jason)
        ),
        (PROBABLE, Some(0))
    );
    assert_eq!(
        grade_of(
            &person("Jasno", "", "Park", "M"),
            std::slice::from_ref(&jason)
        ),
        (PROBABLE, Some(0))
    );
    assert_eq!(
        grade_of(
            &person("Jason", "", "Prak", "M"),
            std::slice::from_ref(&jason)
        ),
        (PROBABLE, Some(0))
    );
    // Sex unknown on the record does not stop a certain match.
    let unknown = person("Jason", "", "Park", "");
    assert_eq!(
        grade_of(&person("Jason", "", "Park", "M"), &[unknown]).0,
        CERTAIN
    );
    // Not asked (new codes): only an exact first name is certain.
    let mut no_sex = person("Jason", "", "Park", "");
    assert_eq!(grade_of(&no_sex, std::slice::from_ref(&jason)).0, CERTAIN);
    let will = person("William", "", "Park", "M");
    no_sex.first_name = "Bill".into();
    assert_eq!(grade_of(&no_sex, std::slice::from_ref(&will)).0, PROBABLE);
    assert_eq!(
        grade_of(
            &person("Bill", "", "Park", "M"),
            std::slice::from_ref(&will)
        )
        .0,
        CERTAIN
    );
    // One typo inside a nickname is for the help desk, never certain.
    assert_eq!(
        grade_of(&person("Bil", "", "Park", "M"), &[will]),
        (PROBABLE, Some(0))
    );
    // Another date of birth is no candidate.
    let mut older = jason.clone();
    older.date_of_birth = Date::new(1978, 5, 14);
    assert_eq!(
        grade_of(&person("Jason", "", "Park", "M"), &[older]),
        (None, None)
    );
    // A middle name that differs stops a certain match; an initial does not.
    let mary_beth = person("Mary", "Beth", "Park", "F");
    assert_eq!(
        grade_of(
            &person("Mary", "Ann", "Park", "F"),
            std::slice::from_ref(&mary_beth)
        )
        .0,
        PROBABLE
    );
    assert_eq!(
        grade_of(&person("Mary", "B", "Park", "F"), &[mary_beth]).0,
        CERTAIN
    );
}

#[test]
fn mason_does_not_get_jasons_record() {
    let jason = person("Jason", "", "Park", "M");
    let mason = person("Mason", "", "Park", "M");
    // Only Jason has a record: Mason's own details are one typo away.
    assert_eq!(
        grade_of(&mason, std::slice::from_ref(&jason)),
        (PROBABLE, Some(0))
    );
    // Both do: each gets his own.
    let twins = [jason.clone(), mason.clone()];
    assert_eq!(grade_of(&mason, &twins), (CERTAIN, Some(1)));
    assert_eq!(grade_of(&jason, &twins), (CERTAIN, Some(0)));
}

#[test]
fn siblings_keep_fuzzy_names_from_being_certain() {
    let samantha = person("Samantha", "", "Reed", "F");
    let samuel = person("Samuel", "", "Reed", "M");
    // "Sam", male, is not Samantha.
    assert_eq!(
        grade_of(
            &person("Sam", "", "Reed", "M"),
            std::slice::from_ref(&samantha)
        )
        .0,
        PROBABLE
    );
    assert_eq!(
        grade_of(
            &person("Sam", "", "Reed", "F"),
            std::slice::from_ref(&samantha)
        )
        .0,
        CERTAIN
    );
    // Sam is a nickname of both twins: never certain.
    let twins = [samantha.clone(), samuel.clone()];
    assert_eq!(
        grade_of(&person("Sam", "", "Reed", "F"), &twins).0,
        PROBABLE
    );
    assert_eq!(
        grade_of(&person("Samantha", "", "Reed", "F"), &twins),
        (CERTAIN, Some(0))
    );
    // "Mary" of Mary Ann is certain alone, not beside her twin Mary Beth.
    let mary_ann = person("Mary Ann", "", "Reed", "F");
    let mary_beth = person("Mary Beth", "", "Reed", "F");
    assert_eq!(
        grade_of(
            &person("Mary", "", "Reed", "F"),
            std::slice::from_ref(&mary_ann)
        )
        .0,
        CERTAIN
    );
    let twins = [mary_ann.clone(), mary_beth];
    assert_eq!(
        grade_of(&person("Mary", "", "Reed", "F"), &twins),
        (PROBABLE, None)
    );
    assert_eq!(
        grade_of(&person("Mary Ann", "", "Reed", "F"), &twins),
        (CERTAIN, Some(0))
    );
    // An exact candidate beats a typo or nickname one.
    let jon = person("Jon", "", "Reyes", "M");
    let jan = person("Jan", "", "Reyes", "M");
    let john = person("John", "", "Reyes", "M");
    let family = [jan.clone(), john, jon.clone()];
    assert_eq!(
        grade_of(&person("Jon", "", "Reyes", "M"), &family),
        (CERTAIN, Some(2))
    );
    // Two exact records (a duplicate) are left to the help desk.
    assert_eq!(
        grade_of(&person("Jon", "", "Reyes", "M"), &[jon.clone(), jon]),
        (PROBABLE, None)
    );
    // A cousin with another last name is no sibling.
    let cousin = person("Samuel", "", "Ortiz", "M");
    assert_eq!(
        grade_of(&person("Sam", "", "Reed", "F"), &[samantha, cousin]).0,
        CERTAIN
    );
}

#[test]
fn real_names_reach_their_record() {
    for (typed_first, typed_last, record_first, record_middle, record_last) in [
        ("Mary", "Lee", "Mary Ann", "", "Lee"),
        ("Maria Elena", "Garcia", "Maria", "Elena", "Garcia"),
        ("Jean", "Roy", "Jean-Luc", "", "Roy"),
        ("Jean Luc", "Roy", "Jean-Luc", "", "Roy"),
        ("Linh", "Dang", "Linh", "", "Đặng"),
        ("Lech", "Walesa", "Lech", "", "Wałęsa"),
        ("Anna", "Strauss", "Anna", "", "Strauß"),
        ("Jonas", "Mueller", "Jonas", "", "Müller"),
        ("Jonas", "Muller", "Jonas", "", "Müller"),
        ("Bill", "Brooks", "William", "", "Brooks"),
    ] {
        let record = person(record_first, record_middle, record_last, "F");
        let typed = person(typed_first, "", typed_last, "F");
        assert_eq!(
            grade_of(&typed, &[record]).0,
            CERTAIN,
            "{typed_first} {typed_last}"
        );
    }
    // Going by the middle name is for the help desk to confirm.
    let record = person("Maria", "Elena", "Garcia", "F");
    assert_eq!(
        grade_of(&person("Elena", "", "Garcia", "F"), &[record]).0,
        PROBABLE
    );
    // A maiden name on the record matches.
    let mut married = person("Ana", "", "Silva", "F");
    married.other_names.push(OtherName {
        first_name: String::new(),
        last_name: "Costa".into(),
    });
    assert_eq!(
        grade_of(&person("Ana", "", "Costa", "F"), &[married]).0,
        CERTAIN
    );
}

#[test]
fn addresses_and_phones_as_people_write_them() {
    let record = person("Jason", "", "Park", "M");
    let mut typed = person("Jason", "", "Park", "M");
    typed.email = None;
    typed.phone = Some("617\u{2011}555\u{2011}0101 ext 4".into());
    typed.street = "9 Other St".into();
    assert_eq!(
        decide(&typed, std::slice::from_ref(&record)).assessments[0].agreement(Field::Phone),
        Agreement::Same
    );
    typed.phone = None;
    typed.street = "12 Oak Road, Apartment 3".into();
    let d = decide(&typed, &[record]);
    assert_eq!(d.assessments[0].agreement(Field::Address), Agreement::Same);
    assert_eq!(d.grade, CERTAIN);
}

#[test]
fn the_score_follows_the_weights() {
    let jason = person("Jason", "", "Park", "M");
    let a = assess(&person("Jason", "", "Park", "M"), &jason);
    // DOB 8, first 4, middle unknown 0, last 4, sex 1, address 3, phone 3, email 3.
    assert_eq!(a.score, 26);
    let b = assess(&person("Mason", "", "Park", "F"), &jason);
    assert_eq!(b.score, 26 - 4 + 2 - 1 - 4);
    assert_eq!(WEIGHTS.len(), 8);
}

#[test]
fn summaries_say_why() {
    let jason = person("Jason", "", "Park", "M");
    let d = decide(
        &person("Mason", "", "Park", "M"),
        std::slice::from_ref(&jason),
    );
    assert_eq!(
        d.summary(),
        "probable match: the first name is one typo from the record's"
    );
    assert_eq!(
        decide(&person("Jason", "", "Park", "M"), &[jason]).summary(),
        "certain match"
    );
    assert_eq!(
        decide(&person("Jason", "", "Park", "M"), &[]).summary(),
        "no record matched"
    );
}

#[test]
fn one_typo_means_one() {
    assert!(within_one_typo("maria", "maria"));
    assert!(within_one_typo("maria", "mario"));
    assert!(within_one_typo("maria", "amria"));
    assert!(within_one_typo("maria", "mari"));
    assert!(within_one_typo("maria", "marias"));
    assert!(within_one_typo("maria", "xmaria"));
    assert!(!within_one_typo("maria", "mrai"));
    assert!(!within_one_typo("maria", "marty"));
    assert!(!within_one_typo("maria", "maira1"));
    assert!(!within_one_typo("ab", "ba1"));
}

/// Given names for generated families, none a nickname of another (parents
/// do not name twins William and Bill); some are one typo apart.
const GIVEN: &[(&str, &str)] = &[
    ("Jason", "M"),
    ("Mason", "M"),
    ("Samantha", "F"),
    ("Samuel", "M"),
    ("Mary Ann", "F"),
    ("Mary Beth", "F"),
    ("Aiden", "M"),
    ("Ava", "F"),
    ("Olivia", "F"),
    ("Liam", "M"),
    ("Noah", "M"),
    ("Emma", "F"),
    ("Lucas", "M"),
    ("Sofia", "F"),
    ("Mateo", "M"),
    ("Isabella", "F"),
    ("Elijah", "M"),
    ("Harper", "F"),
    ("Daniel", "M"),
    ("Camila", "F"),
    ("Jon", "M"),
    ("Jan", "F"),
    ("Ethan", "M"),
    ("Evan", "M"),
    ("Ellie", "F"),
    ("Ella", "F"),
    ("William", "M"),
    ("Henry", "M"),
    ("Charlotte", "F"),
    ("Amelia", "F"),
    ("Priya", "F"),
    ("Kwame", "M"),
    ("Dmitri", "M"),
    ("Fatima", "F"),
    ("Guadalupe", "F"),
    ("José", "M"),
];

#[test]
fn no_generated_twin_names_are_nicknames_of_each_other() {
    for (a, _) in GIVEN {
        for (b, _) in GIVEN {
            let (a, b) = (names::fold(a, false), names::fold(b, false));
            assert!(
                a == b || !names::nicknames().of_each_other(&a, &b),
                "{a} {b}"
            );
        }
    }
}

fn twin_family() -> impl Strategy<Value = (Vec<Person>, usize, Vec<bool>)> {
    (
        proptest::sample::subsequence(GIVEN.to_vec(), 2..=3),
        "[A-Z][a-z]{2,9}",
        proptest::collection::vec(any::<bool>(), 3),
        any::<bool>(),
        0usize..3,
        any::<bool>(),
    )
        .prop_map(|(names, last, in_roster, share_middle, who, one_box)| {
            let family: Vec<Person> = names
                .iter()
                .enumerate()
                .map(|(i, (first, sex))| {
                    let middle = if share_middle {
                        ""
                    } else {
                        ["Lee", "Rose", "James"][i]
                    };
                    // Some families write both given names in the first box.
                    if one_box && !middle.is_empty() {
                        person(&format!("{first} {middle}"), "", &last, sex)
                    } else {
                        person(first, middle, &last, sex)
                    }
                })
                .collect();
            let who = who % family.len();
            (family, who, in_roster)
        })
}

proptest! {
    /// No twin's or triplet's own details (with shared birthday, last name,
    /// email, phone and address) are ever certain for another of them,
    /// whichever of them have records.
    #[test]
    fn a_twin_never_matches_the_other_as_certain((family, who, in_roster) in twin_family()) {
        let roster: Vec<(usize, Person)> = family
            .iter()
            .cloned()
            .enumerate()
            .filter(|(i, _)| in_roster[*i])
            .collect();
        let records: Vec<Person> = roster.iter().map(|(_, p)| p.clone()).collect();
        let d = decide(&family[who], &records);
        if let Some(at) = d.certain() {
            prop_assert_eq!(roster[at].0, who, "{:?} matched {:?}", family[who], records[at]);
        }
    }

    #[test]
    fn any_single_typo_is_within_one(name in "[a-z]{2,12}", pos in 0usize..12, c in "[a-z]") {
        let chars: Vec<char> = name.chars().collect();
        let pos = pos % chars.len();
        let c = c.chars().next().unwrap();
        let mut changed = chars.clone(); changed[pos] = c;
        let mut missing = chars.clone(); missing.remove(pos);
        let mut extra = chars.clone(); extra.insert(pos, c);
        for typo in [changed, missing, extra] {
            let typo: String = typo.into_iter().collect();
            prop_assert!(within_one_typo(&name, &typo), "{} {}", name, typo);
            prop_assert!(within_one_typo(&typo, &name), "{} {}", typo, name);
        }
        if pos + 1 < chars.len() {
            let mut swapped = chars.clone(); swapped.swap(pos, pos + 1);
            let swapped: String = swapped.into_iter().collect();
            prop_assert!(within_one_typo(&name, &swapped));
        }
    }

    #[test]
    fn the_record_holder_is_certain_in_any_case_and_spacing(first in "[A-Za-z]{2,10}", last in "[A-Za-z]{2,12}") {
        let record = person(&first, "", &last, "F");
        let typed = person(&first.to_uppercase(), "", &format!(" {} ", last.to_lowercase()), "F");
        prop_assert_eq!(decide(&typed, &[record]).grade, CERTAIN);
    }
}

#[test]
fn a_plus_tag_reaches_the_same_mailbox_but_is_not_the_same_address() {
    use super::{same_email, same_mailbox};
    let (mei, tagged) = (
        Some("Mei.Chen@example.com"),
        Some("mei.chen+lily@Example.com"),
    );
    assert!(same_mailbox(tagged, mei));
    assert!(same_mailbox(mei, Some(" mei.chen@example.com ")));
    assert!(
        !same_email(tagged, mei),
        "as proof, an address is itself only"
    );
    assert!(!same_mailbox(Some("mei.chen@example.org"), mei));
    assert!(!same_mailbox(Some("lily+mei.chen@example.com"), mei));
    assert!(!same_mailbox(None, mei));
}
