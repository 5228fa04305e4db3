## The access-code letter the help desk prints and mails (in the patient's language).
letter-greeting = Dear { $name },
letter-intro = Our patient portal has moved, and logins from the old portal do not carry over. Here is your personal access code to create your new account:
letter-valid-until = It works once, until { $date }.
letter-step-go = Go to { $url }
letter-step-code = Enter the code above and your date of birth.
letter-step-login = Choose a username and password. You will need an email address.
letter-questions = Questions, or the code does not work? Call the help desk at { $phone }, 24 hours a day, 7 days a week. We will never ask for your password.
