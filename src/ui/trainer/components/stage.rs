//! Trainer mode's stage: the play clock over the weeks, the lesson's comparison and scoreboard, the
//! figures of the week shown, the two lesson charts drawn up to it (and every chart below them),
//! the decision form and the debrief, and the keyboard shortcuts a presenter uses — laid out from
//! its `StageView`.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::chart_data::ChartSet;
use crate::ui::effect::Effect;
use crate::ui::trainer::clock::PlayAction;
use crate::ui::trainer::components::debrief::Debrief;
use crate::ui::trainer::components::decisions::Decisions;
use crate::ui::trainer::components::lesson_charts::LessonCharts;
use crate::ui::trainer::debrief::DebriefView;
use crate::ui::trainer::stage::StageView;
use crate::ui::trainer::{shortcut, Action, KeyPress, KeyState};
use crate::ui::widgets::charts_panel::ChartsPanel;
use crate::ui::widgets::kpi_panel::kpi_list;

#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub view: StageView,
    /// The debrief, when it is open.
    pub debrief: Option<DebriefView>,
    pub charts: Rc<ChartSet>,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
    /// Carries out a chart's download.
    pub ondownload: Callback<Effect>,
    pub dark: bool,
    pub narrow: bool,
}

/// Whether a key press belongs to the focused control rather than to the clock: typing in a field
/// never moves the clock, and Space or Enter on a button or disclosure outside the stage presses it.
/// On the stage Space always plays or pauses (Enter presses the focused button), so a presenter who
/// just pressed "Replay" or "Apply" does not press it again with Space.
/// Esc always reaches the stage, from a field too: it closes the form being filled in.
fn in_control(event: &KeyboardEvent) -> bool {
    if event.key() == "Escape" {
        return false;
    }
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = target.tag_name().to_ascii_lowercase();
    if matches!(tag.as_str(), "input" | "select" | "textarea") {
        return true;
    }
    let pressable = matches!(tag.as_str(), "button" | "summary" | "a");
    let on_stage = target.closest(".stage").ok().flatten().is_some();
    match event.key().as_str() {
        "Enter" => pressable,
        " " | "Spacebar" => pressable && !on_stage,
        _ => false,
    }
}

#[function_component(Stage)]
pub fn stage(props: &StageProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let d = props.ondispatch.clone();

    // The keys, on the whole page while the stage is shown.
    {
        let d = d.clone();
        let state = KeyState {
            presenter: v.presenter,
            shortcuts: v.shortcuts,
            deciding: v.deciding,
            debrief: v.debrief,
        };
        use_effect_with(state, move |&state| {
            let listener = web_sys::window().map(|window| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&window, "keydown", options, move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if event.ctrl_key() || event.meta_key() || event.alt_key() || in_control(event)
                    {
                        return;
                    }
                    let (key, code) = (event.key(), event.code());
                    let press = KeyPress {
                        key: &key,
                        code: &code,
                        shift: event.shift_key(),
                    };
                    if let Some(action) = shortcut(press, state) {
                        event.prevent_default();
                        d.emit(action);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let send = |action: PlayAction| d.reform(move |_| Action::Play(action));
    let onspeed = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::Play(PlayAction::SetSpeed(select.value().parse().unwrap_or(1)))
    });
    let onseek = d.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let week: u32 = input.value().parse().unwrap_or(1);
        Action::Play(PlayAction::Seek(week.saturating_sub(1)))
    });
    let presenter = v.presenter;
    let tool = |class: &'static str,
                open: bool,
                full: Text,
                short: Text,
                onclick: Callback<MouseEvent>| {
        html! {
            <button type="button" {class} aria-expanded={open.to_string()} aria-label={full.get(lang)} {onclick}>
                { if presenter { short.get(lang) } else { full.get(lang) } }
            </button>
        }
    };

    html! {
        <section class="stage" aria-labelledby="stage-title">
            <div class="stage-head">
                <div class="stage-name">
                    <h2 id="stage-title" tabindex="-1">{ Text::StageTitle.get(lang) }</h2>
                    <p class="stage-scenario">{ &v.scenario }</p>
                </div>
                // In the presenter view the tools take short labels and leave the line to the lesson;
                // each keeps its full name for screen readers.
                <div class="stage-tools">
                    { tool("decide-open", v.deciding, Text::DecideButton, Text::DecideShort,
                        d.reform(move |_| Action::SetDeciding(true))) }
                    { tool("debrief-open", v.debrief, Text::DebriefButton, Text::DebriefShort,
                        d.reform(|_| Action::SetDebrief(true))) }
                    <button type="button" class="presenter-toggle" aria-pressed={presenter.to_string()}
                        aria-label={if presenter { Text::PresenterOff.get(lang) } else { Text::PresenterOn.get(lang) }}
                        onclick={send(PlayAction::SetPresenter(!presenter))}>
                        { if presenter { Text::PresenterOffShort.get(lang) } else { Text::PresenterOn.get(lang) } }
                    </button>
                    <button type="button" class="full-screen" aria-label={Text::FullScreen.get(lang)}
                        onclick={d.reform(|_| Action::ToggleFullScreen)}>
                        { if presenter { Text::FullScreenShort.get(lang) } else { Text::FullScreen.get(lang) } }
                    </button>
                    <button type="button" class="shortcuts-toggle" aria-expanded={v.shortcuts.to_string()}
                        aria-label={Text::ShortcutsButton.get(lang)}
                        onclick={send(PlayAction::SetShortcuts(!v.shortcuts))}>
                        { if presenter { "?" } else { Text::ShortcutsButton.get(lang) } }
                    </button>
                </div>
            </div>
            if let Some(comparison) = &v.comparison {
                <p class="stage-comparison">{ comparison }</p>
            }
            if v.shortcuts {
                { shortcuts_list(lang, send(PlayAction::SetShortcuts(false))) }
            }
            <div class="clock" role="group" aria-label={Text::StageTitle.get(lang)}>
                <div class="clock-buttons">
                    <button type="button" class="clock-rewind" onclick={send(PlayAction::Rewind)}
                        aria-label={Text::RewindButton.get(lang)} title={Text::RewindButton.get(lang)}>{ "⇤" }</button>
                    <button type="button" class="clock-back" onclick={send(PlayAction::Back)}
                        aria-label={Text::StepBack.get(lang)} title={Text::StepBack.get(lang)}>{ "◀" }</button>
                    <button type="button" class="clock-play primary" onclick={send(PlayAction::Toggle)}
                        aria-label={v.play_label.clone()} title={v.play_label.clone()}>
                        <span aria-hidden="true">{ v.play_icon }</span>{ " " }{ &v.play_label }
                    </button>
                    <button type="button" class="clock-forward" onclick={send(PlayAction::Forward)}
                        aria-label={Text::StepForward.get(lang)} title={Text::StepForward.get(lang)}>{ "▶" }</button>
                </div>
                <label class="clock-speed">
                    <span>{ Text::SpeedLabel.get(lang) }</span>
                    <select onchange={onspeed}>
                        { for v.speeds.iter().map(|(i, label)| html! {
                            <option value={i.to_string()} selected={*i == v.speed}>{ label }</option>
                        }) }
                    </select>
                </label>
                <p class="week-label" data-week={(v.week + 1).to_string()}>{ &v.week_label }</p>
                <input type="range" class="week-slider" min="1" max={v.horizon.to_string()}
                    value={(v.week + 1).to_string()} aria-label={Text::WeekSlider.get(lang)}
                    oninput={onseek} />
            </div>
            if let Some(text) = &v.narration {
                <p class="narration" role="status">{ text }</p>
            }
            if !v.scoreboard.is_empty() {
                <div class="score" aria-labelledby="score-title">
                    <h3 id="score-title" class="visually-hidden">{ Text::ScoreTitle.get(lang) }</h3>
                    { kpi_list(&v.scoreboard, "kpi-grid-score") }
                </div>
            }
            if !presenter {
                <div class="now" aria-labelledby="now-title">
                    <h3 id="now-title" class="visually-hidden">{ Text::NowTitle.get(lang) }</h3>
                    { kpi_list(&v.now, "kpi-grid-now") }
                </div>
                <Decisions view={v.decisions.clone()} {lang} ondispatch={d.clone()} />
            }
            <LessonCharts charts={v.lesson_charts.clone()} {presenter} dark={props.dark} {lang} />
            if !presenter {
                <details class="more-charts">
                    <summary>{ Text::StageAllCharts.get(lang) }</summary>
                    <ChartsPanel set={props.charts.clone()} {lang} dark={props.dark}
                        narrow={props.narrow} ondownload={props.ondownload.clone()} />
                </details>
            }
            if presenter && v.deciding {
                <Decisions view={v.decisions.clone()} {lang} ondispatch={d.clone()} overlay=true />
            }
            if let Some(debrief) = &props.debrief {
                <Debrief view={debrief.clone()} {lang} ondispatch={d.clone()} />
            }
        </section>
    }
}

fn shortcuts_list(lang: Lang, onclose: Callback<MouseEvent>) -> Html {
    let rows = [
        (Text::ShortcutSpaceKey.get(lang), Text::ShortcutPlay),
        ("→", Text::ShortcutForward),
        ("←", Text::ShortcutBack),
        ("R", Text::ShortcutRewind),
        ("F", Text::ShortcutFull),
        ("P", Text::ShortcutPresenter),
        ("D", Text::ShortcutDecide),
        ("E", Text::ShortcutDebrief),
        ("?", Text::ShortcutHelp),
        (Text::ShortcutEscKey.get(lang), Text::ShortcutEscape),
    ];
    html! {
        <div class="shortcuts" role="dialog" aria-labelledby="shortcuts-title">
            <h3 id="shortcuts-title">{ Text::ShortcutsTitle.get(lang) }</h3>
            <dl>
                { for rows.iter().map(|(key, text)| html! {
                    <><dt><kbd>{ *key }</kbd></dt><dd>{ text.get(lang) }</dd></>
                }) }
            </dl>
            <button type="button" class="shortcuts-close" onclick={onclose}>{ Text::Close.get(lang) }</button>
        </div>
    }
}
