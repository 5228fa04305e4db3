### What the server says about sign-ups with an access code, and about
### teens creating their own account (in either sign-up).

## Sign up with an access code.
# One message for an unknown code and a wrong date of birth, so a guesser
# learns nothing about which was wrong.
signup-code-not-accepted = We could not match that access code and date of birth. Check both and try again
signup-code-username-taken = That username is taken. Choose a different username
# $age is the state's youngest teen age, such as 14.
signup-code-child = This access code is for a child under { $age }. Children under { $age } do not have their own account; a parent or guardian can ask for proxy access instead

## Teens creating their own account.
# Also said when the address belongs to someone with proxy access to the teen's record.
teen-refused-guardian-email = Use your own email address. Teens create their own account with their own email, not a parent's or guardian's
teen-refused-guardian-phone = Use your own mobile phone number. Teens create their own account with their own contact details, not a parent's or guardian's
teen-refused-too-young = Children this young do not have their own portal account yet. A parent or guardian can ask for proxy access to your record from their own account
teen-refused-signed-in = This browser is signed in to another portal account. Teens create their own account: sign out of the other account first, or use your own phone or computer
# $name is the teen's first name.
teen-refused-own-account = Confirm that you are { $name } and you are creating your own account. A parent or guardian cannot create a teen's account for them
# Shown when a teen's account is ready, for states where parents see little of a teen's record.
teen-parents-see-limited = This account is for you alone: keep your password to yourself, even from family. A parent or guardian with proxy access to your record sees only your name, date of birth and medical record number. They do not see your contact details or who else has access, and they cannot sign in to your account or change your login. Your record page shows everyone who has access.
# Shown when a teen's account is ready, for states where parents see all of a teen's record.
teen-parents-see-full = This account is for you alone: keep your password to yourself, even from family. A parent or guardian with proxy access to your record sees what we hold about you: your name, date of birth, medical record number, contact details and who has access, and they cannot sign in to your account or change your login. Your record page shows everyone who has access.
