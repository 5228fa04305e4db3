-- Proof of who someone is comes from the record or from a confirmed
-- contact. accounts.email holds only a confirmed address ('' while there
-- is none); an address typed at sign-up that no code was sent to waits in
-- email_changes for its code, like any new address.

-- Where each access code was emailed (the record's address), or, for the
-- code made after a verified sign-up, where its sign-up code went.
ALTER TABLE access_codes ADD COLUMN sent_to TEXT;

-- Accounts made before this rule keep an address only when it is the
-- record's or one confirmed by a code since; the others confirm theirs.
UPDATE accounts SET email = ''
 WHERE LOWER(email) <> LOWER(COALESCE((SELECT p.email FROM patients p WHERE p.id = accounts.patient_id), ''))
   AND NOT EXISTS (SELECT 1 FROM email_changes c
                    WHERE c.account_id = accounts.id AND c.used_at IS NOT NULL
                      AND LOWER(c.new_email) = LOWER(accounts.email));
