//! Who may act for whom: the decision a proxy access request gets, from the
//! relationship claimed, what the patient's record says and the state policy
//! table. One function, every branch tested; each outcome names its rule.

use super::policy::{AgeGroup, Decision, Scope};
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
                        reason: "The person is an emancipated minor, so parents and guardians \
                                 do not have access to their record by law."
                            .into(),
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
                    relationship.as_str(),
                    scope_name(scope),
                    age.rule
                ),
            };
        }
        return Decision {
            value: ProxyOutcome::Review { ask_patient: false },
            rule: format!(
                "{} not listed on the record{}: help desk review ({})",
                relationship.as_str(),
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
            relationship.as_str(),
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

pub fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Full => "full",
        Scope::Limited => "limited",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn relationships_round_trip_and_say_what_they_need() {
        for r in Relationship::ALL {
            assert_eq!(Relationship::parse(r.as_str()), Some(r));
        }
        assert!(Relationship::PowerOfAttorney.needs_document());
        assert!(!Relationship::Parent.needs_document());
    }
}
