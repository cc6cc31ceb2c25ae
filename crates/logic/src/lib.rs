//! Webmail logic.
