//! The presets' stories — title, question, what to watch, lesson and explanation — in the page's
//! language.
//!
//! The engine keeps each preset's English text beside its scenario (`engine::presets::TEXTS`, used by
//! the command line); the page reads the same stories, in either language, from `crate::i18n`. A test
//! checks that the English here is the engine's, word for word.

use crate::i18n::{Lang, Text};
use crate::ui::workspace::view::preset_title;

/// A preset's story, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresetStory {
    pub title: &'static str,
    /// The question the preset poses to a team lead.
    pub question: &'static str,
    /// What to watch on the charts.
    pub watch: &'static str,
    /// The lesson, in one sentence.
    pub lesson: &'static str,
    /// One paragraph on what the preset shows and why.
    pub explanation: &'static str,
}

/// The question, watch, lesson and explanation keys of a preset.
fn story_keys(id: &str) -> Option<[Text; 4]> {
    Some(match id {
        "steady" => [
            Text::StorySteadyQuestion,
            Text::StorySteadyWatch,
            Text::StorySteadyLesson,
            Text::StorySteadyExplanation,
        ],
        "fault" => [
            Text::StoryFaultQuestion,
            Text::StoryFaultWatch,
            Text::StoryFaultLesson,
            Text::StoryFaultExplanation,
        ],
        "floor" => [
            Text::StoryFloorQuestion,
            Text::StoryFloorWatch,
            Text::StoryFloorLesson,
            Text::StoryFloorExplanation,
        ],
        "festival" => [
            Text::StoryFestivalQuestion,
            Text::StoryFestivalWatch,
            Text::StoryFestivalLesson,
            Text::StoryFestivalExplanation,
        ],
        "spike" => [
            Text::StorySpikeQuestion,
            Text::StorySpikeWatch,
            Text::StorySpikeLesson,
            Text::StorySpikeExplanation,
        ],
        "quality" => [
            Text::StoryQualityQuestion,
            Text::StoryQualityWatch,
            Text::StoryQualityLesson,
            Text::StoryQualityExplanation,
        ],
        "ramp" => [
            Text::StoryRampQuestion,
            Text::StoryRampWatch,
            Text::StoryRampLesson,
            Text::StoryRampExplanation,
        ],
        _ => return None,
    })
}

/// The story of the preset with this id in the given language; `None` for an unknown id.
#[must_use]
pub fn preset_story(id: &str, lang: Lang) -> Option<PresetStory> {
    let title = preset_title(id)?.get(lang);
    let [question, watch, lesson, explanation] = story_keys(id)?.map(|key| key.get(lang));
    Some(PresetStory {
        title,
        question,
        watch,
        lesson,
        explanation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets::TEXTS;

    fn fields(story: &PresetStory) -> [&'static str; 5] {
        [
            story.title,
            story.question,
            story.watch,
            story.lesson,
            story.explanation,
        ]
    }

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_preset_has_a_full_story_in_both_languages() {
        for text in &TEXTS {
            let en = preset_story(text.id, Lang::En).unwrap_or_else(|| panic!("{} (en)", text.id));
            let zh = preset_story(text.id, Lang::Zh).unwrap_or_else(|| panic!("{} (zh)", text.id));
            // The English is the engine's text, word for word.
            assert_eq!(
                fields(&en),
                [
                    text.title,
                    text.question,
                    text.watch,
                    text.lesson,
                    text.explanation
                ],
                "{}",
                text.id
            );
            for (e, z) in fields(&en).into_iter().zip(fields(&zh)) {
                assert!(!z.trim().is_empty(), "{}: empty Chinese", text.id);
                assert!(has_chinese(z), "{}: not Chinese: {z}", text.id);
                assert_ne!(e, z, "{}: untranslated", text.id);
            }
        }
    }

    #[test]
    fn every_preset_has_its_own_story() {
        let mut seen = std::collections::HashSet::new();
        for text in &TEXTS {
            for lang in [Lang::En, Lang::Zh] {
                let story = preset_story(text.id, lang).expect("story");
                for field in fields(&story) {
                    assert!(seen.insert(field), "{} repeats {field}", text.id);
                }
            }
        }
    }

    #[test]
    fn the_numbers_survive_translation() {
        // Every figure a story quotes (8.8 hours, 135 loans, week 65, …) appears in the Chinese too.
        // "1 886" is one number: a space between digits is a thousands separator.
        let numbers = |s: &str| -> Vec<String> {
            let chars: Vec<char> = s.chars().collect();
            let s: String = chars
                .iter()
                .enumerate()
                .filter(|&(i, &c)| {
                    !(c == ' '
                        && i > 0
                        && chars[i - 1].is_ascii_digit()
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit))
                })
                .map(|(_, &c)| c)
                .collect();
            s.split(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map(|n| n.trim_matches('.').replace(',', ""))
                .filter(|n| !n.is_empty())
                .collect()
        };
        for text in &TEXTS {
            let en = preset_story(text.id, Lang::En).expect("en");
            let zh = preset_story(text.id, Lang::Zh).expect("zh");
            for (e, z) in fields(&en).into_iter().zip(fields(&zh)) {
                let z_numbers = numbers(&z.replace(',', ""));
                for n in numbers(e) {
                    assert!(z_numbers.contains(&n), "{}: {n} missing from {z}", text.id);
                }
            }
        }
    }

    #[test]
    fn unknown_presets_have_no_story() {
        assert_eq!(preset_story("nope", Lang::En), None);
        assert_eq!(preset_story("", Lang::Zh), None);
    }
}
