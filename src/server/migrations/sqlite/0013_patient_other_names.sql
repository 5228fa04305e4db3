-- Other names a patient's record holds: maiden and previous names,
-- nicknames, names in another script. Record matching compares a sign-up
-- with these too. kind is the FHIR HumanName use (maiden, old, nickname,
-- usual, official, anonymous, temp).
CREATE TABLE patient_other_names (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    first_name      TEXT    NOT NULL DEFAULT '',
    last_name       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX patient_other_names_by_patient ON patient_other_names (patient_id);
