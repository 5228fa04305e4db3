-- Self-signup without a code, emailed verification codes, medical records
-- requests, and the outbox every email goes through.

-- A self-signup the system could not verify (or a person's details kept
-- while they prove their email): what they typed, and where it stands.
CREATE TABLE signup_requests (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    first_name      TEXT    NOT NULL,
    middle_name     TEXT    NOT NULL DEFAULT '',
    last_name       TEXT    NOT NULL,
    date_of_birth   TEXT    NOT NULL,
    legal_sex       TEXT    NOT NULL,
    street          TEXT    NOT NULL,
    city            TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    zip             TEXT    NOT NULL,
    mobile_phone    TEXT    NOT NULL,
    email           TEXT    NOT NULL,
    -- received, under_review, code_sent_email, code_sent_mail, closed
    status          TEXT    NOT NULL,
    status_reason   TEXT    NOT NULL DEFAULT '',
    patient_id      INTEGER REFERENCES patients (id),
    created_at      INTEGER NOT NULL,
    promised_by     INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    client_addr     TEXT
);
CREATE INDEX signup_requests_by_status ON signup_requests (status, created_at);

-- Six-digit codes emailed to the address on a patient's record, proving the
-- person controls it. Stored only as keyed hashes.
CREATE TABLE email_codes (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL REFERENCES patients (id),
    code_hash       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    failed_tries    INTEGER NOT NULL DEFAULT 0,
    used_at         INTEGER,
    voided_at       INTEGER
);
CREATE INDEX email_codes_by_patient ON email_codes (patient_id, created_at);

-- Requests for copies of medical records, from people without an email.
CREATE TABLE records_requests (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    first_name      TEXT    NOT NULL,
    middle_name     TEXT    NOT NULL DEFAULT '',
    last_name       TEXT    NOT NULL,
    date_of_birth   TEXT    NOT NULL,
    street          TEXT    NOT NULL,
    city            TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    zip             TEXT    NOT NULL,
    phone           TEXT    NOT NULL,
    records_wanted  TEXT    NOT NULL,
    dates_from      TEXT    NOT NULL,
    dates_to        TEXT    NOT NULL,
    delivery        TEXT    NOT NULL,
    signature       TEXT    NOT NULL,
    signed_on       TEXT    NOT NULL,
    -- received, in_progress, completed
    status          TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    client_addr     TEXT
);

-- Every email, written in the same transaction as the change that causes
-- it, then delivered by a sender that claims it with a lease. message_id is
-- the RFC 5322 Message-ID, the same on every try.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT    NOT NULL UNIQUE,
    to_addr         TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    locked_until    INTEGER,
    sent_at         INTEGER,
    sent_via        TEXT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);
