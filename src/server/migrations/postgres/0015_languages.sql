-- The language each person reads (BCP 47 codes Front Desk speaks: 'en',
-- 'es'). An account's is the one its holder chose (NULL until they choose);
-- a patient record's is its preferred language from the EHR (NULL when the
-- record names none); each request keeps the language it was made in.
-- Emails and letters go out in the account's, else the request's, else the
-- record's language, else English.
ALTER TABLE accounts ADD COLUMN language TEXT;
ALTER TABLE patients ADD COLUMN language TEXT;
ALTER TABLE signup_requests ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE records_requests ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE proxy_requests ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
