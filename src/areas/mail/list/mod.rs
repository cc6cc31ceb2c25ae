//! The message list of a folder or a search: pages loaded as the user scrolls, rows, the selection bar with its actions, drag and drop onto folders.

pub mod drag;
pub mod message_list;
pub mod message_row;
pub mod pages;
pub mod selection_bar;
