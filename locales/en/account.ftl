### The pages for people with an account: sign in, the signed-in home page,
### account settings, and "Forgot your username or password?". Keep the
### terms of locales/glossary.tsv.

## Sign in.
signin-heading = Sign in to the patient portal
signin-username = Username
signin-password = Password
signin-button = Sign in
signin-forgot = Forgot your username or password?
signin-new-heading = New to this patient portal?
# Before the link signin-new-link.
signin-new-before = Logins from our old patient portal do not work here, so everyone needs a new account.{" "}
signin-new-link = Get your new patient portal account
# After the link signin-new-link.
signin-new-after = .
# Every failed sign-in reads the same.
signin-failed = Enter a correct username and password. After too many wrong tries, sign-in pauses for a while; you can reset your password at any time
signin-enter-username = Enter your username
signin-enter-password = Enter your password

## "Your account is ready", after sign-up.
# Followed by the username, in bold.
signin-ready-heading = Your account is ready
signin-ready-username = Your username is{" "}
signin-ready-next = What happens next
# Before the link signin-ready-sign-in-link.
signin-ready-sign-in-before = You can now{" "}
signin-ready-sign-in-link = sign in
# After the link signin-ready-sign-in-link.
signin-ready-sign-in-after = {" "}with your username and password.
signin-ready-confirm-email = We sent a 6-digit code to { $email }. Sign in and enter it to confirm the address: until then we cannot email you password reset codes.
signin-ready-email = We will send messages about your account to { $email }.
signin-ready-private = Keep your password private. The help desk will never ask you for it.
signin-ready-yours = Your account is yours

## The username is one from the old portal.
# Used as { $portal } when the old portal's name is not known.
signin-old-portal-default = our old patient portal
signin-old-portal-heading = Your old login does not work here
signin-old-portal-from = That username is from { $portal }.
signin-old-portal-moved = Your medical information has moved from { $portal } to this patient portal, but logins did not carry over. Create a new account to see your information. It takes about 5 minutes.
signin-old-portal-start = Sign up with an access code

## Signed in, or not any more.
home-session-ended = You were signed out, because you were inactive for a while or signed out on another device. Sign in again to continue.
home-sign-in-to-see = Sign in to see your account.
home-could-not-open = Sorry, we could not open your account

## The home page.
home-heading = Hello, { $first } { $last }
home-confirm-email-heading = Confirm your email address
# Followed by the link home-confirm-email-link.
home-confirm-email = We sent a 6-digit code to { $masked }. Until you enter it, we cannot email you password reset codes or other messages about your account.{" "}
home-confirm-email-link = Enter the code
# One person waits; followed by the link home-waiting-link.
home-waiting-one = Someone asked for access to your record and is waiting for your answer.{" "}
# More than one person waits; followed by the link home-waiting-link.
home-waiting-many = { $count } people asked for access to your record and are waiting for your answer.{" "}
home-waiting-link = Answer on your record page
home-records-heading = Records you can open
# A link after a record the person's access to will soon end.
home-renew = Renew access
home-ask-access-link = Ask for access to someone else's record
# After the link home-ask-access-link.
home-ask-access-after = {" "}– for a parent, guardian, power of attorney or caregiver.
home-requests-link = See where your requests for access stand
# After the link home-requests-link.
home-requests-after = {" "}on your record page.
home-sign-out-heading = Sign out
home-sign-out-explanation = Sign out when you finish, especially on a shared computer.
home-sign-out-button = Sign out
home-signed-out = You have signed out.
home-everywhere-explanation = If you think someone else has used your account, sign out on every phone, tablet and computer, then change your password.
home-everywhere-button = Sign out everywhere
home-signed-out-everywhere = You have signed out on every device.
home-settings-heading = Account settings
home-username = Username
home-email = Email address
home-email-not-confirmed = Not confirmed yet
# Hidden text after "Change", for screen readers.
home-email-what = email address
home-password = Password
home-password-hidden = Hidden for your security
# Hidden text after "Change", for screen readers.
home-password-what = password

## Change your password.
settings-password-heading = Change your password
settings-password-current = Current password
settings-password-new = New password
settings-password-button = Change password
settings-password-changed = Your password has been changed. You are still signed in here; every other device has been signed out. We sent an email to confirm the change.
settings-enter-current-password = Enter your current password
settings-password-not-different = Your new password must be different from your current one

## Change your email address.
settings-email-enter-code = Enter the 6-digit code from the email
settings-email-now-told = Your email address is now { $email }. We sent a message to your previous address to tell you.
settings-email-now = Your email address is now { $email }.
settings-email-current = Your email address is { $email }.
settings-email-none = Your account has no confirmed email address yet.
settings-email-confirm-button = Confirm email address
settings-email-heading = Change your email address
settings-email-new = New email address
settings-email-new-hint = We will send a code to this address to check that it is yours.
settings-email-current-password = Your current password
settings-email-send = Send code
settings-email-check-heading = Check your email
settings-email-check-title = Check your email – change your email address
settings-email-sent = We sent a 6-digit code to { $masked }. It works for 10 minutes.{" "}
settings-email-changes = Your email address changes when you enter it.
settings-email-not-got = I did not get the email
# Followed by the help desk's number, a link, then ".".
settings-email-not-got-help = It can take a few minutes. Check your spam or junk folder, and check the address you typed. You can also call the help desk at{" "}
settings-email-start-again = Change the address or send a new code

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
