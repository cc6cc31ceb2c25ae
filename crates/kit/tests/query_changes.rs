//! `Email/queryChanges` answers as RFC 8620 §5.6 allows them, applied to a list with
//! [`ListState::apply_query_changes`]: the RFC's own example (with errata 6604), the answer
//! Stalwart gives for every new mail (the new id in both `removed` and `added`), `removed`
//! holding ids that were never in the list, and `added` indexes beyond the loaded pages or the
//! end of the list. Each test checks the rows the user would see and what the summary tells
//! the screen (new mail on top, rows gone, positions forgotten).

use facteur_jmap::QueryChangesResponse;
use facteur_kit::list_state::ListState;

/// An answer as the server sends it (JSON, camelCase).
fn answer(json: &str) -> QueryChangesResponse {
    serde_json::from_str(json).expect("a queryChanges answer")
}

/// The rows by position, `None` where not loaded.
fn shown(list: &ListState) -> Vec<Option<&str>> {
    list.window(0..list.total()).into_iter().map(|(_, id)| id).collect()
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// The RFC's sparse list: `[id1, id2, null, null, id3, id4, null, null, null]`.
fn rfc_list() -> ListState {
    let mut list = ListState::new();
    list.apply_page(0, strings(&["id1", "id2"]), 9, "s1");
    list.apply_page(4, strings(&["id3", "id4"]), 9, "s1");
    list
}

#[test]
fn the_rfc_example_forgets_what_follows_the_first_gap_when_a_removed_id_was_not_held() {
    // RFC 8620 §5.6 with errata 6604: id31 was not found, so every cached id after the first gap
    // is invalid; id5 is spliced in at 0.
    // Without a total the list keeps the RFC's nine places; with one, the server's count.
    for (total, places) in [(r#""total": 8,"#, 8), ("", 9)] {
        let mut list = rfc_list();
        let summary = list
            .apply_query_changes(&answer(&format!(
                r#"{{"accountId": "A", "oldQueryState": "s1", "newQueryState": "s2", {total}
                    "removed": ["id2", "id31"], "added": [{{"id": "id5", "index": 0}}]}}"#
            )))
            .unwrap();
        let mut expected = vec![Some("id5"), Some("id1")];
        expected.resize(places, None);
        assert_eq!(shown(&list), expected, "{total}");
        assert_eq!(list.position_of("id3"), None, "id3 may have moved up: forgotten");
        assert_eq!(summary.removed, strings(&["id2"]));
        assert_eq!(summary.new_at_top, strings(&["id5"]));
        assert_eq!(summary.forgotten_from, Some(2), "forgotten from the first gap on");
        assert_eq!(list.query_state(), Some("s2"));
        assert_eq!(list.loaded_count(), 2, "the forgotten rows load again as the user scrolls there");
    }
}

/// What Stalwart answers when one mail arrives at the top of the Inbox (captured).
const STALWART_NEW_MAIL: &str = r#"{"accountId": "b", "oldQueryState": "s1", "newQueryState": "s2", "total": 4,
    "removed": ["bjmaaaakl"], "added": [{"id": "bjmaaaakl", "index": 0}]}"#;

#[test]
fn a_new_mail_listed_in_both_removed_and_added_is_new_mail_on_top() {
    let mut list = ListState::new();
    list.apply_page(0, strings(&["a", "b", "c"]), 3, "s1");
    let summary = list.apply_query_changes(&answer(STALWART_NEW_MAIL)).unwrap();
    assert_eq!(shown(&list), [Some("bjmaaaakl"), Some("a"), Some("b"), Some("c")]);
    assert_eq!(list.total(), 4);
    assert!(summary.removed.is_empty(), "no row left the list: {:?}", summary.removed);
    assert_eq!(summary.arrived, strings(&["bjmaaaakl"]));
    assert_eq!(summary.new_at_top, strings(&["bjmaaaakl"]), "the user is told of the new mail");
    assert_eq!(summary.forgotten_from, None);
}

#[test]
fn the_same_answer_on_a_big_folder_with_holes_shifts_the_loaded_rows_and_forgets_nothing() {
    // A 100,000-mail folder with its first page and a page far down loaded: the total proves
    // the one removed id was not held anywhere (it is the new mail itself).
    let mut list = ListState::new();
    list.apply_page(0, (0..50).map(|i| format!("m{i}")).collect(), 100_000, "s0");
    list.apply_page(5_000, (5_000..5_050).map(|i| format!("m{i}")).collect(), 100_000, "s0");
    let summary = list
        .apply_query_changes(&answer(&STALWART_NEW_MAIL.replace("\"s1\"", "\"s0\"").replace("4,", "100001,")))
        .unwrap();
    assert_eq!(summary.forgotten_from, None);
    assert_eq!(summary.new_at_top, strings(&["bjmaaaakl"]));
    assert_eq!((list.id_at(0), list.id_at(1), list.id_at(5_001)), (Some("bjmaaaakl"), Some("m0"), Some("m5000")));
    assert_eq!((list.total(), list.loaded_count()), (100_001, 101));
}

#[test]
fn a_row_moved_inside_the_list_is_neither_new_nor_gone() {
    // "An item that moved position is in both removed and added": b re-sorted from 1 to 2.
    let mut list = ListState::new();
    list.apply_page(0, strings(&["a", "b", "c"]), 3, "s1");
    let summary = list
        .apply_query_changes(&answer(
            r#"{"accountId": "A", "oldQueryState": "s1", "newQueryState": "s2", "total": 3,
                "removed": ["b"], "added": [{"id": "b", "index": 2}]}"#,
        ))
        .unwrap();
    assert_eq!(shown(&list), [Some("a"), Some("c"), Some("b")]);
    assert!(summary.is_empty(), "{summary:?}");
}

#[test]
fn removed_ids_that_were_never_in_the_list_change_nothing_when_the_total_agrees() {
    // The server MAY list extra ids "that may have been in the old results".
    let mut list = ListState::new();
    list.apply_page(0, strings(&["a", "b"]), 6, "s1");
    list.apply_page(4, strings(&["e", "f"]), 6, "s1");
    let summary = list
        .apply_query_changes(&answer(
            r#"{"accountId": "A", "oldQueryState": "s1", "newQueryState": "s2", "total": 5,
                "removed": ["b", "never-here", "nor-here"], "added": []}"#,
        ))
        .unwrap();
    assert_eq!(shown(&list), [Some("a"), None, None, Some("e"), Some("f")]);
    assert_eq!((summary.removed, summary.forgotten_from), (strings(&["b"]), None));
    // On a fully loaded list, extra ids are harmless even without a total.
    let mut list = ListState::new();
    list.apply_page(0, strings(&["a", "b"]), 2, "s1");
    let summary = list
        .apply_query_changes(&answer(
            r#"{"accountId": "A", "oldQueryState": "s1", "newQueryState": "s2", "removed": ["x", "y"], "added": []}"#,
        ))
        .unwrap();
    assert_eq!((shown(&list), summary.is_empty()), (vec![Some("a"), Some("b")], true));
}

#[test]
fn added_ids_beyond_the_loaded_pages_and_at_the_end_take_their_place() {
    let mut list = ListState::new();
    list.apply_page(0, strings(&["a", "b"]), 100, "s1");
    let summary = list
        .apply_query_changes(&answer(
            r#"{"accountId": "A", "oldQueryState": "s1", "newQueryState": "s2", "total": 102,
                "removed": [], "added": [{"id": "mid", "index": 40}, {"id": "last", "index": 101}]}"#,
        ))
        .unwrap();
    assert_eq!(
        (list.id_at(40), list.id_at(101), list.id_at(39), list.id_at(1)),
        (Some("mid"), Some("last"), None, Some("b"))
    );
    assert_eq!((list.total(), list.loaded_count()), (102, 4));
    assert_eq!(summary.arrived, strings(&["mid", "last"]));
    assert!(summary.new_at_top.is_empty(), "nothing new at the top");
    // The rows between stay unknown and load as the user scrolls there.
    assert_eq!(list.missing_pages(0..102, 50), [(0, 50), (50, 50), (100, 2)]);
}

#[test]
fn added_items_in_any_order_are_spliced_in_index_order() {
    // The array MUST be sorted by index; a server that does not is read the same way.
    let mut list = ListState::new();
    list.apply_page(0, strings(&["a", "b"]), 2, "s1");
    let summary = list
        .apply_query_changes(&answer(
            r#"{"accountId": "A", "oldQueryState": "s1", "newQueryState": "s2", "total": 4,
                "removed": ["n2"], "added": [{"id": "n2", "index": 1}, {"id": "n1", "index": 0}]}"#,
        ))
        .unwrap();
    assert_eq!(shown(&list), [Some("n1"), Some("n2"), Some("a"), Some("b")]);
    assert_eq!(summary.new_at_top, strings(&["n1", "n2"]));
}

#[test]
fn a_mail_removed_here_first_is_confirmed_by_the_answer_that_also_brings_new_mail() {
    // The user archived b (removed at once); the next answer reports b gone and a new mail,
    // Stalwart-style (the new id in removed too).
    let mut list = ListState::new();
    list.apply_page(0, strings(&["a", "b", "c"]), 3, "s1");
    list.remove_ids(&strings(&["b"]));
    let summary = list
        .apply_query_changes(&answer(
            r#"{"accountId": "A", "oldQueryState": "s1", "newQueryState": "s2", "total": 3,
                "removed": ["b", "n"], "added": [{"id": "n", "index": 0}]}"#,
        ))
        .unwrap();
    assert_eq!(shown(&list), [Some("n"), Some("a"), Some("c")]);
    assert_eq!((summary.new_at_top, summary.forgotten_from), (strings(&["n"]), None));
}
