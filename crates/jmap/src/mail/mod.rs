//! The mail data types of RFC 8621 and their method aliases.

mod email;
mod identity;
mod import;
mod mailbox;
mod snippet;
mod submission;
mod thread;

pub use email::{
    BodyProperties, Email, EmailAddress, EmailBodyPart, EmailBodyValue, EmailFilter, EmailHeader, EmailQueryArgs,
    EmailSort,
};
pub use identity::Identity;
pub use import::{EmailImport, EmailImportItem, EmailImportResponse};
pub use mailbox::{Mailbox, MailboxFilter, MailboxRights, MailboxSort, Role};
pub use snippet::{SearchSnippet, SearchSnippetGet, SearchSnippetGetResponse};
pub use submission::{DeliveryStatus, EmailSubmission, EmailSubmissionFilter, Envelope, EnvelopeAddress, UndoStatus};
pub use thread::Thread;

use crate::method::{Changes, Get, Query, QueryChanges, Set};

/// `Mailbox/get`.
pub type MailboxGet = Get<Mailbox>;
/// `Mailbox/set`.
pub type MailboxSet = Set<Mailbox>;
/// `Mailbox/query`.
pub type MailboxQuery = Query<Mailbox>;
/// `Mailbox/queryChanges`.
pub type MailboxQueryChanges = QueryChanges<Mailbox>;
/// `Mailbox/changes`.
pub type MailboxChanges = Changes<Mailbox>;
/// `Email/get`.
pub type EmailGet = Get<Email>;
/// `Email/set`.
pub type EmailSet = Set<Email>;
/// `Email/query`.
pub type EmailQuery = Query<Email>;
/// `Email/changes`.
pub type EmailChanges = Changes<Email>;
/// `Email/queryChanges`.
pub type EmailQueryChanges = QueryChanges<Email>;
/// `Thread/get`.
pub type ThreadGet = Get<Thread>;
/// `Thread/changes`.
pub type ThreadChanges = Changes<Thread>;
/// `Identity/set`.
pub type IdentitySet = Set<Identity>;
/// `Identity/changes`.
pub type IdentityChanges = Changes<Identity>;
/// `Identity/get`.
pub type IdentityGet = Get<Identity>;
/// `EmailSubmission/get`.
pub type EmailSubmissionGet = Get<EmailSubmission>;
/// `EmailSubmission/set`.
pub type EmailSubmissionSet = Set<EmailSubmission>;
/// `EmailSubmission/query`.
pub type EmailSubmissionQuery = Query<EmailSubmission>;

/// The capabilities of the mail methods.
pub(crate) const MAIL_CAPABILITIES: &[&str] = &[crate::MAIL];
