//! The browser app (feature `csr`): the router and layout, one file per page
//! or wizard step, and the components pages are built from.

pub mod account_app;
pub mod app;
pub mod components;
pub mod dom;
pub mod help_app;
pub mod language;
pub mod layout;
pub mod pages;
pub mod password_list;
pub mod proxy_app;
pub mod records_app;
pub mod records_request_app;
pub mod recover_app;
pub mod settings_app;
pub mod staff_app;
pub mod verify_app;
