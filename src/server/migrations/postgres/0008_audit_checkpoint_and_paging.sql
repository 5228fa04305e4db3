-- PostgreSQL version of ../sqlite/0008_audit_checkpoint_and_paging.sql.

-- The console checks the audit chain from the last link it verified: the
-- checkpoint holds that link (its place, entry and hash), sealed with an
-- HMAC under the chain's key so only a server can move it. No row yet
-- means nothing verified: the first check starts from the first entry.
CREATE TABLE audit_checkpoint (
    id       BIGINT PRIMARY KEY CHECK (id = 1),
    seq      BIGINT NOT NULL,
    entry_id BIGINT NOT NULL,
    hash     TEXT   NOT NULL,
    seal     TEXT   NOT NULL
);

-- The console reads a page at a time, newest first or sorted by a column
-- (then by id): each order reads its index, not the whole log.
CREATE INDEX audit_log_by_at ON audit_log (at, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_outcome ON audit_log (outcome, id);
CREATE INDEX audit_log_by_client ON audit_log (client_addr, id);
