//! Who may act for whom: the decision a proxy access request gets, from the
//! relationship claimed, what the patient's record says and the state policy
//! table. One function, every branch tested; each outcome names its rule.

use super::date::Date;
use super::policy::{AgeGroup, Decision, PolicyTable, Scope};
pub use super::relationship::Relationship;

/// What the record says about the person asked for (when one record matched
/// the name and date of birth given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordFacts {
    pub age_group: Decision<AgeGroup>,
    pub emancipated: bool,
    /// The requester is listed on the record as a parent or guardian.
    pub requester_listed: bool,
    pub has_account: bool,
    /// What a parent's access to a teen covers in the patient's state.
    pub teen_scope: Scope,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProxyOutcome {
    /// Access by law, now.
    Granted { scope: Scope },
    /// Refused, with the reason the requester is told.
    Refused { reason: String },
    /// The help desk reviews it; for an adult with an account, the patient is
    /// also asked to approve.
    Review { ask_patient: bool },
}

/// The outcome for a request. `record` is None when no single record
/// matched: that reads the same as any other review, so the requester
/// learns nothing about whether the person is a patient.
pub fn decide(relationship: Relationship, record: Option<&RecordFacts>) -> Decision<ProxyOutcome> {
    let Some(facts) = record else {
        return Decision {
            value: ProxyOutcome::Review { ask_patient: false },
            rule: "no single record matched: help desk review".into(),
        };
    };
    let age = &facts.age_group;
    let minor = age.value != AgeGroup::Adult;
    if relationship.of_a_minor() && minor {
        // Only someone the record lists learns that the minor is
        // emancipated; anyone else gets the review everybody gets.
        if facts.requester_listed {
            if facts.emancipated {
                return Decision {
                    value: ProxyOutcome::Refused {
                        reason: crate::words::proxy_refused_emancipated().into(),
                    },
                    rule: format!("emancipated minor ({})", age.rule),
                };
            }
            let scope = match age.value {
                AgeGroup::Teen => facts.teen_scope,
                _ => Scope::Full,
            };
            return Decision {
                value: ProxyOutcome::Granted { scope },
                rule: format!(
                    "listed {} of a minor, access by law, {} scope ({})",
                    relationship.title().to_lowercase(),
                    scope.as_stored(),
                    age.rule
                ),
            };
        }
        return Decision {
            value: ProxyOutcome::Review { ask_patient: false },
            rule: format!(
                "{} not listed on the record{}: help desk review ({})",
                relationship.title().to_lowercase(),
                if facts.emancipated {
                    " of an emancipated minor"
                } else {
                    ""
                },
                age.rule
            ),
        };
    }
    let ask_patient = !minor && facts.has_account;
    Decision {
        value: ProxyOutcome::Review { ask_patient },
        rule: format!(
            "{} of {}: help desk review{} ({})",
            relationship.title().to_lowercase(),
            if minor { "a minor" } else { "an adult" },
            if ask_patient {
                " and the patient's approval"
            } else {
                ""
            },
            age.rule
        ),
    }
}

/// A grant as it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GrantTerms {
    pub relationship: Relationship,
    pub scope: Scope,
    pub starts_at: i64,
    /// The end date given (by law: the majority; reviewed: the renewal).
    pub ends_at: i64,
}

/// What the patient's record says now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PatientTerms<'a> {
    /// None when the record's date of birth cannot be read.
    pub born: Option<Date>,
    pub state: &'a str,
    pub emancipated: bool,
}

/// Why a grant no longer opens the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GrantEnd {
    EndDate,
    Majority,
    Emancipated,
    /// A parent's grant whose legal basis (the patient's age) cannot be checked.
    NoBirthDate,
}

impl GrantEnd {
    /// For the audit log and the grant's `end_reason`.
    pub fn as_str(self) -> &'static str {
        match self {
            GrantEnd::EndDate => "reached its end date",
            GrantEnd::Majority => "the patient came of age",
            GrantEnd::Emancipated => "the patient is emancipated",
            GrantEnd::NoBirthDate => "the record has no readable date of birth",
        }
    }
}

/// What a grant gives at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// It opens the record with `scope` until `ends_at`, which is the
    /// patient's majority when `at_majority`.
    InForce {
        scope: Scope,
        ends_at: i64,
        at_majority: bool,
    },
    Ended(GrantEnd),
}

/// What a grant gives at `now`, decided when it is used rather than when it
/// was given. A parent's or guardian's grant to a minor's record (one that
/// began before their majority), by law or approved, ends at the age of
/// majority and on emancipation, and covers no more than the state's rule
/// for the child's age today. Other grants (an adult's power of attorney)
/// keep their scope until their end date.
pub fn standing(
    policy: &PolicyTable,
    grant: &GrantTerms,
    patient: &PatientTerms,
    now: i64,
) -> Decision<Standing> {
    let ended = |end: GrantEnd, rule: String| Decision {
        value: Standing::Ended(end),
        rule,
    };
    let (mut scope, mut ends_at, mut at_majority) = (grant.scope, grant.ends_at, false);
    let mut rule = "as granted".to_string();
    if grant.relationship.of_a_minor() {
        let Some(born) = patient.born else {
            return ended(GrantEnd::NoBirthDate, "parent's or guardian's grant".into());
        };
        let majority = policy.majority_on(born, patient.state);
        let majority_at = policy.start_of_day(majority.value, patient.state);
        if grant.starts_at < majority_at {
            if patient.emancipated {
                return ended(
                    GrantEnd::Emancipated,
                    "parent's or guardian's grant to an emancipated minor".into(),
                );
            }
            let age = policy.age_group(born, patient.state, now);
            let allowed = match age.value {
                AgeGroup::Adult => return ended(GrantEnd::Majority, age.rule),
                AgeGroup::Teen => policy.row(patient.state).parent_teen_scope,
                AgeGroup::Child => Scope::Full,
            };
            if allowed == Scope::Limited {
                scope = Scope::Limited;
            }
            at_majority = majority_at <= ends_at;
            ends_at = ends_at.min(majority_at);
            rule = format!("parent's or guardian's grant to a minor ({})", age.rule);
        }
    }
    if now >= ends_at {
        return ended(GrantEnd::EndDate, rule);
    }
    Decision {
        value: Standing::InForce {
            scope,
            ends_at,
            at_majority,
        },
        rule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::BUNDLED;

    fn facts(group: AgeGroup) -> RecordFacts {
        RecordFacts {
            age_group: Decision {
                value: group,
                rule: format!("{group:?} in the NY row"),
            },
            emancipated: false,
            requester_listed: true,
            has_account: false,
            teen_scope: Scope::Limited,
        }
    }

    #[test]
    fn a_listed_parent_of_a_child_gets_full_access_by_law() {
        for r in [Relationship::Parent, Relationship::GuardianOfMinor] {
            let d = decide(r, Some(&facts(AgeGroup::Child)));
            assert_eq!(d.value, ProxyOutcome::Granted { scope: Scope::Full });
            assert!(d.rule.contains("access by law, full scope"), "{}", d.rule);
        }
    }

    #[test]
    fn a_listed_parent_of_a_teen_gets_the_states_teen_scope() {
        let d = decide(Relationship::Parent, Some(&facts(AgeGroup::Teen)));
        assert_eq!(
            d.value,
            ProxyOutcome::Granted {
                scope: Scope::Limited
            }
        );
        let full = RecordFacts {
            teen_scope: Scope::Full,
            ..facts(AgeGroup::Teen)
        };
        let d = decide(Relationship::Parent, Some(&full));
        assert_eq!(d.value, ProxyOutcome::Granted { scope: Scope::Full });
    }

    #[test]
    fn parents_of_emancipated_minors_are_refused() {
        let emancipated = RecordFacts {
            emancipated: true,
            ..facts(AgeGroup::Teen)
        };
        for r in [Relationship::Parent, Relationship::GuardianOfMinor] {
            let d = decide(r, Some(&emancipated));
            assert!(matches!(d.value, ProxyOutcome::Refused { .. }), "{r:?}");
            assert!(d.rule.starts_with("emancipated minor"));
        }
    }

    #[test]
    fn unlisted_parents_and_unmatched_records_go_to_review_alike() {
        let unlisted = RecordFacts {
            requester_listed: false,
            ..facts(AgeGroup::Child)
        };
        let review = ProxyOutcome::Review { ask_patient: false };
        assert_eq!(decide(Relationship::Parent, Some(&unlisted)).value, review);
        assert_eq!(decide(Relationship::Parent, None).value, review);
        // Only a listed parent hears that the minor is emancipated.
        let emancipated = RecordFacts {
            emancipated: true,
            ..unlisted
        };
        for r in [Relationship::Parent, Relationship::GuardianOfMinor] {
            let d = decide(r, Some(&emancipated));
            assert_eq!(d.value, review, "{r:?}");
            assert!(d.rule.contains("of an emancipated minor"), "{}", d.rule);
        }
    }

    #[test]
    fn adult_relationships_need_review_and_the_patients_approval_when_they_can_give_it() {
        let adult_with_account = RecordFacts {
            has_account: true,
            requester_listed: false,
            ..facts(AgeGroup::Adult)
        };
        for r in Relationship::ALL {
            let d = decide(r, Some(&adult_with_account));
            assert_eq!(d.value, ProxyOutcome::Review { ask_patient: true }, "{r:?}");
        }
        // A parent listed on an adult's record has no access by law either.
        let adult_listed = RecordFacts {
            has_account: false,
            ..facts(AgeGroup::Adult)
        };
        assert_eq!(
            decide(Relationship::Parent, Some(&adult_listed)).value,
            ProxyOutcome::Review { ask_patient: false }
        );
        // Adult relationships to a minor are reviewed without asking the minor.
        assert_eq!(
            decide(Relationship::Caregiver, Some(&facts(AgeGroup::Teen))).value,
            ProxyOutcome::Review { ask_patient: false }
        );
    }

    const DAY: i64 = 86_400;

    /// Noon in New York on a date.
    fn noon(y: i32, m: u32, d: u32) -> i64 {
        Date::new(y, m, d).unwrap().to_days() * DAY + 17 * 3600
    }

    fn parent_grant(scope: Scope, starts_at: i64, ends_at: i64) -> GrantTerms {
        GrantTerms {
            relationship: Relationship::Parent,
            scope,
            starts_at,
            ends_at,
        }
    }

    fn born(y: i32, m: u32, d: u32) -> PatientTerms<'static> {
        PatientTerms {
            born: Date::new(y, m, d),
            state: "NY",
            emancipated: false,
        }
    }

    #[test]
    fn a_parents_full_grant_to_a_child_narrows_in_the_teen_band_and_ends_at_majority() {
        let t = PolicyTable::bundled();
        let lily = born(2017, 4, 2);
        // Full access given at 9, by law until 18 or by the help desk for years.
        for ends_at in [
            t.start_of_day(Date::new(2035, 4, 2).unwrap(), "NY"),
            i64::MAX,
        ] {
            let grant = parent_grant(Scope::Full, noon(2026, 6, 1), ends_at);
            let at = |now| standing(&t, &grant, &lily, now).value;
            assert!(matches!(
                at(noon(2031, 4, 1)),
                Standing::InForce {
                    scope: Scope::Full,
                    ..
                }
            ));
            let teen = at(noon(2031, 4, 2));
            assert!(
                matches!(
                    teen,
                    Standing::InForce {
                        scope: Scope::Limited,
                        ..
                    }
                ),
                "{teen:?}"
            );
            let majority = t.start_of_day(Date::new(2035, 4, 2).unwrap(), "NY");
            assert_eq!(
                at(majority - 1),
                Standing::InForce {
                    scope: Scope::Limited,
                    ends_at: majority,
                    at_majority: true
                }
            );
            assert_eq!(at(majority), Standing::Ended(GrantEnd::Majority));
        }
        // Where the state lets parents see a teen's whole record, they do.
        let rows = BUNDLED.replace("NY,18,14,17,limited", "NY,18,14,17,full");
        let full_for_teens = PolicyTable::parse(&rows).unwrap();
        let grant = parent_grant(Scope::Full, noon(2026, 6, 1), i64::MAX);
        let d = standing(&full_for_teens, &grant, &lily, noon(2032, 1, 1));
        assert!(
            matches!(
                d.value,
                Standing::InForce {
                    scope: Scope::Full,
                    ..
                }
            ),
            "{d:?}"
        );
        assert!(d.rule.contains("teen band 14–17"), "{}", d.rule);
        // A limited grant never widens.
        let limited = parent_grant(Scope::Limited, noon(2026, 6, 1), i64::MAX);
        assert!(matches!(
            standing(&t, &limited, &lily, noon(2027, 1, 1)).value,
            Standing::InForce {
                scope: Scope::Limited,
                ..
            }
        ));
    }

    #[test]
    fn emancipation_ends_every_parents_and_guardians_grant_to_a_minor() {
        let t = PolicyTable::bundled();
        let jordan = PatientTerms {
            emancipated: true,
            ..born(2009, 1, 15)
        };
        for relationship in [Relationship::Parent, Relationship::GuardianOfMinor] {
            let grant = GrantTerms {
                relationship,
                ..parent_grant(Scope::Limited, noon(2025, 1, 1), i64::MAX)
            };
            let d = standing(&t, &grant, &jordan, noon(2026, 6, 1));
            assert_eq!(
                d.value,
                Standing::Ended(GrantEnd::Emancipated),
                "{relationship:?}"
            );
        }
        // Other relationships to the emancipated minor keep their terms.
        let caregiver = GrantTerms {
            relationship: Relationship::Caregiver,
            ..parent_grant(Scope::Full, noon(2025, 1, 1), noon(2026, 12, 1))
        };
        assert!(matches!(
            standing(&t, &caregiver, &jordan, noon(2026, 6, 1)).value,
            Standing::InForce {
                scope: Scope::Full,
                ..
            }
        ));
    }

    #[test]
    fn grants_to_adults_keep_their_scope_until_their_end_date() {
        let t = PolicyTable::bundled();
        let harold = born(1943, 3, 3);
        let ends_at = noon(2027, 1, 31);
        for relationship in [
            Relationship::PowerOfAttorney,
            Relationship::Parent,
            Relationship::Other,
        ] {
            // A parent the adult patient approved is not held to majority rules.
            let grant = GrantTerms {
                relationship,
                ..parent_grant(Scope::Full, noon(2026, 2, 1), ends_at)
            };
            let at = |now| standing(&t, &grant, &harold, now).value;
            let in_force = Standing::InForce {
                scope: Scope::Full,
                ends_at,
                at_majority: false,
            };
            assert_eq!(at(ends_at - 1), in_force);
            assert_eq!(at(ends_at), Standing::Ended(GrantEnd::EndDate));
        }
        let unreadable = PatientTerms {
            born: None,
            ..harold
        };
        let grant = parent_grant(Scope::Full, noon(2026, 2, 1), ends_at);
        assert_eq!(
            standing(&t, &grant, &unreadable, noon(2026, 3, 1)).value,
            Standing::Ended(GrantEnd::NoBirthDate)
        );
    }

    proptest::proptest! {
        /// Whatever the grant and the day: in force only before its end,
        /// never wider than given, never wider than the teen rule for a
        /// parent's grant to a teen, never open to a parent past majority,
        /// and once ended, ended for good.
        #[test]
        fn a_grant_never_shows_more_than_its_terms_and_basis(
            relationship in proptest::sample::select(Relationship::ALL.to_vec()),
            full in proptest::bool::ANY,
            born_days in 0i64..20_000,
            starts in 0i64..20_000,
            length in 1i64..10_000,
            later in 0i64..20_000,
            emancipated in proptest::bool::ANY,
            state in proptest::sample::select(vec!["NY", "AL", "MS", "CA", "ZZ"]),
        ) {
            let t = PolicyTable::bundled();
            let born = Date::from_days(born_days);
            let patient = PatientTerms { born: Some(born), state, emancipated };
            let scope = if full { Scope::Full } else { Scope::Limited };
            let starts_at = (born_days + starts) * DAY;
            let grant = GrantTerms {
                relationship,
                scope,
                starts_at,
                ends_at: starts_at + length * DAY,
            };
            let now = starts_at + later * DAY / 2;
            match standing(&t, &grant, &patient, now).value {
                Standing::InForce { scope: shown, ends_at, .. } => {
                    proptest::prop_assert!(now < ends_at && ends_at <= grant.ends_at);
                    proptest::prop_assert!(shown == scope || shown == Scope::Limited);
                    let group = t.age_group(born, state, now).value;
                    let minor_at_start = t.age_group(born, state, starts_at).value != AgeGroup::Adult;
                    if relationship.of_a_minor() && minor_at_start {
                        proptest::prop_assert!(group != AgeGroup::Adult && !emancipated);
                        if group == AgeGroup::Teen {
                            proptest::prop_assert_eq!(shown, Scope::Limited);
                        }
                    }
                }
                Standing::Ended(_) => {
                    let after = standing(&t, &grant, &patient, now + 400 * DAY).value;
                    proptest::prop_assert!(matches!(after, Standing::Ended(_)));
                }
            }
        }
    }

    #[test]
    fn relationships_round_trip_and_say_what_they_need() {
        for r in Relationship::ALL {
            assert_eq!(Relationship::parse(r.as_str()), Some(r));
        }
        assert!(Relationship::PowerOfAttorney.needs_document());
        assert!(!Relationship::Parent.needs_document());
    }
}
