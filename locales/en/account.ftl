### The pages for people with an account: sign in, the signed-in home page
### and account settings (recovery is recover.ftl). Keep the
### terms of locales/glossary.tsv.

## Sign in.
signin-heading = Sign in to the patient portal
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

## Signed in, or not any more.

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
