use super::view::{offers, open_view, play_view, room_view};
use super::*;
use crate::scenario::classroom::replay::replay;
use crate::scenario::classroom::replay::Score;

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

/// A session deciding every week with every decision, and a room of four: Li stops in week 5,
/// 王小明 sets 0 hours in week 5 (the same run, so the two tie and sort by name), Bo stops in
/// week 7, Ana keeps a floor (of 4 h, then of 0 h: not a stop) and Zoe never decides.
fn debriefed() -> Collect {
    let session = Session {
        lesson: "fault".to_owned(),
        variant: 1,
        seed: 3,
        allowed: Move::ALL.to_vec(),
        round_weeks: 1,
        hidden_shocks: false,
        nonce: 5,
    };
    let decide = |week: u16, kind: Move, tenths_of_hours: u16| Decision {
        week,
        kind,
        tenths_of_hours,
    };
    let people = [
        ("Li", vec![decide(4, Move::Stop, 0)]),
        ("王小明", vec![decide(4, Move::SetHours, 0)]),
        ("Bo", vec![decide(6, Move::Stop, 0)]),
        (
            "Ana",
            vec![decide(0, Move::Floor, 40), decide(10, Move::Floor, 0)],
        ),
        ("Zoe", Vec::new()),
    ];
    let lines: Vec<String> = people
        .into_iter()
        .map(|(name, decisions)| {
            HandIn {
                session_id: session.id(),
                name: name.to_owned(),
                through_week: 103,
                decisions,
            }
            .encode()
        })
        .collect();
    let mut collect = Collect::new(session);
    collect.receive("line", &lines.join("\n"));
    assert_eq!(collect.room.standings.len(), 5);
    collect
}

#[test]
fn who_stopped_prospecting_in_which_week_in_both_languages() {
    use super::debrief::stopped_text;
    let collect = debriefed();
    assert_eq!(
        stopped_text(&collect.room, Lang::En),
        "Stopped prospecting: week 5 — Li, 王小明; week 7 — Bo"
    );
    assert_eq!(
        stopped_text(&collect.room, Lang::Zh),
        "停止营销：第 5 周 — Li、王小明；第 7 周 — Bo"
    );
    let mut calm = collect.clone();
    calm.received
        .retain(|(_, line)| HandIn::decode(line).is_ok_and(|h| h.name == "Ana" || h.name == "Zoe"));
    calm.rank_by(Score::BookEnd);
    assert_eq!(
        stopped_text(&calm.room, Lang::En),
        "Nobody stopped prospecting."
    );
    assert_eq!(stopped_text(&calm.room, Lang::Zh), "没有学员停止营销。");
}

#[test]
fn each_participants_timeline_is_marks_with_labels_in_words() {
    use super::debrief::timelines;
    let collect = debriefed();
    let en = timelines(&collect.room, Lang::En);
    let zh = timelines(&collect.room, Lang::Zh);
    let names: Vec<&str> = en.iter().map(|r| r.name.as_str()).collect();
    let ranked: Vec<&str> = collect
        .room
        .standings
        .iter()
        .map(|s| s.hand_in.name.as_str())
        .collect();
    assert_eq!(names, ranked, "in the room's order");
    let row = |rows: &[super::debrief::TimelineRow], name: &str| {
        rows.iter()
            .find(|r| r.name == name)
            .cloned()
            .expect("a row")
    };
    let ana = row(&en, "Ana");
    assert_eq!(ana.label, "Ana's decisions");
    let marks: Vec<(&str, &str, &str, bool)> = ana
        .marks
        .iter()
        .map(|m| (m.week.as_str(), m.text.as_str(), m.label.as_str(), m.stops))
        .collect();
    assert_eq!(
        marks,
        [
            (
                "W1",
                "≥ 4.0 h",
                "Week 1: keep at least these hours, 4.0 h per AM per week",
                false
            ),
            (
                "W11",
                "≥ 0.0 h",
                "Week 11: keep at least these hours, 0.0 h per AM per week",
                false
            ),
        ]
    );
    let li = row(&zh, "Li");
    assert_eq!(li.label, "Li的决策");
    assert_eq!(
        (
            li.marks[0].week.as_str(),
            li.marks[0].text.as_str(),
            li.marks[0].label.as_str(),
            li.marks[0].stops
        ),
        ("第5周", "停", "第 5 周：停止营销", true)
    );
    let wang = row(&zh, "王小明");
    assert_eq!(wang.marks[0].text, "= 0.0 小时");
    assert_eq!(
        wang.marks[0].label,
        "第 5 周：设定营销小时数，每人每周 0.0 小时"
    );
    assert!(wang.marks[0].stops, "0 hours set is a stop");
    assert_eq!(row(&en, "Zoe").empty.as_deref(), Some("No decisions"));
    assert_eq!(row(&zh, "Zoe").empty.as_deref(), Some("未作决策"));
    assert_eq!(row(&en, "Li").empty, None);
}

#[test]
fn the_debrief_overlays_the_room_and_downloads_every_decision() {
    use super::debrief::debrief_view;
    let week0 = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
    let collect = debriefed();
    let view = debrief_view(&collect, week0, Lang::En).expect("a debrief");
    let charts = view.charts.expect("charts");
    let first = &collect.room.standings[0].hand_in.name;
    let last = &collect.room.standings[4].hand_in.name;
    for data in [&charts.book, &charts.new_loans] {
        assert_eq!(data.lines.len(), 5);
        assert_eq!(data.frame.dates.horizon_weeks, 104);
        assert_eq!(
            data.best.as_ref().map(|h| h.label.clone()),
            Some(format!("Best: {first}"))
        );
        assert_eq!(data.worst.as_ref().map(|h| h.index), Some(4));
        assert_eq!(
            data.worst.as_ref().map(|h| h.label.clone()),
            Some(format!("Worst: {last}"))
        );
        assert!(data
            .band
            .p10
            .iter()
            .zip(&data.band.p90)
            .all(|(lo, hi)| lo <= hi));
    }
    assert_ne!(charts.book.frame.title, charts.new_loans.frame.title);
    let zh = debrief_view(&collect, week0, Lang::Zh).expect("a debrief");
    let zh_charts = zh.charts.expect("charts");
    assert_eq!(zh_charts.book.band.label, "全班 P10–P90");
    assert_eq!(
        zh_charts.book.best.map(|h| h.label),
        Some(format!("最佳：{first}"))
    );
    assert_eq!(
        view.decisions_csv.file_name,
        format!("cadence-decisions-{}.csv", collect.session.id_text())
    );
    let rows: Vec<&str> = view.decisions_csv.text.lines().collect();
    assert_eq!(rows[0], "name,week,decision,hours");
    assert_eq!(rows.len(), 1 + 5, "one row per decision");
    for row in [
        "Li,5,stop,",
        "王小明,5,set_hours,0",
        "Bo,7,stop,",
        "Ana,1,floor,4",
        "Ana,11,floor,0",
    ] {
        assert!(rows.contains(&row), "{row} in {rows:?}");
    }
    assert!(debrief_view(&Collect::new(collect.session.clone()), week0, Lang::En).is_none());
}
