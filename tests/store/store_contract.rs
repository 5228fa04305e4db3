//! One contract for the store, run against SQLite and against PostgreSQL:
//! the same calls must behave the same on both.

use crate::common::{Db, PgDatabase, join_all};
use frontdesk::server::store::{
    AccessCodeId, AuditEvent, AuditQuery, CodeTable, DatabaseOptions, IssueCode, NewAccount,
    NewPatient, PatientId, PatientRecord, RedeemConflict, Removed, Store,
};
use frontdesk::words::Language;

const NOW: i64 = 1_796_000_000; // 2026-11-30 (UTC), give or take

/// Keeps a test's database until the test ends; dropping it removes it.
struct Fresh {
    _dir: Option<tempfile::TempDir>,
    _postgres: Option<PgDatabase>,
    /// The database, for a test that goes around the store.
    url: String,
}

impl Fresh {
    /// A connection that bypasses the store, as someone with database access.
    async fn raw(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.url)
            .await
            .expect("raw connection")
    }
}

async fn open(db: Db) -> (Store, Fresh) {
    let (database, guard) = match db {
        Db::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("store.db").display().to_string();
            (
                path.clone(),
                Fresh {
                    _dir: Some(dir),
                    _postgres: None,
                    url: format!("sqlite://{path}"),
                },
            )
        }
        _ => {
            let db = PgDatabase::create().await;
            let url = db.url.clone();
            (
                url.clone(),
                Fresh {
                    _dir: None,
                    _postgres: Some(db),
                    url,
                },
            )
        }
    };
    let store = Store::open(&DatabaseOptions::new(&database))
        .await
        .expect("store opens");
    (store, guard)
}

/// A code for `patient_id` stored under `hash`, replacing older ones.
fn issue(patient_id: PatientId, hash: &str, expires_at: i64) -> IssueCode<'_> {
    IssueCode {
        patient_id,
        code_hash: hash,
        issued_by: "test",
        expires_at,
        replace_older: true,
        how: "test",
        email: None,
        sent_to: None,
        client_addr: None,
    }
}

fn patient(mrn: &str, last: &str) -> NewPatient {
    NewPatient {
        record: PatientRecord {
            mrn: mrn.into(),
            first_name: "Zoë".into(),
            middle_name: String::new(),
            last_name: last.into(),
            date_of_birth: "1990-02-28".into(),
            legal_sex: "F".into(),
            street: "1 Main St".into(),
            city: "Albany".into(),
            state: "NY".into(),
            zip: "12207-1234".into(),
            mobile_phone: None,
            email: Some("zoe@example.com".into()),
            emancipated: false,
            language: Some("es".into()),
        },
        guardians: Vec::new(),
        other_names: Vec::new(),
    }
}

fn account<'a>(
    code_id: AccessCodeId,
    patient_id: PatientId,
    username: &'a str,
    key: &'a str,
) -> NewAccount<'a> {
    NewAccount {
        code_id,
        patient_id,
        username,
        username_key: key,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y",
        email: Some("zoe@example.com"),
        to_confirm: None,
        client_addr: "203.0.113.9",
        language: Language::En,
    }
}

on_both_databases!(
    patients_round_trip,
    codes_are_found_by_hash_and_replaced,
    wrong_tries_are_counted_exactly_and_void_at_the_limit,
    redemption_is_all_or_nothing,
    concurrent_redemptions_make_one_account,
    usernames_are_unique_ignoring_case,
    failure_counters_add_up_under_concurrency,
    audit_events_are_stored,
    the_audit_log_is_an_append_only_verified_chain,
    the_chain_check_goes_on_from_its_checkpoint,
    servers_checking_the_chain_together_leave_one_good_checkpoint,
);

async fn patients_round_trip(db: Db) {
    let (store, _guard) = open(db).await;
    let id = store
        .insert_patient(&patient("A1", "Ångström-O'Neil"), NOW)
        .await
        .unwrap();
    assert!(id.is_some());
    // The same MRN again changes nothing.
    assert_eq!(
        store
            .insert_patient(&patient("A1", "Other"), NOW)
            .await
            .unwrap(),
        None
    );
    let found = store.patient_by_mrn("A1").await.unwrap().expect("found");
    assert_eq!(Some(found.id), id);
    assert_eq!(found.record.last_name, "Ångström-O'Neil");
    assert_eq!(found.record.first_name, "Zoë");
    assert_eq!(found.record.zip, "12207-1234");
    assert_eq!(found.record.mobile_phone, None);
    assert_eq!(store.count_patients().await.unwrap(), 1);
    assert!(store.patient_by_mrn("nope").await.unwrap().is_none());
    store.close().await;
}

async fn codes_are_found_by_hash_and_replaced(db: Db) {
    let (store, _guard) = open(db).await;
    let pid = store
        .insert_patient(&patient("A1", "Lee"), NOW)
        .await
        .unwrap()
        .unwrap();
    store
        .issue_code(&issue(pid, "hash-1", NOW + 86_400), NOW)
        .await
        .unwrap();
    let first = store.code_by_hash("hash-1").await.unwrap().expect("found");
    assert_eq!(
        (first.patient_id, first.expires_at, first.failed_tries),
        (pid, NOW + 86_400, 0)
    );
    assert_eq!(
        (first.used_at, first.voided_at, first.accounts),
        (None, None, 0)
    );
    assert_eq!(first.date_of_birth, "1990-02-28");
    // A newer code voids the older one.
    store
        .issue_code(&issue(pid, "hash-2", NOW + 86_400), NOW + 1)
        .await
        .unwrap();
    assert_eq!(
        store
            .code_by_hash("hash-1")
            .await
            .unwrap()
            .unwrap()
            .voided_at,
        Some(NOW + 1)
    );
    assert_eq!(
        store
            .code_by_hash("hash-2")
            .await
            .unwrap()
            .unwrap()
            .voided_at,
        None
    );
    assert!(store.code_by_hash("hash-3").await.unwrap().is_none());
    store.close().await;
}

async fn wrong_tries_are_counted_exactly_and_void_at_the_limit(db: Db) {
    let (store, _guard) = open(db).await;
    let pid = store
        .insert_patient(&patient("A1", "Lee"), NOW)
        .await
        .unwrap()
        .unwrap();
    store
        .issue_code(&issue(pid, "h", NOW + 86_400), NOW)
        .await
        .unwrap();
    let id = store.code_by_hash("h").await.unwrap().unwrap().id.0;
    let table = CodeTable::AccessCodes;
    // Twelve wrong tries at once against five allowed: exactly five are
    // counted and the code ends at the fifth, as one after another would.
    let tries = join_all((0..12).map(|_| store.record_code_try(table, id, 5, NOW + 9))).await;
    let mut counts: Vec<i64> = tries.into_iter().filter_map(|t| t.unwrap()).collect();
    counts.sort();
    assert_eq!(counts, vec![1, 2, 3, 4, 5]);
    let code = store.code_by_hash("h").await.unwrap().unwrap();
    assert_eq!((code.failed_tries, code.voided_at), (5, Some(NOW + 9)));
    // Nothing more is counted on a voided code.
    assert_eq!(
        store.record_code_try(table, id, 5, NOW + 10).await.unwrap(),
        None
    );
    store.close().await;
}

async fn redemption_is_all_or_nothing(db: Db) {
    let (store, _guard) = open(db).await;
    let pid = store
        .insert_patient(&patient("A1", "Lee"), NOW)
        .await
        .unwrap()
        .unwrap();
    store
        .issue_code(&issue(pid, "h", NOW + 100), NOW)
        .await
        .unwrap();
    let code_id = store.code_by_hash("h").await.unwrap().unwrap().id;
    // Expired (time is compared as UTC seconds on both): nothing is written.
    let expired = store
        .redeem_code(&account(code_id, pid, "zoe.lee", "zoe.lee"), NOW + 100)
        .await
        .unwrap();
    assert_eq!(expired, Err(RedeemConflict::CodeNoLongerValid));
    assert!(!store.patient_has_account(pid).await.unwrap());
    assert_eq!(
        store.code_by_hash("h").await.unwrap().unwrap().used_at,
        None
    );

    let created = store
        .redeem_code(&account(code_id, pid, "zoe.lee", "zoe.lee"), NOW + 99)
        .await
        .unwrap();
    assert!(created.is_ok());
    let code = store.code_by_hash("h").await.unwrap().unwrap();
    assert_eq!((code.used_at, code.accounts), (Some(NOW + 99), 1));
    assert!(store.patient_has_account(pid).await.unwrap());
    // The account keeps the language it was made in, over its record's
    // (Spanish); a later choice replaces it.
    let held = store
        .account_by_username("zoe.lee")
        .await
        .unwrap()
        .expect("the new account");
    let writes_in = |a: &frontdesk::server::store::Account, asking| {
        a.mail_to(asking)
            .map(|to| (to.address.to_string(), to.language))
    };
    assert_eq!(held.chosen_language(), Some(Language::En));
    assert_eq!(
        writes_in(&held, Some(Language::Es)),
        Some(("zoe@example.com".into(), Language::En))
    );
    store
        .set_account_language(held.id, Language::Es)
        .await
        .unwrap();
    let held = store.account_by_id(held.id).await.unwrap().unwrap();
    assert_eq!(held.chosen_language(), Some(Language::Es));
    assert_eq!(
        writes_in(&held, None),
        Some(("zoe@example.com".into(), Language::Es))
    );
    assert_eq!(
        store.account_by_patient(pid).await.unwrap().map(|a| a.id),
        Some(held.id)
    );
    // Used: a second redemption changes nothing.
    let again = store
        .redeem_code(&account(code_id, pid, "zoe.lee2", "zoe.lee2"), NOW + 99)
        .await
        .unwrap();
    assert_eq!(again, Err(RedeemConflict::CodeNoLongerValid));

    // A second code for a patient who has an account: refused, and the code stays unused.
    store
        .issue_code(&issue(pid, "h2", NOW + 100), NOW)
        .await
        .unwrap();
    let second = store.code_by_hash("h2").await.unwrap().unwrap().id;
    let refused = store
        .redeem_code(&account(second, pid, "zoe.other", "zoe.other"), NOW + 1)
        .await
        .unwrap();
    assert_eq!(refused, Err(RedeemConflict::AccountExists));
    assert_eq!(
        store.code_by_hash("h2").await.unwrap().unwrap().used_at,
        None
    );
    store.close().await;
}

async fn concurrent_redemptions_make_one_account(db: Db) {
    let (store, _guard) = open(db).await;
    let pid = store
        .insert_patient(&patient("A1", "Lee"), NOW)
        .await
        .unwrap()
        .unwrap();
    store
        .issue_code(&issue(pid, "h", NOW + 100), NOW)
        .await
        .unwrap();
    let code_id = store.code_by_hash("h").await.unwrap().unwrap().id;
    let names: Vec<String> = (0..20).map(|i| format!("racer{i}")).collect();
    let results = join_all((0..20).map(|i| {
        let new = account(code_id, pid, &names[i], &names[i]);
        let store = &store;
        async move { store.redeem_code(&new, NOW + 1).await }
    }))
    .await;
    let wins = results.iter().filter(|r| matches!(r, Ok(Ok(_)))).count();
    let losses = results
        .iter()
        .filter(|r| matches!(r, Ok(Err(RedeemConflict::CodeNoLongerValid))))
        .count();
    assert_eq!((wins, losses), (1, 19), "{results:?}");
    store.close().await;
}

async fn usernames_are_unique_ignoring_case(db: Db) {
    let (store, _guard) = open(db).await;
    let a = store
        .insert_patient(&patient("A1", "Lee"), NOW)
        .await
        .unwrap()
        .unwrap();
    let b = store
        .insert_patient(&patient("B2", "Kim"), NOW)
        .await
        .unwrap()
        .unwrap();
    store
        .issue_code(&issue(a, "ha", NOW + 100), NOW)
        .await
        .unwrap();
    store
        .issue_code(&issue(b, "hb", NOW + 100), NOW)
        .await
        .unwrap();
    let ca = store.code_by_hash("ha").await.unwrap().unwrap().id;
    let cb = store.code_by_hash("hb").await.unwrap().unwrap().id;
    assert!(
        store
            .redeem_code(&account(ca, a, "Same.Name", "same.name"), NOW)
            .await
            .unwrap()
            .is_ok()
    );
    assert!(store.username_taken("same.name").await.unwrap());
    let clash = store
        .redeem_code(&account(cb, b, "SAME.NAME", "same.name"), NOW)
        .await
        .unwrap();
    assert_eq!(clash, Err(RedeemConflict::UsernameTaken));
    // The failed attempt rolled back: B's code is still unused.
    assert_eq!(
        store.code_by_hash("hb").await.unwrap().unwrap().used_at,
        None
    );
    store.close().await;
}

async fn failure_counters_add_up_under_concurrency(db: Db) {
    let (store, _guard) = open(db).await;
    let window = NOW - NOW % 900;
    let subject = "198.51.100.7";
    let ends = window + 900;
    // 25 attempts at once against a limit of 10: exactly 10 are counted,
    // as if they had come one after another.
    let takes = (0..25).map(|_| store.take_one("access-code", subject, window, ends, 10));
    let results = join_all(takes).await;
    let taken = results
        .iter()
        .map(|r| r.as_ref().copied().expect("no database error"))
        .filter(|&t| t)
        .count();
    assert_eq!(taken, 10);
    let counted = |subject: &'static str, window: i64| {
        let store = store.clone();
        async move { store.counted("access-code", subject, window).await.unwrap() }
    };
    assert_eq!(counted(subject, window).await, 10);
    // A success gives its attempt back, and makes room for one more.
    store
        .give_back_one("access-code", subject, window)
        .await
        .unwrap();
    assert_eq!(counted(subject, window).await, 9);
    assert!(
        store
            .take_one("access-code", subject, window, ends, 10)
            .await
            .unwrap()
    );
    assert_eq!(counted("198.51.100.8", window).await, 0);
    assert_eq!(counted(subject, window + 900).await, 0);
    // The retention job deletes a counter once its window ends, and only then;
    // a second server running it at the same time finds nothing more.
    assert!(
        store
            .take_one("access-code", subject, window + 900, window + 1800, 10)
            .await
            .unwrap()
    );
    assert_eq!(
        store.remove_dead(window + 899, 1800).await.unwrap(),
        Removed::default()
    );
    let removed = join_all([
        store.remove_dead(window + 900, 1800),
        store.remove_dead(window + 900, 1800),
    ])
    .await;
    let counters: Vec<u64> = removed
        .iter()
        .map(|r| r.as_ref().unwrap().counters)
        .collect();
    assert_eq!(counters.iter().sum::<u64>(), 1, "{counters:?}");
    assert_eq!(counted(subject, window).await, 0);
    assert_eq!(counted(subject, window + 900).await, 1);
    store.close().await;
}

async fn audit_events_are_stored(db: Db) {
    let (store, guard) = open(db).await;
    let pid = store
        .insert_patient(&patient("A1", "Lee"), NOW)
        .await
        .unwrap()
        .unwrap();
    let event = AuditEvent {
        actor: "anonymous",
        patient_id: Some(pid),
        action: "code.verify",
        outcome: "wrong date of birth — try 2 of 5",
        client_addr: Some("2001:db8::9"),
    };
    store.audit(NOW, &event).await.unwrap();
    store
        .audit(
            NOW + 1,
            &AuditEvent {
                actor: "staff:dana.help",
                patient_id: None,
                action: "staff.signin",
                outcome: "ok",
                client_addr: None,
            },
        )
        .await
        .unwrap();

    // Read back as the console reads them, oldest first: every field as written.
    let page = store
        .audit_page(&AuditQuery {
            mrn: "",
            actor: "",
            action: "",
            from: None,
            until: None,
            order_by: "at",
            ascending: true,
            limit: 10,
            offset: 0,
        })
        .await
        .unwrap();
    assert_eq!(page.total, 2);
    let read: Vec<_> = page
        .rows
        .iter()
        .map(|r| {
            (
                r.at,
                r.actor.as_str(),
                r.mrn.as_deref(),
                r.action.as_str(),
                r.outcome.as_str(),
                r.client_addr.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                NOW,
                "anonymous",
                Some("A1"),
                "code.verify",
                "wrong date of birth — try 2 of 5",
                Some("2001:db8::9"),
            ),
            (NOW + 1, "staff:dana.help", None, "staff.signin", "ok", None),
        ]
    );
    // The patient is stored by id (the console shows the MRN through it).
    let raw = guard.raw().await;
    let patients: Vec<Option<PatientId>> =
        sqlx::query_scalar("SELECT patient_id FROM audit_log ORDER BY id")
            .fetch_all(&raw)
            .await
            .unwrap();
    assert_eq!(patients, [Some(pid), None]);
    // The patient filter finds the first alone.
    let by_patient = store
        .audit_page(&AuditQuery {
            mrn: "A1",
            actor: "",
            action: "",
            from: None,
            until: None,
            order_by: "at",
            ascending: true,
            limit: 10,
            offset: 0,
        })
        .await
        .unwrap();
    assert_eq!(by_patient.total, 1);
    assert_eq!(by_patient.rows[0].action, "code.verify");
    raw.close().await;
    store.close().await;
}

async fn the_audit_log_is_an_append_only_verified_chain(db: Db) {
    let (store, guard) = open(db).await;
    let store = store.with_audit_key(b"test audit key");
    let outcomes: Vec<String> = (0..12).map(|i| format!("event {i}")).collect();
    // Written concurrently, the links still form one chain.
    join_all(outcomes.iter().map(|outcome| {
        let store = store.clone();
        async move {
            let event = AuditEvent {
                actor: "anonymous",
                patient_id: None,
                action: "test",
                outcome,
                client_addr: Some("203.0.113.9"),
            };
            store.audit(NOW, &event).await.unwrap();
        }
    }))
    .await;
    let report = store.verify_audit_chain().await.unwrap();
    assert_eq!((report.chained, report.broken), (12, None));

    // The database itself refuses changes.
    let raw = guard.raw().await;
    for sql in [
        "UPDATE audit_log SET outcome = 'nothing happened' WHERE seq = 3",
        "DELETE FROM audit_log WHERE seq = 3",
    ] {
        let refused = sqlx::query(sql).execute(&raw).await;
        assert!(
            refused.is_err_and(|e| e.to_string().contains("append-only")),
            "{sql}"
        );
    }

    // Someone who removes the guard and edits an entry is found out.
    let drop_guards: &[&str] = if db == Db::Sqlite {
        &[
            "DROP TRIGGER audit_log_no_update",
            "DROP TRIGGER audit_log_no_delete",
        ]
    } else {
        &["DROP TRIGGER audit_log_no_change ON audit_log"]
    };
    for sql in drop_guards {
        sqlx::query(sql).execute(&raw).await.unwrap();
    }
    let id_at = |seq: i64| {
        let raw = raw.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT id FROM audit_log WHERE seq = $1")
                .bind(seq)
                .fetch_one(&raw)
                .await
                .unwrap()
        }
    };
    let third = id_at(3).await;
    let original: String = sqlx::query_scalar("SELECT outcome FROM audit_log WHERE seq = 3")
        .fetch_one(&raw)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET outcome = 'nothing happened' WHERE seq = 3")
        .execute(&raw)
        .await
        .unwrap();
    let broken = store.verify_audit_chain().await.unwrap();
    assert_eq!(broken.chained, 2);
    let link = broken.broken.expect("the edit is found");
    assert_eq!(link.entry, third);
    assert_eq!(link.reason, "its contents were changed");

    // Put back, it verifies again; a removed entry breaks the next one.
    sqlx::query("UPDATE audit_log SET outcome = $1 WHERE seq = 3")
        .bind(&original)
        .execute(&raw)
        .await
        .unwrap();
    assert_eq!(store.verify_audit_chain().await.unwrap().broken, None);
    let fifth = id_at(5).await;
    sqlx::query("DELETE FROM audit_log WHERE seq = 4")
        .execute(&raw)
        .await
        .unwrap();
    let link = store.verify_audit_chain().await.unwrap().broken.unwrap();
    assert_eq!(link.entry, fifth);

    // So does removing the newest entry, and so does another key.
    let store = store.with_audit_key(b"another key");
    let first = id_at(1).await;
    let link = store.verify_audit_chain().await.unwrap().broken.unwrap();
    assert_eq!(
        (link.entry, link.reason.as_str()),
        (first, "its contents were changed")
    );
    let store = store.with_audit_key(b"test audit key");
    sqlx::query("DELETE FROM audit_log WHERE seq >= 4")
        .execute(&raw)
        .await
        .unwrap();
    let link = store.verify_audit_chain().await.unwrap().broken.unwrap();
    assert_eq!(
        (link.entry, link.reason.as_str()),
        (third, "entries after it were removed")
    );
    raw.close().await;
    store.close().await;
}

/// Appends `n` events, each its own transaction.
async fn append(store: &Store, n: usize) {
    for i in 0..n {
        let outcome = format!("event {i}");
        let event = AuditEvent {
            actor: "anonymous",
            patient_id: None,
            action: "test",
            outcome: &outcome,
            client_addr: Some("203.0.113.9"),
        };
        store.audit(NOW, &event).await.unwrap();
    }
}

/// The checkpoint as stored: (seq, entry id).
async fn checkpoint(raw: &sqlx::AnyPool) -> (i64, i64) {
    sqlx::query_as("SELECT seq, entry_id FROM audit_checkpoint WHERE id = 1")
        .fetch_one(raw)
        .await
        .unwrap()
}

async fn drop_update_guard(db: Db, raw: &sqlx::AnyPool) {
    let sql = if db == Db::Sqlite {
        "DROP TRIGGER audit_log_no_update"
    } else {
        "DROP TRIGGER audit_log_no_change ON audit_log"
    };
    sqlx::query(sql).execute(raw).await.unwrap();
}

async fn the_chain_check_goes_on_from_its_checkpoint(db: Db) {
    let (store, guard) = open(db).await;
    let store = store.with_audit_key(b"test audit key");
    let raw = guard.raw().await;
    let id_at = |seq: i64| {
        let raw = raw.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT id FROM audit_log WHERE seq = $1")
                .bind(seq)
                .fetch_one(&raw)
                .await
                .unwrap()
        }
    };
    append(&store, 5).await;
    let report = store.verify_audit_since_checkpoint().await.unwrap();
    assert_eq!((report.chained, report.broken), (5, None));
    assert_eq!(checkpoint(&raw).await, (5, id_at(5).await));
    append(&store, 3).await;
    let report = store.verify_audit_since_checkpoint().await.unwrap();
    assert_eq!((report.chained, report.broken), (8, None));
    assert_eq!(checkpoint(&raw).await, (8, id_at(8).await));

    // A change before the checkpoint is the full check's to find.
    drop_update_guard(db, &raw).await;
    let change = |seq: i64, outcome: &'static str| {
        let raw = raw.clone();
        async move {
            sqlx::query("UPDATE audit_log SET outcome = $1 WHERE seq = $2")
                .bind(outcome)
                .bind(seq)
                .execute(&raw)
                .await
                .unwrap();
        }
    };
    change(2, "nothing happened").await;
    assert_eq!(
        store.verify_audit_since_checkpoint().await.unwrap().broken,
        None
    );
    let full = store.verify_audit_chain().await.unwrap();
    assert_eq!(full.broken.expect("found").entry, id_at(2).await);
    change(2, "event 1").await;

    // A change after it is found, and the checkpoint stays before it.
    append(&store, 2).await;
    change(10, "nothing happened").await;
    let report = store.verify_audit_since_checkpoint().await.unwrap();
    let link = report.broken.expect("the change is found");
    assert_eq!(
        (link.entry, link.reason.as_str()),
        (id_at(10).await, "its contents were changed")
    );
    assert_eq!(report.chained, 9);
    assert_eq!(checkpoint(&raw).await, (9, id_at(9).await));
    change(10, "event 1").await;
    let report = store.verify_audit_since_checkpoint().await.unwrap();
    assert_eq!((report.chained, report.broken), (10, None));
    assert_eq!(checkpoint(&raw).await, (10, id_at(10).await));

    // Nobody without the key can move the checkpoint past a change: a
    // checkpoint that is not sealed under it means starting over.
    change(3, "nothing happened").await;
    sqlx::query("UPDATE audit_checkpoint SET seal = 'forged'")
        .execute(&raw)
        .await
        .unwrap();
    let link = store.verify_audit_since_checkpoint().await.unwrap().broken;
    assert_eq!(link.expect("found from the start").entry, id_at(3).await);
    assert_eq!(checkpoint(&raw).await, (2, id_at(2).await));
    change(3, "event 2").await;
    let other_key = store.clone().with_audit_key(b"another key");
    let link = other_key
        .verify_audit_since_checkpoint()
        .await
        .unwrap()
        .broken;
    assert_eq!(link.expect("another key's chain").entry, id_at(1).await);
    raw.close().await;
    store.close().await;
}

async fn servers_checking_the_chain_together_leave_one_good_checkpoint(db: Db) {
    let (first, guard) = open(db).await;
    let first = first.with_audit_key(b"test audit key");
    let second = Store::open(&DatabaseOptions::new(&guard.url))
        .await
        .unwrap()
        .with_audit_key(b"test audit key");
    append(&first, 3).await;
    // Two servers check while both append: no check sees a broken chain.
    let work = [first.clone(), second.clone()].map(|store| async move {
        for _ in 0..10 {
            append(&store, 2).await;
            let report = store.verify_audit_since_checkpoint().await.unwrap();
            assert_eq!(report.broken, None, "{report:?}");
        }
    });
    join_all(work).await;
    let report = second.verify_audit_since_checkpoint().await.unwrap();
    assert_eq!((report.chained, report.broken), (43, None));
    let raw = guard.raw().await;
    let newest: (i64, i64) = sqlx::query_as("SELECT seq, id FROM audit_log WHERE seq = 43")
        .fetch_one(&raw)
        .await
        .unwrap();
    assert_eq!(checkpoint(&raw).await, newest);
    assert_eq!(first.verify_audit_chain().await.unwrap().broken, None);
    raw.close().await;
    first.close().await;
    second.close().await;
}
