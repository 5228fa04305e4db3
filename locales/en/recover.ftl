### "Forgot your username or password?". Keep the terms of locales/glossary.tsv.

## Forgot your username or password?
recover-heading = Forgot your username or password?
recover-intro = We will send an email to the address on your account.
recover-forgot-username = I forgot my username
recover-forgot-password = I forgot my password
recover-both-heading = Forgot both?
recover-both = Start with your username: we will email it to you. Then use it to reset your password.
# Followed by the help desk's number, a link, then footer-hours.
recover-no-email = If you no longer use the email address on your account, call the help desk at{" "}

## Forgotten username.
recover-check-email = Check your email
recover-username-sent-title = Check your email – forgotten username
recover-username-sent = If the details match an account, we have sent an email with your username to the address on file. It can take a few minutes to arrive.
# Followed by the help desk's number, a link, then ".".
recover-nothing-arrives = If nothing arrives, check your spam or junk folder, or call the help desk at{" "}
recover-sign-in = Sign in
recover-reset-link = Reset your password
recover-username-heading = Get your username
recover-username-intro = We will email your username to the address on your account.
recover-email = Email address
recover-email-hint = The one you used for your portal account
recover-dob = Date of birth
recover-dob-hint = For example, 3 27 1984
recover-username-send = Send my username

## Reset your password.
recover-password-heading = Reset your password
recover-password-intro = We will email a code to the address on your account. With it you can choose a new password.
recover-password-send = Send a code
# Before the link recover-username-first.
recover-username-too = Forgot your username too?{" "}
recover-username-first = Get your username first
recover-reset-done = Your password has been reset, and you have been signed out everywhere. Sign in with your new password.
recover-reset-title = Check your email – reset your password
recover-reset-sent = If the username matches an account, we have sent an email with a code to the address on file. The code works for 15 minutes.
recover-code = Code from the email
recover-code-hint = 8 letters and numbers, for example 7KDM-2Q9X
recover-new-password = New password
recover-reset-button = Reset password
recover-not-got = I did not get the email
# Before the link recover-send-new-code.
recover-not-got-before = It can take a few minutes. Check your spam or junk folder. You can{" "}
recover-send-new-code = send a new code
# After the link recover-send-new-code; followed by the help desk's number, a link, then footer-hours.
recover-not-got-after = {" "}(the last code sent is the one that works), or call the help desk at{" "}
recover-enter-code = Enter the code from the email
recover-code-format = The code is 8 letters and numbers, like 7KDM-2Q9X
