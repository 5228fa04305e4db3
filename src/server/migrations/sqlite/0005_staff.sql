-- Staff of the help desk and the clinics, and their sessions. Separate from
-- patients' accounts and sessions, so neither can act as the other.

-- role: agent (help desk), clinic (clinic staff) or admin. A new member has
-- no password until they use the one-time setup code `staff add` printed.
CREATE TABLE staff (
    id                      INTEGER PRIMARY KEY,
    username                TEXT    NOT NULL,
    username_key            TEXT    NOT NULL UNIQUE,
    role                    TEXT    NOT NULL CHECK (role IN ('agent', 'clinic', 'admin')),
    password_hash           TEXT,
    setup_code_hash         TEXT,
    setup_expires_at        INTEGER,
    failed_signins          INTEGER NOT NULL DEFAULT 0,
    last_failed_signin_at   INTEGER,
    locked_until            INTEGER,
    created_at              INTEGER NOT NULL
);

CREATE TABLE staff_sessions (
    id_hash         TEXT    PRIMARY KEY,
    staff_id        INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    client_addr     TEXT
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);
