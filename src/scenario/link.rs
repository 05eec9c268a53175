//! Share links: a whole scenario carried in a URL fragment, so a colleague's browser opens the same
//! scenario with no server in between.
//!
//! The fragment is `#scenario=` followed by URL-safe base64 (no padding) of the zlib-deflated, compact
//! JSON payload `{"version": 1, "name", "start_date", "scenario"}`, where `scenario` is a complete
//! scenario file. zlib's Adler-32 checksum makes a link that was cut short or altered in transit fail
//! loudly instead of opening something else. Decoding is bounded (the fragment's length and the
//! unpacked size) so a hostile link cannot exhaust memory, and never panics.

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use serde::Serialize;
use serde_json::Value;

use super::library::{date_text, parse_json, read_named, Check, NamedScenario};
use super::migrate::{self, Upgrade};
use super::ScenarioFile;
use crate::engine::validate::ParamError;

/// What a share link's fragment starts with (after the `#`).
pub const FRAGMENT_KEY: &str = "scenario=";
/// The payload's version: 2 to 4 carry scenarios of versions 2 to 4.
pub const LINK_VERSION: u32 = 4;
/// The payload's upgrade chain (see `migrate`).
pub const LINK_UPGRADES: &[Upgrade] = &[
    migrate::same_fields,
    migrate::same_fields,
    migrate::same_fields,
];
const _: () = assert!(LINK_UPGRADES.len() + 1 == LINK_VERSION as usize);

/// Longest fragment decoded; real links are a few kilobytes.
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;
/// Most bytes a payload may unpack to; a scenario with every option is about 8 KB.
pub const MAX_PAYLOAD_BYTES: usize = 256 * 1024;

/// deflate level: the best compression, since links are short and made rarely.
const LEVEL: u8 = 9;

/// URL-safe base64 without padding; decoding also accepts padding a mail client may have added.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    /// The fragment is not a share link at all (`#top`, empty).
    NotALink,
    /// The text after `scenario=` is not URL-safe base64: it was altered or cut mid-character.
    Encoding,
    /// The compressed data is damaged or cut short (the checksum or the stream does not hold).
    Damaged,
    /// The link or what it unpacks to is larger than any real scenario.
    TooLarge,
    /// The payload unpacked, but what it says is wrong; every problem with its JSON path.
    Contents(Vec<ParamError>),
}

/// A scenario opened from a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub scenario: NamedScenario,
    /// The format version the link was made with, when older than this build's.
    pub migrated_from: Option<u32>,
}

#[derive(Serialize)]
struct PayloadOut<'a> {
    version: u32,
    name: &'a str,
    start_date: String,
    scenario: ScenarioFile,
}

/// The fragment (without `#`) that opens `scenario`.
#[must_use]
pub fn encode(scenario: &NamedScenario) -> String {
    let payload = PayloadOut {
        version: LINK_VERSION,
        name: &scenario.name,
        start_date: date_text(scenario.start_date),
        scenario: ScenarioFile::from(&scenario.params),
    };
    let json = serde_json::to_string(&payload).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), LEVEL);
    format!("{FRAGMENT_KEY}{}", BASE64.encode(packed))
}

/// Whether a fragment (with or without its `#`) is meant to be a share link.
#[must_use]
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment
        .trim_start_matches('#')
        .trim_start()
        .starts_with(FRAGMENT_KEY)
}

/// Opens a share link's fragment (with or without its `#`). The scenario must be valid.
pub fn decode(fragment: &str) -> Result<Shared, LinkError> {
    let fragment = fragment.trim_start_matches('#').trim();
    let Some(data) = fragment.strip_prefix(FRAGMENT_KEY) else {
        return Err(LinkError::NotALink);
    };
    if data.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLarge);
    }
    // Chat apps and mail clients may wrap a long link or percent-encode nothing else in this alphabet.
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    let packed = BASE64
        .decode(data.as_bytes())
        .map_err(|_| LinkError::Encoding)?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_PAYLOAD_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Damaged,
        })?;
    let text = String::from_utf8(json).map_err(|_| LinkError::Damaged)?;
    read_payload(&text).map_err(LinkError::Contents)
}

fn read_payload(text: &str) -> Result<Shared, Vec<ParamError>> {
    let value: Value = parse_json(text, "link")?;
    let upgraded = migrate::upgrade(value, LINK_VERSION, LINK_UPGRADES, "share link")?;
    let known = ["version", "name", "start_date", "scenario"];
    let (scenario, _, scenario_migrated) = read_named(&upgraded.value, "", Check::Valid, &known)?;
    Ok(Shared {
        scenario,
        migrated_from: upgraded.migrated_from.or(scenario_migrated),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validate::Rule;
    use crate::engine::{presets, Params};
    use chrono::NaiveDate;

    fn named(name: &str, params: Params) -> NamedScenario {
        NamedScenario {
            name: name.to_owned(),
            start_date: NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date"),
            params,
        }
    }

    fn pack(json: &str) -> String {
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), LEVEL);
        format!("#{FRAGMENT_KEY}{}", BASE64.encode(packed))
    }

    #[test]
    fn every_preset_survives_a_link_and_links_stay_short() {
        for preset in presets::all() {
            let scenario = named(preset.id(), preset.params.clone());
            let fragment = encode(&scenario);
            assert!(is_share_fragment(&fragment));
            assert!(
                fragment.len() < 2_500,
                "{}: {} chars",
                preset.id(),
                fragment.len()
            );
            let shared = decode(&format!("#{fragment}")).expect("opens");
            assert_eq!(shared.scenario, scenario);
            assert_eq!(shared.migrated_from, None);
        }
    }

    #[test]
    fn damaged_links_say_how() {
        let fragment = encode(&named("x", Params::default()));
        assert_eq!(decode("#top"), Err(LinkError::NotALink));
        assert_eq!(decode(""), Err(LinkError::NotALink));
        assert_eq!(decode("#scenario=@@@"), Err(LinkError::Encoding));
        // Cut short: either not whole base64 characters or a truncated stream.
        for cut in [
            fragment.len() - 1,
            fragment.len() - 7,
            FRAGMENT_KEY.len() + 30,
        ] {
            let result = decode(&fragment[..cut]);
            assert!(
                matches!(result, Err(LinkError::Encoding | LinkError::Damaged)),
                "{cut}: {result:?}"
            );
        }
        // One character changed: the checksum catches it.
        let mut altered = fragment.clone().into_bytes();
        let i = altered.len() / 2;
        altered[i] = if altered[i] == b'A' { b'B' } else { b'A' };
        let altered = String::from_utf8(altered).expect("ascii");
        assert!(matches!(
            decode(&altered),
            Err(LinkError::Damaged | LinkError::Encoding)
        ));
        // Padding and line breaks added in transit are forgiven.
        assert!(decode(&format!("{fragment}==")).is_ok() || decode(&fragment).is_ok());
        let wrapped = format!("{}\n{}", &fragment[..40], &fragment[40..]);
        assert!(decode(&wrapped).is_ok());
    }

    #[test]
    fn bombs_and_huge_links_are_refused() {
        let zeros = vec![b' '; MAX_PAYLOAD_BYTES + 1];
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&zeros, LEVEL);
        let bomb = format!("{FRAGMENT_KEY}{}", BASE64.encode(packed));
        assert_eq!(decode(&bomb), Err(LinkError::TooLarge));
        let huge = format!("{FRAGMENT_KEY}{}", "A".repeat(MAX_FRAGMENT_CHARS + 1));
        assert_eq!(decode(&huge), Err(LinkError::TooLarge));
    }

    #[test]
    fn what_a_link_says_is_checked_like_a_file() {
        let Err(LinkError::Contents(errors)) = decode(&pack(
            r#"{"version": 1, "name": "x", "start_date": "2027-01-04", "extra": 1,
                "scenario": {"version": 1, "team": {"ams": 0}}}"#,
        )) else {
            panic!("refused");
        };
        let found: Vec<_> = errors.iter().map(|e| (e.param.as_str(), e.rule)).collect();
        assert_eq!(
            found,
            vec![
                ("extra", Rule::UnknownField),
                ("scenario.team.ams", Rule::OutOfRange)
            ]
        );
        let Err(LinkError::Contents(errors)) = decode(&pack(r#"{"version": 5}"#)) else {
            panic!("refused");
        };
        assert_eq!(errors[0].rule, Rule::UnsupportedVersion);
        let Err(LinkError::Contents(errors)) = decode(&pack("not json")) else {
            panic!("refused");
        };
        assert_eq!(errors[0].rule, Rule::Syntax);
    }

    #[test]
    fn a_hostile_name_is_kept_as_text_and_cleaned() {
        let shared = decode(&pack(
            r#"{"version": 1, "name": "<img src=x onerror=alert(1)>\u202e\n", "start_date": "2027-01-04",
                "scenario": {"version": 1}}"#,
        ))
        .expect("opens");
        assert_eq!(shared.scenario.name, "<img src=x onerror=alert(1)>");
    }
}
