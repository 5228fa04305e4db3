### What the server answers about accounts. Keep the terms of
### locales/glossary.tsv.

## Account settings.
settings-current-password-wrong = Your current password is not right
settings-already-your-email = This is already your email address
settings-code-six-numbers = The code must be 6 numbers, like 123456
settings-code-not-right = The code is not right. Check the email and try again
