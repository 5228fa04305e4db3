//! The emails, each written once as paragraphs and sent both as plain text
//! and as simple HTML (every value escaped).

use crate::domain::date::Date;
use crate::server::state::Settings;
use crate::server::store::NewEmail;

/// A message to `to` of plain paragraphs, with the help-desk footer;
/// `template` names it in the outbox (which keeps no body once it is sent).
fn compose(
    settings: &Settings,
    template: &'static str,
    to: &str,
    subject: &str,
    paragraphs: &[String],
) -> NewEmail {
    let footer = format!(
        "Questions? Call the help desk at {}, 24 hours a day, 7 days a week. \
         We will never ask for your password.",
        settings.help_desk_phone
    );
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
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body style=\"font-family: sans-serif; line-height: 1.4; max-width: 40em\">\n\
         <h1 style=\"font-size: 1.4em\">{title}</h1>\n{body}</body></html>\n",
        title = escape(subject),
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
    to: &str,
    reference: &str,
    promised_by: Date,
) -> NewEmail {
    compose(
        settings,
        "signup_pending",
        to,
        "We are processing your patient portal request",
        &[
            "We could not verify your information against our records, so your request to \
             create a patient portal account is being processed."
                .into(),
            format!("Your reference number is {reference}."),
            format!(
                "We will send you an access code by email or by mail by {promised_by}. \
                 You can check where your request stands at {}/signup/status with your reference \
                 number and date of birth.",
                settings.public_url
            ),
            format!(
                "You do not have to wait: you can try again with the email address or mobile phone \
                 number on your medical record, or call the help desk at {} for a code.",
                settings.help_desk_phone
            ),
        ],
    )
}

/// The six-digit code proving the person reads the email on their record.
pub fn email_code(
    settings: &Settings,
    to: &str,
    code: &str,
    minutes: i64,
    expires_at: i64,
) -> NewEmail {
    let email = compose(
        settings,
        "email_code",
        to,
        "Your patient portal verification code",
        &[
            format!("Your verification code is {code}."),
            format!(
                "Enter it on the patient portal page that asked for it. It works for {minutes} minutes."
            ),
            "If you did not ask to create a patient portal account, you can ignore this email: \
             nobody can create an account without this code."
                .into(),
        ],
    );
    carrying_code(email, expires_at)
}

/// A new access code, sent to the contact on the patient's record.
pub fn new_access_code(settings: &Settings, to: &str, code: &str, expires_at: i64) -> NewEmail {
    let expires_on = Date::from_unix_seconds(expires_at);
    let email = compose(
        settings,
        "new_access_code",
        to,
        "Your new patient portal access code",
        &[
            format!(
                "Your new access code is {code}. Any code you were sent before no longer works."
            ),
            format!(
                "To create your account, go to {}/signup/code and enter the code with your date of \
                 birth. The code works once, until {expires_on}.",
                settings.public_url
            ),
            "If you did not ask for a new code, you can ignore this email.".into(),
        ],
    );
    carrying_code(email, expires_at)
}

/// The usernames of the accounts with this email and date of birth.
pub fn username_reminder(settings: &Settings, to: &str, usernames: &[String]) -> NewEmail {
    let names = usernames.join(", ");
    compose(
        settings,
        "username_reminder",
        to,
        "Your patient portal username",
        &[
            format!("You asked for your patient portal username. It is: {names}"),
            format!("Sign in at {}/signin.", settings.public_url),
            "If you did not ask, you can ignore this email.".into(),
        ],
    )
}

/// A one-time code to set a new password.
pub fn reset_code(
    settings: &Settings,
    to: &str,
    code: &str,
    minutes: i64,
    expires_at: i64,
) -> NewEmail {
    let email = compose(
        settings,
        "reset_code",
        to,
        "Your patient portal password reset code",
        &[
            format!("Your code to reset your password is {code}."),
            format!("Enter it on the page that asked for it. It works once, for {minutes} minutes."),
            "If you did not ask to reset your password, you can ignore this email: your password has \
             not changed."
                .into(),
        ],
    );
    carrying_code(email, expires_at)
}

/// Sent after any password change.
pub fn password_changed(settings: &Settings, to: &str) -> NewEmail {
    compose(
        settings,
        "password_changed",
        to,
        "Your patient portal password was changed",
        &[
            "The password of your patient portal account was just changed, and every device signed \
             in to it was signed out."
                .into(),
            format!(
                "If you did not change it, call the help desk now at {}.",
                settings.help_desk_phone
            ),
        ],
    )
}

/// The code that confirms a new email address, sent to that address.
pub fn email_change_code(
    settings: &Settings,
    to: &str,
    code: &str,
    minutes: i64,
    expires_at: i64,
) -> NewEmail {
    let email = compose(
        settings,
        "email_change_code",
        to,
        "Confirm your new patient portal email address",
        &[
            format!("Your code to confirm this email address is {code}."),
            format!("Enter it in your patient portal account settings. It works for {minutes} minutes."),
            "If you did not ask to use this address for a patient portal account, you can ignore this email."
                .into(),
        ],
    );
    carrying_code(email, expires_at)
}

/// Tells the old address that the account's email changed.
pub fn email_changed(settings: &Settings, to: &str, masked_new: &str) -> NewEmail {
    compose(
        settings,
        "email_changed",
        to,
        "Your patient portal email address was changed",
        &[
            format!(
                "The email address of your patient portal account was changed to {masked_new}. We will not write to this address any more."
            ),
            format!(
                "If you did not change it, call the help desk now at {}.",
                settings.help_desk_phone
            ),
        ],
    )
}

/// An adult patient is asked whether someone may have proxy access.
pub fn proxy_approval_asked(
    settings: &Settings,
    to: &str,
    requester: &str,
    relationship: &str,
) -> NewEmail {
    compose(
        settings,
        "proxy_approval_asked",
        to,
        "Someone asked for access to your patient portal record",
        &[
            format!(
                "{requester} asked for proxy access to your patient portal record, as your {}.",
                relationship.to_lowercase()
            ),
            format!(
                "Sign in at {}/signin to approve or refuse. Nobody gets access to your record \
                 without your approval and a help desk review.",
                settings.public_url
            ),
            format!(
                "If you do not know this person, refuse, and call the help desk at {}.",
                settings.help_desk_phone
            ),
        ],
    )
}

/// The requester hears how their proxy request ended.
pub fn proxy_decided(
    settings: &Settings,
    to: &str,
    patient: &str,
    approved: bool,
    reason: &str,
) -> NewEmail {
    let (subject, first) = if approved {
        (
            "Your proxy access request was approved",
            format!(
                "Your request for access to {patient}'s record was approved. Open it from your home page."
            ),
        )
    } else {
        (
            "Your proxy access request was not approved",
            format!("Your request for access to {patient}'s record was not approved."),
        )
    };
    let mut paragraphs = vec![first];
    if !reason.is_empty() {
        paragraphs.push(format!("The reason: {reason}"));
    }
    paragraphs.push(format!("Sign in at {}/signin.", settings.public_url));
    compose(settings, "proxy_decided", to, subject, &paragraphs)
}

/// The help desk linked an unverified sign-up to a record and sent a code.
pub fn request_code_sent(
    settings: &Settings,
    to: &str,
    reference: &str,
    by_mail: bool,
) -> NewEmail {
    let how = if by_mail {
        "by mail, to the address on your medical record. It should arrive within a few days"
    } else {
        "by email, to the email address on your medical record"
    };
    compose(
        settings,
        "request_code_sent",
        to,
        "We sent your patient portal access code",
        &[
            format!(
                "We have reviewed your patient portal request {reference} and sent your access code {how}."
            ),
            format!(
                "With the code and your date of birth, create your account at {}/signup/code.",
                settings.public_url
            ),
        ],
    )
}

/// The help desk closed an unverified sign-up without a code, with a reason.
pub fn request_closed(settings: &Settings, to: &str, reference: &str, reason: &str) -> NewEmail {
    compose(
        settings,
        "request_closed",
        to,
        "About your patient portal request",
        &[
            format!("We could not complete your patient portal request {reference}."),
            format!("The reason: {reason}"),
            format!(
                "Call the help desk at {} and we will help you get your account.",
                settings.help_desk_phone
            ),
        ],
    )
}

/// A proxy grant ends within a month: told to the person who holds it.
pub fn access_ending_for_holder(
    settings: &Settings,
    to: &str,
    patient: &str,
    ends_on: Date,
    at_majority: bool,
) -> NewEmail {
    let next = if at_majority {
        format!(
            "This is a parent's or guardian's access, which ends when {patient} becomes an \
             adult. After that, {patient} decides who can see their record from their own \
             account."
        )
    } else {
        format!(
            "To keep access, ask again at {}/proxy before then. The help desk reviews it again.",
            settings.public_url
        )
    };
    compose(
        settings,
        "access_ending_for_holder",
        to,
        &format!("Your access to {patient}'s record ends on {ends_on}"),
        &[
            format!("Your proxy access to {patient}'s patient portal record ends on {ends_on}."),
            next,
        ],
    )
}

/// Proxy access ended before its date (ended by the patient, or by the
/// help desk): told to whoever did not end it. `whose` is "Lily Chen's
/// record" for the holder, "your record" for the patient; `holder` names
/// who had it ("Your", "Mei Chen's").
pub fn access_ended(
    settings: &Settings,
    to: &str,
    holder: &str,
    whose: &str,
    by: &str,
) -> NewEmail {
    compose(
        settings,
        "access_ended",
        to,
        &format!("{holder} access to {whose} has ended"),
        &[
            format!("{holder} proxy access to {whose} in the patient portal was ended {by}."),
            format!(
                "You can see who has access to your own record at {}/records.",
                settings.public_url
            ),
        ],
    )
}

/// A proxy grant ends within a month: told to the patient whose record it opens.
pub fn access_ending_for_patient(
    settings: &Settings,
    to: &str,
    holder: &str,
    ends_on: Date,
) -> NewEmail {
    compose(
        settings,
        "access_ending_for_patient",
        to,
        &format!("{holder}'s access to your record ends on {ends_on}"),
        &[
            format!("{holder}'s proxy access to your patient portal record ends on {ends_on}."),
            format!(
                "You do not need to do anything. You can see who has access to your record at \
                 {}/records.",
                settings.public_url
            ),
        ],
    )
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
            "a@example.com",
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
        let with_code = [
            email_code(&s, "a@example.com", "123456", 10, 1_000),
            new_access_code(&s, "a@example.com", "KT1FA-RBX53-1RM71", 1_000),
            reset_code(&s, "a@example.com", "ABCD-EFGH", 15, 1_000),
            email_change_code(&s, "a@example.com", "123456", 10, 1_000),
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
        let notice = password_changed(&s, "a@example.com");
        assert_eq!(
            (notice.template, notice.expires_at),
            ("password_changed", None)
        );
    }
}
