//! Secrets and hashing: the server secret and keyed hashes (HMAC-SHA256),
//! random codes and references, and argon2id password hashes computed on a
//! blocking thread with a bounded number in flight.

use crate::domain::access_code::{AccessCode, PAYLOAD_LENGTH};
use crate::shared::AppError;
use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;
use std::path::Path;
use std::sync::mpsc::{SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
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

/// argon2id with the OWASP parameters: m = 19456 KiB, t = 2, p = 1, on a
/// fixed set of threads (one per hash allowed at once), each reusing its own
/// 19 MiB of argon2 memory, so the server's memory stays flat under any load.
/// At most `waiting` more hashes wait for a thread; beyond that a request is
/// answered "busy, try again" at once instead of queueing unbounded work.
#[derive(Clone)]
pub struct PasswordHasher {
    jobs: SyncSender<HashJob>,
}

/// Work for a hash thread, given that thread's argon2 memory.
type HashJob = Box<dyn FnOnce(&mut Vec<Block>) + Send>;

/// Seconds a client is asked to wait when every hash thread is taken.
const BUSY_RETRY_SECONDS: u32 = 2;

impl PasswordHasher {
    pub fn new(threads: usize, waiting: usize) -> Self {
        let (jobs, queue) = std::sync::mpsc::sync_channel::<HashJob>(waiting);
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..threads.max(1) {
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || {
                    let mut memory = vec![Block::default(); Self::params().block_count()];
                    loop {
                        // The lock is held only while waiting for the next job.
                        let job = match queue.lock().map(|q| q.recv()) {
                            Ok(Ok(job)) => job,
                            _ => return,
                        };
                        job(&mut memory);
                    }
                })
                .expect("the operating system starts a hash thread");
        }
        PasswordHasher { jobs }
    }

    fn params() -> Params {
        Params::new(19_456, 2, 1, None).expect("valid argon2 parameters")
    }

    /// Runs `work` on a hash thread, or answers Busy when too many wait.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: HashJob = Box::new(move |memory| {
            let _ = reply.send(work(memory));
        });
        self.jobs.try_send(job).map_err(|e| match e {
            TrySendError::Full(_) => AppError::Busy {
                retry_after_seconds: BUSY_RETRY_SECONDS,
            },
            TrySendError::Disconnected(_) => super::internal_error(&"the hash threads stopped"),
        })?;
        answer.await.map_err(|e| super::internal_error(&e))
    }

    /// The PHC string for a password, normalized to NFKC first so the same
    /// password typed on different devices hashes the same.
    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let normalized: String = password.nfkc().collect();
        let salt = SaltString::generate(&mut OsRng);
        self.run(move |memory| {
            let params = Self::params();
            let output = argon2_output(normalized.as_bytes(), salt.as_salt(), &params, memory)?;
            Ok::<_, argon2::password_hash::Error>(
                PasswordHash {
                    algorithm: Algorithm::Argon2id.ident(),
                    version: Some(Version::V0x13.into()),
                    params: ParamsString::try_from(&params)?,
                    salt: Some(salt.as_salt()),
                    hash: Some(output),
                }
                .to_string(),
            )
        })
        .await?
        .map_err(|e| super::internal_error(&e))
    }

    /// Whether `password` matches the PHC string `hash`. With `hash` None
    /// (no such account) it checks against a fixed hash of the same cost,
    /// so an unknown username takes as long as a wrong password.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, AppError> {
        let normalized: String = password.nfkc().collect();
        let known = hash.is_some();
        let hash = hash.unwrap_or(DUMMY_HASH).to_string();
        let matches = self
            .run(move |memory| {
                let Ok(parsed) = PasswordHash::new(&hash) else {
                    return false;
                };
                let (Some(salt), Some(expected), Ok(params)) =
                    (parsed.salt, parsed.hash, Params::try_from(&parsed))
                else {
                    return false;
                };
                let is_argon2id = parsed.algorithm == Algorithm::Argon2id.ident();
                // Output compares in constant time.
                is_argon2id
                    && argon2_output(normalized.as_bytes(), salt, &params, memory)
                        .is_ok_and(|output| output == expected)
            })
            .await?;
        Ok(matches && known)
    }
}

/// argon2id of `password` with `salt` and `params`, in the thread's own
/// `memory` (grown once if a stored hash asks for more).
fn argon2_output(
    password: &[u8],
    salt: Salt<'_>,
    params: &Params,
    memory: &mut Vec<Block>,
) -> Result<Output, argon2::password_hash::Error> {
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let mut salt_bytes = [0u8; Salt::MAX_LENGTH];
    let salt = salt.decode_b64(&mut salt_bytes)?;
    let length = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    Output::init_with(length, |out| {
        argon2
            .hash_password_into_with_memory(
                password,
                salt,
                out,
                &mut memory[..params.block_count()],
            )
            .map_err(Into::into)
    })
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
        let hasher = PasswordHasher::new(1, 4);
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
        let hash = PasswordHasher::new(1, 4)
            .hash("correct horse battery staple")
            .await
            .unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
    }
}
