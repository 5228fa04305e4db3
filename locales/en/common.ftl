### Words every patient page shares: the frame, the parts of forms, dates,
### and errors that are not about one field. Keep the terms of
### locales/glossary.tsv.

## The language, as the switcher names it (in the language itself).
language-name = English

## The frame around every page.
service-name = Patient Portal
skip-to-content = Skip to main content
# Before the help desk's number, which is a link.
footer-help = Need help? Call the help desk at
footer-hours = , 24 hours a day, 7 days a week.
footer-language-help = Language help
back-link = Back
continue-button = Continue
please-wait = Please wait…
# Put before a page's title while it shows errors.
title-error = Error:{" "}
change = Change

## The page before the app starts, and without JavaScript.
loading = Loading the patient portal…
loading-failed = The patient portal did not load. Check your internet connection and reload the page.
no-javascript-heading = Turn on JavaScript
no-javascript = To sign up for or sign in to the patient portal, turn on JavaScript in your browser.
no-javascript-call = Or call the help desk at { $phone }, 24 hours a day, 7 days a week.

## Forms.
error-summary-title = There is a problem
error-prefix = Error:{" "}
sign-out-other-account = Sign out of the other account
date-month = Month
date-day = Day
date-year = Year

## Dates: "December 1, 2026".
date-long = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Errors that are not about one field.
wait-one-minute = a minute
wait-minutes = { $count } minutes
too-many-tries = There have been too many tries. Wait { $wait } and try again, or call the help desk at { $phone } for help.
too-many-tries-network = There have been too many tries from this network (the Wi-Fi or internet connection you are using). Wait { $wait } and try again, or call the help desk at { $phone } for help.
unavailable = Sorry, something went wrong. Try again in a few minutes. If it keeps happening, call the help desk at { $phone }.
unavailable-reference = Sorry, something went wrong on our side. Try again in a few minutes. If it keeps happening, call the help desk at { $phone } and give reference { $reference }.
busy = The portal is very busy right now. Wait a few seconds and try again.
network = We could not reach the portal. Check your internet connection and try again.
code-expired-on = This access code expired on { $date }.
code-expired = This access code has expired.
code-used = This access code has already been used.
code-voided = This access code can no longer be used.
account-exists = You already have a portal account.
forbidden = This request was refused. Reload the page and try again.
signed-out = You are signed out. Sign in again to continue.
bad-request = The request could not be read.

## The parts of forms.
done-prefix = Done:{" "}
not-yet-prefix = Not yet:{" "}
password-hint = Use 15 characters or more. A few unrelated words together are easy to remember and hard to guess.
password-too-long = { $max } characters or fewer (you have { $count })
password-long-enough = { $min } characters or more
password-long-enough-count = { $min } characters or more (you have { $count })
password-not-common = Not a common password
password-no-username = Does not contain your username
password-no-name = Does not contain your name
show-password = Show password
hide-password = Hide password
email-code-label = Code
email-code-hint = For example, 123456

## Ways in for someone without an access code.
no-code-heading = No access code?
no-code-verify = Sign up without an access code
no-code-verify-why = {" "}by telling us a few more details about you
no-code-new = Get a new access code
no-code-new-why = {" "}if yours is lost or expired
no-code-status = Check a request you made
no-code-call = Call the help desk at{" "}
no-code-call-hours = , open 24 hours a day, 7 days a week

## "I do not have an email address".
no-email-summary = I do not have an email address
no-email-why = A portal account needs an email address, so we can reach you about your account and help you if you forget your login.
no-email-records = You can still get copies of your medical records:{" "}
no-email-records-link = request your medical records

## Page not found.
not-found-heading = Page not found
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
not-found-start = Go to the start page

## Signing in: the username field and what a signed-out page says (the sign-in, home and recovery pages).
signin-username = Username
signin-enter-username = Enter your username
home-session-ended = You were signed out, because you were inactive for a while or signed out on another device. Sign in again to continue.
home-sign-in-to-see = Sign in to see your account.
home-could-not-open = Sorry, we could not open your account
