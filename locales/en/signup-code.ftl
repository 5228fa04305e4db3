### Sign up with an access code: the start page, enter your code, create
### your login, check your answers and the pages for a code that cannot be
### used. Also the teen pages and "Page not found". Keep the terms of
### locales/glossary.tsv.

## The start page.
start-heading = Get your new patient portal account
start-intro = Our patient portal has moved. Your medical information is already in the new portal, but logins from the old portal do not carry over, so everyone needs a new account.
start-need = It takes about 5 minutes. You will need:
start-need-code = the access code from your clinic or the help desk
start-need-dob = your date of birth
start-need-email = an email address
start-button = Sign up with an access code
# Before the link start-sign-in-link.
start-sign-in = Already have a new account?{" "}
start-sign-in-link = Sign in
# Before the link start-teen-link.
start-teen = Aged 14 to 17?{" "}
start-teen-link = Create your own account
start-no-email-heading = No email address?
# Before the link start-no-email-link.
start-no-email = A portal account needs one. You can still{" "}
start-no-email-link = request copies of your medical records
# After the link start-no-email-link.
start-no-email-after = .

## Enter your access code.
signup-code-heading = Enter your access code
signup-code-intro = Your access code is in the letter or email you got from your clinic or the help desk.
signup-code-label = Access code
# Non-breaking hyphens (U+2011) in the example keep it on one line.
signup-code-hint = 15 letters and numbers, like 7KDM2‑Q9XRT‑4HFBW
signup-code-dob = Date of birth
signup-code-lost-heading = Lost your code, or it expired?
signup-code-lost-link = Get a new access code
# After the link signup-code-lost-link, before the help desk's number (a link).
signup-code-lost-call = , or call the help desk at{" "}
# After the help desk's number.
signup-code-lost-hours = , 24 hours a day, 7 days a week.

## Create your login.
signup-login-heading = Create your login
# $name is the patient's first name.
signup-login-intro = Hello { $name }. Choose the username and password you will use to sign in to the patient portal.
signup-login-reloaded = For your security, we do not keep your password when the page reloads. Enter it again.
signup-login-username = Username
signup-login-username-hint = 6 to 64 characters: letters, numbers, periods (.), hyphens (-) and underscores (_). You cannot change your username later.
signup-login-password = Password
signup-login-email = Email address
signup-login-email-hint = We will send important messages about your account here, such as how to reset your password. You need an email address to have a portal account.
# A teen ticks it; $name is their first name.
signup-login-own-account = I am { $name } and I'm creating my own account

## Check your answers.
signup-check-heading = Check your answers
signup-check-title = Check your answers – sign up with a code
signup-check-code = Access code
signup-check-dob = Date of birth
signup-check-username = Username
signup-check-password = Password
signup-check-password-hidden = Chosen (hidden for your security)
signup-check-email = Email address
signup-check-own-account = Your own account
# $name is the teen's first name.
signup-check-own-account-yes = Yes, I am { $name } and I'm creating my own account
# The rest of the hidden text of each "Change" link: "Change access code".
signup-check-change-code = access code
signup-check-change-dob = date of birth
signup-check-change-username = username
signup-check-change-password = password
signup-check-change-email = email address
signup-check-change-own-account = confirmation that the account is your own
signup-check-create-heading = Now create your account
signup-check-used-up = When you create your account, your access code is used up and cannot be used again.
signup-check-create = Create account

## An access code that cannot be used.
outcome-expired-heading = Your access code has expired
outcome-used-heading = This access code has already been used
outcome-ended-heading = This access code can no longer be used
outcome-account-exists-heading = You already have a portal account
outcome-expired-on = The access code you entered expired on { $date }. Codes work for a limited time to keep your account safe.
outcome-expired = The access code you entered has expired. Codes work for a limited time to keep your account safe.
outcome-used = An account has already been created with this access code. Each code works once.
outcome-ended = A code stops working when it is entered with the wrong date of birth too many times, or when a newer code is sent to you.
outcome-account-exists = There is already a patient portal account for you, so you do not need a new one.
outcome-new-code-heading = Get a new access code
outcome-new-code-link = Ask for a new access code
# After the link outcome-new-code-link, before the help desk's number (a link).
outcome-new-code = {" "}and we will send it to the email address on your medical record, or call the help desk at{" "}
# After the help desk's number.
outcome-new-code-hours = , open 24 hours a day, 7 days a week.
outcome-other-code = Enter a different access code
outcome-sign-in-link = Sign in
# After the link outcome-sign-in-link, before the link outcome-forgot-link.
outcome-sign-in = {" "}with the username and password you chose, or{" "}
outcome-forgot-link = get help if you forgot them
# After the link outcome-forgot-link.
outcome-forgot-after = .

## How teens create their own account.
teen-heading = Create your own account if you are 14 to 17
teen-intro = From age 14 you can have your own patient portal account. You create it yourself, on your own phone or computer: a parent or guardian cannot create it for you.
teen-need = You will need:
teen-need-email = your own email address, not a parent's or guardian's
teen-need-dob = your date of birth
teen-need-code = the access code from your clinic or the help desk, if you have one
teen-signed-in-elsewhere = If this browser is signed in to someone else's portal account, sign out of it first.
teen-button = Sign up with an access code
# Before the link teen-no-code-link.
teen-no-code = No access code?{" "}
teen-no-code-link = Sign up without an access code
# After the link teen-no-code-link.
teen-no-code-after = . We find your record from your details instead.
teen-parents-heading = What your parents can see
teen-parents = Parents and guardians have access to a teen's record by law until the teen is an adult. Unless your state's rules say otherwise, it shows them only your name, date of birth and medical record number. When your account is ready we tell you what it shows in your state, and your account lists everyone who has access to your record.
teen-younger-heading = Younger than 14?
# Before the link teen-younger-link.
teen-younger = Children under 14 do not have their own account. A parent or guardian can{" "}
teen-younger-link = ask for proxy access
# After the link teen-younger-link.
teen-younger-after = {" "}to your record from their own account.
teen-adult-heading = 18 or older?
# Before the link teen-adult-link.
teen-adult = Use the{" "}
teen-adult-link = ordinary sign-up
# After the link teen-adult-link.
teen-adult-after = . The ages are a little different in some states (the age of majority is 19 in Alabama and Nebraska and 21 in Mississippi): we check the rules of your state when you sign up.

## Too young for an account of their own.
too-young-heading = A parent or guardian can get access for you
too-young-intro = Children this young do not have their own portal account yet. A parent or guardian can see your record with proxy access: they sign in to their own portal account (or create one for themselves) and ask for access to your record.
# Before the link too-young-teen-link.
too-young-later = When you are older, you can create your own account.{" "}
too-young-teen-link = How teens get their own account
# Before the link too-young-change-link.
too-young-wrong-dob = If you typed your date of birth wrongly,{" "}
too-young-change-link = change it
# After the link too-young-change-link.
too-young-change-after = .
# Before the help desk's number, which is a link.
too-young-questions = Questions? Call the help desk at{" "}
# After the help desk's number.
too-young-hours = , 24 hours a day, 7 days a week.
