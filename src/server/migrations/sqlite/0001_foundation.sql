-- Front Desk schema, first version. Portable SQL: the PostgreSQL migrations
-- mirror this file with their own types. Times are Unix seconds (UTC);
-- dates of birth are 'YYYY-MM-DD' text; flags are 0/1 integers.

-- The records the health system already holds.
CREATE TABLE patients (
    id              INTEGER PRIMARY KEY,
    mrn             TEXT    NOT NULL UNIQUE,
    first_name      TEXT    NOT NULL,
    middle_name     TEXT    NOT NULL DEFAULT '',
    last_name       TEXT    NOT NULL,
    date_of_birth   TEXT    NOT NULL,
    legal_sex       TEXT    NOT NULL,
    street          TEXT    NOT NULL,
    city            TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    zip             TEXT    NOT NULL,
    mobile_phone    TEXT,
    email           TEXT,
    emancipated     INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
);
CREATE INDEX patients_by_birth_and_name ON patients (date_of_birth, last_name);

-- Parents and guardians listed on a patient's record.
CREATE TABLE patient_guardians (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    full_name       TEXT    NOT NULL,
    relationship    TEXT    NOT NULL,
    phone           TEXT,
    email           TEXT
);
CREATE INDEX patient_guardians_by_patient ON patient_guardians (patient_id);

-- Portal accounts; one per patient. username_key is the lower-cased username.
CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL UNIQUE REFERENCES patients (id),
    username        TEXT    NOT NULL,
    username_key    TEXT    NOT NULL UNIQUE,
    password_hash   TEXT    NOT NULL,
    email           TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);

-- Access codes, stored only as keyed hashes.
CREATE TABLE access_codes (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL REFERENCES patients (id),
    code_hash       TEXT    NOT NULL UNIQUE,
    issued_at       INTEGER NOT NULL,
    issued_by       TEXT    NOT NULL,
    expires_at      INTEGER NOT NULL,
    failed_tries    INTEGER NOT NULL DEFAULT 0,
    used_at         INTEGER,
    account_id      INTEGER REFERENCES accounts (id),
    voided_at       INTEGER,
    void_reason     TEXT
);
CREATE INDEX access_codes_by_patient ON access_codes (patient_id);

-- Failure counters for rate limits, in fixed windows, shared by all servers.
CREATE TABLE failure_counters (
    scope           TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    window_start    INTEGER NOT NULL,
    failures        INTEGER NOT NULL,
    PRIMARY KEY (scope, subject, window_start)
);

-- Security-relevant events. Never holds a secret.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    patient_id      INTEGER REFERENCES patients (id),
    action          TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    client_addr     TEXT
);
CREATE INDEX audit_log_by_patient ON audit_log (patient_id, at);
