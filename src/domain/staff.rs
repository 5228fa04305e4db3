//! Staff roles and what each may do. The server checks these on every staff
//! server function; the console uses them only to hide what a role cannot use.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The help desk: codes, unlocks, the queues, the audit log.
    Agent,
    /// Clinic staff: find patients, issue and resend codes.
    Clinic,
    /// Everything the help desk does, and managing staff accounts.
    Admin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Find a patient and see their portal status.
    FindPatients,
    /// Issue (by screen, email or letter) and revoke access codes.
    IssueCodes,
    /// Lift a patient account's sign-in lock.
    UnlockAccounts,
    /// Work the queue of unverified sign-ups.
    WorkSignupQueue,
    /// Work the queue of medical records requests.
    WorkRecordsRequests,
    /// Decide proxy access requests; record emancipations.
    WorkProxyRequests,
    ReadAuditLog,
    /// Reset a staff member's password, unlock, disable and enable them.
    ManageStaff,
    /// Undo a mistaken record of emancipation (administrators).
    UndoEmancipation,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Agent, Role::Clinic, Role::Admin];

    pub fn may(self, permission: Permission) -> bool {
        match self {
            Role::Admin => true,
            Role::Agent => !matches!(
                permission,
                Permission::ManageStaff | Permission::UndoEmancipation
            ),
            Role::Clinic => matches!(
                permission,
                Permission::FindPatients | Permission::IssueCodes
            ),
        }
    }

    /// As stored and typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Clinic => "clinic",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// As people read it.
    pub fn title(self) -> &'static str {
        match self {
            Role::Agent => "Help desk agent",
            Role::Clinic => "Clinic staff",
            Role::Admin => "Administrator",
        }
    }
}

/// Reading a stored row: an unknown role is a decoding error.
impl TryFrom<String> for Role {
    type Error = String;

    fn try_from(text: String) -> Result<Role, String> {
        Role::parse(&text).ok_or_else(|| format!("unknown staff role {text:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clinic_staff_only_find_patients_and_issue_codes_and_only_admins_manage_staff() {
        use Permission::*;
        let all = [
            FindPatients,
            IssueCodes,
            UnlockAccounts,
            WorkSignupQueue,
            WorkRecordsRequests,
            WorkProxyRequests,
            ReadAuditLog,
            ManageStaff,
        ];
        for p in all {
            assert!(Role::Admin.may(p), "{p:?}");
            assert_eq!(Role::Agent.may(p), p != ManageStaff, "{p:?}");
            assert_eq!(Role::Clinic.may(p), matches!(p, FindPatients | IssueCodes));
        }
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
