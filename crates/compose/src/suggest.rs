//! Address suggestions as the user types a recipient: the people the user wrote to or heard
//! from (the newest mails of Sent and the Inbox, read once per session: [`request`]), ranked by
//! how often and how lately, matched on the start of any word of the name or the address,
//! accents and case ignored. Other sources (the address book, once the contacts area lands)
//! add their people with [`KnownAddresses::add`]: the composer asks this one list.

use crate::address::Recipient;
use facteur_jmap::SortProperty;
use facteur_jmap::{
    CallHandle, Email, EmailFilter, EmailGet, EmailQuery, EmailSort, Filter, Request, RequestBuilder, Response,
};
use facteur_kit::text::fold;

/// How many recent mails of each folder are read for suggestions.
pub const MAILS_READ: u32 = 250;

/// One person known, with how much they count.
#[derive(Clone, Debug, PartialEq)]
struct Known {
    who: Recipient,
    /// The folded name and address, to match against.
    key: String,
    /// Higher first: mails written to them count more than mails from them, newer more.
    score: f64,
}

/// The people the user may mean, from every source added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KnownAddresses {
    people: Vec<Known>,
}

impl KnownAddresses {
    /// Adds people (`weight`: how much each mention counts); the same address twice adds up,
    /// and keeps a name when one mention has it.
    pub fn add(&mut self, people: impl IntoIterator<Item = Recipient>, weight: f64) {
        for who in people {
            if who.problem().is_some() {
                continue;
            }
            match self.people.iter_mut().find(|k| k.who.email.eq_ignore_ascii_case(&who.email)) {
                Some(known) => {
                    known.score += weight;
                    if known.who.name.is_none() && who.name.is_some() {
                        known.key = key_of(&who);
                        known.who.name = who.name;
                    }
                }
                None => self.people.push(Known { key: key_of(&who), who, score: weight }),
            }
        }
    }

    /// How many people are known.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// At most `limit` people whose name or address has a word starting with what was typed
    /// (every typed word must match), best first; none of `already` (the chips of the draft).
    ///
    /// ```
    /// use facteur_compose::{suggest::KnownAddresses, Recipient};
    /// let mut known = KnownAddresses::default();
    /// known.add([Recipient::new(Some("Sophie Aubert"), "sophie.aubert@ac-cevennes.fr")], 1.0);
    /// known.add([Recipient::new(Some("Élodie Sabatier"), "elodie.sabatier@ac-cevennes.fr")], 3.0);
    /// assert_eq!(known.suggest("elo", &[], 5)[0].email, "elodie.sabatier@ac-cevennes.fr");
    /// assert_eq!(known.suggest("aub", &[], 5)[0].email, "sophie.aubert@ac-cevennes.fr");
    /// assert!(known.suggest("sophie aub", &[], 5).len() == 1 && known.suggest("x", &[], 5).is_empty());
    /// ```
    pub fn suggest(&self, typed: &str, already: &[Recipient], limit: usize) -> Vec<Recipient> {
        let words: Vec<String> = fold(typed).split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<&Known> = self
            .people
            .iter()
            .filter(|k| !already.iter().any(|a| a.email.eq_ignore_ascii_case(&k.who.email)))
            .filter(|k| words.iter().all(|w| starts_a_word(&k.key, w)))
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
        found.into_iter().take(limit).map(|k| k.who.clone()).collect()
    }
}

fn key_of(who: &Recipient) -> String {
    fold(&format!("{} {}", who.name.as_deref().unwrap_or(""), who.email))
}

/// Whether a word of `key` (split at spaces, dots, `@`, `-`, `_`, apostrophes) starts with `word`.
fn starts_a_word(key: &str, word: &str) -> bool {
    key.split(|c: char| c.is_whitespace() || matches!(c, '.' | '@' | '-' | '_' | '\'' | '<' | '>'))
        .any(|part| part.starts_with(word))
        || key.starts_with(word)
}

/// The newest mails of Sent (whom the user wrote to) and of the Inbox (who wrote), with their
/// addresses only: one request.
pub fn request(account_id: &str, sent: &str, inbox: &str) -> (Request, SuggestHandle) {
    let mut builder = RequestBuilder::new();
    let query = |mailbox: &str| {
        EmailQuery::new(account_id)
            .filter(Filter::Condition(EmailFilter { in_mailbox: Some(mailbox.into()), ..Default::default() }))
            .sort(vec![EmailSort::ReceivedAt.descending()])
            .limit(MAILS_READ)
    };
    let sent_ids = builder.call(query(sent));
    let sent_mails =
        builder.call(EmailGet::new(account_id).ids_ref(sent_ids.reference("/ids")).properties(&["to", "cc", "bcc"]));
    let inbox_ids = builder.call(query(inbox));
    let inbox_mails =
        builder.call(EmailGet::new(account_id).ids_ref(inbox_ids.reference("/ids")).properties(&["from", "replyTo"]));
    (builder.build(), SuggestHandle { sent: sent_mails, inbox: inbox_mails })
}

/// Reads the people of [`request`]'s answer: each recipient of a sent mail counts 3 (they
/// are people the user writes to), each sender 1; newer mails a little more. `own`: the user's
/// addresses, left out.
pub fn read(
    response: &Response,
    handle: &SuggestHandle,
    own: &[String],
) -> Result<KnownAddresses, facteur_jmap::Error> {
    let mut known = KnownAddresses::default();
    let not_own = |r: &Recipient| !own.iter().any(|o| o.eq_ignore_ascii_case(&r.email));
    let people = |list: &Option<Vec<facteur_jmap::EmailAddress>>| -> Vec<Recipient> {
        list.iter().flatten().filter_map(Recipient::from_jmap).filter(not_own).collect()
    };
    let recency = |i: usize| 1.0 + (MAILS_READ as f64 - i as f64).max(0.0) / MAILS_READ as f64;
    let sent = response.get(&handle.sent)?;
    for (i, mail) in sent.list.iter().enumerate() {
        let w = 3.0 * recency(i);
        known.add(people(&mail.to), w);
        known.add(people(&mail.cc), w);
        known.add(people(&mail.bcc), w);
    }
    let inbox = response.get(&handle.inbox)?;
    for (i, mail) in inbox.list.iter().enumerate() {
        let w = recency(i);
        known.add(people(&mail.reply_to).into_iter().chain(people(&mail.from)).take(1), w);
    }
    Ok(known)
}

/// Handle of a [`request`].
#[derive(Clone, Debug)]
pub struct SuggestHandle {
    sent: CallHandle<facteur_jmap::Get<Email>>,
    inbox: CallHandle<facteur_jmap::Get<Email>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_written_to_come_before_people_heard_from_and_own_addresses_never() {
        let response: Response = serde_json::from_value(serde_json::json!({
            "sessionState": "s",
            "methodResponses": [
                ["Email/query", {"accountId": "a", "queryState": "q", "canCalculateChanges": false, "position": 0, "ids": ["s1"]}, "c0"],
                ["Email/get", {"accountId": "a", "state": "1", "notFound": [], "list": [
                    {"id": "s1", "to": [{"name": "Sophie Aubert", "email": "sophie.aubert@ac-cevennes.fr"}],
                     "cc": [{"name": null, "email": "claire.martin@ac-cevennes.fr"}], "bcc": null}]}, "c1"],
                ["Email/query", {"accountId": "a", "queryState": "q", "canCalculateChanges": false, "position": 0, "ids": ["i1", "i2"]}, "c2"],
                ["Email/get", {"accountId": "a", "state": "1", "notFound": [], "list": [
                    {"id": "i1", "from": [{"name": "Scolaria", "email": "noreply@scolaria.example.fr"}], "replyTo": null},
                    {"id": "i2", "from": [{"name": null, "email": "sophie.aubert@ac-cevennes.fr"}],
                     "replyTo": [{"name": "Secrétariat", "email": "secretariat@lycee.example.fr"}]}]}, "c3"]
            ]
        }))
        .unwrap();
        let (_, handle) = request("a", "sent", "inbox");
        let known = read(&response, &handle, &["Claire.Martin@ac-cevennes.fr".into()]).unwrap();
        assert_eq!(known.len(), 3, "Sophie once, Scolaria, the Reply-To (not the From behind it); not Claire");
        let s = known.suggest("s", &[], 5);
        assert_eq!(s[0].email, "sophie.aubert@ac-cevennes.fr", "written to: first");
        assert_eq!(s[0].name.as_deref(), Some("Sophie Aubert"));
        assert!(known.suggest("sec", &[], 5).iter().any(|r| r.email == "secretariat@lycee.example.fr"));
        assert!(known.suggest("claire", &[], 5).is_empty());
        let chosen = [Recipient::new(None, "sophie.aubert@ac-cevennes.fr")];
        assert!(known.suggest("sophie", &chosen, 5).is_empty(), "a chip already there is not suggested");
    }

    #[test]
    fn matching_ignores_accents_and_case_and_needs_the_start_of_a_word() {
        let mut known = KnownAddresses::default();
        known.add([Recipient::new(Some("Hélène d'Aubigné"), "h.daubigne@ac-cevennes.fr")], 1.0);
        assert_eq!(known.suggest("HELE", &[], 5).len(), 1);
        assert_eq!(known.suggest("aubigne", &[], 5).len(), 1, "after an apostrophe");
        assert_eq!(known.suggest("daub", &[], 5).len(), 1, "a word of the address");
        assert!(known.suggest("lene", &[], 5).is_empty(), "not inside a word");
        known.add([Recipient::new(None, "pas une adresse")], 1.0);
        assert_eq!(known.len(), 1, "an address that cannot be sent to is not suggested");
    }
}
