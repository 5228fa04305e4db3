### Sign up without an access code: the question pages, check your answers
### and the emailed code. Also the form fields the request forms share.

## Fields the sign-up, new-code and records request forms share.
verify-first-name = First name
verify-middle-name = Middle name (optional)
verify-last-name = Last name
verify-dob-hint = For example, 3 27 1984
verify-street = Street address
verify-city = Town or city
verify-state = State
verify-state-placeholder = Select a state
verify-zip = ZIP code

## Start page.
verify-start-heading = Sign up without an access code
verify-start-intro = We will match what you tell us with your medical record. Answer as it appears on your record, for example the name and address you gave your clinic.
verify-start-need = You will need:
verify-start-need-name = your legal name and date of birth
verify-start-need-address = your home address and mobile phone number
verify-start-need-email = an email address
verify-start-match = If we can match you, we will send a code to the email address on your record. If we cannot, the help desk will check your details and send you an access code.
verify-start-now = Start now
verify-start-other-heading = Other ways to get help
verify-start-new-code = Get a new access code
# After the link "Get a new access code".
verify-start-new-code-why = {" "}if yours is lost or expired
verify-start-status = Check a request you already made
# Before the help desk's number, which is a link.
verify-start-call = Call the help desk at{" "}
# After the help desk's number.
verify-start-call-hours = , 24 hours a day, 7 days a week

## The questions, one a page.
verify-name-heading = What is your legal name?
verify-name-intro = Enter it as it appears on your medical record, for example on a bill or a letter from your clinic.
verify-last-name-hint = If you have two last names, enter both.
verify-dob-heading = What is your date of birth?
verify-legal-sex-heading = What is your legal sex on your medical record?
verify-legal-sex-hint = We ask only to find your record.
verify-address-heading = What is your home address?
verify-address-intro = Enter the address your clinic has for you. If you moved recently, enter the address you gave at your last visit.
verify-phone-heading = What is your mobile phone number?
verify-phone-intro = We compare it with the number on your record. We will not call or text you.
verify-phone-label = Mobile phone number
verify-phone-hint = For example, (555) 555-0100
verify-email-heading = What is your email address?
verify-email-intro = If your record has an email address, we will send a code there to check it is you. We will also use it to send you important messages about your account.
verify-email-label = Email address

## Check your answers.
verify-check-heading = Check your answers
verify-check-title = Check your answers – sign up without a code
verify-check-legal-name = Legal name
verify-check-dob = Date of birth
verify-check-legal-sex = Legal sex
verify-check-address = Home address
verify-check-phone = Mobile phone
verify-check-email = Email address
# The rest of the hidden text of each "Change" link: "Change legal name".
verify-check-change-legal-name = legal name
verify-check-change-dob = date of birth
verify-check-change-legal-sex = legal sex
verify-check-change-address = home address
verify-check-change-phone = mobile phone number
verify-check-change-email = email address
verify-check-next = When you continue, we look for your medical record. If we find it, we send a code to the email address on it.

## Check your email: the code sent to the record's email address.
verify-code-heading = Check your email
verify-code-title = Check your email – sign up without a code
# The email address comes masked: j•••@example.com.
verify-code-sent = We sent a 6-digit code to { $email }, the email address on your medical record. It works for 10 minutes.
# No new code went out; $wait is "1 minute" or "5 minutes".
verify-code-not-resent = We sent codes to { $email }, the email address on your medical record, several times in the last hour, so we did not send another. Use the code in the latest email: it works for 10 minutes after it was sent. You can ask for a new code in { $wait }.
verify-code-wait-one-minute = 1 minute
verify-code-wait-minutes = { $count } minutes
verify-code-no-email = I did not get the email
verify-code-no-email-wait = It can take a few minutes. Check your spam or junk folder.
# Before the link "send a new code".
verify-code-you-can = You can{" "}
verify-code-send-new = send a new code
# After the link "send a new code", before the help desk's number (a link).
verify-code-or-call = , or call the help desk at{" "}
# After the help desk's number.
verify-code-call-hours = , 24 hours a day, 7 days a week.
