//! Quotas: the standard model of RFC 9425 (`urn:ietf:params:jmap:quota`, `Quota/get`) and
//! the mapping from Cyrus's older capability (`https://cyrusimap.org/ns/jmap/quota`) into it.
//!
//! The app only sees [`Quota`]. [`QuotaDialect::of`] reads the session to know which form the
//! server speaks; [`QuotaCall`] adds the right call to a request and reads its answer as
//! standard quotas:
//!
//! ```
//! use facteur_jmap::quota::{QuotaCall, QuotaDialect, ResourceType};
//! use facteur_jmap::{RequestBuilder, Response};
//!
//! // Cyrus 3.6 only offers its own capability.
//! let dialect = QuotaDialect::Cyrus;
//! let mut req = RequestBuilder::new();
//! let call = QuotaCall::add(&mut req, dialect, "A1");
//! let json = serde_json::to_value(req.build()).unwrap();
//! assert_eq!(json["using"][1], "https://cyrusimap.org/ns/jmap/quota");
//! assert_eq!(json["methodCalls"][0][0], "Quota/get");
//!
//! let response: Response = serde_json::from_str(r#"{"sessionState":"0","methodResponses":[["Quota/get",
//!   {"state":"853","list":[{"id":"mail","used":711337,"total":778240}],"notFound":[],"accountId":"A1"},"c0"]]}"#).unwrap();
//! let quotas = call.read(&response).unwrap();
//! assert_eq!(quotas[0].resource_type, ResourceType::Octets);
//! assert_eq!((quotas[0].used, quotas[0].hard_limit), (711337, 778240));
//! ```

use crate::error::Error;
use crate::method::{GetResponse, IdsArg, JmapObject, Method, NoArgs};
use crate::request::{CallHandle, RequestBuilder};
use crate::response::Response;
use crate::session::Session;
use serde::{Deserialize, Serialize};

/// The standard quota capability (RFC 9425).
pub const QUOTA: &str = "urn:ietf:params:jmap:quota";
/// Cyrus's older quota capability (Cyrus 3.x): `Quota/get` answers `{id, used, total}`.
pub const CYRUS_QUOTA: &str = "https://cyrusimap.org/ns/jmap/quota";

/// What a quota counts (RFC 9425 §4.1).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ResourceType {
    /// A number of objects (messages…).
    Count,
    /// A size in octets.
    Octets,
    /// Anything else, as sent.
    Other(String),
}

wire_names!(ResourceType {
    Count => "count",
    Octets => "octets",
});

/// To whom a quota applies (RFC 9425 §4.1).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// This account only.
    Account,
    /// All the accounts of a domain.
    Domain,
    /// Every account of the server.
    Global,
    /// Anything else, as sent.
    Other(String),
}

wire_names!(Scope {
    Account => "account",
    Domain => "domain",
    Global => "global",
});

/// A quota (RFC 9425 §4.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quota {
    /// Server id.
    pub id: String,
    /// What is counted.
    pub resource_type: ResourceType,
    /// How much is used.
    pub used: u64,
    /// The limit: nothing more may be added beyond it.
    pub hard_limit: u64,
    /// To whom it applies.
    pub scope: Scope,
    /// A name for the user (may be shown).
    pub name: String,
    /// The data types it counts: JMAP type names (`Email`, `CalendarEvent`…; RFC 9425's own
    /// example writes `Mail`).
    #[serde(default)]
    pub types: Vec<String>,
    /// The server warns the user beyond this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_limit: Option<u64>,
    /// The server may start refusing beyond this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soft_limit: Option<u64>,
    /// A description for the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Quota {
    /// Whether it counts mail: `types` names `Email` (the JMAP type, as Stalwart sends it) or
    /// `Mail` (RFC 9425's example), or names nothing.
    ///
    /// ```
    /// use facteur_jmap::quota::Quota;
    /// // Captured from Stalwart 0.16.
    /// let q: Quota = serde_json::from_str(r#"{"id":"a","resourceType":"octets","used":161853,"warnLimit":null,
    ///   "softLimit":null,"hardLimit":5000000,"scope":"account","name":"julien.roux@ac-cevennes.fr",
    ///   "description":"Julien Roux","types":["Email","SieveScript","FileNode","CalendarEvent","ContactCard"]}"#).unwrap();
    /// assert!(q.counts_mail());
    /// assert_eq!((q.used, q.hard_limit, q.warn_limit), (161853, 5000000, None));
    /// ```
    pub fn counts_mail(&self) -> bool {
        self.types.is_empty() || self.types.iter().any(|t| t == "Email" || t == "Mail")
    }
}

impl JmapObject for Quota {
    const NAME: &'static str = "Quota";
    const CAPABILITIES: &'static [&'static str] = &[crate::CORE, QUOTA];
    type Filter = serde_json::Value;
    type GetArgs = NoArgs;
    type QueryArgs = NoArgs;
}

/// `Quota/get` (RFC 9425 §4.2).
pub type QuotaGet = crate::method::Get<Quota>;

/// One quota as Cyrus's older capability sends it: octets used and the limit in octets
/// (negative when there is no limit).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CyrusQuota {
    /// `mail` for the mail storage quota.
    pub id: String,
    /// Octets used.
    pub used: u64,
    /// The limit in octets; negative (`-1024`) when unlimited.
    pub total: i64,
}

impl CyrusQuota {
    /// The standard quota it means; `None` when there is no limit (RFC 9425 has no
    /// unlimited quota: the server simply does not list one).
    pub fn to_standard(&self, account_id: &str) -> Option<Quota> {
        let hard_limit = u64::try_from(self.total).ok()?;
        Some(Quota {
            id: self.id.clone(),
            resource_type: ResourceType::Octets,
            used: self.used,
            hard_limit,
            scope: Scope::Account,
            name: format!("{account_id} {}", self.id),
            types: if self.id == "mail" { vec!["Mail".into()] } else { Vec::new() },
            warn_limit: None,
            soft_limit: None,
            description: None,
        })
    }
}

/// `Quota/get` of Cyrus's older capability (same name, other capability and answer).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CyrusQuotaGet {
    /// The account.
    pub account_id: String,
    /// Which quotas.
    #[serde(flatten)]
    pub ids: IdsArg,
}

impl CyrusQuotaGet {
    /// Every quota of the account.
    pub fn new(account_id: &str) -> Self {
        CyrusQuotaGet { account_id: account_id.into(), ids: IdsArg::All }
    }
}

/// The answer to Cyrus's `Quota/get`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CyrusQuotaGetResponse {
    /// The account.
    pub account_id: String,
    /// State of the quotas.
    #[serde(default)]
    pub state: String,
    /// The quotas.
    pub list: Vec<CyrusQuota>,
    /// Ids that do not exist.
    #[serde(default)]
    pub not_found: Vec<String>,
}

impl Method for CyrusQuotaGet {
    type Response = CyrusQuotaGetResponse;
    fn name(&self) -> String {
        "Quota/get".into()
    }
    fn capabilities(&self) -> &'static [&'static str] {
        &[CYRUS_QUOTA]
    }
}

/// Which quota capability a server speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotaDialect {
    /// RFC 9425.
    Standard,
    /// Cyrus's older `https://cyrusimap.org/ns/jmap/quota`.
    Cyrus,
}

impl QuotaDialect {
    /// The dialect to use for an account: the standard one when the session offers it,
    /// else Cyrus's, else `None` (no quota to show).
    pub fn of(session: &Session, account_id: &str) -> Option<QuotaDialect> {
        let offers = |capability: &str| {
            session.has_capability(capability)
                && session.accounts.get(account_id).is_none_or(|a| a.account_capabilities.contains_key(capability))
        };
        if offers(QUOTA) {
            Some(QuotaDialect::Standard)
        } else if offers(CYRUS_QUOTA) {
            Some(QuotaDialect::Cyrus)
        } else {
            None
        }
    }
}

/// A quota call added to a request, in either dialect; reads standard quotas.
#[derive(Clone, Debug)]
pub enum QuotaCall {
    /// RFC 9425 `Quota/get`.
    Standard(CallHandle<QuotaGet>),
    /// Cyrus's `Quota/get`.
    Cyrus {
        /// The call.
        call: CallHandle<CyrusQuotaGet>,
        /// The account (for the quota names).
        account_id: String,
    },
}

impl QuotaCall {
    /// Adds `Quota/get` of every quota of the account, in the server's dialect.
    pub fn add(builder: &mut RequestBuilder, dialect: QuotaDialect, account_id: &str) -> QuotaCall {
        match dialect {
            QuotaDialect::Standard => QuotaCall::Standard(builder.call(QuotaGet::new(account_id))),
            QuotaDialect::Cyrus => {
                QuotaCall::Cyrus { call: builder.call(CyrusQuotaGet::new(account_id)), account_id: account_id.into() }
            }
        }
    }

    /// The quotas of the answer, in the standard model (Cyrus's unlimited ones left out).
    pub fn read(&self, response: &Response) -> Result<Vec<Quota>, Error> {
        match self {
            QuotaCall::Standard(call) => {
                let got: GetResponse<Quota> = response.get(call)?;
                Ok(got.list)
            }
            QuotaCall::Cyrus { call, account_id } => {
                Ok(response.get(call)?.list.iter().filter_map(|q| q.to_standard(account_id)).collect())
            }
        }
    }
}
