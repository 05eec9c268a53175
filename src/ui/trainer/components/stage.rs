//! Trainer mode's stage: the play clock over the weeks, the figures of the week shown, the charts
//! drawn up to it, and the keyboard shortcuts a presenter uses.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{fill, Lang, Text};
use crate::services::display;
use crate::ui::chart_data::{chart_set, Overlays};
use crate::ui::state::{Action, Workspace};
use crate::ui::trainer::clock::{PlayAction, SPEEDS};
use crate::ui::trainer::components::decisions::Decisions;
use crate::ui::trainer::narration::narration;
use crate::ui::trainer::view::{now_items, speed_label, week_label};
use crate::ui::widgets::charts_panel::ChartsPanel;
use crate::ui::widgets::kpi_panel::kpi_list;
use crate::ui::workspace::view::{preset_title, variant_label};

#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub workspace: Rc<Workspace>,
    pub ondispatch: Callback<Action>,
    pub dark: bool,
    pub narrow: bool,
}

/// What a key does on the stage; `None` leaves the key to the browser.
fn shortcut(key: &str) -> Option<Shortcut> {
    Some(match key {
        " " | "Spacebar" => Shortcut::Play(PlayAction::Toggle),
        "ArrowRight" => Shortcut::Play(PlayAction::Forward),
        "ArrowLeft" => Shortcut::Play(PlayAction::Back),
        "r" | "R" => Shortcut::Play(PlayAction::Rewind),
        "f" | "F" => Shortcut::FullScreen,
        "p" | "P" => Shortcut::Presenter,
        "?" => Shortcut::Help,
        "Escape" => Shortcut::CloseHelp,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Shortcut {
    Play(PlayAction),
    FullScreen,
    Presenter,
    Help,
    CloseHelp,
}

/// Whether a key press belongs to the focused control rather than to the clock: typing in a field
/// never moves the clock, and Space or Enter on a button or disclosure outside the stage presses it.
/// On the stage Space always plays or pauses (Enter presses the focused button), so a presenter who
/// just pressed "Replay" or "Apply" does not press it again with Space.
fn in_control(event: &KeyboardEvent) -> bool {
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
    let w = &props.workspace;
    let lang = w.lang;
    let play = &w.play;
    let ondispatch = props.ondispatch.clone();

    // The clock: one tick per 1/speed seconds while playing.
    {
        let ondispatch = ondispatch.clone();
        use_effect_with((play.playing, play.tick_ms()), move |&(playing, ms)| {
            let interval = playing.then(|| {
                Interval::new(ms, move || ondispatch.emit(Action::Play(PlayAction::Tick)))
            });
            move || drop(interval)
        });
    }
    // The keys, on the whole page while the stage is shown.
    {
        let ondispatch = ondispatch.clone();
        let state = (play.presenter, play.shortcuts);
        use_effect_with(state, move |&(presenter, shortcuts)| {
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
                    let Some(action) = shortcut(&event.key()) else {
                        return;
                    };
                    event.prevent_default();
                    match action {
                        Shortcut::Play(a) => ondispatch.emit(Action::Play(a)),
                        Shortcut::FullScreen => display::toggle_full_screen(),
                        Shortcut::Presenter => {
                            ondispatch.emit(Action::Play(PlayAction::SetPresenter(!presenter)));
                        }
                        Shortcut::Help => {
                            ondispatch.emit(Action::Play(PlayAction::SetShortcuts(!shortcuts)));
                        }
                        Shortcut::CloseHelp => {
                            ondispatch.emit(Action::Play(PlayAction::SetShortcuts(false)));
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }

    let week = play.week.min(w.horizon().saturating_sub(1));
    let ghost = w.ghost.clone();
    let charts = {
        let result = w.result.clone();
        let ghost = ghost.clone();
        use_memo((w.revision, lang, week), move |&(_, lang, week)| {
            let overlays = Overlays {
                visible_weeks: Some(week + 1),
                ghost: ghost.as_deref(),
                ..Overlays::default()
            };
            result.map(|result| Rc::new(chart_set(&result, &overlays, lang)))
        })
    };
    let (Some(result), Some(set)) = (w.result.clone(), (*charts).clone()) else {
        return html! {};
    };
    let horizon = w.horizon();

    let send = |action: PlayAction| ondispatch.reform(move |_| Action::Play(action));
    let onspeed = ondispatch.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::Play(PlayAction::SetSpeed(select.value().parse().unwrap_or(1)))
    });
    let onseek = ondispatch.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let week: u32 = input.value().parse().unwrap_or(1);
        Action::Play(PlayAction::Seek(week.saturating_sub(1)))
    });
    let scenario = play.lesson.as_ref().map_or_else(
        || Text::StageScenarioOwn.get(lang).to_owned(),
        |(id, variant)| {
            let title = preset_title(id).map_or(id.as_str(), |t| t.get(lang));
            let policy = crate::engine::presets::get(id)
                .and_then(|p| p.variants.get(*variant).map(|v| v.id))
                .and_then(variant_label)
                .map_or("", |t| t.get(lang));
            fill(
                Text::StageScenario.get(lang),
                &[&format!("{title} — {policy}")],
            )
        },
    );
    let (play_label, play_icon) = if play.playing {
        (Text::PauseButton, "❚❚")
    } else {
        (Text::PlayButton, "▶")
    };
    let presenter = play.presenter;
    // Entering the presenter view starts at the top, with the clock and narration on screen.
    use_effect_with(presenter, |&presenter| {
        if presenter {
            display::scroll_to_top();
        }
    });

    html! {
        <section class="stage" aria-labelledby="stage-title">
            <div class="stage-head">
                <div>
                    <h2 id="stage-title" tabindex="-1">{ Text::StageTitle.get(lang) }</h2>
                    <p class="stage-scenario">{ scenario }</p>
                </div>
                <div class="stage-tools">
                    <button type="button" class="presenter-toggle" aria-pressed={presenter.to_string()}
                        onclick={send(PlayAction::SetPresenter(!presenter))}>
                        { if presenter { Text::PresenterOff.get(lang) } else { Text::PresenterOn.get(lang) } }
                    </button>
                    <button type="button" class="full-screen" onclick={Callback::from(|_| display::toggle_full_screen())}>
                        { Text::FullScreen.get(lang) }
                    </button>
                    <button type="button" class="shortcuts-toggle" aria-expanded={play.shortcuts.to_string()}
                        onclick={send(PlayAction::SetShortcuts(!play.shortcuts))}>
                        { Text::ShortcutsButton.get(lang) }
                    </button>
                </div>
            </div>
            if play.shortcuts {
                { shortcuts_list(lang, send(PlayAction::SetShortcuts(false))) }
            }
            <div class="clock" role="group" aria-label={Text::StageTitle.get(lang)}>
                <div class="clock-buttons">
                    <button type="button" class="clock-rewind" onclick={send(PlayAction::Rewind)}
                        aria-label={Text::RewindButton.get(lang)} title={Text::RewindButton.get(lang)}>{ "⇤" }</button>
                    <button type="button" class="clock-back" onclick={send(PlayAction::Back)}
                        aria-label={Text::StepBack.get(lang)} title={Text::StepBack.get(lang)}>{ "◀" }</button>
                    <button type="button" class="clock-play primary" onclick={send(PlayAction::Toggle)}
                        aria-label={play_label.get(lang)} title={play_label.get(lang)}>
                        <span aria-hidden="true">{ play_icon }</span>{ " " }{ play_label.get(lang) }
                    </button>
                    <button type="button" class="clock-forward" onclick={send(PlayAction::Forward)}
                        aria-label={Text::StepForward.get(lang)} title={Text::StepForward.get(lang)}>{ "▶" }</button>
                </div>
                <label class="clock-speed">
                    <span>{ Text::SpeedLabel.get(lang) }</span>
                    <select onchange={onspeed}>
                        { for SPEEDS.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == play.speed}>
                                { speed_label(*s, lang) }
                            </option>
                        }) }
                    </select>
                </label>
                <p class="week-label" data-week={(week + 1).to_string()}>{ week_label(&result, week, lang) }</p>
                <input type="range" class="week-slider" min="1" max={horizon.to_string()}
                    value={(week + 1).to_string()} aria-label={Text::WeekSlider.get(lang)}
                    oninput={onseek} />
            </div>
            if let Some(text) = narration(&result.ev, week, lang) {
                <p class="narration" role="status">{ text }</p>
            }
            <div class="now" aria-labelledby="now-title">
                <h3 id="now-title" class="visually-hidden">{ Text::NowTitle.get(lang) }</h3>
                { kpi_list(&now_items(&result, ghost.as_deref(), week, lang), "kpi-grid-now") }
            </div>
            <Decisions workspace={w.clone()} ondispatch={ondispatch.clone()} />
            <ChartsPanel {set} {lang} dark={props.dark || presenter} narrow={props.narrow} />
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
        ("?", Text::ShortcutHelp),
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
