pub mod not_found;
pub mod signup_code;
pub mod start;
