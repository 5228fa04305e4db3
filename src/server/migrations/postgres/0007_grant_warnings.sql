-- Renewal warnings: when the grant's holder and the patient were told
-- (30 days before the end), so the job tells them once.
ALTER TABLE proxy_grants ADD COLUMN warned_at BIGINT;
