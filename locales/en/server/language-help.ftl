## The language-help page (locales/language-help.tsv holds its sentences).
language-help-title = Language help
language-help-intro = Free help in your language is available 24 hours a day, 7 days a week. Call the help desk at { $phone } and say the language you speak.
language-help-back = Back to the patient portal
