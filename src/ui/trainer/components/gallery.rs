//! Trainer mode's preset gallery: one card per lesson of the article, each opening the preset in
//! the workspace or on the stage.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::trainer::view::Card;
use crate::ui::trainer::Action;

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub cards: Vec<Card>,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
}

#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="gallery" aria-labelledby="gallery-title">
            <h2 id="gallery-title">{ Text::GalleryTitle.get(lang) }</h2>
            <p class="gallery-intro">{ Text::GalleryIntro.get(lang) }</p>
            <ul class="cards">
                { for props.cards.iter().map(|card| {
                    let key = card.id;
                    html! { <PresetCard {key} card={card.clone()} {lang} ondispatch={props.ondispatch.clone()} /> }
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PresetCardProps {
    card: Card,
    lang: Lang,
    ondispatch: Callback<Action>,
}

#[function_component(PresetCard)]
fn preset_card(props: &PresetCardProps) -> Html {
    let lang = props.lang;
    let card = &props.card;
    // Which policy the card shows is the card's own choice until a button puts it on the page.
    let variant = use_state(|| 0usize);
    let id = card.id;
    let group = format!("card-{id}-policy");
    let chosen = *variant;
    let onopen = props
        .ondispatch
        .reform(move |_| Action::OpenPreset(id.to_owned(), chosen));
    let onplay = props
        .ondispatch
        .reform(move |_| Action::PlayPreset(id.to_owned(), chosen));
    html! {
        <li class="card" data-preset={id}>
            <h3 id={format!("card-{id}-title")}>{ &card.title }</h3>
            if let Some(story) = &card.story {
                <dl class="story">
                    <dt>{ Text::StoryQuestion.get(lang) }</dt><dd>{ story.question }</dd>
                    <dt>{ Text::StoryWatch.get(lang) }</dt><dd>{ story.watch }</dd>
                    <dt>{ Text::StoryLesson.get(lang) }</dt><dd>{ story.lesson }</dd>
                </dl>
            }
            // The policies as radio buttons, whose labels wrap: a select cut the long ones off on
            // narrow cards.
            <fieldset class="card-policy">
                <legend>{ Text::StoryPolicy.get(lang) }</legend>
                { for card.variants.iter().map(|(i, label)| {
                    let i = *i;
                    let variant = variant.clone();
                    let onchange = Callback::from(move |_: Event| variant.set(i));
                    html! {
                        <label class="card-variant">
                            <input type="radio" name={group.clone()} value={i.to_string()}
                                checked={i == chosen} {onchange} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <div class="card-actions">
                <button type="button" class="card-open" onclick={onopen}
                    aria-describedby={format!("card-{id}-title")}>{ Text::OpenInWorkspace.get(lang) }</button>
                <button type="button" class="card-play primary" onclick={onplay}
                    aria-describedby={format!("card-{id}-title")}>{ Text::PlayPreset.get(lang) }</button>
            </div>
        </li>
    }
}
