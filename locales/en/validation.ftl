### Validation: what the shared rules of src/domain and src/shared say about
### an answer, the same in the browser and on the server.

## Access codes.
access-code-missing = Enter your access code
access-code-letter-u = Access codes do not use the letter U. Check your access code
access-code-symbols = Access code must only include letters and numbers
# $count is how many letters and numbers the person typed.
access-code-length = Access code must be 15 letters and numbers. You entered { $count }
access-code-mistyped = Check your access code – it looks mistyped

## Dates typed in three boxes (month, day, year). The person's own date of
## birth ("your"), someone else's ("their": a child's), and the first and
## last dates of a range of medical records.
date-enter-your-birth = Enter your date of birth
date-enter-their-birth = Enter their date of birth
date-enter-first = Enter the first date
date-enter-last = Enter the last date
# $parts is one part ("a month") or two ("a day and a year").
date-birth-must-include = Date of birth must include { $parts }
date-first-must-include = First date must include { $parts }
date-last-must-include = Last date must include { $parts }
date-part-month = a month
date-part-day = a day
date-part-year = a year
# Two missing parts: "a day and a year".
date-parts-two = { $first } and { $second }
date-birth-real = Date of birth must be a real date
date-first-real = First date must be a real date
date-last-real = Last date must be a real date
date-year-four-numbers = Year must include 4 numbers
# Today is allowed.
date-birth-past = Date of birth must be in the past
date-first-past = First date must be in the past
date-last-past = Last date must be in the past
date-birth-from-1900 = Date of birth must be on or after January 1, 1900
date-first-from-1900 = First date must be on or after January 1, 1900
date-last-from-1900 = Last date must be on or after January 1, 1900

## Legal names: first, middle (optional) and last.
name-enter-first = Enter your first name
name-enter-last = Enter your last name
name-first-too-long = First name must be 100 characters or fewer
name-middle-too-long = Middle name must be 100 characters or fewer
name-last-too-long = Last name must be 100 characters or fewer
name-first-characters = First name must only include letters, spaces, hyphens, apostrophes and periods
name-middle-characters = Middle name must only include letters, spaces, hyphens, apostrophes and periods
name-last-characters = Last name must only include letters, spaces, hyphens, apostrophes and periods

## Legal sex, as health records hold it: the choices and the message.
legal-sex-female = Female
legal-sex-male = Male
# Neither female nor male, as some states' documents say it.
legal-sex-x = X
legal-sex-missing = Select your legal sex as it appears on your medical record

## A US home address.
street-missing = Enter your street address
street-too-long = Street address must be 200 characters or fewer
city-missing = Enter your town or city
city-too-long = Town or city must be 100 characters or fewer
state-missing = Select your state
zip-missing = Enter your ZIP code
zip-format = Enter a ZIP code with 5 numbers, like 12207, or ZIP+4, like 12207-1234

## Phone numbers.
phone-missing = Enter your mobile phone number
phone-format = Enter a US phone number with 10 numbers, like (555) 555-0100

## Email addresses.
email-missing = Enter your email address
email-too-long = Email address must be 254 characters or fewer
email-format = Enter an email address in the correct format, like name@example.com

## Usernames.
username-missing = Enter a username
username-characters = Username must only include letters, numbers, periods (.), hyphens (-) and underscores (_)
username-too-short = Username must be 6 characters or more
username-too-long = Username must be 64 characters or fewer

## Passwords.
password-missing = Enter a password
password-problem-short = Password must be 15 characters or more
password-problem-long = Password must be 128 characters or fewer
password-problem-common = This password is too common. Choose one that would be hard to guess
password-problem-username = Password must not contain your username
password-problem-name = Password must not contain your name

## Any answer far longer than a rule accepts (a client that misbehaves).
answer-too-long = This answer is too long
