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

## Asking for access: the start page.
proxy-sign-in-first = Sign in to ask for access to someone's record.
proxy-start-heading = Ask for access to someone else's record
proxy-start-intro = Proxy access lets you see another person's record from your own account, to help with their care.
proxy-start-parents = Parents and legal guardians listed on a child's record get access at once, by law, until the child is an adult. For teens it may show less, depending on the state.
proxy-start-emancipated = Parents of an emancipated minor do not get access.
proxy-start-others = Other relationships, such as the guardian of an adult, a health care power of attorney, a spouse or a caregiver, are reviewed by the help desk. An adult with their own account is asked to approve first.
proxy-start-need = You will need their legal name and date of birth, and for guardianship or power of attorney, the court order or document reference.
proxy-start-button = Start
# Before the link proxy-start-teens-link.
proxy-start-teens = Aged 14 to 17 and want your own account?{" "}
proxy-start-teens-link = Teens create their own
# After the link proxy-start-teens-link.
proxy-start-teens-after = .

## Asking for access: the questions.
proxy-person-heading = Whose record do you want to see?
proxy-person-intro = Enter their legal name as their clinic has it.
proxy-first-name = Their first name
proxy-last-name = Their last name
proxy-dob = Their date of birth
proxy-dob-hint = For example, 3 27 2012
proxy-relationship-heading = How are you related to them?
proxy-relationship-legend = Your relationship
proxy-details-heading = Tell us more
proxy-document = Court order or document reference
proxy-document-hint = The case or document number on the guardianship order or the power of attorney. The help desk may ask you for a copy.
proxy-details = Anything else the help desk should know (optional)
proxy-details-hint = For example, why you need access, or the clinic that knows you.

## Asking for access: check your answers.
proxy-session-ended = Your session ended. Sign in to send your request.
proxy-check-heading = Check your answers
proxy-check-title = Check your answers – proxy access
proxy-check-name = Name
# Hidden text after "Change", for screen readers.
proxy-check-name-what = name
proxy-check-dob = Date of birth
# Hidden text after "Change", for screen readers.
proxy-check-dob-what = date of birth
proxy-check-relationship = Your relationship
# Hidden text after "Change", for screen readers.
proxy-check-relationship-what = relationship
proxy-check-document = Court order or document
# Hidden text after "Change", for screen readers.
proxy-check-document-what = court order or document reference
proxy-check-details = More details
# Shown when no more details were given.
proxy-check-details-none = None
# Hidden text after "Change", for screen readers.
proxy-check-details-what = details
proxy-check-confirm = By sending this request you confirm that the information is true. Asking for access you are not entitled to may be against the law.
proxy-check-send = Send request

## Asking for access: the outcome.
proxy-granted-heading = You can now see { $name }'s record
proxy-granted-full = You see their whole record summary: name, date of birth, medical record number, contact details and who has access.
proxy-granted-limited = Your access is limited: you see their name, date of birth and medical record number, but not their contact details or who else has access.
proxy-granted-ends = It ends on { $until }. We will remind you a month before.
proxy-home-link = Go to your home page
# After the link proxy-home-link.
proxy-granted-open = {" "}to open it.
proxy-refused-heading = We cannot give you access
proxy-refused-call = If you think this is wrong, call the help desk on { $phone }.
proxy-review-heading = Your request is being reviewed
# Followed by the reference, in bold.
proxy-review-reference = Your reference is{" "}
proxy-review-within = The help desk will review your request within { $days } days. If the person has their own account, we ask them to approve it first. We will email you the answer.

## Renewing access.
proxy-renew-cannot = That access cannot be renewed.
proxy-renew-sign-in = Sign in to renew your access.
proxy-renew-failed-heading = We could not renew your access

## The records page: your own record, and a record proxy access opens.
records-sign-in = Sign in to open this record.
records-end-question = End { $name }'s access to your record?
records-end-yes = Yes, end access
records-end-done = { $name }'s access to your record has ended. We have emailed them.
records-approve-question = Approve { $name }'s request to see your record?
records-approve-yes = Yes, approve
records-approve-done = You approved { $name }'s request. The help desk reviews it next, and we email { $name } the answer.
records-refuse-question = Refuse { $name }'s request to see your record?
records-refuse-yes = Yes, refuse
records-refuse-done = You refused { $name }'s request. We have emailed them.
records-own-heading = Your record
records-cancel = Cancel
records-who-can-see = Who can see your record
records-other-heading = { $name }'s record
# $opened_as says how, e.g. "Parent, limited access until May 3, 2031".
records-other-notice = You are looking at { $name }'s record, not your own. { $opened_as }.
records-who-can-see-this = Who can see this record
records-forbidden = You do not have access to this record. Access may have ended; your home page lists the records you can open.
records-cannot-open = This record cannot be opened
records-name = Name
records-dob = Date of birth
records-mrn = Medical record number
records-address = Address
records-mobile = Mobile phone
records-email = Email on the record
# Shown when the record has no mobile phone or email.
records-none = None
records-my-requests = Your requests for access
# After the name of the person asked for; followed by the reference.
records-my-request = {" "}– { $status } ({ $updated }). Reference{" "}
records-nobody = Nobody else can see it.
records-end-access = End access
# Hidden text after "End access", for screen readers.
records-end-for = {" "}for { $name }
records-by-law = Access by law
# After the name of someone who can see the record; followed by a button.
records-holder-full = {" "}– { $relationship }, full access since { $since } until { $until }{" "}
# After the name of someone who can see the record; followed by a button.
records-holder-limited = {" "}– { $relationship }, limited access since { $since } until { $until }{" "}
# $relationship is lowercased, e.g. "parent".
records-asked = { $requester } asked on { $asked_on } to see your record, as your { $relationship }.
records-approve = Approve
records-refuse = Refuse
records-asked-heading = Requests to see your record
records-asked-reviewed = The help desk also reviews every request you approve.

## Asking for access: problems with the answers.
proxy-enter-first-name = Enter their first name
proxy-enter-last-name = Enter their last name
proxy-choose-relationship = Choose how you are related to them
proxy-enter-document = Enter the court order or document reference
