-- Proxy access: requests to act for another patient, and the grants that
-- let an account open another patient's record.

-- status: granted, refused, review (help desk), patient (waiting for the
-- adult patient's approval as well), approved, denied.
CREATE TABLE proxy_requests (
    id                      INTEGER PRIMARY KEY,
    reference               TEXT    NOT NULL UNIQUE,
    requester_account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    patient_id              INTEGER REFERENCES patients (id),
    first_name              TEXT    NOT NULL,
    last_name               TEXT    NOT NULL,
    date_of_birth           TEXT    NOT NULL,
    relationship            TEXT    NOT NULL,
    document_reference      TEXT    NOT NULL DEFAULT '',
    details                 TEXT    NOT NULL DEFAULT '',
    status                  TEXT    NOT NULL,
    reason                  TEXT    NOT NULL DEFAULT '',
    rule                    TEXT    NOT NULL,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    client_addr             TEXT
);
CREATE INDEX proxy_requests_by_status ON proxy_requests (status, created_at);
CREATE INDEX proxy_requests_by_requester ON proxy_requests (requester_account_id);

-- by_law: a parent's or guardian's access to a minor, which the minor
-- cannot end; it ends at the age of majority (ends_at) or on emancipation.
CREATE TABLE proxy_grants (
    id                      INTEGER PRIMARY KEY,
    patient_id              INTEGER NOT NULL REFERENCES patients (id),
    grantee_account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    relationship            TEXT    NOT NULL,
    scope                   TEXT    NOT NULL CHECK (scope IN ('full', 'limited')),
    by_law                  INTEGER NOT NULL,
    rule                    TEXT    NOT NULL,
    request_id              INTEGER REFERENCES proxy_requests (id),
    starts_at               INTEGER NOT NULL,
    ends_at                 INTEGER NOT NULL,
    ended_at                INTEGER,
    end_reason              TEXT
);
CREATE INDEX proxy_grants_by_grantee ON proxy_grants (grantee_account_id, ended_at);
CREATE INDEX proxy_grants_by_patient ON proxy_grants (patient_id, ended_at);
