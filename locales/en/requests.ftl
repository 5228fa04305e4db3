### Requests: checking a request's status, a new access code, a sign-up the
### help desk checks, and copies of medical records.

## Check your request: the form.
status-heading = Check your request
status-intro = Enter the reference number we gave you when you signed up or asked for your medical records. It is also in the email we sent you.
status-reference = Reference number
# The hyphen is a non-breaking hyphen (U+2011).
status-reference-hint = For example, 7KDM‑2Q9X
status-dob = Date of birth
status-submit = Check request
status-reference-missing = Enter your reference number
status-reference-shape = Enter the reference number as it appears in your email, like 7KDM-2Q9X

## Check your request: the result.
status-result-heading = Your request
status-received = Received
status-status = Status
status-last-updated = Last updated
status-signup-received = Received: waiting for the help desk
status-signup-under-review = The help desk is checking your details
status-signup-code-emailed = We sent you an access code by email
status-signup-code-mailed = We mailed you an access code
status-closed = Closed
# $reason is the help desk's reason, in its words.
status-closed-because = Closed: { $reason }
status-records-received = Received: waiting for the medical records team
status-records-in-progress = The medical records team is preparing your records
status-records-done = Done: your records were sent
# Then "We are sorry. Call the help desk at…".
status-overdue = This is taking longer than we promised (by { $date }).{" "}
# Before the help desk's number, which is a link.
status-overdue-call = We are sorry. Call the help desk at{" "}
# After the help desk's number.
status-overdue-call-after = {" "}and give your reference number.
status-code-promised = We will send you an access code by email or by mail by { $date }.
# Before the link "sign up with your access code".
status-when-you-have-it = When you have it,{" "}
status-sign-up-with-code = sign up with your access code
# After the link "sign up with your access code".
status-sign-up-after = .
status-records-contact = The team will contact you by phone if they need anything.
# Before the help desk's number, which is a link.
status-questions-call = If you have questions, call the help desk at{" "}
# After the help desk's number.
status-questions-call-after = .
status-check-another = Check another request

## Get a new access code: the form.
new-code-heading = Get a new access code
new-code-intro = If your code is lost, expired or never arrived, we will send a new one to the email address on your medical record.
new-code-contact = Email address or mobile phone number on your record
new-code-contact-hint = We use it to find your record. The code goes only to the email address on your record.
new-code-submit = Send a new code
new-code-contact-missing = Enter your email address or mobile phone number

## Get a new access code: what happens now.
# Before the help desk's number, which is a link.
new-code-call = If nothing arrives, call the help desk at{" "}
# After the help desk's number.
new-code-call-hours = , 24 hours a day, 7 days a week.
new-code-emailed-heading = Check your email
new-code-emailed-title = Check your email – new access code
new-code-emailed = If the details match our records, we have sent a new access code to the email address on your medical record. It can take a few minutes to arrive.
new-code-emailed-latest = A new code replaces the one you had, so use the code in the latest email. If you asked several times today, we may not have sent another: use the latest one you have.
new-code-sign-up = Sign up with your access code
new-code-mail-heading = We will mail you a code
# Before the reference number, shown in bold.
new-code-your-reference = Your reference number is{" "}
new-code-mail = Your medical record has no email address, so the help desk will mail a new access code to the home address on your record by { $date } (within { $days } days).
# Before the link "check on your request".
new-code-keep-reference = Keep your reference number to{" "}
new-code-check-request = check on your request
# After the link "check on your request".
new-code-keep-reference-after = {" "}or when you call the help desk.

## A sign-up the help desk will check.
pending-heading = Your request is being processed
pending-intro = We could not verify your information against our records, so the help desk will check it.
# Before the reference number, shown in bold.
pending-your-reference = Your reference number is{" "}
# After the reference number.
pending-keep-reference = . Keep it to check on your request or when you call the help desk.
pending-next-heading = What happens next
pending-next = We will send you an access code by email or by mail by { $date }. We have sent you an email saying the same.
pending-no-wait-heading = You do not have to wait
pending-no-wait = If something you told us may differ from your medical record, try again: your new answers replace this request.
pending-try-name = Try again with your legal name as your clinic has it
# After the link "Try again with your legal name as your clinic has it".
pending-try-name-after = {" "}(for example, as on your insurance card, or a name you used before)
pending-try-contact = Try again with the mobile phone number or email address on your medical record
# Before the help desk's number, which is a link.
pending-call = Call the help desk at{" "}
# After the help desk's number.
pending-call-after = , open 24 hours a day, 7 days a week, for a code
pending-check-status = Check where your request stands

## Request your medical records: the form.
records-request-heading = Request your medical records
records-request-intro = You can get copies of your medical records without a portal account. Tell us who you are, which records you need and how to get them to you.
records-request-about-you = About you
records-request-phone = Phone number
records-request-phone-hint = We call you if we need anything
records-request-your-records = Your records
records-request-which = Which records do you need?
records-request-which-hint = For example, lab results, visit notes, imaging reports, or all records
records-request-from = From (optional)
records-request-from-hint = Leave both dates empty for records from any date
records-request-to = To (optional)
records-request-to-hint = For example, 12 31 2025
records-request-delivery = How do you want to get them?
records-request-by-mail = By mail to my home address
records-request-pickup = I will pick them up
records-request-sign-heading = Sign your request
records-request-signature = Type your full name
records-request-signature-note = Typing your name is your signature. Today's date is { $date }.
records-request-submit = Send request
records-request-phone-missing = Enter your phone number
records-request-which-missing = Tell us which records you need
records-request-which-too-long = Which records you need must be 2,000 characters or fewer
records-request-delivery-missing = Select how you want to get your records
records-request-signature-missing = Type your full name to sign the request
records-request-signature-too-long = Your signature must be 200 characters or fewer
records-request-dates-order = The last date must be the same as or after the first date

## Request your medical records: the confirmation.
records-request-sent-heading = We have your request
# Before the reference number, shown in bold.
records-request-your-reference = Your reference number is{" "}
records-request-signed-on = You signed it on { $date }.
records-request-next-heading = What happens next
# Before the link "check where your request stands".
records-request-next = The medical records team will prepare your records and contact you by phone if they need anything. Keep your reference number: you can{" "}
records-request-check-status = check where your request stands
# After the link "check where your request stands".
records-request-next-after = {" "}with it and your date of birth, or give it when you call.
# Before the help desk's number, which is a link.
records-request-questions = Questions? Call the help desk at{" "}
# After the help desk's number.
records-request-questions-hours = , 24 hours a day, 7 days a week.
records-request-print = Print this page
