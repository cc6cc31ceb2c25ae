//! Methods and the standard ones (RFC 8620 §5): `/get`, `/set`, `/query`, `/changes`,
//! `/queryChanges`, generic over the object type.

use crate::request::ResultReference;
use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::HashMap;
use std::marker::PhantomData;

/// A method call: its arguments serialise to the JSON object of the invocation.
pub trait Method: Serialize {
    /// What the server answers.
    type Response: DeserializeOwned;
    /// `"Mailbox/get"`…
    fn name(&self) -> String;
    /// The capabilities the request must declare in `using`.
    fn capabilities(&self) -> &'static [&'static str];
}

/// A JMAP data type (`Mailbox`, `Email`…).
pub trait JmapObject: DeserializeOwned + Serialize {
    /// The type name, prefix of its methods.
    const NAME: &'static str;
    /// The capabilities its methods need.
    const CAPABILITIES: &'static [&'static str];
    /// Its `/query` filter condition.
    type Filter: Serialize;
    /// Extra `/get` arguments (e.g. Email body values).
    type GetArgs: Serialize + Default;
    /// Extra `/query` arguments (e.g. `collapseThreads`).
    type QueryArgs: Serialize + Default;
}

/// No extra arguments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NoArgs {}

/// The `ids` argument of a `/get`: all, a list, or a back-reference (`#ids`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum IdsArg {
    /// `"ids": null`: every object.
    #[default]
    All,
    /// `"ids": [...]`.
    List(Vec<String>),
    /// `"#ids": {resultOf, name, path}`.
    Ref(ResultReference),
}

impl Serialize for IdsArg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            IdsArg::All => map.serialize_entry("ids", &None::<()>)?,
            IdsArg::List(ids) => map.serialize_entry("ids", ids)?,
            IdsArg::Ref(reference) => map.serialize_entry("#ids", reference)?,
        }
        map.end()
    }
}

/// `Foo/get`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Get<O: JmapObject> {
    /// The account.
    pub account_id: String,
    /// Which objects.
    #[serde(flatten)]
    pub ids: IdsArg,
    /// Which properties (`None`: all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<String>>,
    /// Type-specific arguments.
    #[serde(flatten)]
    pub extra: O::GetArgs,
    #[serde(skip)]
    _object: PhantomData<fn() -> O>,
}

impl<O: JmapObject> Get<O> {
    /// Every object of the account, every property.
    pub fn new(account_id: &str) -> Self {
        Get {
            account_id: account_id.into(),
            ids: IdsArg::All,
            properties: None,
            extra: Default::default(),
            _object: PhantomData,
        }
    }
    /// These objects.
    pub fn ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.ids = IdsArg::List(ids.into_iter().map(Into::into).collect());
        self
    }
    /// The objects whose ids an earlier call of the same request returned.
    pub fn ids_ref(mut self, reference: ResultReference) -> Self {
        self.ids = IdsArg::Ref(reference);
        self
    }
    /// Only these properties.
    pub fn properties(mut self, properties: &[&str]) -> Self {
        self.properties = Some(properties.iter().map(|p| p.to_string()).collect());
        self
    }
    /// Sets the type-specific arguments.
    pub fn extra(mut self, extra: O::GetArgs) -> Self {
        self.extra = extra;
        self
    }
}

impl<O: JmapObject> Method for Get<O> {
    type Response = GetResponse<O>;
    fn name(&self) -> String {
        format!("{}/get", O::NAME)
    }
    fn capabilities(&self) -> &'static [&'static str] {
        O::CAPABILITIES
    }
}

/// The answer to `Foo/get`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", bound = "O: JmapObject")]
pub struct GetResponse<O> {
    /// The account.
    pub account_id: String,
    /// State of the type, for `/changes`.
    pub state: String,
    /// The objects.
    pub list: Vec<O>,
    /// Ids that do not exist.
    #[serde(default)]
    pub not_found: Vec<String>,
}

/// A patch for `/set` update: property path → new value (`null` removes).
pub type PatchObject = serde_json::Map<String, serde_json::Value>;

/// `Foo/set`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Set<O: JmapObject> {
    /// The account.
    pub account_id: String,
    /// Only if the state is still this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub if_in_state: Option<String>,
    /// Creation id → object to create.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create: Option<HashMap<String, O>>,
    /// Id → patch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<HashMap<String, PatchObject>>,
    /// Ids to destroy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destroy: Option<Vec<String>>,
    /// Type-specific arguments (e.g. `onDestroyRemoveEmails` for Mailbox).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub extra: Option<serde_json::Map<String, serde_json::Value>>,
}

impl<O: JmapObject> Set<O> {
    /// An empty set on an account.
    pub fn new(account_id: &str) -> Self {
        Set { account_id: account_id.into(), if_in_state: None, create: None, update: None, destroy: None, extra: None }
    }
    /// Adds an object to create under a creation id.
    pub fn create(mut self, creation_id: &str, object: O) -> Self {
        self.create.get_or_insert_with(HashMap::new).insert(creation_id.into(), object);
        self
    }
    /// Adds a patch.
    pub fn update(mut self, id: &str, patch: PatchObject) -> Self {
        self.update.get_or_insert_with(HashMap::new).insert(id.into(), patch);
        self
    }
    /// Adds ids to destroy.
    pub fn destroy(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.destroy.get_or_insert_with(Vec::new).extend(ids.into_iter().map(Into::into));
        self
    }
    /// Adds a type-specific argument.
    pub fn arg(mut self, name: &str, value: serde_json::Value) -> Self {
        self.extra.get_or_insert_with(Default::default).insert(name.into(), value);
        self
    }
}

impl<O: JmapObject> Method for Set<O> {
    type Response = SetResponse<O>;
    fn name(&self) -> String {
        format!("{}/set", O::NAME)
    }
    fn capabilities(&self) -> &'static [&'static str] {
        O::CAPABILITIES
    }
}

/// The answer to `Foo/set`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", bound = "O: JmapObject")]
pub struct SetResponse<O> {
    /// The account.
    pub account_id: String,
    /// State before.
    #[serde(default)]
    pub old_state: Option<String>,
    /// State after.
    pub new_state: String,
    /// Creation id → server-set properties of the created object.
    #[serde(default)]
    pub created: Option<HashMap<String, O>>,
    /// Id → server-changed properties (or null).
    #[serde(default)]
    pub updated: Option<HashMap<String, Option<serde_json::Value>>>,
    /// Destroyed ids.
    #[serde(default)]
    pub destroyed: Option<Vec<String>>,
    /// Creation id → why not.
    #[serde(default)]
    pub not_created: Option<HashMap<String, crate::SetError>>,
    /// Id → why not.
    #[serde(default)]
    pub not_updated: Option<HashMap<String, crate::SetError>>,
    /// Id → why not.
    #[serde(default)]
    pub not_destroyed: Option<HashMap<String, crate::SetError>>,
}

impl<O> SetResponse<O> {
    /// Every refusal of this set, as (id, error).
    pub fn failures(&self) -> impl Iterator<Item = (&String, &crate::SetError)> {
        [&self.not_created, &self.not_updated, &self.not_destroyed].into_iter().flatten().flatten()
    }
}

/// A sort criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparator {
    /// The property (`receivedAt`…).
    pub property: String,
    /// Ascending (the default in JMAP).
    pub is_ascending: bool,
    /// Collation algorithm.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub collation: Option<String>,
    /// For `hasKeyword` sorts (RFC 8621).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub keyword: Option<String>,
}

impl Comparator {
    /// Newest / largest first.
    pub fn descending(property: &str) -> Self {
        Comparator { property: property.into(), is_ascending: false, collation: None, keyword: None }
    }
    /// Oldest / smallest first.
    pub fn ascending(property: &str) -> Self {
        Comparator { property: property.into(), is_ascending: true, collation: None, keyword: None }
    }
}

/// A typed sort property of one object type ([`crate::EmailSort`], [`crate::MailboxSort`]).
///
/// ```
/// use facteur_jmap::{Comparator, EmailSort, SortProperty};
/// assert_eq!(EmailSort::ReceivedAt.descending(), Comparator::descending("receivedAt"));
/// let flagged = EmailSort::HasKeyword("$flagged".into()).ascending();
/// assert_eq!(flagged.keyword.as_deref(), Some("$flagged"));
/// ```
pub trait SortProperty: Sized {
    /// The property name as JMAP writes it.
    fn property(&self) -> &str;
    /// The keyword of keyword sorts.
    fn keyword(&self) -> Option<&str> {
        None
    }
    /// Sorts by this property, smallest / oldest / A first.
    fn ascending(self) -> Comparator {
        Comparator { is_ascending: true, ..self.descending() }
    }
    /// Sorts by this property, largest / newest / Z first.
    fn descending(self) -> Comparator {
        let mut comparator = Comparator::descending(self.property());
        comparator.keyword = self.keyword().map(String::from);
        comparator
    }
}

/// A filter: a condition or an operator over filters.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Filter<C> {
    /// AND / OR / NOT.
    Operator(FilterOperator<C>),
    /// A condition of the type's filter.
    Condition(C),
}

/// `{"operator": "AND", "conditions": [...]}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FilterOperator<C> {
    /// The operator.
    pub operator: Operator,
    /// The operands.
    pub conditions: Vec<Filter<C>>,
}

/// Filter operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Operator {
    /// All must match.
    And,
    /// One must match.
    Or,
    /// None must match.
    Not,
}

/// `Foo/query`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Query<O: JmapObject> {
    /// The account.
    pub account_id: String,
    /// Which objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter<O::Filter>>,
    /// In which order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Vec<Comparator>>,
    /// First index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<i64>,
    /// Start at this id instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Offset from the anchor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor_offset: Option<i64>,
    /// How many.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// Ask for `total`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calculate_total: Option<bool>,
    /// Type-specific arguments.
    #[serde(flatten)]
    pub extra: O::QueryArgs,
}

impl<O: JmapObject> Query<O> {
    /// Everything, in the server's order.
    pub fn new(account_id: &str) -> Self {
        Query {
            account_id: account_id.into(),
            filter: None,
            sort: None,
            position: None,
            anchor: None,
            anchor_offset: None,
            limit: None,
            calculate_total: None,
            extra: Default::default(),
        }
    }
    /// Filter.
    pub fn filter(mut self, filter: Filter<O::Filter>) -> Self {
        self.filter = Some(filter);
        self
    }
    /// Sort.
    pub fn sort(mut self, sort: Vec<Comparator>) -> Self {
        self.sort = Some(sort);
        self
    }
    /// First index.
    pub fn position(mut self, position: u32) -> Self {
        self.position = Some(position.into());
        self
    }
    /// Starts the page at `anchor`, moved by `offset` (negative: before it).
    pub fn anchor(mut self, anchor: &str, offset: i64) -> Self {
        self.anchor = Some(anchor.into());
        self.anchor_offset = Some(offset);
        self
    }
    /// Page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit.into());
        self
    }
    /// Ask for the total.
    pub fn calculate_total(mut self, yes: bool) -> Self {
        self.calculate_total = Some(yes);
        self
    }
    /// Type-specific arguments.
    pub fn extra(mut self, extra: O::QueryArgs) -> Self {
        self.extra = extra;
        self
    }
}

impl<O: JmapObject> Method for Query<O> {
    type Response = QueryResponse;
    fn name(&self) -> String {
        format!("{}/query", O::NAME)
    }
    fn capabilities(&self) -> &'static [&'static str] {
        O::CAPABILITIES
    }
}

/// The answer to `Foo/query`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryResponse {
    /// The account.
    pub account_id: String,
    /// For `/queryChanges`.
    pub query_state: String,
    /// Whether `/queryChanges` can work from this state.
    #[serde(default)]
    pub can_calculate_changes: bool,
    /// Index of the first id.
    #[serde(default)]
    pub position: u64,
    /// The ids, in order.
    pub ids: Vec<String>,
    /// Total matches, if asked.
    #[serde(default)]
    pub total: Option<u64>,
    /// The limit the server applied.
    #[serde(default)]
    pub limit: Option<u64>,
}

impl QueryResponse {
    /// The `total`, checked against this page asked at `position` with `limit` `asked`: a page
    /// shorter than what was asked (`asked`, or the server's own smaller `limit`) ends the
    /// results, whatever `total` says. Stalwart 0.16 answers an `Email/query` with
    /// `collapseThreads` with the number of emails, not of conversations: its short last page
    /// is the only sign in the answer of where the list ends.
    ///
    /// An empty page ends the results at or before the position asked: its own `position` says
    /// nothing (there is no first id to place), and Stalwart answers `0` there, which would end
    /// a list of 83,862 conversations at 0 when a page was asked past its end.
    ///
    /// ```
    /// use facteur_jmap::QueryResponse;
    /// let page = |position: u64, ids: usize| -> QueryResponse {
    ///     serde_json::from_value(serde_json::json!({"accountId": "c", "queryState": "q", "canCalculateChanges": true,
    ///         "position": position, "ids": vec!["x"; ids], "total": 83})).unwrap()
    /// };
    /// // Captured from Stalwart: 74 conversations, total 83 (the emails).
    /// assert_eq!(page(50, 24).checked_total(50, 50), Some(74));
    /// assert_eq!(page(50, 24).checked_total(50, 24), Some(83), "a full page says nothing");
    /// // Asked past the end, Stalwart answers no ids at position 0: the list ends by 80 at most.
    /// assert_eq!(page(0, 0).checked_total(80, 50), Some(80));
    /// assert_eq!(page(0, 0).checked_total(0, 50), Some(0), "nothing from the start: empty");
    /// ```
    pub fn checked_total(&self, position: u64, asked: u64) -> Option<u64> {
        let asked = self.limit.map_or(asked, |applied| applied.min(asked));
        let got = self.ids.len() as u64;
        let end = if got == 0 { position } else { self.position.saturating_add(got) };
        match self.total {
            Some(total) if got < asked && end < total => Some(end),
            total => total,
        }
    }
}

/// `Foo/changes`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Changes<O: JmapObject> {
    /// The account.
    pub account_id: String,
    /// Changes since this state.
    pub since_state: String,
    /// At most this many ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_changes: Option<u64>,
    #[serde(skip)]
    _object: PhantomData<fn() -> O>,
}

impl<O: JmapObject> Changes<O> {
    /// Changes since `since_state`.
    pub fn new(account_id: &str, since_state: &str) -> Self {
        Changes {
            account_id: account_id.into(),
            since_state: since_state.into(),
            max_changes: None,
            _object: PhantomData,
        }
    }
    /// At most this many.
    pub fn max_changes(mut self, max: u64) -> Self {
        self.max_changes = Some(max);
        self
    }
}

impl<O: JmapObject> Method for Changes<O> {
    type Response = ChangesResponse;
    fn name(&self) -> String {
        format!("{}/changes", O::NAME)
    }
    fn capabilities(&self) -> &'static [&'static str] {
        O::CAPABILITIES
    }
}

/// The answer to `Foo/changes`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangesResponse {
    /// The account.
    pub account_id: String,
    /// The state asked from.
    pub old_state: String,
    /// The state now (or after this batch).
    pub new_state: String,
    /// Call again from `new_state` for the rest.
    #[serde(default)]
    pub has_more_changes: bool,
    /// Created ids.
    #[serde(default)]
    pub created: Vec<String>,
    /// Updated ids.
    #[serde(default)]
    pub updated: Vec<String>,
    /// Destroyed ids.
    #[serde(default)]
    pub destroyed: Vec<String>,
    /// Mailbox/changes: when only counts changed, the properties that did.
    #[serde(default)]
    pub updated_properties: Option<Vec<String>>,
}

/// `Foo/queryChanges`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryChanges<O: JmapObject> {
    /// The account.
    pub account_id: String,
    /// The query's filter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter<O::Filter>>,
    /// The query's sort.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Vec<Comparator>>,
    /// From this query state.
    pub since_query_state: String,
    /// At most this many changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_changes: Option<u64>,
    /// Only changes up to this id (the last one the client has).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub up_to_id: Option<String>,
    /// Ask for the total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calculate_total: Option<bool>,
    /// Type-specific arguments.
    #[serde(flatten)]
    pub extra: O::QueryArgs,
}

impl<O: JmapObject> QueryChanges<O> {
    /// The changes of `query` since `since_query_state`.
    pub fn of(query: &Query<O>, since_query_state: &str) -> Self
    where
        O::Filter: Clone,
        O::QueryArgs: Clone,
    {
        QueryChanges {
            account_id: query.account_id.clone(),
            filter: query.filter.clone(),
            sort: query.sort.clone(),
            since_query_state: since_query_state.into(),
            max_changes: None,
            up_to_id: None,
            calculate_total: query.calculate_total,
            extra: query.extra.clone(),
        }
    }
}

impl<O: JmapObject> Method for QueryChanges<O> {
    type Response = QueryChangesResponse;
    fn name(&self) -> String {
        format!("{}/queryChanges", O::NAME)
    }
    fn capabilities(&self) -> &'static [&'static str] {
        O::CAPABILITIES
    }
}

/// The answer to `Foo/queryChanges`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryChangesResponse {
    /// The account.
    pub account_id: String,
    /// The state asked from.
    pub old_query_state: String,
    /// The state now.
    pub new_query_state: String,
    /// Total, if asked.
    #[serde(default)]
    pub total: Option<u64>,
    /// Ids no longer in the results (or moved).
    #[serde(default)]
    pub removed: Vec<String>,
    /// Ids now in the results, with their index, in index order.
    #[serde(default)]
    pub added: Vec<AddedItem>,
}

/// An id added to query results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedItem {
    /// The id.
    pub id: String,
    /// Its index in the new results.
    pub index: u64,
}

#[cfg(test)]
mod tests {
    use super::QueryResponse;

    fn answer(json: &str) -> QueryResponse {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_page_asked_past_the_end_ends_the_list_there_not_at_zero() {
        // Stalwart 0.16, the 83,862 conversations of a folder of 100,000 mails, asked at
        // 99,950 (where the list of 100,000 said it ended): no ids, position 0.
        let past = answer(
            r#"{"accountId":"c","queryState":"s1chqm","canCalculateChanges":true,"position":0,"ids":[],"total":100000,"limit":100}"#,
        );
        assert_eq!(past.checked_total(99_950, 50), Some(99_950));
        // Cyrus 3.6 answers the position clamped to the total: the same end.
        let cyrus = answer(
            r#"{"accountId":"a","queryState":"q","canCalculateChanges":true,"position":75,"ids":[],"total":75}"#,
        );
        assert_eq!(cyrus.checked_total(83_800, 100), Some(75));
        // Stalwart's last page, 62 ids at 83,800: the list ends at 83,862.
        let last = answer(&format!(
            r#"{{"accountId":"c","queryState":"s1chqm","canCalculateChanges":true,"position":83800,"ids":{},"total":100000,"limit":100}}"#,
            serde_json::to_string(&vec!["x"; 62]).unwrap()
        ));
        assert_eq!(last.checked_total(83_800, 100), Some(83_862));
    }
}
