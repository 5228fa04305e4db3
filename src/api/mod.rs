//! Server functions and the types they exchange, one file per flow. Thin by
//! design: check input with the shared rules, call a service, map errors.

pub mod error;
pub mod rules;
pub mod signup_code;

pub use error::{AppError, FieldError};

/// Registers every server function with the router. Called by the server
/// binary so the linker keeps them (see the guide on server functions).
#[cfg(feature = "ssr")]
pub fn register_server_functions() {
    use leptos::server_fn::axum::register_explicit;
    register_explicit::<signup_code::VerifyAccessCode>();
    register_explicit::<signup_code::CheckNewLogin>();
    register_explicit::<signup_code::CreateAccountWithCode>();
}
