//! One error type for the harness and the tests: a message, with context added on the way up.

use std::fmt;

/// A harness or test failure: a human-readable message (context first, cause last).
pub struct Error(pub String);

/// What harness helpers and tests return.
pub type Result<T = ()> = std::result::Result<T, Error>;

impl Error {
    pub fn msg(m: impl Into<String>) -> Error {
        Error(m.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `unwrap()`/`expect()` in a test print the message as written, newlines included.
        f.write_str(&self.0)
    }
}

macro_rules! from_display {
    ($($t:ty),*) => {$(
        impl From<$t> for Error {
            fn from(e: $t) -> Error {
                Error(e.to_string())
            }
        }
    )*};
}
from_display!(
    std::io::Error,
    fantoccini::error::CmdError,
    fantoccini::error::NewSessionError,
    facteur_testbed::TestbedError,
    serde_json::Error,
    String,
    &str
);

/// `.ctx("doing X")?` prefixes the error with what was being done.
pub trait Context<T> {
    fn ctx(self, what: impl fmt::Display) -> Result<T>;
}

impl<T, E: fmt::Display> Context<T> for std::result::Result<T, E> {
    fn ctx(self, what: impl fmt::Display) -> Result<T> {
        self.map_err(|e| Error(format!("{what}: {e}")))
    }
}

impl<T> Context<T> for Option<T> {
    fn ctx(self, what: impl fmt::Display) -> Result<T> {
        self.ok_or_else(|| Error(what.to_string()))
    }
}

/// Fails the test with a formatted message: `bail!("expected {n} rows")`.
#[macro_export]
macro_rules! bail {
    ($($arg:tt)*) => {
        return Err($crate::Error(format!($($arg)*)))
    };
}

/// `ensure!(cond, "message {x}")`: fails the test with the message when `cond` is false.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $($arg:tt)*) => {
        if !$cond {
            return Err($crate::Error(format!($($arg)*)));
        }
    };
}
