### The notice for a username from the old portal (sign-in and recovery). Keep the terms of locales/glossary.tsv.

## The username is one from the old portal.
# Used as { $portal } when the old portal's name is not known.
signin-old-portal-default = our old patient portal
signin-old-portal-heading = Your old login does not work here
signin-old-portal-from = That username is from { $portal }.
signin-old-portal-moved = Your medical information has moved from { $portal } to this patient portal, but logins did not carry over. Create a new account to see your information. It takes about 5 minutes.
signin-old-portal-start = Sign up with an access code
