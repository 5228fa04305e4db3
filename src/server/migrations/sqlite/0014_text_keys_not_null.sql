-- A TEXT PRIMARY KEY column accepts NULL in SQLite (a quirk kept for
-- compatibility, unlike PostgreSQL, where these keys are NOT NULL; the schema
-- parity test found the difference). The three tables with such a key are
-- rebuilt with it NOT NULL, keeping their rows and indexes. No other table
-- refers to them, and the server never writes a NULL key (a row without
-- one could never be found, so none is carried over).

CREATE TABLE sessions_rebuilt (
    id_hash         TEXT    NOT NULL PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    client_addr     TEXT
);
INSERT INTO sessions_rebuilt (id_hash, account_id, created_at, last_seen_at, expires_at, client_addr)
    SELECT id_hash, account_id, created_at, last_seen_at, expires_at, client_addr
    FROM sessions WHERE id_hash IS NOT NULL;
DROP TABLE sessions;
ALTER TABLE sessions_rebuilt RENAME TO sessions;
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE staff_sessions_rebuilt (
    id_hash         TEXT    NOT NULL PRIMARY KEY,
    staff_id        INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    client_addr     TEXT
);
INSERT INTO staff_sessions_rebuilt (id_hash, staff_id, created_at, last_seen_at, expires_at, client_addr)
    SELECT id_hash, staff_id, created_at, last_seen_at, expires_at, client_addr
    FROM staff_sessions WHERE id_hash IS NOT NULL;
DROP TABLE staff_sessions;
ALTER TABLE staff_sessions_rebuilt RENAME TO staff_sessions;
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

CREATE TABLE old_portal_users_rebuilt (
    username_key    TEXT    NOT NULL PRIMARY KEY,
    username        TEXT    NOT NULL,
    mrn             TEXT    NOT NULL,
    imported_at     INTEGER NOT NULL
);
INSERT INTO old_portal_users_rebuilt (username_key, username, mrn, imported_at)
    SELECT username_key, username, mrn, imported_at
    FROM old_portal_users WHERE username_key IS NOT NULL;
DROP TABLE old_portal_users;
ALTER TABLE old_portal_users_rebuilt RENAME TO old_portal_users;
