//! Server functions, one file per flow: the only code that touches Leptos's
//! server functions and HTTP. Each builds the caller, calls a service and
//! applies its answer; the types they exchange live in `crate::shared`,
//! re-exported here for the apps.

pub mod account;
pub mod error;
#[cfg(feature = "ssr")]
pub mod http;
pub mod new_code;
pub mod proxy;
pub mod records_request;
pub mod recovery;
pub mod signin;
pub mod signup_code;
pub mod signup_status;
pub mod signup_verify;
pub mod staff;

pub use crate::shared::{AppError, FieldError, SiteSettings};

/// Registers every server function with the router. Called by the server
/// binary so the linker keeps them (see the guide on server functions).
#[cfg(feature = "ssr")]
pub fn register_server_functions() {
    use leptos::server_fn::axum::register_explicit;
    register_explicit::<signup_code::VerifyAccessCode>();
    register_explicit::<signup_code::CheckNewLogin>();
    register_explicit::<signup_code::CreateAccountWithCode>();
    register_explicit::<signup_verify::SubmitDetails>();
    register_explicit::<signup_verify::CheckEmailCode>();
    register_explicit::<signup_status::LookUpRequest>();
    register_explicit::<new_code::RequestNewCode>();
    register_explicit::<records_request::SubmitRecordsRequest>();
    register_explicit::<signin::SignIn>();
    register_explicit::<account::ChangePassword>();
    register_explicit::<account::StartEmailChange>();
    register_explicit::<account::ConfirmEmailChange>();
    register_explicit::<recovery::RemindUsername>();
    register_explicit::<recovery::SendResetCode>();
    register_explicit::<recovery::ResetPassword>();
    register_explicit::<signin::Home>();
    register_explicit::<signin::SignOut>();
    register_explicit::<signin::SignOutEverywhere>();
    register_explicit::<proxy::RequestProxyAccess>();
    register_explicit::<proxy::OpenRecord>();
    register_explicit::<proxy::EndAccess>();
    register_explicit::<proxy::RequestsForMe>();
    register_explicit::<proxy::AnswerRequest>();
    register_explicit::<staff::StaffSignIn>();
    register_explicit::<staff::StaffSetUp>();
    register_explicit::<staff::CurrentStaff>();
    register_explicit::<staff::StaffSignOut>();
    register_explicit::<staff::patients::FindPatients>();
    register_explicit::<staff::patients::LookUpPatient>();
    register_explicit::<staff::patients::IssueCode>();
    register_explicit::<staff::patients::RevokeCode>();
    register_explicit::<staff::patients::UnlockAccount>();
    register_explicit::<staff::queue::SignupQueue>();
    register_explicit::<staff::queue::ReviewSignup>();
    register_explicit::<staff::queue::ActOnSignup>();
    register_explicit::<staff::queue::RecordsQueue>();
    register_explicit::<staff::queue::SetRecordsStatus>();
    register_explicit::<staff::audit::ReadAuditLog>();
    register_explicit::<staff::proxies::ProxyQueue>();
    register_explicit::<staff::proxies::DecideProxy>();
    register_explicit::<staff::proxies::RecordEmancipation>();
    register_explicit::<staff::members::StaffMembers>();
    register_explicit::<staff::members::ResetStaffPassword>();
    register_explicit::<staff::members::UnlockStaff>();
    register_explicit::<staff::members::DisableStaff>();
    register_explicit::<staff::members::EnableStaff>();
}
