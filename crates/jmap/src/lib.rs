//! JMAP protocol types.
