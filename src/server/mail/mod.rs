//! Email. Every message is written to the outbox in the same transaction as
//! the change that causes it; a sender in every server then claims due
//! messages with a lease (so two servers never send one twice), delivers
//! them over SMTP, and retries failures with back-off. A crash or restart
//! loses nothing: unsent messages stay in the outbox until a sender delivers
//! them. A delivered message keeps no body. Without SMTP nothing is
//! delivered: messages wait in the outbox (a demo server shows them on
//! `/dev/mailbox`), and the retention job drops those carrying a code when
//! the code expires, so no code outlives itself in plain text.

pub mod templates;

use super::store::{NewEmail, OutboxMessage, Store};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// How long a sender holds a claimed message before another may take it.
const LEASE_SECONDS: i64 = 120;
/// How often every sender looks for due messages, besides being woken.
const POLL: Duration = Duration::from_secs(5);

enum Transport {
    Smtp(Box<AsyncSmtpTransport<Tokio1Executor>>),
    /// No SMTP: messages wait in the outbox; in demo mode `/dev/mailbox`
    /// shows them there (showing is not delivering, so they keep their body).
    Held {
        mailbox: bool,
    },
}

#[derive(Clone)]
pub struct Mailer {
    transport: Arc<Transport>,
    from: Mailbox,
    domain: String,
    wake: Arc<Notify>,
}

impl Mailer {
    /// `smtp_url` as lettre reads it: `smtp://user:password@host:587?tls=required`
    /// (STARTTLS), `smtps://…:465` (TLS), or `smtp://host:25` (plain, for a
    /// local relay).
    pub fn new(smtp_url: Option<&str>, from: &str, demo: bool) -> Result<Mailer, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("--mail-from {from:?}: {e}"))?;
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(Box::new(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| format!("--smtp-url: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            )),
            None => {
                if !demo {
                    tracing::warn!(
                        "no SMTP server configured (--smtp-url): emails wait in the outbox"
                    );
                }
                Transport::Held { mailbox: demo }
            }
        };
        let domain = from.email.domain().to_string();
        Ok(Mailer {
            transport: Arc::new(transport),
            from,
            domain,
            wake: Arc::new(Notify::new()),
        })
    }

    /// Gives an email its Message-ID (kept across every try) before it
    /// goes into the outbox.
    pub fn stamp(&self, mut email: NewEmail) -> NewEmail {
        email.message_id = format!(
            "<{}.{}@{}>",
            super::now(),
            super::security::new_token(12),
            self.domain
        );
        email
    }

    /// Whether the demo mailbox page exists.
    pub fn has_mailbox(&self) -> bool {
        matches!(*self.transport, Transport::Held { mailbox: true })
    }

    /// Asks this server's sender to look at the outbox now (after a commit).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Delivers due messages until stopped: woken after each commit, and
    /// every few seconds for messages other servers committed or retries.
    pub fn spawn_sender(&self, store: Store) {
        let mailer = self.clone();
        tokio::spawn(async move {
            loop {
                match mailer.deliver_due(&store).await {
                    // A full batch: there may be more.
                    Ok(n) if n >= 10 => continue,
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "could not read the outbox"),
                }
                let _ = tokio::time::timeout(POLL, mailer.wake.notified()).await;
            }
        });
    }

    /// Claims and delivers the messages that are due; returns how many it claimed.
    pub async fn deliver_due(&self, store: &Store) -> Result<usize, sqlx::Error> {
        let Transport::Smtp(smtp) = &*self.transport else {
            return Ok(0);
        };
        let batch = store
            .claim_due_emails(super::now(), LEASE_SECONDS, 10)
            .await?;
        for message in &batch {
            let now = super::now();
            match self.deliver(smtp, message).await {
                Ok(()) => store.mark_email_sent(message.id, "smtp", now).await?,
                Err(error) => {
                    let wait = retry_delay(message.attempts);
                    tracing::warn!(id = message.id, attempts = message.attempts, %error, "email not delivered; retrying in {wait}s");
                    store
                        .mark_email_failed(message.id, &error, now + wait)
                        .await?;
                }
            }
        }
        Ok(batch.len())
    }

    async fn deliver(
        &self,
        smtp: &AsyncSmtpTransport<Tokio1Executor>,
        message: &OutboxMessage,
    ) -> Result<(), String> {
        let to: Mailbox = message
            .to_addr
            .parse()
            .map_err(|e| format!("address: {e}"))?;
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&message.subject)
            .message_id(Some(message.message_id.clone()))
            .multipart(MultiPart::alternative_plain_html(
                message.text_body.clone(),
                message.html_body.clone(),
            ))
            .map_err(|e| format!("message: {e}"))?;
        smtp.send(email)
            .await
            .map(|_| ())
            .map_err(|e| format!("smtp: {e}"))
    }
}

/// 30 s after the first failure, doubling, at most an hour.
fn retry_delay(attempts: i64) -> i64 {
    let doublings = attempts.clamp(1, 8) - 1;
    (30_i64 << doublings).min(3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_up_to_an_hour() {
        let delays: Vec<i64> = (1..=10).map(retry_delay).collect();
        assert_eq!(
            delays,
            vec![30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
        );
    }
}
