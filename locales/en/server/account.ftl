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
