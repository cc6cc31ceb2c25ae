//! Managing the mailbox: folders (create, rename, move, delete with their mail), emptying a
//! folder, the quota, labels. The requests are built and read in `facteur_mail`.

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

async fn folder_set(
    client: &JmapClient,
    (request, call): (facteur_jmap::Request, folder_ops::FolderCall),
) -> Result<Option<String>, ManageError> {
    let response = client.send(&request).await?;
    Ok(folder_ops::read_folder_set(&response, &call)?)
}

/// Creates a folder; its id.
pub async fn create_folder(
    client: &JmapClient,
    name: &str,
    parent: Option<&str>,
) -> Result<Option<String>, ManageError> {
    folder_set(client, folder_ops::create_folder(client.mail_account(), name, parent)).await
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
        let (request, calls) = folder_ops::folder_batch(account, folder_id, batch);
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

/// Deletes a folder: its mail first goes to `trash` (or is deleted when `None`), then the
/// empty folder is destroyed.
pub async fn delete_folder(client: &JmapClient, id: &str, trash: Option<&str>) -> Result<(), ManageError> {
    clear_folder(client, id, trash).await?;
    folder_set(client, folder_ops::destroy_folder(client.mail_account(), id)).await.map(drop)
}
