//! Store tests: the store's contract and the schema, each on SQLite and on
//! PostgreSQL, through the store's own calls (no server).
#![cfg(feature = "ssr")]

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod schema_parity;
mod store_contract;
