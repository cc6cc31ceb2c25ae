//! The folder operations that need their own requests: listing a folder's messages (to delete
//! it) and emptying it (Trash, Junk). Creating, renaming, moving and deleting a folder are
//! pending changes of the store (`folder_dialogs`). The requests are built and read in
//! `facteur_mail`.

use crate::platform::jmap_client::{CallError, JmapClient};
use facteur_mail::folder_ops::{self, FolderError};

/// Why a folder operation failed: the call, or the server's refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManageError {
    /// No answer, expired session…
    Call(CallError),
    /// The server refused.
    Refused(FolderError),
}

impl From<CallError> for ManageError {
    fn from(e: CallError) -> Self {
        ManageError::Call(e)
    }
}

impl From<FolderError> for ManageError {
    fn from(e: FolderError) -> Self {
        ManageError::Refused(e)
    }
}

/// Every message of a folder with whether it is filed elsewhere too, page by page within the
/// server's limits (to delete the folder: `folder_ops::delete_changes`).
pub async fn list_folder(client: &JmapClient, folder_id: &str) -> Result<Vec<folder_ops::BatchMessage>, ManageError> {
    let batch = folder_ops::batch_size(&client.session().core());
    let mut all = Vec::new();
    loop {
        let position = u32::try_from(all.len()).unwrap_or(u32::MAX);
        let (request, calls) = folder_ops::folder_batch(client.mail_account(), folder_id, position, batch);
        let response = client.send(&request).await?;
        let page = folder_ops::read_folder_batch(&response, &calls, folder_id)?;
        let done = page.len() < batch as usize;
        all.extend(page);
        if done {
            return Ok(all);
        }
    }
}

/// Takes every message out of a folder, batch by batch within the server's limits: to
/// `trash`, or destroyed when `trash` is `None` (messages also filed elsewhere only leave the
/// folder). Returns how many left it.
pub async fn clear_folder(client: &JmapClient, folder_id: &str, trash: Option<&str>) -> Result<usize, ManageError> {
    let batch = folder_ops::batch_size(&client.session().core());
    let account = client.mail_account();
    let mut done = 0;
    // A bound on the batches: a server that keeps answering the same messages must not keep us looping.
    for _ in 0..10_000 {
        let (request, calls) = folder_ops::folder_batch(account, folder_id, 0, batch);
        let response = client.send(&request).await?;
        let messages = folder_ops::read_folder_batch(&response, &calls, folder_id)?;
        if messages.is_empty() {
            return Ok(done);
        }
        let (request, call) = folder_ops::clear_batch(account, folder_id, &messages, trash);
        let response = client.send(&request).await?;
        done += folder_ops::read_clear_batch(&response, &call)?;
    }
    Err(ManageError::Refused(FolderError::Other("the folder does not empty".into())))
}
