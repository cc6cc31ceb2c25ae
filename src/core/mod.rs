//! What the screens share: configuration, HTTP, the JMAP client, the signed-in session and
//! browser storage. Nothing here renders anything but the configuration gate.

pub mod config;
pub mod download;
pub mod http;
pub mod jmap_client;
pub mod lang;
pub mod mail;
pub mod manage;
pub mod push;
pub mod session;
pub mod split;
pub mod storage;
