-- Nothing to do here: SQLite's 0014 makes its TEXT primary keys (sessions,
-- staff_sessions, old_portal_users) NOT NULL, as they have been on
-- PostgreSQL from the start. Kept so both folders number alike.
SELECT 1;
