//! The KPI panel: the closed-form figures, the fault metrics, unit economics and warnings.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::view_model::KpiPanel as Panel;

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
            <dl class="kpi-grid">
                { for p.items.iter().map(|i| html! {
                    <div class="kpi" data-kpi={i.id} key={i.id}>
                        <dt>{ &i.label }</dt>
                        <dd>
                            <span class="kpi-value">{ &i.value }</span>
                            <span class="kpi-detail">{ &i.detail }</span>
                        </dd>
                    </div>
                }) }
            </dl>
            if !p.unit_economics.is_empty() {
                <h3>{ Text::KpiUnitEconomics.get(lang) }</h3>
                <dl class="kpi-grid kpi-grid-small">
                    { for p.unit_economics.iter().map(|i| html! {
                        <div class="kpi" data-kpi={i.id} key={i.id}>
                            <dt>{ &i.label }</dt>
                            <dd>
                                <span class="kpi-value">{ &i.value }</span>
                                <span class="kpi-detail">{ &i.detail }</span>
                            </dd>
                        </div>
                    }) }
                </dl>
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
