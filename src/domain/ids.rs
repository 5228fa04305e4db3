//! Row ids as types, one for each kind of thing the store keeps: a patient's
//! id cannot be passed where an account's is meant. They travel as plain
//! numbers (JSON, the database, addresses such as `/staff/patients/7`).

macro_rules! ids {
    ($($(#[$meta:meta])* $name:ident,)+) => {$(
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(transparent))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map($name)
            }
        }
    )+};
}

ids! {
    /// A patient's record (`patients`).
    PatientId,
    /// A patient's portal account (`accounts`).
    AccountId,
    /// A help desk staff member (`staff`).
    StaffId,
    /// A request for proxy access (`proxy_requests`).
    ProxyRequestId,
    /// Proxy access in force or ended (`proxy_grants`).
    GrantId,
    /// A sign-up request without a code (`signup_requests`).
    SignupRequestId,
    /// A medical records request (`records_requests`).
    RecordsRequestId,
    /// An access code (`access_codes`).
    AccessCodeId,
}
