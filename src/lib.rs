//! Front Desk: patient portal enrollment. One crate, two builds: the browser
//! app (feature `csr`, built by Trunk) and the server (feature `ssr`). See
//! README.md for the module map.

pub mod api;
pub mod domain;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod server;
pub mod shared;
#[cfg(feature = "csr")]
pub mod ui;
pub mod words;
