### Proxy access: asking for access to someone else's record, and the
### records page. Keep the terms of locales/glossary.tsv.

## How the person asking is related to the patient (radio buttons, and
## after a record on the home page).
proxy-relationship-parent = Parent
proxy-relationship-guardian-of-minor = Legal guardian of a child
proxy-relationship-guardian-of-adult = Legal guardian of an adult
proxy-relationship-power-of-attorney = Health care power of attorney
proxy-relationship-spouse-or-partner = Spouse or partner
proxy-relationship-caregiver = Adult child or caregiver
proxy-relationship-other = Other

## The decision on a request.
# Why a parent or guardian of an emancipated minor is refused.
proxy-refused-emancipated = The person is an emancipated minor, so parents and guardians do not have access to their record by law.
