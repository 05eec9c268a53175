use super::view::{offers, open_view, play_view, room_view};
use super::*;
use crate::scenario::classroom::replay::replay;

const BASE: &str = "https://cadence.example/";

fn opened() -> String {
    let form = OpenForm {
        allowed: vec![Move::Stop, Move::Floor],
        ..OpenForm::new(11)
    };
    let view = open_view(&form, BASE, Lang::En);
    assert_eq!(view.problem, None);
    let join = view.join.expect("a join link");
    assert!(join.qr_svg.expect("a QR code").starts_with("<svg"));
    join.link
}

#[test]
fn the_open_form_says_what_is_wrong() {
    let form = OpenForm {
        seed: "-3".to_owned(),
        ..OpenForm::new(1)
    };
    assert_eq!(
        open_view(&form, BASE, Lang::En).problem.as_deref(),
        Some("The seed must be a whole number from 0 up.")
    );
    let form = OpenForm {
        round_weeks: "0".to_owned(),
        ..OpenForm::new(1)
    };
    assert_eq!(
        open_view(&form, BASE, Lang::Zh).problem.as_deref(),
        Some("每轮须为 1 至 52 周。")
    );
    let form = OpenForm {
        allowed: Vec::new(),
        ..OpenForm::new(1)
    };
    assert!(open_view(&form, BASE, Lang::En).join.is_none());
}

#[test]
fn a_participant_plays_rounds_with_only_the_allowed_decisions_and_hands_in() {
    let join = opened();
    let mut play = Play::join(&join).expect("joins");
    let view = play_view(&play, BASE, Lang::En);
    assert_eq!(view.week, "Week 1 of 104");
    assert_eq!(view.figures.len(), 3);
    assert!(offers(&view, Move::Stop) && offers(&view, Move::Floor));
    assert!(!offers(&view, Move::SetHours) && !offers(&view, Move::Resume));
    // Not allowed: nothing recorded, the reason in words.
    play.update(PlayAction::Choose(Move::SetHours), Lang::En);
    assert_eq!(play.choice, Move::Stop);
    play.update(PlayAction::PlayOn, Lang::En);
    assert_eq!(play.week, 4);
    play.update(PlayAction::Choose(Move::Floor), Lang::En);
    play.update(PlayAction::EditHours("abc".to_owned()), Lang::En);
    play.update(PlayAction::Decide, Lang::En);
    assert!(play.problem.is_some() && play.decisions.is_empty());
    play.update(PlayAction::EditHours("4.5".to_owned()), Lang::En);
    play.update(PlayAction::Decide, Lang::En);
    assert_eq!(play.decisions.len(), 1);
    play.update(PlayAction::PlayOn, Lang::En);
    play.update(PlayAction::PlayOn, Lang::En);
    assert_eq!(play.week, 12);
    // Hand-in needs a name.
    play.update(PlayAction::HandIn, Lang::En);
    assert!(play.handed_in.is_none());
    assert_eq!(
        play.problem.as_deref(),
        Some("The name must have 1 to 40 visible characters.")
    );
    play.update(PlayAction::SetName("Li Lei".to_owned()), Lang::En);
    play.update(PlayAction::HandIn, Lang::En);
    let view = play_view(&play, BASE, Lang::En);
    let hand_in = view.hand_in.expect("handed in");
    assert!(hand_in.link.starts_with("https://cadence.example/#handin="));
    // The trainer's replay gives the participant's own run.
    let session = Session::decode(&join).expect("session");
    let received = HandIn::decode_for(&hand_in.link, &session).expect("admitted");
    let replayed = replay(&session, &received).expect("replays");
    let own = play.run().expect("a run");
    assert_eq!(
        replayed.ev.run.series(crate::engine::Kpi::ActiveLoans),
        own.run.series(crate::engine::Kpi::ActiveLoans)
    );
    // Collect: the room's table, a pasted bad line refused with its reason.
    let mut room = Collect::new(session);
    room.receive(
        "pasted",
        &format!("{}\n\n{}\n", hand_in.link, &hand_in.link[..50]),
    );
    let table = room_view(&room, Lang::En);
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.rows[0].name, "Li Lei");
    assert_eq!(table.rows[0].weeks, "13");
    assert_eq!(table.rows[0].decisions, "5: keep at least these hours 4.5");
    assert_eq!(table.refused.len(), 1);
    assert_eq!(table.refused[0].0, "pasted 3");
}
