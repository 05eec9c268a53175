//! The browser's local storage, behind a small trait so the logic that uses it can be tested
//! natively with an in-memory store.
//!
//! Storage can be missing (private browsing, a blocked site, a sandboxed frame: reading
//! `window.localStorage` itself throws) or full (a write throws `QuotaExceededError`). Neither may
//! crash the page: every operation returns a [`StoreError`] the page turns into a notice. gloo's
//! `LocalStorage` is not used because it panics when storage is missing.

use std::collections::BTreeMap;

#[cfg(feature = "web")]
pub use browser::{on_change_elsewhere, BrowserStore};

/// Why storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreError {
    /// There is no storage (private browsing, blocked by settings).
    Unavailable,
    /// The write did not fit.
    Full,
}

/// Keys and text values, like `localStorage`.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;

    /// Whether writes work at all, by writing and removing a small value.
    fn probe(&mut self) -> Result<(), StoreError> {
        self.set(PROBE_KEY, "1")?;
        self.remove(PROBE_KEY)
    }
}

const PROBE_KEY: &str = "cadence.probe";

/// An in-memory store for tests, which can be told to behave like a full or missing storage.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    pub items: BTreeMap<String, String>,
    /// Every call fails with this, when set.
    pub failure: Option<StoreError>,
    /// Most characters the store holds (keys and values), like a browser's quota.
    pub capacity: Option<usize>,
}

impl MemoryStore {
    fn used_without(&self, key: &str) -> usize {
        self.items
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self.failure {
            Some(StoreError::Unavailable) => Err(StoreError::Unavailable),
            _ => Ok(self.items.get(key).cloned()),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(failure) = self.failure {
            return Err(failure);
        }
        let needed = self.used_without(key) + key.chars().count() + value.chars().count();
        if self.capacity.is_some_and(|capacity| needed > capacity) {
            return Err(StoreError::Full);
        }
        self.items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if self.failure == Some(StoreError::Unavailable) {
            return Err(StoreError::Unavailable);
        }
        self.items.remove(key);
        Ok(())
    }
}

/// `localStorage` itself: browser only.
#[cfg(feature = "web")]
mod browser {
    use gloo::events::EventListener;
    use wasm_bindgen::JsValue;
    use yew::Callback;

    use super::{Store, StoreError};

    /// The browser's `localStorage`.
    pub struct BrowserStore {
        storage: Option<web_sys::Storage>,
    }

    impl BrowserStore {
        /// Opens `localStorage`; a browser that refuses it gives a store whose every call fails with
        /// [`StoreError::Unavailable`].
        #[must_use]
        pub fn open() -> BrowserStore {
            let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
            BrowserStore { storage }
        }

        fn storage(&self) -> Result<&web_sys::Storage, StoreError> {
            self.storage.as_ref().ok_or(StoreError::Unavailable)
        }
    }

    impl Store for BrowserStore {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.storage()?.get_item(key).map_err(classify)
        }

        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            self.storage()?.set_item(key, value).map_err(classify)
        }

        fn remove(&mut self, key: &str) -> Result<(), StoreError> {
            self.storage()?.remove_item(key).map_err(classify)
        }
    }

    /// Calls `onchange` with the new text whenever another tab of the page changes `key` (the browser
    /// tells every other tab, never the one that wrote). Keep the listener alive.
    #[must_use]
    pub fn on_change_elsewhere(
        key: &'static str,
        onchange: Callback<String>,
    ) -> Option<EventListener> {
        let window = web_sys::window()?;
        Some(EventListener::new(&window, "storage", move |event| {
            let field = |name: &str| js_sys::Reflect::get(event, &JsValue::from_str(name)).ok();
            let changed = field("key").and_then(|k| k.as_string());
            if changed.as_deref() == Some(key) {
                // A removed key (site data cleared) is ignored: this tab's next write restores it.
                if let Some(text) = field("newValue").and_then(|v| v.as_string()) {
                    onchange.emit(text);
                }
            }
        }))
    }

    /// A quota error means full; anything else (a security error) means unavailable.
    fn classify(error: JsValue) -> StoreError {
        let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StoreError::Full
        } else {
            StoreError::Unavailable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memory_store_fails_like_a_browser() {
        let mut store = MemoryStore::default();
        assert_eq!(store.probe(), Ok(()));
        assert!(store.items.is_empty(), "the probe cleans up");
        store.capacity = Some(10);
        assert_eq!(store.set("k", "12345"), Ok(()));
        assert_eq!(
            store.set("k", "123456789"),
            Ok(()),
            "replacing frees the old value"
        );
        assert_eq!(store.set("other", "12345"), Err(StoreError::Full));
        store.failure = Some(StoreError::Unavailable);
        assert_eq!(store.get("k"), Err(StoreError::Unavailable));
        assert_eq!(store.probe(), Err(StoreError::Unavailable));
    }
}
