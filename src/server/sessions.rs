//! Server-side sessions: a random 256-bit id the caller presents (the HTTP
//! layer keeps it in a cookie); the database holds only its keyed hash,
//! with the times that end it.

use super::caller::{Caller, SessionChange};
use super::security::new_session_id;
use super::store::{Account, AccountId, AuditEvent, Realm, SignsIn};
use crate::shared::AppError;

/// When sessions end, and how the cookie is marked.
#[derive(Clone, Debug)]
pub struct SessionPolicy {
    /// Seconds without a request before a session ends.
    pub idle: i64,
    /// Seconds after sign-in when a session ends regardless.
    pub max: i64,
    /// Served over HTTPS: the HTTP layer marks the cookie `Secure`, with the
    /// `__Host-` prefix.
    pub https: bool,
}

/// How often a session's last-seen time is written (at most).
const TOUCH_EVERY: i64 = 60;

/// The signed-in session of this request: a patient's (`Session`, owned by
/// an account) or a staff member's (`Session<StaffId>`).
pub struct Session<O = AccountId> {
    /// Whose session it is.
    pub owner: O,
    id_hash: String,
}

impl Caller {
    fn session_hash(&self, realm: Realm) -> Option<String> {
        let id = self.presented.of(realm)?;
        (id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| self.state.secret.keyed_hash("session", id))
    }

    /// The patient's live session, if the request has one.
    pub async fn session(&self) -> Result<Option<Session>, AppError> {
        self.session_in().await
    }

    /// The signed-in patient's session and account, if the request has
    /// them. A language the caller chose (the language switch) that is not
    /// the account's becomes the account's: their emails follow it.
    pub async fn account(&self) -> Result<Option<(Session, Account)>, AppError> {
        let Some(session) = self.session().await? else {
            return Ok(None);
        };
        let Some(mut account) = self.state.store.account_by_id(session.owner).await? else {
            return Ok(None);
        };
        self.keep_chosen_language(&mut account).await?;
        Ok(Some((session, account)))
    }

    /// Saves the language the caller chose (the language switch) as
    /// `account`'s, when it is not already.
    pub async fn keep_chosen_language(&self, account: &mut Account) -> Result<(), AppError> {
        if let Some(chosen) = self.presented.language
            && account.chosen_language() != Some(chosen)
        {
            self.state
                .store
                .set_account_language(account.id, chosen)
                .await?;
            account.language = Some(chosen.code().into());
        }
        Ok(())
    }

    /// The signed-in patient's session and account; `SignedOut` without.
    pub async fn signed_in(&self) -> Result<(Session, Account), AppError> {
        self.account().await?.ok_or(AppError::SignedOut)
    }

    /// The live session in `O`'s realm, if the request has one. An ended
    /// one is removed.
    pub async fn session_in<O: SignsIn>(&self) -> Result<Option<Session<O>>, AppError> {
        let realm = O::REALM;
        let Some(id_hash) = self.session_hash(realm) else {
            return Ok(None);
        };
        let store = &self.state.store;
        let Some(record) = store.session::<O>(&id_hash).await? else {
            return Ok(None);
        };
        let now = self.now;
        if now >= record.expires_at || now - record.last_seen_at >= self.state.sessions.idle {
            store.end_session(realm, &id_hash).await?;
            return Ok(None);
        }
        if now - record.last_seen_at >= TOUCH_EVERY {
            store.touch_session(realm, &id_hash, now).await?;
        }
        Ok(Some(Session {
            owner: record.owner,
            id_hash,
        }))
    }

    /// Starts a session for `owner` with a new id (ending the one the
    /// request came with, so ids never carry over a sign-in).
    pub async fn start_session<O: SignsIn>(&self, owner: O) -> Result<(), AppError> {
        let realm = O::REALM;
        if let Some(old) = self.session_hash(realm) {
            self.state.store.end_session(realm, &old).await?;
        }
        let id = new_session_id();
        let policy = &self.state.sessions;
        let now = self.now;
        let id_hash = self.state.secret.keyed_hash("session", &id);
        self.state
            .store
            .create_session(&id_hash, owner, now + policy.max, &self.client, now)
            .await?;
        self.change_session(SessionChange::Started {
            realm,
            token: id,
            max_age: policy.max,
        });
        Ok(())
    }

    /// Ends this request's session and clears the cookie.
    pub async fn end_session<O: SignsIn>(&self, session: &Session<O>) -> Result<(), AppError> {
        self.state
            .store
            .end_session(O::REALM, &session.id_hash)
            .await?;
        self.forget_session(O::REALM);
        Ok(())
    }

    /// Ends every session of the account or staff member (this one included).
    pub async fn end_all_sessions<O: SignsIn>(
        &self,
        owner: O,
        actor: &str,
        action: &str,
    ) -> Result<(), AppError> {
        let event = AuditEvent {
            actor,
            patient_id: None,
            action,
            outcome: "all sessions ended",
            client_addr: Some(&self.client),
        };
        self.state
            .store
            .end_sessions_of(owner, &event, self.now)
            .await?;
        Ok(())
    }

    /// Tells the caller to forget its session token in `realm`.
    pub fn forget_session(&self, realm: Realm) {
        self.change_session(SessionChange::Ended { realm });
    }
}
