//! "Sign up with an access code": check the code and date of birth, check the
//! new login, then redeem the code and create the account in one step.

use crate::shared::AppError;
pub use crate::shared::signup_code::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Checks the code and date of birth.
#[server(prefix = "/api", endpoint = "signup/code/verify", input = Json)]
pub async fn verify_access_code(input: CodeAndBirthDate) -> Result<CodeHolder, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::signup_code;
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::steadily(signup_code::verify(&ctx, &input)).await,
    )
}

/// Checks the chosen login (including that the username is free) before the
/// "Check your answers" page. Needs a valid code, so it is no open oracle.
#[server(prefix = "/api", endpoint = "signup/code/check-login", input = Json)]
pub async fn check_new_login(code: CodeAndBirthDate, login: NewLogin) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::signup_code;
    let ctx = caller()?;
    answer(&ctx, signup_code::check_login(&ctx, &code, &login).await)
}

/// Redeems the code and creates the account, in one transaction.
#[server(prefix = "/api", endpoint = "signup/code/create-account", input = Json)]
pub async fn create_account_with_code(
    code: CodeAndBirthDate,
    login: NewLogin,
) -> Result<AccountCreated, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::signup_code;
    let ctx = caller()?;
    answer(&ctx, signup_code::create_account(&ctx, &code, &login).await)
}
