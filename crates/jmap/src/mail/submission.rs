//! EmailSubmission (RFC 8621 §7): sending an email, with the changes to make to it once sent
//! (`onSuccessUpdateEmail`, an argument of the set: [`crate::Set::arg`]).

use crate::method::{JmapObject, NoArgs};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An address of the SMTP envelope, with its parameters (`"SIZE"`, `"NOTIFY"`…).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvelopeAddress {
    /// The address.
    pub email: String,
    /// ESMTP parameters (`null`: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<serde_json::Map<String, serde_json::Value>>,
}

/// The SMTP envelope (`MAIL FROM`, `RCPT TO`); without one the server takes it from the headers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope {
    /// `MAIL FROM`.
    pub mail_from: EnvelopeAddress,
    /// `RCPT TO`.
    pub rcpt_to: Vec<EnvelopeAddress>,
}

/// Whether a submission may still be cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UndoStatus {
    /// Not sent yet: it may be cancelled.
    Pending,
    /// Sent, or being sent.
    Final,
    /// Cancelled.
    Canceled,
}

/// How the message fared with one recipient.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryStatus {
    /// The SMTP reply of the last server (`250 2.1.5 OK`).
    #[serde(default)]
    pub smtp_reply: String,
    /// `queued`, `yes`, `no` or `unknown`.
    #[serde(default)]
    pub delivered: String,
    /// `yes` or `unknown` (from an MDN).
    #[serde(default)]
    pub displayed: String,
}

/// An email submission. Every property but the two ids is optional: the server sets most.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailSubmission {
    /// Id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The identity it is sent as.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub identity_id: String,
    /// The email sent (`#creationId` for one created earlier in the same request).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email_id: String,
    /// The email's thread (server-set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// The envelope (`None`: from the headers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
    /// When it is (or was) sent (server-set, UTCDate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_at: Option<String>,
    /// Whether it may still be cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undo_status: Option<UndoStatus>,
    /// Recipient address → how it fared (server-set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_status: Option<HashMap<String, DeliveryStatus>>,
    /// Delivery status notifications received, as blobs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dsn_blob_ids: Option<Vec<String>>,
    /// Message disposition notifications received, as blobs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mdn_blob_ids: Option<Vec<String>>,
}

impl EmailSubmission {
    /// A submission of an email as an identity.
    pub fn new(identity_id: &str, email_id: &str) -> Self {
        EmailSubmission { identity_id: identity_id.into(), email_id: email_id.into(), ..Default::default() }
    }
}

/// EmailSubmission/query filter condition (RFC 8621 §7.3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailSubmissionFilter {
    /// Sent as one of these identities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_ids: Option<Vec<String>>,
    /// Of one of these emails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_ids: Option<Vec<String>>,
    /// In one of these threads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_ids: Option<Vec<String>>,
    /// With this undo status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undo_status: Option<UndoStatus>,
    /// Sent before (UTCDate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Sent at or after (UTCDate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl JmapObject for EmailSubmission {
    const NAME: &'static str = "EmailSubmission";
    const CAPABILITIES: &'static [&'static str] = &[crate::MAIL, crate::SUBMISSION];
    type Filter = EmailSubmissionFilter;
    type GetArgs = NoArgs;
    type QueryArgs = NoArgs;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EmailSubmissionSet, RequestBuilder};

    #[test]
    fn a_submission_of_an_email_created_in_the_same_request() {
        let mut req = RequestBuilder::new();
        req.call(
            EmailSubmissionSet::new("A1")
                .create("send", EmailSubmission::new("I1", "#draft"))
                .arg("onSuccessUpdateEmail", serde_json::json!({"#send": {"keywords/$draft": null}})),
        );
        let request = serde_json::to_value(req.build()).unwrap();
        assert_eq!(request["using"], serde_json::json!([crate::CORE, crate::MAIL, crate::SUBMISSION]));
        assert_eq!(request["methodCalls"][0][0], "EmailSubmission/set");
        assert_eq!(
            request["methodCalls"][0][1],
            serde_json::json!({"accountId": "A1", "create": {"send": {"identityId": "I1", "emailId": "#draft"}},
                "onSuccessUpdateEmail": {"#send": {"keywords/$draft": null}}})
        );
    }

    #[test]
    fn a_submission_as_the_server_gives_it() {
        let got: EmailSubmission = serde_json::from_value(serde_json::json!({
            "id": "S1", "identityId": "I1", "emailId": "E1", "threadId": "T1", "envelope": null,
            "sendAt": "2026-03-12T08:14:00Z", "undoStatus": "final",
            "deliveryStatus": {"a@b.fr": {"smtpReply": "250 2.0.0 OK", "delivered": "queued", "displayed": "unknown"}},
            "dsnBlobIds": [], "mdnBlobIds": []
        }))
        .unwrap();
        assert_eq!(got.undo_status, Some(UndoStatus::Final));
        assert_eq!(got.delivery_status.unwrap()["a@b.fr"].delivered, "queued");
    }
}
