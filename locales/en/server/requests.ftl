### What the server says about sign-ups without an access code and
### request look-ups.

## Sign up without an access code: the emailed code.
verify-details-incomplete = Your details are incomplete. Start again.
verify-code-missing = Enter the 6-digit code from the email
verify-code-shape = The code must be 6 numbers, like 123456
verify-code-expired = This code has expired. Go back and ask for a new code
verify-code-expired-or-used = This code has expired or was already used. Go back and ask for a new code
verify-code-too-many-wrong = You entered a wrong code too many times. Go back and ask for a new code
verify-code-wrong = The code is not right. Check the email and try again

## Check your request.
# One message whether the reference is unknown or the date of birth is wrong.
status-not-found = We could not find a request with that reference number and date of birth. Check both and try again
