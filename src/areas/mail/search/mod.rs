//! Searching mail: the search box and its advanced panel, the results with their highlights.

pub mod search_bar;
pub mod search_results;
pub mod snippet;
