//! The request of a page of search results, in one round trip: `Email/query` with the
//! search's filter, `Email/get` of the rows by back-reference (and `Thread/get` for the
//! conversation counts), and `SearchSnippet/get` of the same ids (RFC 8621 §5) for the
//! highlighted words.

use super::snippet::Highlight;
use super::SearchQuery;
use crate::requests::{page_calls, read_message_page, Page, PageCalls, ReadError};
use chrono::TimeZone;
use facteur_jmap::{CallHandle, Request, RequestBuilder, Response, SearchSnippetGet};
use std::collections::HashMap;

/// The calls of [`search_page`].
pub struct SearchCalls {
    page: PageCalls,
    snippets: CallHandle<SearchSnippetGet>,
}

/// A page of results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchPage {
    /// The rows, newest first, and the states.
    pub page: Page,
    /// Email id → its highlighted subject and excerpt (missing when the server gave none).
    pub highlights: HashMap<String, Highlight>,
}

/// A page of the results of `search`, newest first. `mailbox_id` is the open folder (used
/// when the scope is this folder); days start at midnight in `zone`.
pub fn search_page<Tz: TimeZone>(
    account_id: &str,
    search: &SearchQuery,
    mailbox_id: &str,
    zone: &Tz,
    threaded: bool,
    position: u32,
    limit: u32,
) -> (Request, SearchCalls) {
    let filter = search.filter(mailbox_id, zone);
    let mut builder = RequestBuilder::new();
    let query = crate::live::newest_first(account_id, filter.clone(), threaded).position(position).limit(limit);
    let page = page_calls(&mut builder, query, threaded);
    let snippets = builder.call(SearchSnippetGet::new(account_id, filter, page.query.reference("/ids")));
    (builder.build(), SearchCalls { page, snippets })
}

/// Reads the answer to [`search_page`]. Highlights are a bonus: if the server cannot give
/// snippets, the rows come without them.
pub fn read_search_page(response: &Response, calls: &SearchCalls) -> Result<SearchPage, ReadError> {
    let page = read_message_page(response, &calls.page)?;
    let highlights = match response.get(&calls.snippets) {
        Ok(answer) => answer
            .list
            .into_iter()
            .map(|snippet| (snippet.email_id.clone(), Highlight::from(snippet)))
            .filter(|(_, h)| h != &Highlight::default())
            .collect(),
        Err(_) => HashMap::new(),
    };
    Ok(SearchPage { page, highlights })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const CLAIRE: &str = "claire.martin@ac-cevennes.fr";

    #[test]
    fn one_request_query_get_threads_and_snippets_by_reference() {
        let search = SearchQuery::text("Noah");
        let (request, _) = search_page("A1", &search, "inbox-id", &chrono::Utc, true, 0, 50);
        let json = serde_json::to_value(&request).unwrap();
        let filter = json!({"operator": "AND", "conditions": [{"text": "Noah"}, {"inMailbox": "inbox-id"}]});
        assert_eq!(json["using"], json!(["urn:ietf:params:jmap:core", "urn:ietf:params:jmap:mail"]));
        assert_eq!(
            json["methodCalls"][0],
            json!(["Email/query", {"accountId": "A1", "filter": filter,
                "sort": [{"property": "receivedAt", "isAscending": false}], "position": 0, "limit": 50,
                "calculateTotal": true, "collapseThreads": true}, "c0"])
        );
        assert_eq!(json["methodCalls"][1][0], "Email/get");
        assert_eq!(json["methodCalls"][2][0], "Thread/get");
        assert_eq!(
            json["methodCalls"][3],
            json!(["SearchSnippet/get", {"accountId": "A1", "filter": filter,
                "#emailIds": {"resultOf": "c0", "name": "Email/query", "path": "/ids"}}, "c3"])
        );
    }

    /// Captured from our Cyrus: `Noah` in all folders, one row per conversation.
    #[test]
    fn results_from_cyrus_with_highlights() {
        let search = SearchQuery { scope: super::super::Scope::All, ..SearchQuery::text("Noah") };
        let (request, calls) = search_page(CLAIRE, &search, "x", &chrono::Utc, true, 0, 50);
        assert_eq!(serde_json::to_value(&request).unwrap()["methodCalls"][0][1]["filter"], json!({"text": "Noah"}));
        let response: Response =
            serde_json::from_str(include_str!("../../tests/fixtures/cyrus-search-noah.json")).unwrap();
        let results = read_search_page(&response, &calls).unwrap();
        let rows = &results.page.rows;
        assert_eq!(results.page.total, Some(rows.len() as u64));
        assert!(rows.len() >= 5, "{} rows", rows.len());
        assert!(rows.windows(2).all(|w| w[0].received_at >= w[1].received_at), "newest first");
        let situation =
            rows.iter().find(|r| r.subject.as_deref() == Some("Re: Situation de Noah Da Silva (2nde B)")).unwrap();
        assert!(situation.thread_size >= 2, "the conversation count comes with the results");
        // Each row knows its folders (named on the rows of a search in all folders).
        assert!(rows.iter().all(|r| !r.mailbox_ids.is_empty()), "a row without its folder");
        let folders: std::collections::HashSet<&String> = rows.iter().flat_map(|r| &r.mailbox_ids).collect();
        assert!(folders.len() >= 2, "the results come from several folders: {folders:?}");
        let highlight = &results.highlights[&situation.id];
        let subject = highlight.subject.as_ref().expect("the subject matches");
        assert_eq!(subject.iter().filter(|s| s.marked).map(|s| s.text.as_str()).collect::<Vec<_>>(), ["Noah"]);
        // Every row has its excerpt, with the word marked and the server's escaping undone.
        for row in rows {
            let preview = results.highlights[&row.id].preview.as_ref().expect("an excerpt per row");
            assert!(preview.iter().any(|s| s.marked && s.text.eq_ignore_ascii_case("noah")), "{preview:?}");
            assert!(preview.iter().all(|s| !s.text.contains("&gt;")), "{preview:?}");
        }
        assert!(results.highlights.values().any(|h| h.preview.iter().flatten().any(|s| s.text.contains('>'))));
    }

    #[test]
    fn rows_come_even_when_snippets_fail() {
        let (_, calls) = search_page("A1", &SearchQuery::text("x"), "m", &chrono::Utc, false, 0, 10);
        let response: Response = serde_json::from_value(json!({"sessionState": "s", "methodResponses": [
            ["Email/query", {"accountId": "A1", "queryState": "q", "ids": ["M1"], "total": 1}, "c0"],
            ["Email/get", {"accountId": "A1", "state": "1", "list": [{"id": "M1", "threadId": "T1", "subject": "x"}]}, "c1"],
            ["error", {"type": "unsupportedFilter"}, "c2"]]}))
        .unwrap();
        let results = read_search_page(&response, &calls).unwrap();
        assert_eq!(results.page.rows.len(), 1);
        assert!(results.highlights.is_empty());
    }

    #[test]
    fn a_refused_search_is_an_error() {
        let (_, calls) = search_page("A1", &SearchQuery::text("x"), "gone", &chrono::Utc, false, 0, 10);
        let response: Response = serde_json::from_value(json!({"sessionState": "s", "methodResponses": [
            ["error", {"type": "invalidArguments", "arguments": ["filter/inMailbox"]}, "c0"],
            ["error", {"type": "invalidResultReference"}, "c1"],
            ["error", {"type": "invalidResultReference"}, "c2"]]}))
        .unwrap();
        assert!(read_search_page(&response, &calls).unwrap_err().to_string().contains("invalidArguments"));
    }
}
