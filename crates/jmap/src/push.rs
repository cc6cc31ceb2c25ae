//! JMAP push over an event source (RFC 8620 §7): the `StateChange` object and a reader of the
//! `text/event-stream` format it comes in.
//!
//! The browser's `EventSource` cannot send an `Authorization` header, so the app reads the
//! stream with `fetch` and feeds its bytes, as they come, to an [`EventStreamReader`]. The
//! format is small (WHATWG HTML §9.2.6: lines, `field: value`, a blank line ends an event),
//! so it is read here rather than with a crate that would bring a parser-combinator library.
//!
//! ```
//! use facteur_jmap::push::{EventStreamReader, StateChange};
//!
//! let mut reader = EventStreamReader::default();
//! // Bytes arrive in any pieces, even in the middle of a line.
//! assert!(reader.feed(b"event: state\ndata: {\"@type\":\"StateChange\",").is_empty());
//! let events = reader.feed(b"\"changed\":{\"A1\":{\"Email\":\"e9\"}}}\n\n");
//! let change = StateChange::from_event(&events[0]).unwrap();
//! assert_eq!(change.changed["A1"]["Email"], "e9");
//! ```

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One event of the stream.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamEvent {
    /// The `event:` field (`message` when absent).
    pub name: String,
    /// The `data:` lines, joined with `\n`.
    pub data: String,
    /// The `id:` field, if any.
    pub id: Option<String>,
}

/// Reads `text/event-stream` bytes into events, keeping an incomplete line or event for the
/// next piece.
#[derive(Debug, Default)]
pub struct EventStreamReader {
    pending: Vec<u8>,
    name: Option<String>,
    data: Option<String>,
    id: Option<String>,
    started: bool,
}

impl EventStreamReader {
    /// Takes the next piece of the stream; returns the events it completed.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<StreamEvent> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        // A line ends with CRLF, LF or CR; a CR at the end of a piece may be half a CRLF.
        while let Some(end) = self.pending.iter().position(|&b| b == b'\n' || b == b'\r') {
            let crlf = self.pending[end] == b'\r' && self.pending.get(end + 1) == Some(&b'\n');
            if self.pending[end] == b'\r' && end + 1 == self.pending.len() {
                break;
            }
            let line: Vec<u8> = self.pending.drain(..end + if crlf { 2 } else { 1 }).take(end).collect();
            let mut line = String::from_utf8_lossy(&line).into_owned();
            if !self.started {
                self.started = true;
                if let Some(rest) = line.strip_prefix('\u{feff}') {
                    line = rest.to_string();
                }
            }
            if let Some(event) = self.line(&line) {
                events.push(event);
            }
        }
        events
    }

    fn line(&mut self, line: &str) -> Option<StreamEvent> {
        if line.is_empty() {
            let data = self.data.take();
            let name = self.name.take();
            return data.map(|data| StreamEvent {
                name: name.filter(|n| !n.is_empty()).unwrap_or_else(|| "message".into()),
                data,
                id: self.id.clone(),
            });
        }
        if line.starts_with(':') {
            return None; // a comment (servers ping with them)
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => self.name = Some(value.to_string()),
            "data" => match &mut self.data {
                Some(data) => {
                    data.push('\n');
                    data.push_str(value);
                }
                None => self.data = Some(value.to_string()),
            },
            "id" if !value.contains('\0') => self.id = Some(value.to_string()),
            _ => {} // retry and unknown fields
        }
        None
    }
}

/// What changed on the server (RFC 8620 §7.1): for each account, the new state of each type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateChange {
    /// Account id → type name (`Email`, `Mailbox`, `Thread`, `EmailDelivery`…) → new state.
    pub changed: BTreeMap<String, BTreeMap<String, String>>,
}

impl StateChange {
    /// The state change an event carries: a `state` event whose data is a `StateChange`.
    pub fn from_event(event: &StreamEvent) -> Option<StateChange> {
        if event.name != "state" {
            return None;
        }
        #[derive(Deserialize)]
        struct Typed {
            #[serde(rename = "@type")]
            kind: String,
            #[serde(default)]
            changed: BTreeMap<String, BTreeMap<String, String>>,
        }
        let typed: Typed = serde_json::from_str(&event.data).ok()?;
        (typed.kind == "StateChange").then_some(StateChange { changed: typed.changed })
    }

    /// Whether anything of `account_id` changed, among `types` (empty: any type).
    pub fn touches(&self, account_id: &str, types: &[&str]) -> bool {
        self.changed
            .get(account_id)
            .is_some_and(|changed| types.is_empty() || changed.keys().any(|t| types.contains(&t.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of RFC 8620 §7.1, sent as an event of the stream (§7.3).
    const RFC_STATE_CHANGE: &str = r#"{
        "@type": "StateChange",
        "changed": {
          "a456": { "Email": "d35ecb040aab", "EmailDelivery": "428d565f2440", "CalendarEvent": "87accfac587a" },
          "a123": { "Mailbox": "0af7a512ce70" }
        }
      }"#;

    fn stream_of(json: &str) -> String {
        let data: String = json.lines().map(|l| format!("data: {l}\n")).collect();
        format!(": ping\n\nevent: state\nid: 1\n{data}\n")
    }

    #[test]
    fn reads_the_rfc_state_change_sent_whole() {
        let mut reader = EventStreamReader::default();
        let events = reader.feed(stream_of(RFC_STATE_CHANGE).as_bytes());
        assert_eq!(events.len(), 1, "the comment is not an event");
        let change = StateChange::from_event(&events[0]).expect("a StateChange");
        assert_eq!(change.changed["a456"]["Email"], "d35ecb040aab");
        assert_eq!(change.changed["a123"]["Mailbox"], "0af7a512ce70");
        assert!(change.touches("a456", &["Email", "Mailbox"]));
        assert!(!change.touches("a123", &["Email"]));
        assert!(change.touches("a123", &[]));
        assert!(!change.touches("other", &[]));
        assert_eq!(events[0].id.as_deref(), Some("1"));
    }

    #[test]
    fn reads_the_same_byte_by_byte_and_with_crlf() {
        let whole = stream_of(RFC_STATE_CHANGE).replace('\n', "\r\n");
        let mut reader = EventStreamReader::default();
        let mut events = Vec::new();
        for byte in whole.as_bytes() {
            events.extend(reader.feed(std::slice::from_ref(byte)));
        }
        assert_eq!(events.len(), 1);
        let change = StateChange::from_event(&events[0]).expect("a StateChange");
        assert_eq!(change.changed["a456"].len(), 3);
    }

    #[test]
    fn multi_byte_characters_split_between_pieces_survive() {
        let text = "event: state\ndata: {\"@type\":\"StateChange\",\"changed\":{\"é\":{\"Email\":\"1\"}}}\n\n";
        let bytes = text.as_bytes();
        let cut = text.find('é').unwrap() + 1; // inside the two bytes of é
        let mut reader = EventStreamReader::default();
        let mut events = reader.feed(&bytes[..cut]);
        events.extend(reader.feed(&bytes[cut..]));
        assert!(StateChange::from_event(&events[0]).unwrap().touches("é", &["Email"]));
    }

    #[test]
    fn other_events_and_bad_data_are_not_state_changes() {
        let mut reader = EventStreamReader::default();
        let events = reader.feed(b"data: hello\n\nevent: state\ndata: {not json\n\nevent: state\ndata: {\"@type\":\"Other\"}\n\nevent: state\n\n");
        assert_eq!(events.len(), 3, "an event without data is not dispatched: {events:?}");
        assert_eq!(events[0].name, "message");
        assert!(events.iter().all(|e| StateChange::from_event(e).is_none()));
    }

    #[test]
    fn an_unfinished_event_waits_for_its_blank_line() {
        let mut reader = EventStreamReader::default();
        assert!(reader.feed(b"event: state\ndata: {}\n").is_empty());
        assert_eq!(reader.feed(b"\n").len(), 1);
    }
}
