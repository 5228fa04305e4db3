//! How the one error type crosses a server function: what Leptos's own
//! failures (a request that never got an answer, unreadable arguments)
//! become.

use crate::shared::AppError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};

fn bad_request() -> AppError {
    AppError::BadRequest {
        message: crate::words::bad_request().into(),
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // In the browser: the request never got an answer.
            ServerFnErrorErr::Request(_) => AppError::Network,
            // On the server: the arguments could not be read, a malformed request.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => bad_request(),
            ServerFnErrorErr::Deserialization(_) if cfg!(feature = "ssr") => bad_request(),
            // Anything else is a fault with no server log entry to refer to.
            _ => AppError::Unavailable {
                reference: String::new(),
            },
        }
    }
}
