//! What every area builds on, without rendering areas: configuration, HTTP, the JMAP client and session, typed browser storage, push, downloads, languages, the registry of lazily loaded parts. It imports nothing from the shell or an area.

pub mod config;
pub mod download;
pub mod http;
pub mod jmap_client;
pub mod lang;
pub mod lazy;
pub mod perf;
pub mod push;
pub mod session;
pub mod storage;
