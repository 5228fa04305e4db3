-- The console's audit log filtered by action (a prefix, "code" for
-- code.verify and code.issue) reads this index instead of every entry (the
-- one on (action, id) serves sorting by action):
-- PostgreSQL's LIKE uses a text_pattern_ops index for a prefix.
CREATE INDEX audit_log_by_action_prefix ON audit_log (action text_pattern_ops, at);
