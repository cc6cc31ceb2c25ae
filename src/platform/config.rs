//! Loads `config.json` (served with the app) and provides it as context.

use crate::i18n::*;
use crate::platform::http;
use facteur_kit::config::AppConfig;
use leptos::prelude::*;

async fn load() -> Result<AppConfig, String> {
    let response = http::get("/config.json", None).await.map_err(|e| e.to_string())?;
    if response.status != 200 {
        return Err(format!("HTTP {}", response.status));
    }
    AppConfig::from_json(&response.body).map_err(|e| e.to_string())
}

/// Renders its children once `config.json` is loaded, with the configuration in context
/// (`expect_context::<AppConfig>()`); says so in words if it cannot be read.
#[component]
pub fn ConfigGate(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let config = LocalResource::new(load);
    let children = StoredValue::new(children);
    move || {
        config.get().map(|loaded| match loaded {
            Ok(cfg) => {
                provide_context(cfg);
                children.with_value(|c| c()).into_any()
            }
            Err(detail) => view! {
                <main class="fatal" role="alert">
                    <p>{crate::tr!(i18n, config_error)}</p>
                    <p class="detail">{detail}</p>
                </main>
            }
            .into_any(),
        })
    }
}
