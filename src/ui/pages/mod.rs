pub mod account;
pub mod new_code;
pub mod not_found;
pub mod records_request;
pub mod signup_code;
pub mod signup_status;
pub mod signup_verify;
pub mod start;
