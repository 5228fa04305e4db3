-- No code at rest in plain text: an email's body is removed once it is
-- delivered, and an undelivered email carrying a code is dropped when the
-- code expires; recipient, subject, template, times and Message-ID stay.
ALTER TABLE outbox ADD COLUMN template TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN expires_at INTEGER;
ALTER TABLE outbox ADD COLUMN body_removed_at INTEGER;
-- The retention job finds the bodies left to remove without a full scan.
CREATE INDEX outbox_with_body ON outbox (id) WHERE body_removed_at IS NULL;

-- Emails carrying a code written before this migration: each template's
-- code lifetime (access codes are emailed for 14 days).
UPDATE outbox SET template = 'email_code', expires_at = created_at + 600
    WHERE subject = 'Your patient portal verification code';
UPDATE outbox SET template = 'reset_code', expires_at = created_at + 900
    WHERE subject = 'Your patient portal password reset code';
UPDATE outbox SET template = 'email_change_code', expires_at = created_at + 600
    WHERE subject = 'Confirm your new patient portal email address';
UPDATE outbox SET template = 'new_access_code', expires_at = created_at + 1209600
    WHERE subject = 'Your new patient portal access code';

-- When a limit counter's window ends, so the retention job can delete it.
-- Rows without it (written before this migration, or by an older server
-- during a rollout) are kept a day, as the old clean-up did.
ALTER TABLE failure_counters ADD COLUMN window_ends_at INTEGER;
