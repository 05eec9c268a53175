//! The classroom view's components: *Open a session* (the join link and a QR code large enough for
//! the room), the participant's phone screen, and *Collect* with the room's table. They render the
//! `ClassroomView` and send `Action`s; nothing is computed here.

use yew::prelude::*;

use crate::i18n::{fill, Lang, Text};
use crate::scenario::classroom::replay::Score;
use crate::scenario::classroom::Move;
use crate::ui::charts::duel::{self, DuelData};
use crate::ui::charts::{room, ChartSize, ChartTheme};
use crate::ui::classroom::camera::CameraScan;
use crate::ui::classroom::debrief::{DebriefView, RoomCharts, RoundsView};
use crate::ui::classroom::stage::BestAndWorst;
use crate::ui::classroom::view::{score_text, ClassroomView, LinkView};
use crate::ui::classroom::{Action, OpenField, PlayAction};
use crate::ui::effect::Effect;

#[derive(Properties, PartialEq)]
pub struct ClassroomProps {
    pub view: ClassroomView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
    pub oneffect: Callback<Effect>,
    /// *Open a session*: a new form (the shell draws its nonce).
    pub onopen: Callback<()>,
    /// Files picked in *Collect*.
    pub onfiles: Callback<Vec<web_sys::File>>,
    /// A session file picked to open.
    pub onsessionfile: Callback<Vec<web_sys::File>>,
    /// The screen's scheme and width, for the debrief's charts.
    pub dark: bool,
    pub narrow: bool,
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn link_block(link: &LinkView, title: Text, class: &str, lang: Lang) -> Html {
    html! {
        <div class={classes!("class-link", class.to_owned())}>
            if let Some(svg) = link.qr_svg.clone() {
                <div class="class-qr" data-link={link.link.clone()}>{ Html::from_html_unchecked(AttrValue::from(svg)) }</div>
            }
            <label class="class-link-text">
                <span>{ title.get(lang) }</span>
                <input type="text" readonly=true value={link.link.clone()} />
            </label>
        </div>
    }
}

/// The room's two charts as SVG, drawn for the screen's scheme and width.
fn room_svgs(charts: &RoomCharts, dark: bool, narrow: bool) -> (Option<String>, Option<String>) {
    let theme = ChartTheme::for_scheme(dark);
    let size = if narrow {
        ChartSize::PHONE
    } else {
        ChartSize::DESKTOP
    };
    (
        room::render_svg(&charts.book, &theme, size).ok(),
        room::render_svg(&charts.new_loans, &theme, size).ok(),
    )
}

/// Text of the participant's charts, in the chart's own pixels: a phone's chart is drawn at its
/// width, so these are its CSS pixels.
const PLAY_TEXT_PX: f64 = 12.0;

fn play_chart(id: &str, data: &DuelData, dark: bool, narrow: bool, lang: Lang) -> Html {
    let theme = ChartTheme::for_scheme(dark);
    let size = if narrow {
        ChartSize::PHONE
    } else {
        ChartSize::DESKTOP
    };
    let svg = duel::render_svg(data, &theme, size, PLAY_TEXT_PX).ok();
    chart_figure(id, svg.as_ref(), lang)
}

fn chart_figure(id: &str, svg: Option<&String>, lang: Lang) -> Html {
    html! {
        <figure class="chart" id={id.to_owned()}>
            if let Some(svg) = svg {
                { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
            } else {
                <p class="chart-error">{ Text::ChartFailed.get(lang) }</p>
            }
        </figure>
    }
}

fn rounds_table(rounds: &RoundsView, lang: Lang) -> Html {
    html! {
        <section class="class-rounds" aria-labelledby="class-rounds-title">
            <h3 id="class-rounds-title">{ &rounds.title }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="class-rounds-title">
            <table id="class-rounds">
                <thead><tr>
                    <th scope="col">{ Text::ClassColName.get(lang) }</th>
                    { for rounds.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }
                </tr></thead>
                <tbody>
                    { for rounds.rows.iter().map(|row| html! {
                        <tr><th scope="row">{ &row.name }</th>{ for row.cells.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr class="class-rounds-median"><th scope="row">{ &rounds.median.name }</th>
                        { for rounds.median.cells.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                </tfoot>
            </table>
            </div>
        </section>
    }
}

fn debrief_section(
    view: &DebriefView,
    rounds: Option<&RoundsView>,
    show_stage: Option<&String>,
    ondispatch: &Callback<Action>,
    svgs: Option<&(Option<String>, Option<String>)>,
    lang: Lang,
    oneffect: &Callback<Effect>,
) -> Html {
    let file = view.decisions_csv.clone();
    let ondownload = oneffect.reform(move |_: MouseEvent| Effect::Download(file.clone()));
    html! {
        <section class="class-debrief" aria-labelledby="class-debrief-title">
            <h2 id="class-debrief-title">{ Text::ClassDebriefTitle.get(lang) }</h2>
            if let Some((book, new_loans)) = svgs {
                <div class="class-room-charts">
                    { chart_figure("class-room-book", book.as_ref(), lang) }
                    { chart_figure("class-room-new", new_loans.as_ref(), lang) }
                </div>
            }
            if let Some(rounds) = rounds {
                { rounds_table(rounds, lang) }
            }
            <p class="class-stopped" id="class-stopped">{ &view.stopped }</p>
            <h3>{ Text::ClassTimelineTitle.get(lang) }</h3>
            <ul class="class-timelines">
                { for view.timelines.iter().map(|row| html! {
                    <li class="class-timeline">
                        <span class="class-timeline-name">{ &row.name }</span>
                        if let Some(empty) = &row.empty {
                            <span class="class-timeline-none">{ empty }</span>
                        } else {
                            <ol class="class-marks" aria-label={row.label.clone()}>
                                { for row.marks.iter().map(|m| html! {
                                    <li class={classes!("class-mark", m.stops.then_some("is-stop"))}
                                        data-move={m.kind} title={m.label.clone()}>
                                        <span aria-hidden="true"><b>{ &m.week }</b>{ " " }{ &m.text }</span>
                                        <span class="visually-hidden">{ &m.label }</span>
                                    </li>
                                }) }
                            </ol>
                        }
                    </li>
                }) }
            </ul>
            <div class="class-actions">
                if let Some(label) = show_stage {
                    <button type="button" id="class-show-stage" onclick={ondispatch.reform(|_| Action::ShowBestAndWorst(true))}>{ label }</button>
                }
                <button type="button" id="class-decisions-csv" onclick={ondownload}>{ Text::ClassDownloadDecisions.get(lang) }</button>
            </div>
        </section>
    }
}

#[function_component(Classroom)]
pub fn classroom(props: &ClassroomProps) -> Html {
    let v = &props.view;
    // The room's charts are drawn again only when the room, the scheme or the width changes.
    let room_charts = v.debrief.as_ref().and_then(|d| d.charts.clone());
    let svgs = use_memo(
        (room_charts, props.dark, props.narrow),
        |(charts, dark, narrow)| charts.as_ref().map(|c| room_svgs(c, *dark, *narrow)),
    );
    let d = &props.ondispatch;
    let lang = props.lang;
    let form = v.form.as_ref().map(|f| {
        let onlesson = d.reform(|e: Event| {
            Action::Edit(OpenField::Lesson(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>().value(),
            ))
        });
        let onseed = d.reform(|e: InputEvent| Action::Edit(OpenField::Seed(input_value(&e))));
        let onrounds = d.reform(|e: InputEvent| Action::Edit(OpenField::Rounds(input_value(&e))));
        let onhidden = d.reform(|e: Event| {
            Action::Edit(OpenField::Hidden(
                e.target_unchecked_into::<web_sys::HtmlInputElement>().checked(),
            ))
        });
        html! {
            <section class="class-open" aria-labelledby="class-open-title">
                <h2 id="class-open-title">{ Text::ClassOpenTitle.get(lang) }</h2>
                <div class="class-form">
                    <label>{ Text::ClassLesson.get(lang) }
                        <select id="class-lesson" onchange={onlesson}>
                            { for f.lessons.iter().map(|(id, title)| html! {
                                <option value={*id} selected={f.lesson == *id}>{ title }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ Text::ClassSeed.get(lang) }
                        <input id="class-seed" type="text" inputmode="numeric" value={f.seed.clone()} oninput={onseed} />
                    </label>
                    <label>{ Text::ClassRounds.get(lang) }
                        <input id="class-rounds" type="text" inputmode="numeric" value={f.rounds.clone()} oninput={onrounds} />
                    </label>
                    <fieldset>
                        <legend>{ Text::ClassAllowed.get(lang) }</legend>
                        { for f.allowed.iter().map(|(id, words, checked)| {
                            let kind = Move::from_id(id).unwrap_or(Move::Floor);
                            let onchange = d.reform(move |e: Event| Action::Edit(OpenField::Allow(kind,
                                e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())));
                            html! { <label class="check"><input type="checkbox" data-move={*id} checked={*checked} {onchange} />{ words }</label> }
                        }) }
                    </fieldset>
                    <label class="check"><input id="class-hidden" type="checkbox" checked={f.hidden} onchange={onhidden} />{ Text::ClassHidden.get(lang) }</label>
                </div>
                if let Some(problem) = &f.open.problem {
                    <p class="field-error" role="alert">{ problem }</p>
                }
                if let (Some(join), Some(id)) = (&f.open.join, &f.open.session_id) {
                    <p class="class-intro">{ Text::ClassOpenIntro.get(lang) }</p>
                    <p class="class-session-id">{ fill(Text::ClassSessionId.get(lang), &[id]) }</p>
                    { link_block(join, Text::ClassJoinLink, "class-join", lang) }
                    <button type="button" id="class-collect" onclick={d.reform(|_| Action::StartCollecting)}>{ Text::ClassCollectButton.get(lang) }</button>
                }
            </section>
        }
    });
    let play = v.play.as_ref().map(|p| {
        let onname = d.reform(|e: InputEvent| Action::Play(PlayAction::SetName(input_value(&e))));
        let onchoose = d.reform(|e: Event| {
            let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            Action::Play(PlayAction::Choose(Move::from_id(&id).unwrap_or(Move::Floor)))
        });
        let onhours = d.reform(|e: InputEvent| Action::Play(PlayAction::EditHours(input_value(&e))));
        let onfile = {
            let file = v.hand_in_file.clone();
            let oneffect = props.oneffect.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(file) = file.clone() {
                    oneffect.emit(Effect::Download(file));
                }
            })
        };
        html! {
            <section class="class-play" aria-labelledby="class-play-week">
                <label class="class-name">{ Text::ClassYourName.get(lang) }
                    <input id="class-name" type="text" autocomplete="name" value={p.name.clone()} oninput={onname} />
                </label>
                <h2 id="class-play-week">{ &p.week }</h2>
                <dl class="class-figures">
                    { for p.figures.iter().map(|f| html! {
                        <div><dt>{ &f.label }</dt><dd>{ &f.value }</dd></div>
                    }) }
                </dl>
                if let Some(charts) = &p.charts {
                    <div class="class-play-charts">
                        { play_chart("class-play-book", &charts.book, props.dark, props.narrow, lang) }
                        { play_chart("class-play-new", &charts.new_loans, props.dark, props.narrow, lang) }
                    </div>
                }
                if !p.choices.is_empty() {
                    <div class="class-decide">
                        <label>{ Text::ClassDecide.get(lang) }
                            <select id="class-move" onchange={onchoose}>
                                { for p.choices.iter().map(|(id, words)| html! { <option value={*id} selected={p.choice == *id}>{ words }</option> }) }
                            </select>
                        </label>
                        if p.hours_field {
                            <label>{ Text::ClassHours.get(lang) }
                                <input id="class-hours" type="text" inputmode="decimal" value={p.hours.clone()} oninput={onhours} />
                            </label>
                        }
                        <button type="button" id="class-decide" onclick={d.reform(|_| Action::Play(PlayAction::Decide))}>{ Text::ClassDecide.get(lang) }</button>
                    </div>
                }
                if let Some(next) = &p.next_decision {
                    <p class="class-next">{ next }</p>
                }
                if let Some(problem) = &p.problem {
                    <p class="field-error" role="alert">{ problem }</p>
                }
                if !v.decisions.is_empty() {
                    <h3>{ Text::ClassDecisionsSoFar.get(lang) }</h3>
                    <ul class="class-log">{ for v.decisions.iter().map(|t| html! { <li>{ t }</li> }) }</ul>
                }
                <div class="class-actions">
                    <button type="button" id="class-play-on" onclick={d.reform(|_| Action::Play(PlayAction::PlayOn))}>{ Text::ClassPlayOn.get(lang) }</button>
                    <button type="button" id="class-hand-in" onclick={d.reform(|_| Action::Play(PlayAction::HandIn))}>{ Text::ClassHandIn.get(lang) }</button>
                </div>
                if let (Some(link), Some(note)) = (&p.hand_in, &p.handed_in_note) {
                    <p class="class-handed" role="status">{ note }</p>
                    { link_block(link, Text::ClassHandInLink, "class-handin", lang) }
                    <button type="button" id="class-handin-file" onclick={onfile}>{ Text::ClassDownloadHandIn.get(lang) }</button>
                }
            </section>
        }
    });
    let room = v.room.as_ref().map(|r| {
        let onpaste = d.reform(|e: InputEvent| {
            Action::EditPasted(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        });
        let onrank = d.reform(|e: Event| {
            let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            Action::RankBy(Score::from_id(&id).unwrap_or(Score::BookEnd))
        });
        let onpick = {
            let onfiles = props.onfiles.clone();
            Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
                onfiles.emit(crate::services::files::files_of(input.files()));
                input.set_value("");
            })
        };
        html! {
            <section class="class-collect" aria-labelledby="class-collect-title">
                <h2 id="class-collect-title">{ Text::ClassCollectTitle.get(lang) }</h2>
                <label class="class-paste">{ Text::ClassPasteLabel.get(lang) }
                    <textarea id="class-pasted" rows="4" value={v.pasted.clone()} oninput={onpaste} />
                </label>
                <div class="class-actions">
                    <button type="button" id="class-add" onclick={d.reform(|_| Action::CollectPasted)}>{ Text::ClassAddPasted.get(lang) }</button>
                    <label>{ Text::ClassFilesLabel.get(lang) }
                        <input id="class-files" type="file" multiple=true accept=".txt,text/plain" onchange={onpick} />
                    </label>
                </div>
                <CameraScan {lang} onscanned={d.reform(move |text: String| {
                    Action::CollectFile(Text::ClassCameraSource.get(lang).to_owned(), text)
                })} />
                if let Some(note) = &v.round_note {
                    <p class="class-round-note" id="class-round-note">{ note }</p>
                }
                <label>{ Text::ClassRankBy.get(lang) }
                    <select id="class-rank" onchange={onrank}>
                        { for Score::ALL.into_iter().map(|s| html! {
                            <option value={s.id()} selected={score_text(s, lang) == r.score}>{ score_text(s, lang) }</option>
                        }) }
                    </select>
                </label>
                // A scrolling region must be reachable by keyboard to be read without a mouse.
                <div class="table-scroll" tabindex="0" role="region" aria-label={Text::ClassCollectTitle.get(lang)}>
                <table class="class-room">
                    <thead><tr>
                        <th scope="col">{ Text::ClassColRank.get(lang) }</th>
                        <th scope="col">{ Text::ClassColName.get(lang) }</th>
                        <th scope="col">{ Text::ClassColWeeks.get(lang) }</th>
                        <th scope="col">{ Text::ClassColBook.get(lang) }</th>
                        <th scope="col">{ Text::ClassColProfit.get(lang) }</th>
                        <th scope="col">{ Text::ClassColLost.get(lang) }</th>
                        <th scope="col">{ Text::ClassColDecisions.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for r.rows.iter().map(|row| html! {
                            <tr>
                                <td>{ &row.rank }</td><td>{ &row.name }</td><td>{ &row.weeks }</td>
                                <td>{ &row.book }</td><td>{ &row.profit }</td><td>{ &row.lost }</td>
                                <td>{ &row.decisions }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
                <div class="class-actions">
                    if let Some(file) = v.session_file.clone() {
                        <button type="button" id="class-session-download"
                            onclick={props.oneffect.reform(move |_: MouseEvent| Effect::Download(file.clone()))}>
                            { Text::ClassDownloadSession.get(lang) }</button>
                    }
                    if let Some(label) = &v.start_round {
                        <button type="button" id="class-start-round" onclick={d.reform(|_| Action::StartRound)}>{ label }</button>
                    }
                </div>
                if !r.refused.is_empty() {
                    <h3>{ Text::ClassRefused.get(lang) }</h3>
                    <ul class="class-refused">
                        { for r.refused.iter().map(|(source, reason)| html! { <li><strong>{ source }</strong>{ ": " }{ reason }</li> }) }
                    </ul>
                }
            </section>
        }
    });
    let onsessionpick = {
        let onsessionfile = props.onsessionfile.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            onsessionfile.emit(crate::services::files::files_of(input.files()));
            input.set_value("");
        })
    };
    let nothing = v.form.is_none() && v.play.is_none();
    html! {
        <main class="classroom-view">
            if let Some(problem) = &v.join_problem {
                <p class="field-error" role="alert">{ problem }</p>
            }
            { for play }
            if v.play.is_none() {
                <div class="class-actions class-start">
                    if v.form.is_none() {
                        <button type="button" id="class-open" onclick={props.onopen.reform(|_| ())}>{ Text::ClassOpenButton.get(lang) }</button>
                    }
                    <label class="class-session-file">{ Text::ClassOpenSessionFile.get(lang) }
                        <input id="class-session-file" type="file" accept=".json,application/json" onchange={onsessionpick} />
                    </label>
                </div>
                if let Some(Ok(text)) = &v.file_note {
                    <p class="class-file-note" role="status">{ text }</p>
                }
                if let Some((note, file)) = v.replaced.clone() {
                    <p class="class-file-note" role="status">{ note }{ " " }
                        <button type="button" id="class-replaced-download"
                            onclick={props.oneffect.reform(move |_: MouseEvent| Effect::Download(file.clone()))}>
                            { Text::ClassDownloadReplaced.get(lang) }</button>
                    </p>
                }
                if let Some(Err(text)) = &v.file_note {
                    <p class="field-error class-file-note" role="alert">{ text }</p>
                }
                { for form }
                { for room }
                if let Some(debrief) = &v.debrief {
                    { debrief_section(debrief, v.rounds.as_ref(), v.show_stage.as_ref(), d, (*svgs).as_ref(), lang, &props.oneffect) }
                }
                if let Some(stage) = v.stage.clone() {
                    <BestAndWorst view={stage} {lang} onclose={d.reform(|()| Action::ShowBestAndWorst(false))} />
                }
            }
            if nothing {
                <p class="class-note">{ Text::ClassNoSession.get(lang) }</p>
            }
        </main>
    }
}
