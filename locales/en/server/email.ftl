### The emails to patients (src/server/mail/templates.rs). Each email is a
### subject and paragraphs; the footer ends every email.

## Every email.
email-footer = Questions? Call the help desk at { $phone }, 24 hours a day, 7 days a week. We will never ask for your password.
# A paragraph of several emails; $url is the portal's address.
email-sign-in-at = Sign in at { $url }/signin.
# After "Your password/email address was changed".
email-call-now = If you did not change it, call the help desk now at { $phone }.
# Why a request was refused or closed; $reason is written by the help desk.
email-reason = The reason: { $reason }

## A self-signup the system could not verify.
email-signup-pending-subject = We are processing your patient portal request
email-signup-pending-unverified = We could not verify your information against our records, so your request to create a patient portal account is being processed.
email-signup-pending-reference = Your reference number is { $reference }.
email-signup-pending-promise = We will send you an access code by email or by mail by { $date }. You can check where your request stands at { $url }/signup/status with your reference number and date of birth.
email-signup-pending-try-again = You do not have to wait: you can try again with the email address or mobile phone number on your medical record, or call the help desk at { $phone } for a code.

## The six-digit code proving the person reads the email on their record.
email-code-subject = Your patient portal verification code
email-code-code = Your verification code is { $code }.
email-code-enter = Enter it on the patient portal page that asked for it. It works for { $minutes } minutes.
email-code-ignore = If you did not ask to create a patient portal account, you can ignore this email: nobody can create an account without this code.

## A new access code.
email-new-code-subject = Your new patient portal access code
email-new-code-code = Your new access code is { $code }. Any code you were sent before no longer works.
email-new-code-how = To create your account, go to { $url }/signup/code and enter the code with your date of birth. The code works once, until { $date }.
email-new-code-ignore = If you did not ask for a new code, you can ignore this email.

## A username reminder.
# $names: one username, or several separated by commas.
email-username-subject = Your patient portal username
email-username-names = You asked for your patient portal username. It is: { $names }
email-username-ignore = If you did not ask, you can ignore this email.

## A password reset code.
email-reset-subject = Your patient portal password reset code
email-reset-code = Your code to reset your password is { $code }.
email-reset-enter = Enter it on the page that asked for it. It works once, for { $minutes } minutes.
email-reset-ignore = If you did not ask to reset your password, you can ignore this email: your password has not changed.

## After a password change.
email-password-changed-subject = Your patient portal password was changed
email-password-changed-body = The password of your patient portal account was just changed, and every device signed in to it was signed out.

## The code confirming a new email address, sent to that address.
email-change-code-subject = Confirm your new patient portal email address
email-change-code-code = Your code to confirm this email address is { $code }.
email-change-code-enter = Enter it in your patient portal account settings. It works for { $minutes } minutes.
email-change-code-ignore = If you did not ask to use this address for a patient portal account, you can ignore this email.

## To the old address, after the account's email changed.
# $address: the new address, partly hidden ("m•••@example.com").
email-changed-subject = Your patient portal email address was changed
email-changed-body = The email address of your patient portal account was changed to { $address }. We will not write to this address any more.

## An adult patient is asked to approve proxy access.
# $relationship: what the requester says they are to the patient, in lower case ("spouse").
email-proxy-asked-subject = Someone asked for access to your patient portal record
email-proxy-asked-who = { $requester } asked for proxy access to your patient portal record, as your { $relationship }.
email-proxy-asked-sign-in = Sign in at { $url }/signin to approve or refuse. Nobody gets access to your record without your approval and a help desk review.
email-proxy-asked-unknown = If you do not know this person, refuse, and call the help desk at { $phone }.

## The requester hears how their proxy request ended. $patient: the patient's name.
email-proxy-approved-subject = Your proxy access request was approved
email-proxy-approved = Your request for access to { $patient }'s record was approved. Open it from your home page.
email-proxy-refused-subject = Your proxy access request was not approved
email-proxy-refused = Your request for access to { $patient }'s record was not approved.
email-proxy-refused-by-patient = { $patient } did not approve your request for access to their record.

## The help desk linked an unverified sign-up to a record and sent a code.
email-code-sent-subject = We sent your patient portal access code
email-code-sent-by-mail = We have reviewed your patient portal request { $reference } and sent your access code by mail, to the address on your medical record. It should arrive within a few days.
email-code-sent-by-email = We have reviewed your patient portal request { $reference } and sent your access code by email, to the email address on your medical record.
email-code-sent-create = With the code and your date of birth, create your account at { $url }/signup/code.

## The help desk closed an unverified sign-up without a code.
email-closed-subject = About your patient portal request
email-closed-body = We could not complete your patient portal request { $reference }.
email-closed-call = Call the help desk at { $phone } and we will help you get your account.

## Proxy access ends within a month: to the person who holds it. $patient: the patient's name.
email-ending-holder-subject = Your access to { $patient }'s record ends on { $date }
email-ending-holder-body = Your proxy access to { $patient }'s patient portal record ends on { $date }.
email-ending-holder-majority = This is a parent's or guardian's access, which ends when { $patient } becomes an adult. After that, { $patient } decides who can see their record from their own account.
email-ending-holder-ask-again = To keep access, ask again at { $url }/proxy before then. The help desk reviews it again.

## Proxy access ended before its date.
email-ended-holder-subject = Your access to { $patient }'s record has ended
email-ended-by-patient = Your proxy access to { $patient }'s record in the patient portal was ended by { $patient }.
email-ended-holder-by-help-desk = Your proxy access to { $patient }'s record in the patient portal was ended by the help desk.
email-ended-patient-subject = { $holder }'s access to your record has ended
email-ended-patient-by-help-desk = { $holder }'s proxy access to your record in the patient portal was ended by the help desk.
email-ended-see = You can see who has access to your own record at { $url }/records.

## Proxy access ends within a month: to the patient. $holder: the holder's name.
email-ending-patient-subject = { $holder }'s access to your record ends on { $date }
email-ending-patient-body = { $holder }'s proxy access to your patient portal record ends on { $date }.
email-ending-patient-nothing = You do not need to do anything. You can see who has access to your record at { $url }/records.
