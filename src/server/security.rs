//! Secrets and hashing: the server secret and keyed hashes (HMAC-SHA256),
//! random codes and references, and argon2id password hashes computed on a
//! blocking thread with a bounded number in flight.

use crate::api::AppError;
use crate::domain::access_code::{AccessCode, PAYLOAD_LENGTH};
use argon2::password_hash::{PasswordHasher as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;
use std::path::Path;
use std::sync::Arc;
use tokio::sync::Semaphore;
use unicode_normalization::UnicodeNormalization;

/// The key for keyed hashes. Never logged, never sent.
#[derive(Clone)]
pub struct ServerSecret(Arc<Vec<u8>>);

impl ServerSecret {
    pub const MIN_BYTES: usize = 32;

    pub fn from_hex(text: &str) -> Result<Self, String> {
        let bytes =
            hex::decode(text.trim()).map_err(|_| "the server secret must be hex".to_string())?;
        if bytes.len() < Self::MIN_BYTES {
            return Err(format!(
                "the server secret must be at least {} bytes",
                Self::MIN_BYTES
            ));
        }
        Ok(ServerSecret(Arc::new(bytes)))
    }

    /// A new random secret, hex-encoded.
    pub fn generate_hex() -> String {
        let mut bytes = [0u8; Self::MIN_BYTES];
        OsRng.fill_bytes(&mut bytes);
        hex::encode(bytes)
    }

    /// Reads the secret file, or creates it (readable by its owner only).
    pub fn load_or_create(path: &Path) -> Result<Self, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::from_hex(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let secret = Self::generate_hex();
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
                write_private(path, &secret).map_err(|e| format!("{}: {e}", path.display()))?;
                tracing::info!(path = %path.display(), "generated a new server secret");
                Self::from_hex(&secret)
            }
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// HMAC-SHA256 of `value` under this secret, with `purpose` separating
    /// the kinds of values hashed (hex).
    pub fn keyed_hash(&self, purpose: &str, value: &str) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(value.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    pub fn access_code_hash(&self, code: &AccessCode) -> String {
        self.keyed_hash("access-code", &code.canonical())
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// A new access code from the operating system's CSPRNG. Each random byte is
/// reduced modulo 32, which is uniform because 256 is a multiple of 32.
pub fn new_access_code() -> AccessCode {
    let mut payload = [0u8; PAYLOAD_LENGTH];
    OsRng.fill_bytes(&mut payload);
    AccessCode::from_payload(payload)
}

/// A short reference for an error, to quote to the help desk: 8 symbols.
pub fn new_reference() -> String {
    new_token(8)
}

/// `len` random Crockford base32 symbols (5 bits each) from the CSPRNG.
pub fn new_token(len: usize) -> String {
    const SYMBOLS: &[u8; 32] = crate::domain::access_code::ALPHABET;
    let mut bytes = vec![0u8; len];
    OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|b| SYMBOLS[usize::from(b & 31)] as char)
        .collect()
}

/// argon2id with the OWASP parameters: m = 19456 KiB, t = 2, p = 1.
#[derive(Clone)]
pub struct PasswordHasher {
    in_flight: Arc<Semaphore>,
}

impl PasswordHasher {
    pub fn new(max_in_flight: usize) -> Self {
        PasswordHasher {
            in_flight: Arc::new(Semaphore::new(max_in_flight.max(1))),
        }
    }

    fn argon2() -> Argon2<'static> {
        let params = Params::new(19_456, 2, 1, None).expect("valid argon2 parameters");
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    /// The PHC string for a password, normalized to NFKC first so the same
    /// password typed on different devices hashes the same.
    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let normalized: String = password.nfkc().collect();
        let _permit = self
            .in_flight
            .acquire()
            .await
            .map_err(|e| super::internal_error(&e))?;
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Self::argon2()
                .hash_password(normalized.as_bytes(), &salt)
                .map(|h| h.to_string())
        })
        .await
        .map_err(|e| super::internal_error(&e))?
        .map_err(|e| super::internal_error(&e))
    }

    /// Whether `password` matches the PHC string `hash`. With `hash` None
    /// (no such account) it checks against a fixed hash of the same cost,
    /// so an unknown username takes as long as a wrong password.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, AppError> {
        let normalized: String = password.nfkc().collect();
        let hash = hash.unwrap_or(DUMMY_HASH).to_string();
        let known = hash != DUMMY_HASH;
        let _permit = self
            .in_flight
            .acquire()
            .await
            .map_err(|e| super::internal_error(&e))?;
        let matches = tokio::task::spawn_blocking(move || {
            use argon2::password_hash::{PasswordHash, PasswordVerifier};
            PasswordHash::new(&hash)
                .map(|parsed| {
                    Self::argon2()
                        .verify_password(normalized.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
        .map_err(|e| super::internal_error(&e))?;
        Ok(matches && known)
    }
}

/// An argon2id hash with the same parameters as real ones, of a password
/// nobody knows: verified against when there is no account, for equal timing.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$3mxOovlCDf9PxqHhR8JSsw$59SVdBStyrQTJCYU/c/aYr0ZOzVKWA35jP5RA68YH7g";

/// A new random session id (256 bits, hex). Only its keyed hash is stored.
pub fn new_session_id() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_hashes_depend_on_key_and_purpose() {
        let a = ServerSecret::from_hex(&"11".repeat(32)).unwrap();
        let b = ServerSecret::from_hex(&"22".repeat(32)).unwrap();
        assert_ne!(a.keyed_hash("x", "v"), b.keyed_hash("x", "v"));
        assert_ne!(a.keyed_hash("x", "v"), a.keyed_hash("y", "v"));
        assert_eq!(a.keyed_hash("x", "v").len(), 64);
        assert!(ServerSecret::from_hex("abcd").is_err());
    }

    #[test]
    fn new_codes_are_valid_and_differ() {
        let a = new_access_code();
        let b = new_access_code();
        assert_ne!(a, b);
        assert_eq!(crate::domain::access_code::parse(&a.to_string()), Ok(a));
    }

    #[tokio::test]
    async fn passwords_verify_and_the_stand_in_hash_never_does() {
        let hasher = PasswordHasher::new(1);
        let hash = hasher.hash("ﬁne violet tractor at dawn").await.unwrap();
        // NFKC: the ligature "ﬁ" and "fi" are the same password.
        assert!(
            hasher
                .verify("fine violet tractor at dawn", Some(&hash))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify("fine violet tractor at dusk", Some(&hash))
                .await
                .unwrap()
        );
        assert!(!hasher.verify("anything", None).await.unwrap());
        assert!(!hasher.verify("anything", Some("not a hash")).await.unwrap());
        // The stand-in really is an argon2id hash of the same cost, so
        // checking against it takes the time a real check takes.
        let parsed = argon2::password_hash::PasswordHash::new(DUMMY_HASH).unwrap();
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        assert!(DUMMY_HASH.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        let timed = |hash: Option<String>| {
            let hasher = hasher.clone();
            async move {
                let started = std::time::Instant::now();
                hasher
                    .verify("some password", hash.as_deref())
                    .await
                    .unwrap();
                started.elapsed()
            }
        };
        let (known, unknown) = (timed(Some(hash.clone())).await, timed(None).await);
        assert!(
            unknown * 2 > known && known * 2 > unknown,
            "{known:?} {unknown:?}"
        );
    }

    #[tokio::test]
    async fn hashes_are_argon2id_with_the_baseline_parameters() {
        let hash = PasswordHasher::new(1)
            .hash("correct horse battery staple")
            .await
            .unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
    }
}
