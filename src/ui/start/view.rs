//! The start band's view model: what Cadence is for, and each way in with its words, the team's
//! first numbers as the inputs panel shows them (the same fields, messages and ranges), and the
//! link box.

use crate::i18n::{Lang, Text};
use crate::ui::start::Model;
use crate::ui::workspace::fields::Field;
use crate::ui::workspace::inputs::{field_view, FieldView};
use crate::ui::workspace::Model as Workspace;

/// The band's element id (focused when it is shown again).
pub const START_ID: &str = "start";

/// The team's numbers the plan asks first: what every team lead knows without looking anything up.
pub const TEAM_FIELDS: [Field; 3] = [Field::Ams, Field::HoursPerWeek, Field::TargetLoans];

/// One way in: a heading, what it gives, and the button that takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct WayIn {
    pub title: String,
    pub text: String,
    pub button: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StartView {
    pub hidden: bool,
    pub title: String,
    pub purpose: String,
    pub plan: WayIn,
    /// The team's numbers, as the inputs panel shows them.
    pub fields: Vec<FieldView>,
    pub lessons: WayIn,
    pub open: WayIn,
    pub link_label: String,
    pub link_text: String,
    /// Under the link box when what was pasted is not a share link.
    pub link_problem: Option<String>,
    pub open_link: String,
    pub privacy: String,
    pub hide: String,
    /// "Where to start", shown while the band is hidden.
    pub show: String,
}

#[must_use]
pub fn start_view(start: &Model, ws: &Workspace, lang: Lang) -> StartView {
    let way = |title: Text, text: Text, button: Text| WayIn {
        title: title.get(lang).to_owned(),
        text: text.get(lang).to_owned(),
        button: button.get(lang).to_owned(),
    };
    StartView {
        hidden: start.hidden,
        title: Text::StartTitle.get(lang).to_owned(),
        purpose: Text::StartPurpose.get(lang).to_owned(),
        plan: way(
            Text::StartPlanTitle,
            Text::StartPlanText,
            Text::StartPlanButton,
        ),
        fields: TEAM_FIELDS
            .iter()
            .map(|&field| {
                // The inputs panel shows the same fields on the same view: ids stay unique.
                let mut view = field_view(ws, field, lang);
                view.id = format!("start-{}", view.id);
                view.path = format!("start.{}", view.path);
                view
            })
            .collect(),
        lessons: way(
            Text::StartLessonsTitle,
            Text::StartLessonsText,
            Text::StartLessonsButton,
        ),
        open: way(
            Text::StartOpenTitle,
            Text::StartOpenText,
            Text::ImportButton,
        ),
        link_label: Text::StartLinkLabel.get(lang).to_owned(),
        link_text: start.link_text.clone(),
        link_problem: start
            .not_a_link
            .then(|| Text::StartNotALink.get(lang).to_owned()),
        open_link: Text::StartLinkButton.get(lang).to_owned(),
        privacy: Text::StartPrivacy.get(lang).to_owned(),
        hide: Text::StartHide.get(lang).to_owned(),
        show: Text::StartShow.get(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn workspace() -> Workspace {
        Workspace::new(NaiveDate::from_ymd_opt(2026, 12, 2).expect("date"))
    }

    #[test]
    fn the_band_asks_the_teams_numbers_with_the_inputs_panels_labels_and_messages() {
        let mut ws = workspace();
        for lang in [Lang::En, Lang::Zh] {
            let view = start_view(&Model::default(), &ws, lang);
            let labels: Vec<&str> = view.fields.iter().map(|f| f.label.as_str()).collect();
            assert_eq!(
                labels,
                TEAM_FIELDS.map(|f| f.label().get(lang)).to_vec(),
                "{lang:?}"
            );
            assert_eq!(view.fields[0].text, "6");
            assert!(view.fields.iter().all(|f| f.errors.is_empty()));
            assert!(
                view.fields.iter().all(|f| f.id.starts_with("start-in-")),
                "unique ids"
            );
            assert!(!view.plan.title.is_empty() && !view.lessons.button.is_empty());
        }
        ws.update(
            crate::ui::workspace::Action::EditField(Field::Ams, "0".into()),
            Lang::En,
        );
        let view = start_view(&Model::default(), &ws, Lang::En);
        assert_eq!(view.fields[0].text, "0");
        assert_eq!(
            view.fields[0].errors.len(),
            1,
            "{:?}",
            view.fields[0].errors
        );
    }
}
