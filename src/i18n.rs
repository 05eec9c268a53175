//! Every user-visible string of the page, in English and Simplified Chinese.
//!
//! The page never writes UI text as a literal anywhere else: components ask for a [`Text`] key and the
//! current [`Lang`]. The table is one macro invocation, so a key without both translations does not
//! compile, and `Text::ALL` lets a test enumerate every key.

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The BCP 47 tag written into `<html lang>`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Picks the language for a browser language tag such as `zh-CN` or `en-GB`; anything that is not
    /// Chinese falls back to English.
    #[must_use]
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

macro_rules! text_table {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A key of the translation table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text {
            $($key,)*
        }

        impl Text {
            /// Every key, for tests that check the table is complete.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The string in the given language.
            #[must_use]
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Text::$key, Lang::En) => $en,
                      (Text::$key, Lang::Zh) => $zh,)*
                }
            }
        }
    };
}

text_table! {
    AppName => "Cadence", "Cadence 营销节奏";
    Tagline => "Plan your team's prospecting cadence so the loan book never runs dry.",
        "规划团队的营销节奏，让贷款组合持续有新客户补充。";
    RegionInputs => "Your team", "团队设置";
    RegionResults => "Results", "结果";
    RegionCharts => "Charts", "图表";
    FooterVersion => "Version", "版本";
    FooterLocal => "Runs entirely in your browser; nothing is sent anywhere.",
        "完全在浏览器中运行，不会上传任何数据。";
    LanguageSwitch => "中文", "English";
    LanguageSwitchLabel => "Switch language", "切换语言";
}

/// Fills `{0}`, `{1}`, … in a translated template with the given arguments.
#[must_use]
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_owned();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for key in Text::ALL {
            let en = key.get(Lang::En);
            let zh = key.get(Lang::Zh);
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert!(!zh.trim().is_empty(), "{key:?} has no Chinese text");
            let placeholders = |s: &str| s.matches('{').count();
            assert_eq!(
                placeholders(en),
                placeholders(zh),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn browser_tags_pick_a_language() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH-tw"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("{0} of {1}", &["3", "8"]), "3 of 8");
    }
}
