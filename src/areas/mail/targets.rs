//! What an action applies to — a conversation, rows of the list, or the whole folder — and
//! how that becomes email ids, fetched from the server when rows are not loaded.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::server;
use crate::platform::jmap_client::CallError;
use facteur_kit::list_state::{ListState, Selection, SelectionTarget};
use std::collections::HashSet;

/// The emails an action applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailTarget {
    /// These email ids, as they are (the open conversation's messages in this folder).
    Emails(Vec<String>),
    /// Rows of the list (email ids): in a list of conversations, every message of each of
    /// their conversations that is in the folder.
    Rows(Vec<String>),
    /// Every email of the open folder but the rows in `except`, loaded or not.
    Folder {
        /// Rows the user unselected.
        except: Vec<String>,
    },
}

impl EmailTarget {
    /// What the selection designates.
    pub fn from_selection(selection: &Selection, list: &ListState) -> EmailTarget {
        match selection.resolve(list) {
            SelectionTarget::Ids(ids) => EmailTarget::Rows(ids),
            SelectionTarget::WholeQuery { except } => EmailTarget::Folder { except },
        }
    }

    /// The list rows it removes at once when moved away (none for a whole folder: the list
    /// is emptied instead).
    pub fn row_ids(&self) -> &[String] {
        match self {
            EmailTarget::Emails(ids) | EmailTarget::Rows(ids) => ids,
            EmailTarget::Folder { .. } => &[],
        }
    }

    /// Whether its emails are just its rows (a conversation's messages, or rows of a list of
    /// messages), so that nothing needs asking the server ([`resolve`]).
    pub fn is_its_rows(&self, threaded: bool) -> bool {
        matches!(self, EmailTarget::Emails(_)) || (!threaded && !self.is_folder())
    }

    /// Whether it is the whole folder.
    pub fn is_folder(&self) -> bool {
        matches!(self, EmailTarget::Folder { .. })
    }
}

/// The email ids of `target` in `mailbox_id`: conversation rows expanded to their messages in
/// the folder, a whole folder listed by `Email/query` pages of the server's `maxObjectsInGet`.
pub async fn resolve(
    ctx: &MailContext,
    target: &EmailTarget,
    mailbox_id: &str,
    threaded: bool,
) -> Result<Vec<String>, CallError> {
    match target {
        EmailTarget::Emails(ids) => Ok(ids.clone()),
        EmailTarget::Rows(ids) if !threaded => Ok(ids.clone()),
        EmailTarget::Rows(ids) => conversation_members(ctx, ids, mailbox_id).await,
        EmailTarget::Folder { except } => {
            let client = ctx.client();
            let except: HashSet<String> = if threaded {
                conversation_members(ctx, except, mailbox_id).await?.into_iter().collect()
            } else {
                except.iter().cloned().collect()
            };
            let page = client.limits().max_get;
            let mut all = Vec::new();
            let mut seen = HashSet::new();
            let mut position = 0;
            loop {
                let (ids, total) = server::email_ids_page(&client, mailbox_id, position, page).await?;
                if ids.is_empty() {
                    break;
                }
                position += ids.len();
                all.extend(ids.into_iter().filter(|id| !except.contains(id) && seen.insert(id.clone())));
                if position >= total {
                    break;
                }
            }
            Ok(all)
        }
    }
}

/// The messages in `mailbox_id` of the conversations of these rows.
async fn conversation_members(
    ctx: &MailContext,
    row_ids: &[String],
    mailbox_id: &str,
) -> Result<Vec<String>, CallError> {
    let mut thread_ids: Vec<String> =
        row_ids.iter().filter_map(|id| ctx.row_untracked(id).map(|r| r.thread_id)).collect();
    thread_ids.dedup();
    let mut members: Vec<String> = Vec::new();
    let client = ctx.client();
    for chunk in thread_ids.chunks(client.limits().max_get.max(1)) {
        members.extend(server::thread_emails(&client, chunk, mailbox_id).await?);
    }
    // Rows whose conversation is not known here still stand for themselves.
    let known: HashSet<String> = members.iter().cloned().collect();
    members.extend(row_ids.iter().filter(|id| !known.contains(*id)).cloned());
    Ok(members)
}
