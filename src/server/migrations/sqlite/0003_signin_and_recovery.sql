-- Sign-in, sessions, account recovery, email changes, and the old portal's
-- usernames.

-- Failed sign-ins since the last success: they slow further tries down and
-- then lock the account for a while.
ALTER TABLE accounts ADD COLUMN failed_signins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN last_failed_signin_at INTEGER;
ALTER TABLE accounts ADD COLUMN locked_until INTEGER;

-- Sessions, stored on the server so every server knows them. The cookie
-- holds a random id; the table holds only its keyed hash.
CREATE TABLE sessions (
    id_hash         TEXT    PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    client_addr     TEXT
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- One-time codes to reset a password, emailed to the account's address.
CREATE TABLE reset_codes (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    failed_tries    INTEGER NOT NULL DEFAULT 0,
    used_at         INTEGER,
    voided_at       INTEGER
);
CREATE INDEX reset_codes_by_account ON reset_codes (account_id, id);

-- A new email address waiting for its confirmation code.
CREATE TABLE email_changes (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    new_email       TEXT    NOT NULL,
    code_hash       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    failed_tries    INTEGER NOT NULL DEFAULT 0,
    used_at         INTEGER,
    voided_at       INTEGER
);
CREATE INDEX email_changes_by_account ON email_changes (account_id, id);

-- Usernames from the previous portal, for the notice that they do not
-- carry over. username_key is the lower-cased username.
CREATE TABLE old_portal_users (
    username_key    TEXT    PRIMARY KEY,
    username        TEXT    NOT NULL,
    mrn             TEXT    NOT NULL,
    imported_at     INTEGER NOT NULL
);
