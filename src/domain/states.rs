//! The states requests and grants move through, each with its one stored
//! spelling: the store reads and writes these, and no other code spells a
//! state as text.

/// An enum with the one spelling the database stores for each variant
/// (JSON uses the variant's snake_case name).
macro_rules! stored {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// How the database spells it.
            pub const fn as_stored(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            pub fn from_stored(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        /// Its stored spelling, for audit outcomes and logs.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_stored())
            }
        }

        /// Reading a stored row: an unknown spelling is a decoding error.
        impl TryFrom<String> for $name {
            type Error = String;

            fn try_from(text: String) -> Result<Self, String> {
                $name::from_stored(&text)
                    .ok_or_else(|| format!("unknown {} {text:?}", stringify!($name)))
            }
        }
    };
}

stored! {
    /// Where a sign-up request without a code stands.
    pub enum SignupStatus {
        Received = "received",
        UnderReview = "under_review",
        CodeSentByEmail = "code_sent_email",
        CodeSentByMail = "code_sent_mail",
        Closed = "closed",
    }
}

impl SignupStatus {
    /// Still waiting for the help desk.
    pub fn is_open(self) -> bool {
        matches!(self, SignupStatus::Received | SignupStatus::UnderReview)
    }

    /// The states the help desk still works on.
    pub const OPEN: [SignupStatus; 2] = [SignupStatus::Received, SignupStatus::UnderReview];

    /// As the console shows it.
    pub fn label(self) -> &'static str {
        match self {
            SignupStatus::Received => "Received",
            SignupStatus::UnderReview => "Being checked",
            SignupStatus::CodeSentByEmail => "Code sent by email",
            SignupStatus::CodeSentByMail => "Code sent by letter",
            SignupStatus::Closed => "Closed",
        }
    }
}

stored! {
    /// Where a medical records request stands.
    pub enum RecordsStatus {
        Received = "received",
        InProgress = "in_progress",
        Completed = "completed",
    }
}

impl RecordsStatus {
    /// As the console shows it.
    pub fn label(self) -> &'static str {
        match self {
            RecordsStatus::Received => "Received",
            RecordsStatus::InProgress => "Being prepared",
            RecordsStatus::Completed => "Sent",
        }
    }
}

stored! {
    /// Where a request for proxy access stands.
    pub enum ProxyStatus {
        /// Access by law, granted at once.
        Granted = "granted",
        /// Refused at once (the emancipated minor's listed parent).
        Refused = "refused",
        /// Waiting for the help desk.
        Review = "review",
        /// Waiting for the adult patient's approval.
        WaitingForPatient = "patient",
        /// Approved after review or by the patient.
        Approved = "approved",
        /// Denied by the help desk or the patient.
        Denied = "denied",
    }
}

impl ProxyStatus {
    /// Still waiting for someone to decide.
    pub fn is_open(self) -> bool {
        matches!(self, ProxyStatus::Review | ProxyStatus::WaitingForPatient)
    }

    pub const OPEN: [ProxyStatus; 2] = [ProxyStatus::Review, ProxyStatus::WaitingForPatient];
}

stored! {
    /// What a grant of proxy access shows of the patient's record.
    pub enum Scope {
        /// Name, date of birth and MRN.
        Limited = "limited",
        /// Also contact details and who has access.
        Full = "full",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_reads_back_from_its_spelling() {
        fn round_trip<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            stored: fn(T) -> &'static str,
            read: fn(&str) -> Option<T>,
        ) {
            let mut seen = std::collections::HashSet::new();
            for &state in all {
                assert_eq!(read(stored(state)), Some(state));
                assert!(seen.insert(stored(state)), "{state:?} spelled twice");
            }
            assert_eq!(read("no such state"), None);
        }
        round_trip(
            SignupStatus::ALL,
            SignupStatus::as_stored,
            SignupStatus::from_stored,
        );
        round_trip(
            RecordsStatus::ALL,
            RecordsStatus::as_stored,
            RecordsStatus::from_stored,
        );
        round_trip(
            ProxyStatus::ALL,
            ProxyStatus::as_stored,
            ProxyStatus::from_stored,
        );
        round_trip(Scope::ALL, Scope::as_stored, Scope::from_stored);
        assert_eq!(
            SignupStatus::try_from("code_sent_mail".to_string()),
            Ok(SignupStatus::CodeSentByMail)
        );
        assert!(ProxyStatus::try_from("maybe".to_string()).is_err());
    }

    #[test]
    fn open_states() {
        assert!(
            SignupStatus::ALL
                .iter()
                .filter(|s| s.is_open())
                .eq(SignupStatus::OPEN.iter())
        );
        assert!(
            ProxyStatus::ALL
                .iter()
                .filter(|s| s.is_open())
                .eq(ProxyStatus::OPEN.iter())
        );
    }
}
