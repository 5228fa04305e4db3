-- An administrator can disable a staff member: while disabled_at is set
-- they cannot sign in or set up (answered like an unknown username), and
-- enabling them again clears it.
ALTER TABLE staff ADD COLUMN disabled_at INTEGER;
