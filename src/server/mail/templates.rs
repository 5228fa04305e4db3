//! The emails, each written once as paragraphs and sent both as plain text
//! and as simple HTML (every value escaped).

use crate::domain::date::Date;
use crate::domain::relationship::Relationship;
use crate::server::state::Settings;
use crate::server::store::NewEmail;
use crate::words::{self, Language};

/// Whom an email is for: the address, and the language to write in (the
/// account's, else the request's, else the record's, else English).
#[derive(Clone, Copy, Debug)]
pub struct To<'a> {
    pub address: &'a str,
    pub language: Language,
}

impl<'a> To<'a> {
    /// To `address`, in the first language `languages` knows (the most
    /// telling first), else English.
    pub fn new(address: &'a str, languages: impl IntoIterator<Item = Option<Language>>) -> To<'a> {
        To {
            address,
            language: languages.into_iter().flatten().next().unwrap_or_default(),
        }
    }

    /// To `address`, in a language the database holds (a code), if it is
    /// one Front Desk speaks.
    pub fn stored(address: &'a str, language: Option<&str>) -> To<'a> {
        To::new(address, [language.and_then(Language::from_code)])
    }

    /// To `address`, in the language of the request being answered: for
    /// someone who asked for this email just now.
    pub fn asking(address: &'a str) -> To<'a> {
        To {
            address,
            language: words::language(),
        }
    }
}

/// A message to `to` of plain paragraphs, with the help-desk footer;
/// `template` names it in the outbox (which keeps no body once it is sent).
fn compose(
    settings: &Settings,
    template: &'static str,
    to: &str,
    subject: &str,
    paragraphs: &[String],
) -> NewEmail {
    let footer = words::email_footer(&settings.help_desk_phone);
    let all: Vec<&str> = paragraphs
        .iter()
        .map(String::as_str)
        .chain([footer.as_str()])
        .collect();
    let text = format!("{}\n", all.join("\n\n"));
    let body: String = all
        .iter()
        .map(|p| format!("<p>{}</p>\n", escape(p)))
        .collect();
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body style=\"font-family: sans-serif; line-height: 1.4; max-width: 40em\">\n\
         <h1 style=\"font-size: 1.4em\">{title}</h1>\n{body}</body></html>\n",
        title = escape(subject),
        lang = words::language().code(),
    );
    NewEmail {
        to: to.to_string(),
        subject: subject.to_string(),
        text,
        html,
        message_id: String::new(),
        template,
        expires_at: None,
    }
}

/// A message carrying a code that stops working at `expires_at`: the
/// outbox drops it then if it was not delivered.
fn carrying_code(email: NewEmail, expires_at: i64) -> NewEmail {
    NewEmail {
        expires_at: Some(expires_at),
        ..email
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A self-signup the system could not verify: it is being processed.
pub fn signup_pending(
    settings: &Settings,
    to: To<'_>,
    reference: &str,
    promised_by: Date,
) -> NewEmail {
    words::in_language(to.language, || {
        compose(
            settings,
            "signup_pending",
            to.address,
            words::email_signup_pending_subject(),
            &[
                words::email_signup_pending_unverified().into(),
                words::email_signup_pending_reference(reference),
                words::email_signup_pending_promise(&promised_by.to_string(), &settings.public_url),
                words::email_signup_pending_try_again(&settings.help_desk_phone),
            ],
        )
    })
}

/// The six-digit code proving the person reads the email on their record.
pub fn email_code(
    settings: &Settings,
    to: To<'_>,
    code: &str,
    minutes: i64,
    expires_at: i64,
) -> NewEmail {
    words::in_language(to.language, || {
        let email = compose(
            settings,
            "email_code",
            to.address,
            words::email_code_subject(),
            &[
                words::email_code_code(code),
                words::email_code_enter(&minutes.to_string()),
                words::email_code_ignore().into(),
            ],
        );
        carrying_code(email, expires_at)
    })
}

/// A new access code, sent to the contact on the patient's record.
pub fn new_access_code(settings: &Settings, to: To<'_>, code: &str, expires_at: i64) -> NewEmail {
    words::in_language(to.language, || {
        let expires_on = Date::from_unix_seconds(expires_at);
        let email = compose(
            settings,
            "new_access_code",
            to.address,
            words::email_new_code_subject(),
            &[
                words::email_new_code_code(code),
                words::email_new_code_how(&settings.public_url, &expires_on.to_string()),
                words::email_new_code_ignore().into(),
            ],
        );
        carrying_code(email, expires_at)
    })
}

/// The usernames of the accounts with this email and date of birth.
pub fn username_reminder(settings: &Settings, to: To<'_>, usernames: &[String]) -> NewEmail {
    words::in_language(to.language, || {
        let names = usernames.join(", ");
        compose(
            settings,
            "username_reminder",
            to.address,
            words::email_username_subject(),
            &[
                words::email_username_names(&names),
                words::email_sign_in_at(&settings.public_url),
                words::email_username_ignore().into(),
            ],
        )
    })
}

/// A one-time code to set a new password.
pub fn reset_code(
    settings: &Settings,
    to: To<'_>,
    code: &str,
    minutes: i64,
    expires_at: i64,
) -> NewEmail {
    words::in_language(to.language, || {
        let email = compose(
            settings,
            "reset_code",
            to.address,
            words::email_reset_subject(),
            &[
                words::email_reset_code(code),
                words::email_reset_enter(&minutes.to_string()),
                words::email_reset_ignore().into(),
            ],
        );
        carrying_code(email, expires_at)
    })
}

/// Sent after any password change.
pub fn password_changed(settings: &Settings, to: To<'_>) -> NewEmail {
    words::in_language(to.language, || {
        compose(
            settings,
            "password_changed",
            to.address,
            words::email_password_changed_subject(),
            &[
                words::email_password_changed_body().into(),
                words::email_call_now(&settings.help_desk_phone),
            ],
        )
    })
}

/// The code that confirms a new email address, sent to that address.
pub fn email_change_code(
    settings: &Settings,
    to: To<'_>,
    code: &str,
    minutes: i64,
    expires_at: i64,
) -> NewEmail {
    words::in_language(to.language, || {
        let email = compose(
            settings,
            "email_change_code",
            to.address,
            words::email_change_code_subject(),
            &[
                words::email_change_code_code(code),
                words::email_change_code_enter(&minutes.to_string()),
                words::email_change_code_ignore().into(),
            ],
        );
        carrying_code(email, expires_at)
    })
}

/// Tells the old address that the account's email changed.
pub fn email_changed(settings: &Settings, to: To<'_>, masked_new: &str) -> NewEmail {
    words::in_language(to.language, || {
        compose(
            settings,
            "email_changed",
            to.address,
            words::email_changed_subject(),
            &[
                words::email_changed_body(masked_new),
                words::email_call_now(&settings.help_desk_phone),
            ],
        )
    })
}

/// An adult patient is asked whether someone may have proxy access.
pub fn proxy_approval_asked(
    settings: &Settings,
    to: To<'_>,
    requester: &str,
    relationship: Relationship,
) -> NewEmail {
    words::in_language(to.language, || {
        compose(
            settings,
            "proxy_approval_asked",
            to.address,
            words::email_proxy_asked_subject(),
            &[
                words::email_proxy_asked_who(requester, &relationship.label().to_lowercase()),
                words::email_proxy_asked_sign_in(&settings.public_url),
                words::email_proxy_asked_unknown(&settings.help_desk_phone),
            ],
        )
    })
}

/// How a proxy request ended, for its requester.
#[derive(Clone, Copy, Debug)]
pub enum ProxyDecided<'a> {
    /// The help desk approved it.
    Approved,
    /// The help desk denied it, for the reason they wrote.
    Denied { reason: &'a str },
    /// The adult patient did not approve it.
    RefusedByPatient,
}

/// The requester hears how their proxy request ended.
pub fn proxy_decided(
    settings: &Settings,
    to: To<'_>,
    patient: &str,
    decided: ProxyDecided<'_>,
) -> NewEmail {
    words::in_language(to.language, || {
        let (subject, mut paragraphs) = match decided {
            ProxyDecided::Approved => (
                words::email_proxy_approved_subject(),
                vec![words::email_proxy_approved(patient)],
            ),
            ProxyDecided::Denied { reason } => (
                words::email_proxy_refused_subject(),
                vec![
                    words::email_proxy_refused(patient),
                    words::email_reason(reason),
                ],
            ),
            ProxyDecided::RefusedByPatient => (
                words::email_proxy_refused_subject(),
                vec![words::email_proxy_refused_by_patient(patient)],
            ),
        };
        paragraphs.push(words::email_sign_in_at(&settings.public_url));
        compose(settings, "proxy_decided", to.address, subject, &paragraphs)
    })
}

/// The help desk linked an unverified sign-up to a record and sent a code.
pub fn request_code_sent(
    settings: &Settings,
    to: To<'_>,
    reference: &str,
    by_mail: bool,
) -> NewEmail {
    words::in_language(to.language, || {
        let sent = if by_mail {
            words::email_code_sent_by_mail(reference)
        } else {
            words::email_code_sent_by_email(reference)
        };
        compose(
            settings,
            "request_code_sent",
            to.address,
            words::email_code_sent_subject(),
            &[sent, words::email_code_sent_create(&settings.public_url)],
        )
    })
}

/// The help desk closed an unverified sign-up without a code, with a reason.
pub fn request_closed(settings: &Settings, to: To<'_>, reference: &str, reason: &str) -> NewEmail {
    words::in_language(to.language, || {
        compose(
            settings,
            "request_closed",
            to.address,
            words::email_closed_subject(),
            &[
                words::email_closed_body(reference),
                words::email_reason(reason),
                words::email_closed_call(&settings.help_desk_phone),
            ],
        )
    })
}

/// A proxy grant ends within a month: told to the person who holds it.
pub fn access_ending_for_holder(
    settings: &Settings,
    to: To<'_>,
    patient: &str,
    ends_on: Date,
    at_majority: bool,
) -> NewEmail {
    words::in_language(to.language, || {
        let ends_on = ends_on.to_string();
        let next = if at_majority {
            words::email_ending_holder_majority(patient)
        } else {
            words::email_ending_holder_ask_again(&settings.public_url)
        };
        compose(
            settings,
            "access_ending_for_holder",
            to.address,
            &words::email_ending_holder_subject(patient, &ends_on),
            &[words::email_ending_holder_body(patient, &ends_on), next],
        )
    })
}

/// Proxy access ended before its date, as told to whoever did not end it.
#[derive(Clone, Copy, Debug)]
pub enum AccessEnded<'a> {
    /// The patient ended it: told to the person who held it.
    ByPatient { patient: &'a str },
    /// The help desk ended it: told to the person who held it.
    ByHelpDeskToHolder { patient: &'a str },
    /// The help desk ended it: told to the patient whose record it opened.
    ByHelpDeskToPatient { holder: &'a str },
}

pub fn access_ended(settings: &Settings, to: To<'_>, ended: AccessEnded<'_>) -> NewEmail {
    words::in_language(to.language, || {
        let (subject, body) = match ended {
            AccessEnded::ByPatient { patient } => (
                words::email_ended_holder_subject(patient),
                words::email_ended_by_patient(patient),
            ),
            AccessEnded::ByHelpDeskToHolder { patient } => (
                words::email_ended_holder_subject(patient),
                words::email_ended_holder_by_help_desk(patient),
            ),
            AccessEnded::ByHelpDeskToPatient { holder } => (
                words::email_ended_patient_subject(holder),
                words::email_ended_patient_by_help_desk(holder),
            ),
        };
        compose(
            settings,
            "access_ended",
            to.address,
            &subject,
            &[body, words::email_ended_see(&settings.public_url)],
        )
    })
}

/// A proxy grant ends within a month: told to the patient whose record it opens.
pub fn access_ending_for_patient(
    settings: &Settings,
    to: To<'_>,
    holder: &str,
    ends_on: Date,
) -> NewEmail {
    words::in_language(to.language, || {
        let ends_on = ends_on.to_string();
        compose(
            settings,
            "access_ending_for_patient",
            to.address,
            &words::email_ending_patient_subject(holder, &ends_on),
            &[
                words::email_ending_patient_body(holder, &ends_on),
                words::email_ending_patient_nothing(&settings.public_url),
            ],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            help_desk_phone: "855-667-9704".into(),
            promise_days: 7,
            public_url: "https://portal.example.org".into(),
            old_portal_name: "MyHealth".into(),
            youngest_teen: 14,
        }
    }

    #[test]
    fn text_and_html_say_the_same_and_html_is_escaped() {
        let email = signup_pending(
            &settings(),
            To::new("a@example.com", []),
            "7KDM-2Q9X",
            Date::new(2026, 12, 7).unwrap(),
        );
        assert!(email.text.contains("Your reference number is 7KDM-2Q9X."));
        assert!(email.text.contains("by December 7, 2026"));
        assert!(
            email
                .text
                .contains("https://portal.example.org/signup/status")
        );
        assert!(email.text.contains("855-667-9704"));
        assert!(
            email
                .html
                .contains("<p>Your reference number is 7KDM-2Q9X.</p>")
        );
        let tricky = compose(
            &settings(),
            "test",
            "a@example.com",
            "<b>",
            &["Tom & \"Jerry\" <x>".into()],
        );
        assert!(
            tricky
                .html
                .contains("<p>Tom &amp; &quot;Jerry&quot; &lt;x&gt;</p>")
        );
        assert!(tricky.html.contains("<title>&lt;b&gt;</title>"));
    }

    #[test]
    fn emails_carrying_a_code_expire_with_it_and_name_their_template() {
        let s = settings();
        let a = To::new("a@example.com", []);
        let with_code = [
            email_code(&s, a, "123456", 10, 1_000),
            new_access_code(&s, a, "KT1FA-RBX53-1RM71", 1_000),
            reset_code(&s, a, "ABCD-EFGH", 15, 1_000),
            email_change_code(&s, a, "123456", 10, 1_000),
        ];
        for email in &with_code {
            assert_eq!(email.expires_at, Some(1_000), "{}", email.template);
        }
        let names: Vec<&str> = with_code.iter().map(|e| e.template).collect();
        assert_eq!(
            names,
            [
                "email_code",
                "new_access_code",
                "reset_code",
                "email_change_code"
            ]
        );
        let notice = password_changed(&s, a);
        assert_eq!(
            (notice.template, notice.expires_at),
            ("password_changed", None)
        );
    }

    #[test]
    fn an_email_is_written_in_its_recipients_language() {
        // Whatever the language of the request being answered.
        let email = words::in_language(Language::En, || {
            let to = To::new("a@example.com", [None, Some(Language::Es)]);
            email_code(&settings(), to, "482913", 10, 1_000)
        });
        assert_eq!(
            email.subject,
            "Su código de verificación del portal del paciente"
        );
        assert!(email.text.contains("Su código de verificación es 482913."));
        assert!(email.text.contains("Sirve durante 10 minutos."));
        assert!(
            email
                .text
                .contains("Llame al servicio de ayuda al 855-667-9704")
        );
        assert!(email.html.contains("<html lang=\"es\">"));
        assert!(email.html.contains("482913"));
        assert!(!email.text.contains("Your"));
        // No language known: English.
        let to = To::new("a@example.com", [None]);
        let english = words::in_language(Language::Es, || {
            email_code(&settings(), to, "482913", 10, 1_000)
        });
        assert!(english.html.contains("<html lang=\"en\">"));
        assert_eq!(english.subject, "Your patient portal verification code");
    }

    #[test]
    fn access_ended_says_who_ended_it_to_each_side() {
        let s = settings();
        let es = To::new("a@example.com", [Some(Language::Es)]);
        let by_patient = access_ended(
            &s,
            es,
            AccessEnded::ByPatient {
                patient: "Lily Chen",
            },
        );
        assert_eq!(
            by_patient.subject,
            "Terminó su acceso al expediente de Lily Chen"
        );
        assert!(
            by_patient.text.contains("Lily Chen terminó el acceso"),
            "{}",
            by_patient.text
        );
        let en = To::new("a@example.com", []);
        let to_patient = access_ended(
            &s,
            en,
            AccessEnded::ByHelpDeskToPatient { holder: "Mei Chen" },
        );
        assert_eq!(
            to_patient.subject,
            "Mei Chen's access to your record has ended"
        );
        assert!(
            to_patient.text.contains("was ended by the help desk"),
            "{}",
            to_patient.text
        );
    }
}
