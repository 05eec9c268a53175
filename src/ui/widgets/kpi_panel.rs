//! The KPI panel: the closed-form figures, the fault metrics, unit economics and warnings.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::workspace::view::{KpiItem, KpiPanel as Panel};

/// A grid of figures: label, value and the detail line under it (also used by the Monte Carlo panel).
pub fn kpi_list(items: &[KpiItem], class: &'static str) -> Html {
    html! {
        <dl class={classes!("kpi-grid", class)}>
            { for items.iter().map(|i| html! {
                <div class="kpi" data-kpi={i.id} key={i.id}>
                    <dt title={i.hint.clone()}>{ &i.label }</dt>
                    <dd>
                        <span class="kpi-value">{ &i.value }</span>
                        <span class="kpi-detail">{ &i.detail }</span>
                    </dd>
                </div>
            }) }
        </dl>
    }
}

#[derive(Properties, PartialEq)]
pub struct KpiPanelProps {
    pub panel: Panel,
    pub lang: Lang,
}

#[function_component(KpiPanel)]
pub fn kpi_panel(props: &KpiPanelProps) -> Html {
    let lang = props.lang;
    let p = &props.panel;
    html! {
        <div class="kpis">
            { kpi_list(&p.items, "") }
            if !p.unit_economics.is_empty() {
                <h3>{ Text::KpiUnitEconomics.get(lang) }</h3>
                { kpi_list(&p.unit_economics, "kpi-grid-small") }
            }
            if !p.warnings.is_empty() {
                <div class="warnings">
                    <h3>{ Text::KpiWarnings.get(lang) }</h3>
                    <ul>{ for p.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </div>
            }
        </div>
    }
}
