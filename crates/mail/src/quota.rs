//! How full the mailbox is: the request for the quotas (in the server's dialect, read as
//! RFC 9425 quotas by `facteur_jmap::quota`), the share used, and when to warn.

use facteur_jmap::quota::{Quota, QuotaCall, QuotaDialect, ResourceType};
use facteur_jmap::{Request, RequestBuilder, Response};

/// Above this share used (strictly), the mail screen warns that the mailbox is almost full.
pub const WARN_PERCENT: u64 = 90;

/// The mail storage use of the account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// Octets used.
    pub used: u64,
    /// The limit in octets.
    pub limit: u64,
    /// The server's own warning level, if it has one.
    pub warn_at: Option<u64>,
}

impl Usage {
    /// The share used, in whole percent rounded down (never says 100 % before it is full),
    /// capped at 100.
    ///
    /// ```
    /// use facteur_mail::quota::Usage;
    /// let usage = Usage { used: 465, limit: 500, warn_at: None };
    /// assert_eq!(usage.percent(), 93);
    /// assert!(usage.almost_full());
    /// ```
    pub fn percent(&self) -> u64 {
        if self.limit == 0 {
            return 100;
        }
        (u128::from(self.used) * 100 / u128::from(self.limit)).min(100) as u64
    }

    /// Whether to warn: more than [`WARN_PERCENT`] used, or past the server's warning level.
    pub fn almost_full(&self) -> bool {
        u128::from(self.used) * 100 > u128::from(self.limit) * u128::from(WARN_PERCENT)
            || self.warn_at.is_some_and(|w| self.used >= w)
    }
}

/// The mail storage use among the account's quotas: the octet quota counting mail that is
/// the most used (`None`: no limit).
pub fn mail_usage(quotas: &[Quota]) -> Option<Usage> {
    quotas
        .iter()
        .filter(|q| q.resource_type == ResourceType::Octets && q.counts_mail())
        .map(|q| Usage { used: q.used, limit: q.hard_limit, warn_at: q.warn_limit })
        .max_by_key(|u| (u128::from(u.used) * 1000).checked_div(u128::from(u.limit)).unwrap_or(u128::MAX))
}

/// `Quota/get` of every quota of the account, in the server's dialect.
pub fn quotas(account_id: &str, dialect: QuotaDialect) -> (Request, QuotaCall) {
    let mut builder = RequestBuilder::new();
    let call = QuotaCall::add(&mut builder, dialect, account_id);
    (builder.build(), call)
}

/// Reads the answer to [`quotas`] as the mail storage use.
pub fn read_usage(response: &Response, call: &QuotaCall) -> Result<Option<Usage>, facteur_jmap::Error> {
    Ok(mail_usage(&call.read(response)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use facteur_jmap::quota::Scope;

    fn quota(resource_type: ResourceType, used: u64, hard_limit: u64, types: &[&str]) -> Quota {
        Quota {
            id: "q".into(),
            resource_type,
            used,
            hard_limit,
            scope: Scope::Account,
            name: "q".into(),
            types: types.iter().map(|t| t.to_string()).collect(),
            warn_limit: None,
            soft_limit: None,
            description: None,
        }
    }

    #[test]
    fn the_threshold_is_strictly_above_ninety_percent() {
        let at = |used| Usage { used, limit: 1000, warn_at: None };
        assert!(!at(900).almost_full());
        assert!(at(901).almost_full());
        assert_eq!(at(901).percent(), 90);
        assert_eq!(at(999).percent(), 99);
        assert_eq!(at(1500).percent(), 100);
        assert!(Usage { used: 500, limit: 1000, warn_at: Some(500) }.almost_full(), "the server's warning level");
        assert_eq!(Usage { used: 1, limit: 0, warn_at: None }.percent(), 100);
    }

    #[test]
    fn the_mail_octets_quota_is_chosen() {
        let quotas = [
            quota(ResourceType::Count, 990, 1000, &["Mail"]),
            quota(ResourceType::Octets, 10, 100, &["Calendar"]),
            quota(ResourceType::Octets, 300, 1000, &["Mail"]),
            quota(ResourceType::Octets, 700, 1000, &[]),
        ];
        assert_eq!(mail_usage(&quotas), Some(Usage { used: 700, limit: 1000, warn_at: None }));
        assert_eq!(mail_usage(&quotas[..2]), None);
    }

    /// Claire's quota on the testbed's Cyrus, set just above her use (captured answer).
    #[test]
    fn cyrus_answer_reads_as_usage() {
        let (request, call) = quotas("claire.martin@ac-cevennes.fr", QuotaDialect::Cyrus);
        assert_eq!(request.using[1], "https://cyrusimap.org/ns/jmap/quota");
        let answer: Response = serde_json::from_str(
            r#"{"methodResponses":[["Quota/get",{"state":"853","list":[{"id":"mail","used":711337,"total":778240}],"notFound":[],"accountId":"claire.martin@ac-cevennes.fr"},"c0"]],"sessionState":"0"}"#,
        )
        .unwrap();
        let usage = read_usage(&answer, &call).unwrap().unwrap();
        assert_eq!((usage.percent(), usage.almost_full()), (91, true));
    }
}
