//! What every area builds on, without rendering areas: configuration, HTTP, the JMAP client and session, which capabilities the server really answers, typed browser storage, push and the one stream of changes every area subscribes to, the keyboard shortcut registry, intents between areas ("write to these addresses"), the shell pieces an area shows (`chrome`), the page's address read as written (`location`), downloads, languages, performance marks, the registry of lazily loaded parts, the service worker that keeps the app's files for offline starts and announces new versions. It imports nothing from the shell or an area.

pub mod capabilities;
pub mod changes;
pub mod chrome;
pub mod config;
pub mod download;
pub mod http;
pub mod intents;
pub mod jmap_client;
pub mod lang;
pub mod lazy;
pub mod location;
pub mod perf;
pub mod push;
pub mod service_worker;
pub mod session;
pub mod shortcuts;
pub mod storage;
