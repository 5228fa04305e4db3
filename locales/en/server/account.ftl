### What the server answers about accounts. Keep the terms of
### locales/glossary.tsv.

## Account settings.
settings-current-password-wrong = Your current password is not right
settings-already-your-email = This is already your email address
settings-code-six-numbers = The code must be 6 numbers, like 123456
settings-code-not-right = The code is not right. Check the email and try again

## The home page's list of records and its warnings.
# The person's own record, in the home page's list.
home-own-record = Your own record
home-your-access-ends-renew = Your access to { $name }'s record ends on { $until }. To keep it, renew it before then.
home-your-access-ends-at-majority = Your access to { $name }'s record ends on { $until }. It is a parent's or guardian's access, which ends when they become an adult.
home-their-access-ends = { $name }'s access to your record ends on { $until }.

## How a record opened by proxy access is opened.
records-opened-as-full = { $relationship }, full access until { $until }
records-opened-as-limited = { $relationship }, limited access until { $until }

## The proxy wizard's answers. $first: the child's first name; $majority:
## the age of majority; $state: the record's state; $until: a date.
proxy-granted-because-parent = You are listed on { $first }'s record as their parent, and { $first } is under { $majority } in { $state }, so you have access by law until { $until }.
proxy-granted-because-guardian = You are listed on { $first }'s record as their legal guardian, and { $first } is under { $majority } in { $state }, so you have access by law until { $until }.
proxy-own-record = This is your own record: you have it already
proxy-have-access-already = You have access to this record already: open it from your home page

## The person's own proxy requests, on the records page. $name: whose record.
my-request-waiting-for-patient = Waiting for { $name } to approve
my-request-waiting-for-help-desk = Waiting for the help desk
my-request-granted-by-law = Granted by law
my-request-approved = Approved
my-request-not-approved = Not approved
my-request-not-approved-by-patient = Not approved by { $name }
# $reason: written by the help desk, or why the rules refused it.
my-request-not-approved-because = Not approved: { $reason }
answer-no-such-request = There is no request waiting for your answer with that reference.

## One-time codes entered again (password reset, email change).
code-expired-ask-again = This code has expired
code-used-ask-again = This code has expired or was already used
code-too-many-tries = You entered a wrong code too many times
# $problem: one of the three above.
settings-ask-again-for-code = { $problem }. Enter your new email address again for a new code
recover-ask-again-for-code = { $problem }. Ask for a new code
