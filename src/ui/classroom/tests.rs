use super::view::{offers, open_view, play_view, room_view};
use super::*;
use crate::scenario::classroom::replay::replay;
use crate::scenario::classroom::replay::Score;

const BASE: &str = "https://cadence.example/";

fn week0() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date")
}

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
    let view = play_view(&play, BASE, week0(), Lang::En);
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
    let view = play_view(&play, BASE, week0(), Lang::En);
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

/// The room as the trainer reads it: names in order with their figures, and the refusals.
fn ranking(
    collect: &Collect,
) -> (
    Vec<(String, crate::scenario::classroom::replay::Figures)>,
    usize,
) {
    (
        collect
            .room
            .standings
            .iter()
            .map(|s| (s.hand_in.name.clone(), s.figures))
            .collect(),
        collect.room.refused.len(),
    )
}

#[test]
#[allow(clippy::too_many_lines)] // One story: the file, a reload, a bad file, a replaced room, a drop.
fn issue_19_a_session_file_restores_the_debrief_and_a_bad_one_changes_nothing() {
    use super::view::classroom_view;
    let week0 = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
    let mut collect = debriefed();
    collect.receive("line", "https://cadence.example/#handin=AAAA");
    collect.rank_by(Score::Profit);
    let mut trainer = Model {
        open: Some(OpenForm::of(&collect.session)),
        collect: Some(Box::new(collect.clone())),
        ..Model::default()
    };
    let before = classroom_view(&trainer, BASE, week0, Lang::En);
    let file = before
        .session_file
        .clone()
        .expect("a session file while collecting");
    assert_eq!(
        file.file_name,
        format!("cadence-session-{}.json", collect.session.id_text())
    );
    // A new page (after a reload) opens the file: the same form, room, ranking and debrief.
    let mut reopened = Model::default();
    reopened.update(
        Action::OpenSessionFile(file.file_name.clone(), file.text.clone()),
        Lang::En,
    );
    assert_eq!(reopened.collect.as_deref(), Some(&collect));
    assert_eq!(
        ranking(reopened.collect.as_deref().expect("collecting")),
        ranking(&collect)
    );
    let after = classroom_view(&reopened, BASE, week0, Lang::En);
    assert_eq!(after.room, before.room);
    assert_eq!(after.debrief, before.debrief);
    assert_eq!(after.form.map(|f| f.open), before.form.map(|f| f.open));
    assert!(
        matches!(reopened.file_note.as_deref(), Some(Ok(note)) if note.contains("5 hand-ins replayed"))
    );
    // A damaged file is refused in words, and the collection on the page is untouched.
    let kept = trainer.clone();
    trainer.update(
        Action::OpenSessionFile("notes.json".to_owned(), file.text[..40].to_owned()),
        Lang::Zh,
    );
    assert_eq!(trainer.collect, kept.collect);
    assert_eq!(trainer.open, kept.open);
    assert_eq!(
        trainer.file_note.as_deref().cloned(),
        Some(Err(
            "未打开 notes.json：这不是课堂存档文件：它不是 JSON 格式（或已被截断）。请打开 Cadence 下载的文件。 页面内容未作任何更改。"
                .to_owned()
        ))
    );
    // Opening a file over a room with hand-ins the file does not hold keeps that room as a file.
    let mut other = Model {
        collect: Some(Box::new(Collect::new(Session {
            nonce: 99,
            ..collect.session.clone()
        }))),
        ..Model::default()
    };
    other.update(
        Action::OpenSessionFile("s.json".to_owned(), file.text.clone()),
        Lang::En,
    );
    assert_eq!(other.replaced, None, "an empty room is not worth keeping");
    let mut busy = Model {
        collect: Some(Box::new(collect.clone())),
        ..Model::default()
    };
    let earlier = Model {
        open: Some(OpenForm::of(&collect.session)),
        collect: Some(Box::new(Collect::new(collect.session.clone()))),
        ..Model::default()
    };
    let empty_file = classroom_view(&earlier, BASE, week0, Lang::En)
        .session_file
        .expect("a file");
    busy.update(
        Action::OpenSessionFile("empty.json".to_owned(), empty_file.text),
        Lang::En,
    );
    let kept = busy.replaced.clone().expect("the busy room kept");
    let mut back = Model::default();
    back.update(
        Action::OpenSessionFile("kept.json".to_owned(), kept.text),
        Lang::En,
    );
    assert_eq!(
        back.collect.as_deref(),
        Some(&collect),
        "the replaced room comes back whole"
    );
    trainer.update(
        Action::OpenSessionFile("same.json".to_owned(), file.text.clone()),
        Lang::En,
    );
    assert_eq!(
        trainer.replaced, None,
        "the file holds every hand-in the page had"
    );
    // Dropped on the view: a session file opens, a hand-in file is collected.
    let mut dropped = Model::default();
    dropped.update(
        Action::DropFile("s.json".to_owned(), file.text.clone()),
        Lang::En,
    );
    assert_eq!(dropped.collect.as_deref(), Some(&collect));
    let line = collect.received[0].1.clone();
    dropped.update(Action::StartRound, Lang::En);
    dropped.update(Action::DropFile("li.txt".to_owned(), line), Lang::En);
    let now = dropped.collect.as_deref().expect("collecting");
    assert_eq!((now.round_number(), now.room.standings.len()), (2, 1));
}

#[test]
#[allow(clippy::too_many_lines)] // One story: round 1, round 2, the table, another score, the file.
fn issue_19_a_second_round_keeps_the_first_and_compares_each_participant() {
    use super::debrief::rounds_view;
    use super::view::classroom_view;
    let week0 = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
    let first = debriefed();
    let mut trainer = Model {
        open: Some(OpenForm::of(&first.session)),
        collect: Some(Box::new(first.clone())),
        ..Model::default()
    };
    assert!(
        rounds_view(&first, Lang::En).is_none(),
        "one round: nothing to compare"
    );
    let view = classroom_view(&trainer, BASE, week0, Lang::En);
    assert_eq!(view.start_round.as_deref(), Some("Start round 2"));
    trainer.update(Action::StartRound, Lang::En);
    let collect = trainer.collect.as_deref().expect("collecting");
    assert_eq!(collect.round_number(), 2);
    assert!(collect.room.standings.is_empty() && collect.received.is_empty());
    assert_eq!(collect.earlier.len(), 1);
    assert!(collect.room.refused.is_empty());
    let view = classroom_view(&trainer, BASE, week0, Lang::En);
    assert_eq!(
        view.round_note.as_deref(),
        Some("Collecting round 2. Earlier rounds are kept to compare.")
    );
    assert_eq!(view.start_round, None, "round 2 has no hand-in yet");
    // Round 2: Li, who stopped in round 1, keeps prospecting; Zoe plays the same again.
    let session = collect.session.clone();
    let again = |name: &str, decisions: Vec<Decision>| {
        HandIn {
            session_id: session.id(),
            name: name.to_owned(),
            through_week: 103,
            decisions,
        }
        .encode()
    };
    let text = format!(
        "{}\n{}\n",
        again("Li", Vec::new()),
        again("Zoe", Vec::new())
    );
    trainer.pasted = text;
    trainer.update(Action::CollectPasted, Lang::En);
    let collect = trainer.collect.as_deref().expect("collecting");
    let rounds = rounds_view(collect, Lang::En).expect("two rounds");
    assert_eq!(rounds.title, "Round by round: book at the end");
    assert_eq!(rounds.headers, ["Round 1", "Round 2"]);
    let row = |name: &str| {
        rounds
            .rows
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.cells.clone())
            .expect("a row")
    };
    let book = |room: &crate::scenario::classroom::replay::Room, name: &str| {
        room.standings
            .iter()
            .find(|s| s.hand_in.name == name)
            .map(|s| crate::ui::format::number(s.figures.book_end_loans, 0))
            .expect("handed in")
    };
    assert_eq!(
        row("Li"),
        [book(&first.room, "Li"), book(&collect.room, "Li")]
    );
    assert_eq!(
        row("Zoe")[0],
        row("Zoe")[1],
        "the same decisions, the same score"
    );
    assert_eq!(row("Bo")[1], "—", "Bo has not handed in round 2");
    assert_eq!(rounds.rows.len(), 5, "everyone of either round");
    assert_eq!(
        &rounds.rows[0].name, &collect.room.standings[0].hand_in.name,
        "this round's order first"
    );
    // The room's median per round: round 1 of five, round 2 of two (Li and Zoe's mean).
    let mut books: Vec<f64> = first
        .room
        .standings
        .iter()
        .map(|s| s.figures.book_end_loans)
        .collect();
    books.sort_by(f64::total_cmp);
    let two: Vec<f64> = collect
        .room
        .standings
        .iter()
        .map(|s| s.figures.book_end_loans)
        .collect();
    assert_eq!(rounds.median.name, "Room median");
    assert_eq!(
        rounds.median.cells,
        [
            crate::ui::format::number(books[2], 0),
            crate::ui::format::number(f64::midpoint(two[0], two[1]), 0)
        ]
    );
    // Ranked on profit, every round follows; the session file holds both rounds.
    trainer.update(Action::RankBy(Score::Profit), Lang::Zh);
    let collect = trainer.collect.as_deref().expect("collecting");
    let zh = rounds_view(collect, Lang::Zh).expect("two rounds");
    assert_eq!(zh.title, "各轮对比：利润");
    assert_eq!(zh.headers, ["第 1 轮", "第 2 轮"]);
    assert_eq!(zh.median.name, "全班中位数");
    let file = classroom_view(&trainer, BASE, week0, Lang::En)
        .session_file
        .expect("a file");
    let mut reopened = Model::default();
    reopened.update(
        Action::OpenSessionFile("s.json".to_owned(), file.text),
        Lang::Zh,
    );
    assert_eq!(reopened.collect.as_deref(), Some(collect));
    assert_eq!(
        rounds_view(reopened.collect.as_deref().expect("collecting"), Lang::Zh),
        Some(zh)
    );
}

#[test]
fn issue_19_the_best_and_worst_side_by_side_share_their_axes_and_mark_each_decision() {
    use super::debrief::stage_view;
    use crate::ui::charts::{duel, ChartSize, ChartTheme};
    let week0 = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
    let collect = debriefed();
    let stage = stage_view(&collect, week0, Lang::En).expect("two or more ranked");
    let [best, worst] = &stage.sides;
    let first = &collect.room.standings[0];
    let last = &collect.room.standings[4];
    assert_eq!(best.heading, format!("Best: {}", first.hand_in.name));
    assert_eq!(worst.heading, format!("Worst: {}", last.hand_in.name));
    assert_eq!(
        best.score,
        format!(
            "book at the end: {}",
            crate::ui::format::number(first.figures.book_end_loans, 0)
        )
    );
    // The same value axis on both sides, covering both runs.
    assert_eq!(best.book.y_range, worst.book.y_range);
    assert_eq!(best.new_loans.y_range, worst.new_loans.y_range);
    for side in [best, worst] {
        let (lo, hi) = side.book.y_range;
        assert!(side.book.run.values.iter().all(|v| *v >= lo && *v <= hi));
        assert_eq!(
            side.book.run.values,
            side_values(&collect, &side.book.run.label)
        );
    }
    // Each decision of the run a mark at its week, labelled in words.
    let marks = |side: &super::debrief::StageSide| {
        side.book
            .marks
            .iter()
            .map(|m| (m.week, m.label.clone(), m.stops))
            .collect::<Vec<_>>()
    };
    let expected: Vec<(u32, String, bool)> = last
        .hand_in
        .decisions
        .iter()
        .map(|d| {
            let m = super::debrief::mark(*d, Lang::En);
            (u32::from(d.week), format!("{} {}", m.week, m.text), m.stops)
        })
        .collect();
    assert_eq!(marks(worst), expected);
    assert_eq!(worst.book.marks, worst.new_loans.marks);
    // Drawn for the projector: every text at least the size asked for, each mark's label there.
    let svg = duel::render_svg(
        &worst.book,
        &ChartTheme::for_scheme(true),
        ChartSize {
            width_px: 480,
            height_px: 280,
        },
        16.0,
    )
    .expect("draws");
    assert!(
        svg.contains(&expected[0].1),
        "{} in the chart",
        expected[0].1
    );
    let sizes: Vec<f64> = svg
        .split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    assert!(
        !sizes.is_empty() && sizes.iter().all(|s| *s >= 16.0 - 1e-6),
        "{sizes:?}"
    );
    let zh = stage_view(&collect, week0, Lang::Zh).expect("two or more ranked");
    assert_eq!(zh.title, "最佳与最差并排对比");
    assert!(zh.sides[1].heading.starts_with("最差："));
    assert!(zh.sides[1].book.marks[0].label.starts_with("第"));
    // One participant: no worst, no stage.
    let mut alone = collect.clone();
    alone.received.truncate(1);
    alone.rank_by(Score::BookEnd);
    assert!(stage_view(&alone, week0, Lang::En).is_none());
}

/// A participant's replayed book, by name.
fn side_values(collect: &Collect, name: &str) -> Vec<f64> {
    collect
        .room
        .standings
        .iter()
        .find(|s| s.hand_in.name == name)
        .map(|s| s.ev.run.series(crate::engine::Kpi::ActiveLoans))
        .expect("a standing")
}

/// A participant of the fault lesson (rounds of 4 weeks, every decision) with shocks hidden or not.
fn player(hidden_shocks: bool) -> Play {
    let form = OpenForm {
        hidden_shocks,
        round_weeks: "1".to_owned(),
        ..OpenForm::new(3)
    };
    let link = open_view(&form, BASE, Lang::En)
        .join
        .expect("a join link")
        .link;
    Play::join(&link).expect("joins")
}

#[test]
fn issue_19_hidden_shocks_appear_on_the_participants_charts_only_when_they_arrive() {
    use crate::ui::charts::{duel, BandKind, ChartSize, ChartTheme};
    let shock_start = {
        let play = player(true);
        let params = play.session.params().expect("the lesson");
        params
            .shocks
            .iter()
            .map(|s| s.start as u16)
            .min()
            .expect("the fault lesson has a shock")
    };
    assert!(shock_start > 1, "the shock comes after the first weeks");
    let legend = Text::LegendShock.get(Lang::En);
    // What the participant sees at a week: whether the shock band is drawn, and its legend entry.
    let seen = |hidden: bool, week: u16| {
        let mut play = player(hidden);
        while play.week < week {
            play.update(PlayAction::PlayOn, Lang::En);
        }
        assert_eq!(play.week, week);
        let charts = play_view(&play, BASE, week0(), Lang::En)
            .charts
            .expect("charts");
        let svgs: Vec<String> = [&charts.book, &charts.new_loans]
            .into_iter()
            .map(|data| {
                duel::render_svg(data, &ChartTheme::light(), ChartSize::PHONE, 12.0).expect("draws")
            })
            .collect();
        let kinds: Vec<BandKind> = charts
            .book
            .frame
            .bands
            .iter()
            .map(|b| b.kind)
            .filter(|k| *k != BandKind::Festival)
            .collect();
        // Nothing after the week on show is handed to the chart, not even for its axis.
        assert_eq!(charts.book.run.values.len(), usize::from(week) + 1);
        (kinds, svgs.iter().all(|svg| svg.contains(legend)))
    };
    // Hidden: not before the week it starts, there from that week on.
    let (kinds, shown) = seen(true, 0);
    assert!(kinds.iter().all(|k| *k == BandKind::Shock), "{kinds:?}");
    assert!(!shown, "no shock on the charts in week 1");
    assert!(
        !seen(true, shock_start - 1).1,
        "nor the week before it starts"
    );
    assert!(
        seen(true, shock_start).1,
        "it appears in the week it arrives"
    );
    // Not hidden: announced, on the charts from week 0.
    let (kinds, shown) = seen(false, 0);
    assert!(!kinds.is_empty() && kinds.iter().all(|k| *k == BandKind::AnnouncedShock));
    assert!(shown, "announced from the first week");
}
