//! The folders: the sidebar's tree, the dialogs that create, rename, move, delete and empty them, the quota gauge, and the requests behind them.

pub mod folder_dialogs;
pub mod folder_nav;
pub mod manage;
pub mod quota;
