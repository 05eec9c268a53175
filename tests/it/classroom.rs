//! The classroom without a server (issue 19): a hand-in replayed gives the participant's run (the
//! same figures as a direct engine run of the same decisions), the QR codes read back with an
//! independent decoder (`rqrr`), and `cadence classroom` opens, hands in and debriefs a room.

use std::process::{Command, Output};

use cadence::engine::interventions::{decide, from_now_on};
use cadence::engine::params::{ProspectingChange, Shock, ShockKind};
use cadence::engine::{presets, run_ev, validate, Kpi};
use cadence::scenario::classroom::replay::{collect, params_with, replay, Figures, Score};
use cadence::scenario::classroom::{qr, Decision, HandIn, Move, Session};
use proptest::prelude::*;
use serde_json::Value;

fn session() -> Session {
    Session {
        lesson: "fault".to_owned(),
        variant: 1,
        seed: 42,
        allowed: Move::ALL.to_vec(),
        round_weeks: 1,
        hidden_shocks: false,
        nonce: 2026,
    }
}

/// The run a trainer would get by playing these decisions on the stage: the preset, its variant,
/// the seed and each decision recorded "from now on" with the engine's own helpers.
fn direct_figures(decisions: &[(u16, ProspectingChange)]) -> (Figures, Vec<f64>) {
    let preset = presets::get("fault").expect("the fault lesson");
    let mut params = preset.with_variant(&preset.variants[1]);
    params.run.seed = 42;
    let horizon = params.team.horizon_weeks;
    for (week, change) in decisions {
        params = decide(
            &params,
            Shock {
                start: f64::from(*week),
                duration_weeks: from_now_on(u32::from(*week), horizon),
                kind: ShockKind::Prospecting { change: *change },
            },
        );
    }
    let ev = run_ev(&validate(&params).expect("valid"));
    let last = ev.run.weeks.last().expect("weeks");
    let figures = Figures {
        book_end_loans: Kpi::ActiveLoans.value(last),
        profit_cny: last.cumulative_profit_cny,
        new_loans_lost: ev.fault.as_ref().map(|f| f.new_loans.lost),
    };
    (figures, ev.run.series(Kpi::NewLoans))
}

fn change_of(d: Decision) -> ProspectingChange {
    match d.kind {
        Move::Stop => ProspectingChange::Stop,
        Move::Resume => ProspectingChange::Resume,
        Move::SetHours => ProspectingChange::Set { hours: d.hours() },
        Move::Floor => ProspectingChange::Floor { hours: d.hours() },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn a_replayed_hand_in_is_a_direct_run_of_its_decisions(
        raw in proptest::collection::vec((0u16..104, 0usize..4, 0u16..200), 0..12)
    ) {
        let s = session();
        let mut decisions: Vec<Decision> = raw
            .into_iter()
            .map(|(week, k, tenths)| {
                let kind = Move::ALL[k];
                Decision { week, kind, tenths_of_hours: if kind.has_hours() { tenths } else { 0 } }
            })
            .collect();
        decisions.sort_by_key(|d| d.week);
        let hand_in = HandIn {
            session_id: s.id(),
            name: "Participant".to_owned(),
            through_week: 103,
            decisions: decisions.clone(),
        };
        // Through the link, as the trainer receives it.
        let received = HandIn::decode_for(&hand_in.encode(), &s).expect("admitted");
        let run = replay(&s, &received).expect("replays");
        let direct: Vec<(u16, ProspectingChange)> =
            decisions.iter().map(|d| (d.week, change_of(*d))).collect();
        let (figures, new_loans) = direct_figures(&direct);
        prop_assert_eq!(run.figures, figures);
        prop_assert_eq!(run.ev.run.series(Kpi::NewLoans), new_loans);
    }
}

#[test]
fn stopping_prospecting_costs_loans_the_room_ranks_it_last() {
    let s = session();
    let keep = HandIn {
        session_id: s.id(),
        name: "Keeps going".to_owned(),
        through_week: 103,
        decisions: vec![Decision {
            week: 0,
            kind: Move::Floor,
            tenths_of_hours: 40,
        }],
    };
    let stop = HandIn {
        name: "Stops".to_owned(),
        decisions: vec![Decision {
            week: 20,
            kind: Move::Stop,
            tenths_of_hours: 0,
        }],
        ..keep.clone()
    };
    let other = Session {
        nonce: 1,
        ..s.clone()
    };
    let stranger = HandIn {
        session_id: other.id(),
        name: "Elsewhere".to_owned(),
        ..keep.clone()
    };
    let links = vec![
        ("a".to_owned(), stop.encode()),
        ("b".to_owned(), keep.encode()),
        ("c".to_owned(), stranger.encode()),
        ("d".to_owned(), keep.encode()[..40].to_owned()),
    ];
    let room = collect(&s, &links, Score::BookEnd);
    let names: Vec<&str> = room
        .standings
        .iter()
        .map(|r| r.hand_in.name.as_str())
        .collect();
    assert_eq!(names, ["Keeps going", "Stops"]);
    assert!(room.standings[0].figures.book_end_loans > room.standings[1].figures.book_end_loans);
    let reasons: Vec<String> = room
        .refused
        .iter()
        .map(|r| format!("{}: {:?}", r.source, r.error))
        .collect();
    assert_eq!(reasons, ["c: WrongSession", "d: Truncated"]);
    let by_loss = collect(&s, &links, Score::LoansLost);
    let lost: Vec<f64> = by_loss
        .standings
        .iter()
        .map(|r| {
            r.figures
                .new_loans_lost
                .expect("the fault lesson has a burst")
        })
        .collect();
    assert!(lost[0] <= lost[1], "{lost:?}");
}

/// Paints the SVG's unit squares (`M{x} {y}h1v1h-1z`) at `scale` pixels a module, on white.
fn rasterise(svg: &str, scale: usize) -> (usize, Vec<u8>) {
    let side: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a square viewBox");
    let px = side * scale;
    let mut image = vec![255u8; px * px];
    let path = svg
        .split(" d=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("one path");
    for square in path.split('M').filter(|s| !s.is_empty()) {
        let corner = square.trim_end_matches("h1v1h-1z");
        let (x, y) = corner.split_once(' ').expect("x y");
        let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
        for dy in 0..scale {
            for dx in 0..scale {
                image[(y * scale + dy) * px + x * scale + dx] = 0;
            }
        }
    }
    (px, image)
}

fn read_qr(svg: &str) -> String {
    let (px, image) = rasterise(svg, 4);
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| image[y * px + x]);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    let (_, content) = grids[0].decode().expect("decodes");
    content
}

#[test]
fn the_qr_codes_read_back_as_the_links() {
    let s = session();
    let join = format!("https://cadence.example/classroom/#{}", s.encode());
    let svg = qr::svg(&join, "Join").expect("fits");
    assert!(svg.contains("aria-label=\"Join\""));
    assert_eq!(read_qr(&svg), join);
    let (width, _) = qr::modules(&join).expect("fits");
    // A join link is a version 5 code at most (37 modules): large modules on a projected screen.
    assert!(width <= 37, "{width} modules");
    let hand_in = HandIn {
        session_id: s.id(),
        name: "王小明".to_owned(),
        through_week: 51,
        decisions: (0..10)
            .map(|i| Decision {
                week: i * 5,
                kind: Move::Floor,
                tenths_of_hours: 40,
            })
            .collect(),
    };
    let link = format!("https://cadence.example/classroom/#{}", hand_in.encode());
    let back = read_qr(&qr::svg(&link, "Hand in").expect("fits"));
    assert_eq!(back, link);
    assert_eq!(HandIn::decode_for(&back, &s), Ok(hand_in));
    // As the trainer's camera sees it: a 640×480 colour frame, the code held off-centre on a grey,
    // slightly uneven desk, read by the page's own path (RGBA → luma → `qr::read`).
    let (px, code) = rasterise(&qr::svg(&link, "Hand in").expect("fits"), 6);
    let (w, h) = (640, 480);
    let mut rgba = Vec::with_capacity(w * h * 4);
    for y in 0..h {
        for x in 0..w {
            let (cx, cy) = (x.wrapping_sub(150), y.wrapping_sub(90));
            let v = if cx < px && cy < px {
                code[cy * px + cx]
            } else {
                u8::try_from(110 + (x * 7 + y * 13) % 40).expect("grey")
            };
            rgba.extend_from_slice(&[v, v.saturating_sub(10), v, 255]);
        }
    }
    assert_eq!(qr::read(w, h, &qr::luma_of_rgba(&rgba)), [link]);
    assert!(
        qr::read(w, h, &vec![128; w * h]).is_empty(),
        "no code, nothing read"
    );
    assert!(
        qr::read(w, h, &[]).is_empty(),
        "a frame too short is no code"
    );
}

fn cadence(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cadence"))
        .args(args)
        .output()
        .expect("the cadence binary runs")
}

fn line(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8")
        .trim()
        .to_owned()
}

/// A session opened with the CLI (rounds of 4 weeks, stop and floor only) and two hand-ins of it:
/// (join link, keeps a floor of 4 h from week 21, stops in week 21).
fn cli_room() -> (String, String, String) {
    let base = "https://cadence.example/";
    let join = line(&cadence(&[
        "classroom",
        "open",
        "--lesson",
        "fault",
        "--variant",
        "1",
        "--seed",
        "42",
        "--nonce",
        "9",
        "--rounds",
        "4",
        "--allow",
        "stop,floor",
        "--base",
        base,
    ]));
    let keep = line(&cadence(&[
        "classroom",
        "handin",
        &join,
        "--name",
        "Li Lei",
        "--decide",
        "21:floor:4",
    ]));
    let stop = line(&cadence(&[
        "classroom",
        "handin",
        &join,
        "--name",
        "Han Meimei",
        "--decide",
        "21:stop",
    ]));
    (join, keep, stop)
}

#[test]
fn the_command_line_opens_hands_in_and_debriefs_a_room() {
    let (join, keep, stop) = cli_room();
    assert!(join.starts_with("https://cadence.example/#join="), "{join}");
    let s = Session::decode(&join).expect("a join link");
    assert_eq!(
        (s.round_weeks, s.allowed.clone()),
        (4, vec![Move::Stop, Move::Floor])
    );
    // Week 22 does not start a round of 4 weeks; set_hours is not allowed.
    for (decide, reason) in [
        ("22:floor:4", "Week 22: the session does not allow"),
        ("21:set_hours:4", "Week 21: the session does not allow"),
    ] {
        let refused = cadence(&[
            "classroom",
            "handin",
            &join,
            "--name",
            "X",
            "--decide",
            decide,
        ]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&refused.stderr).contains(reason));
    }
    let dir = std::env::temp_dir().join(format!("cadence-classroom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("handin.txt");
    std::fs::write(&file, format!("{stop}\n")).expect("write");
    let altered = keep.replace("handin=A", "handin=B");
    let out = cadence(&[
        "classroom",
        "debrief",
        &join,
        &keep,
        file.to_str().expect("path"),
        &altered,
        &keep[..keep.len() - 3],
    ]);
    assert_eq!(out.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON ranking");
    assert_eq!(json["score"], "book_end");
    assert_eq!(json["session"], s.id_text());
    let names: Vec<&str> = json["standings"]
        .as_array()
        .expect("standings")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Li Lei", "Han Meimei"]);
    assert_eq!(json["standings"][0]["decisions"][0]["week"], 21);
    let reasons: Vec<&str> = json["refused"]
        .as_array()
        .expect("refused")
        .iter()
        .map(|r| r["reason"].as_str().expect("reason"))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.contains("cut short")),
        "{reasons:?}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("argument 4"), "{stderr}");
    // The figures are the engine's: the same as replaying directly.
    let (figures, _) = direct_figures(&[(20, ProspectingChange::Floor { hours: 4.0 })]);
    let book = json["standings"][0]["book_end_loans"]
        .as_f64()
        .expect("book");
    assert!((book - figures.book_end_loans).abs() < 0.01);
}

#[test]
fn the_command_line_writes_csv_and_refuses_in_chinese() {
    let (join, keep, stop) = cli_room();
    let csv = cadence(&[
        "classroom",
        "debrief",
        &join,
        &keep,
        &stop,
        "--csv",
        "--score",
        "profit",
    ]);
    let text = line(&csv);
    assert!(text
        .starts_with("rank,name,weeks_played,book_end_loans,profit_cny,new_loans_lost,decisions"));
    assert_eq!(text.lines().count(), 3);
    let altered = keep.replace("handin=A", "handin=B");
    let zh = cadence(&["classroom", "debrief", &join, &altered, "--lang", "zh"]);
    assert!(String::from_utf8_lossy(&zh.stderr).contains("链接"));
    let bad_session = cadence(&["classroom", "debrief", &join[..join.len() - 2], &keep]);
    assert_eq!(bad_session.status.code(), Some(2));
}

/// A room of seven: floors and set hours of several sizes, stops in different weeks, one who
/// never decided, and a refused stranger.
fn seven_hand_ins(s: &Session) -> Vec<(String, String)> {
    let decide = |week: u16, kind: Move, tenths: u16| Decision {
        week,
        kind,
        tenths_of_hours: tenths,
    };
    let people: Vec<(&str, Vec<Decision>)> = vec![
        ("Ana", vec![decide(0, Move::Floor, 40)]),
        ("Bo", vec![decide(6, Move::Stop, 0)]),
        (
            "Li",
            vec![decide(4, Move::Stop, 0), decide(12, Move::Resume, 0)],
        ),
        ("Mei", vec![decide(2, Move::SetHours, 25)]),
        ("王小明", vec![decide(4, Move::SetHours, 0)]),
        ("Zoe", Vec::new()),
        ("Kim", vec![decide(20, Move::Floor, 80)]),
    ];
    let mut out: Vec<(String, String)> = people
        .into_iter()
        .map(|(name, decisions)| {
            let hand_in = HandIn {
                session_id: s.id(),
                name: name.to_owned(),
                through_week: 103,
                decisions,
            };
            (name.to_owned(), hand_in.encode())
        })
        .collect();
    let stranger = HandIn {
        session_id: s.id() ^ 1,
        name: "Elsewhere".to_owned(),
        through_week: 103,
        decisions: Vec::new(),
    };
    out.push(("stranger".to_owned(), stranger.encode()));
    out
}

#[test]
fn the_room_overlaid_is_each_participants_direct_run_with_the_rooms_band() {
    let s = session();
    let room = collect(&s, &seven_hand_ins(&s), Score::BookEnd);
    assert_eq!(room.refused.len(), 1);
    let overlay = cadence::scenario::classroom::overlay::overlay(&room);
    assert_eq!(overlay.horizon_weeks, 104);
    for (figure, kpi) in [
        (&overlay.book_loans, Kpi::ActiveLoans),
        (&overlay.new_loans, Kpi::NewLoans),
    ] {
        assert_eq!(figure.lines.len(), 7, "one line per admitted hand-in");
        // Each line is a direct run of the session's scenario with that participant's decisions.
        for (line, standing) in figure.lines.iter().zip(&room.standings) {
            assert_eq!(line.name, standing.hand_in.name);
            let params = params_with(&s, &standing.hand_in.decisions).expect("params");
            let direct = run_ev(&validate(&params).expect("valid"));
            assert_eq!(line.values, direct.run.series(kpi), "{}", line.name);
        }
        let band = &figure.band;
        assert_eq!(band.p10.len(), 104);
        let n = figure.lines.len();
        let tail = (n - 1).div_ceil(10);
        for t in 0..104 {
            assert!(
                band.p10[t] <= band.p50[t] && band.p50[t] <= band.p90[t],
                "week {t}"
            );
            let mut week: Vec<f64> = figure.lines.iter().map(|l| l.values[t]).collect();
            week.sort_by(f64::total_cmp);
            // The middle 80 %: every participant whose place in the sorted week is within 10–90 %.
            for (i, v) in week.iter().enumerate() {
                let place = i as f64 / (n - 1) as f64;
                if (0.1..=0.9).contains(&place) {
                    assert!(
                        band.p10[t] <= *v && *v <= band.p90[t],
                        "week {t}: {v} outside"
                    );
                }
            }
            assert!(week.iter().filter(|v| **v < band.p10[t]).count() <= tail);
            assert!(week.iter().filter(|v| **v > band.p90[t]).count() <= tail);
        }
        // The room spreads: stopping and keeping a floor part ways after the burst.
        assert!(
            band.p90[60] > band.p10[60],
            "{} vs {}",
            band.p90[60],
            band.p10[60]
        );
    }
    assert_eq!(overlay.best, Some(0));
    assert_eq!(overlay.worst, Some(6));
    assert!(
        overlay.book_loans.lines[0].values[103] >= overlay.book_loans.lines[6].values[103],
        "best ranks first on the book"
    );
}

#[test]
fn the_rooms_band_is_the_type_7_percentiles_across_participants() {
    use cadence::scenario::classroom::overlay::room_band;
    // Eleven participants holding 0, 1, …, 10 in every week: P10 = 1, P50 = 5, P90 = 9.
    let lines: Vec<Vec<f64>> = (0..11).map(|v| vec![f64::from(v); 3]).collect();
    let slices: Vec<&[f64]> = lines.iter().map(Vec::as_slice).collect();
    let band = room_band(&slices);
    assert_eq!(band.p10, vec![1.0; 3]);
    assert_eq!(band.p50, vec![5.0; 3]);
    assert_eq!(band.p90, vec![9.0; 3]);
    // Across participants, not across weeks: a rising room keeps the order of each week.
    let rising: Vec<Vec<f64>> = (0..5)
        .map(|v| vec![f64::from(v), f64::from(v) + 10.0])
        .collect();
    let slices: Vec<&[f64]> = rising.iter().map(Vec::as_slice).collect();
    let band = room_band(&slices);
    assert!(
        (band.p10[0] - 0.4).abs() < 1e-12 && (band.p90[1] - 13.6).abs() < 1e-12,
        "{band:?}"
    );
    let one = room_band(&[&[3.0, 4.0][..]]);
    assert_eq!((one.p10, one.p90), (vec![3.0, 4.0], vec![3.0, 4.0]));
}

#[test]
fn the_command_lines_decisions_csv_is_the_pages_every_decision_file() {
    use cadence::scenario::classroom::replay::decisions_csv;
    let (join, keep, stop) = cli_room();
    let out = cadence(&[
        "classroom",
        "debrief",
        &join,
        &keep,
        &stop,
        "--decisions-csv",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = Session::decode(&join).expect("a join link");
    let hand_ins = vec![("a".to_owned(), keep), ("b".to_owned(), stop)];
    let room = collect(&s, &hand_ins, Score::BookEnd);
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        decisions_csv(&room)
    );
    assert_eq!(
        decisions_csv(&room),
        "name,week,decision,hours\nLi Lei,21,floor,4\nHan Meimei,21,stop,\n"
    );
}

/// The session file's golden copy of version 1 (issue 19): two rounds of the [`session`] above,
/// round 1 with a hand-in altered inside the file.
const SESSION_GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/session-v1/two-rounds.json"
);

/// The golden file's rounds: round 1 is Ana, Bo and an altered copy of Bo's hand-in; round 2 is
/// Ana and Bo again, Bo keeping prospecting this time.
fn golden_rounds(s: &Session) -> Vec<Vec<(String, String)>> {
    let hand_in = |name: &str, decisions: Vec<Decision>| {
        format!(
            "https://cadence.example/#{}",
            HandIn {
                session_id: s.id(),
                name: name.to_owned(),
                through_week: 103,
                decisions,
            }
            .encode()
        )
    };
    let floor = Decision {
        week: 0,
        kind: Move::Floor,
        tenths_of_hours: 40,
    };
    let stop = Decision {
        week: 6,
        kind: Move::Stop,
        tenths_of_hours: 0,
    };
    let bo = hand_in("Bo", vec![stop]);
    // One character of the payload changed: the checksum no longer holds.
    let mut altered = bo.clone().into_bytes();
    let at = altered.len() - 10;
    altered[at] = if altered[at] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).expect("ASCII");
    vec![
        vec![
            ("line 1".to_owned(), hand_in("Ana", vec![floor])),
            ("bo.txt 1".to_owned(), bo),
            ("line 2".to_owned(), altered),
        ],
        vec![
            ("line 1".to_owned(), hand_in("Ana", vec![floor])),
            ("line 2".to_owned(), hand_in("Bo", vec![floor])),
        ],
    ]
}

#[test]
fn issue_19_a_session_file_round_trips_and_its_hand_ins_are_replayed_not_read() {
    use cadence::scenario::classroom::session_file::{self, SessionFile};
    let s = session();
    let link = format!("https://cadence.example/#{}", s.encode());
    let rounds = golden_rounds(&s);
    let text = session_file::write(&s, &link, Score::Profit, &rounds);
    let read = session_file::read(&text).expect("reads back");
    assert_eq!(
        read,
        SessionFile {
            session: s.clone(),
            link: link.clone(),
            score: Score::Profit,
            rounds: rounds.clone(),
        }
    );
    assert_eq!(
        session_file::write(&read.session, &read.link, read.score, &read.rounds),
        text,
        "written again, the same bytes"
    );
    // The altered hand-in inside the file is refused by the replay, with the usual reason; the
    // others are the rooms a direct collection of the same hand-ins gives.
    let round1 = collect(&read.session, &read.rounds[0], read.score);
    assert_eq!(round1.standings.len(), 2);
    assert_eq!(round1.refused.len(), 1);
    assert_eq!(round1.refused[0].source, "line 2");
    assert_eq!(
        round1.refused[0].error,
        cadence::scenario::classroom::ClassroomError::Altered
    );
    let direct = collect(&s, &rounds[0], Score::Profit);
    let figures = |room: &cadence::scenario::classroom::replay::Room| {
        room.standings
            .iter()
            .map(|st| (st.hand_in.name.clone(), st.figures))
            .collect::<Vec<_>>()
    };
    assert_eq!(figures(&round1), figures(&direct));
}

#[test]
fn issue_19_the_golden_session_file_of_version_1_opens_and_writes_back() {
    use cadence::scenario::classroom::session_file;
    if std::env::var_os("CADENCE_UPDATE_GOLDEN").is_some() {
        let s = session();
        let link = format!("https://cadence.example/#{}", s.encode());
        let text = session_file::write(&s, &link, Score::Profit, &golden_rounds(&s));
        std::fs::write(SESSION_GOLDEN, text).expect("golden written");
    }
    let golden = std::fs::read_to_string(SESSION_GOLDEN).expect("golden session file");
    let read = session_file::read(&golden).expect("the golden file opens");
    assert_eq!(read.session, session());
    assert_eq!(read.score, Score::Profit);
    assert_eq!(read.rounds, golden_rounds(&session()));
    assert_eq!(
        session_file::write(&read.session, &read.link, read.score, &read.rounds),
        golden
    );
    let rooms: Vec<_> = read
        .rounds
        .iter()
        .map(|r| collect(&read.session, r, read.score))
        .collect();
    let names = |i: usize| {
        rooms[i]
            .standings
            .iter()
            .map(|st| st.hand_in.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(0), ["Ana", "Bo"], "stopping in week 7 ranks last");
    assert_eq!(rooms[0].refused.len(), 1);
    assert_eq!(rooms[1].refused.len(), 0);
    // Bo kept prospecting in round 2: the same run as Ana's.
    assert_eq!(rooms[1].standings[0].figures, rooms[1].standings[1].figures);
    assert!(rooms[1].standings[1].figures.profit_cny > rooms[0].standings[1].figures.profit_cny);
}

#[test]
fn issue_19_a_damaged_or_foreign_session_file_is_refused_with_a_reason() {
    use cadence::i18n::Lang;
    use cadence::scenario::classroom::session_file::{self, Part, SessionFileError};
    let golden = std::fs::read_to_string(SESSION_GOLDEN).expect("golden session file");
    let mut value: Value = serde_json::from_str(&golden).expect("JSON");
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = value.clone();
        edit(&mut v);
        session_file::read(&v.to_string())
    };
    let cases: Vec<(Result<_, SessionFileError>, SessionFileError, &str, &str)> = vec![
        (
            session_file::read(&golden[..golden.len() / 2]),
            SessionFileError::NotJson,
            "it is not JSON",
            "不是 JSON",
        ),
        (
            session_file::read(r#"{"version": 3, "scenario": {}}"#),
            SessionFileError::Foreign,
            "not a Cadence classroom session file",
            "不是 Cadence 课堂存档",
        ),
        (
            with(&|v| v["version"] = Value::from(2)),
            SessionFileError::Newer(2),
            "newer Cadence (format 2)",
            "更新版本",
        ),
        (
            with(&|v| v["session"] = Value::from("https://cadence.example/#join=AAAA")),
            SessionFileError::Link(cadence::scenario::classroom::ClassroomError::Truncated),
            "The session link in this file was refused: The link is cut short",
            "此存档中的课堂链接被拒绝：链接被截断",
        ),
        (
            with(&|v| v["session_id"] = Value::from("00000000")),
            SessionFileError::Damaged(Part::SessionId),
            "damaged: the session id",
            "已损坏：课堂编号",
        ),
        (
            with(&|v| v["score"] = Value::from("luck")),
            SessionFileError::Damaged(Part::Score),
            "damaged: the score the room is ranked on is missing",
            "排名依据缺失",
        ),
        (
            with(&|v| v["rounds"][1]["hand_ins"][0]["text"] = Value::from(7)),
            SessionFileError::Damaged(Part::HandIn(2, 1)),
            "hand-in 1 of round 2 is missing or unreadable",
            "第 2 轮的第 1 份提交缺失或无法读取",
        ),
    ];
    for (got, error, en, zh) in cases {
        assert_eq!(got.as_ref().err(), Some(&error));
        let (in_en, in_zh) = (error.message(Lang::En), error.message(Lang::Zh));
        assert!(in_en.contains(en), "{in_en}");
        assert!(in_zh.contains(zh), "{in_zh}");
        for words in [&in_en, &in_zh] {
            assert!(
                !words.contains("rounds[") && !words.contains("String"),
                "{words}"
            );
        }
    }
    value["format"] = Value::from("cadence-library");
    assert_eq!(
        session_file::read(&value.to_string()),
        Err(SessionFileError::Foreign)
    );
}
