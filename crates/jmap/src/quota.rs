//! Quotas (being written).
