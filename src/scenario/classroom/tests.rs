use proptest::prelude::*;

use super::*;

fn session() -> Session {
    Session {
        lesson: "fault".to_owned(),
        variant: 1,
        seed: 42,
        allowed: Move::ALL.to_vec(),
        round_weeks: 1,
        hidden_shocks: true,
        nonce: 7,
    }
}

/// A 52-week game's hand-in with about ten decisions.
fn ten_decisions(session: &Session) -> HandIn {
    let kinds = [Move::Floor, Move::Stop, Move::Resume, Move::SetHours];
    HandIn {
        session_id: session.id(),
        name: "王小明 Wang Xiaoming".to_owned(),
        through_week: 51,
        decisions: (0..10u16)
            .map(|i| {
                let kind = kinds[usize::from(i) % 4];
                Decision {
                    week: i * 5,
                    kind,
                    tenths_of_hours: if kind.has_hours() { 40 + i } else { 0 },
                }
            })
            .collect(),
    }
}

#[test]
fn crc32_is_zlibs() {
    // The check value of CRC-32/ISO-HDLC.
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

#[test]
fn a_session_round_trips_and_its_id_names_it() {
    let s = session();
    let link = format!("https://cadence.example/#{}", s.encode());
    let read = Session::decode(&link).expect("opens");
    assert_eq!(read, s);
    assert_eq!(read.id(), s.id());
    let other = Session {
        nonce: 8,
        ..s.clone()
    };
    assert_ne!(other.id(), s.id());
    assert_eq!(s.id_text().len(), 8);
    // Short enough for a QR code read from the back of the room.
    assert!(s.encode().len() < 60, "{}", s.encode());
}

#[test]
fn a_hand_in_of_a_52_week_game_is_a_few_dozen_bytes() {
    let s = session();
    let h = ten_decisions(&s);
    let fragment = h.encode();
    // 7 framing + 4 id + 2 week + 1 + 23 name + 1 + 10 × 5 = 88 bytes → 118 base64 characters.
    assert_eq!(fragment.len() - HANDIN_KEY.len(), 118);
    assert_eq!(HandIn::decode_for(&format!("#{fragment}"), &s), Ok(h));
}

#[test]
fn refusals_say_why() {
    let s = session();
    let h = ten_decisions(&s);
    let fragment = h.encode();
    assert_eq!(HandIn::decode("#top"), Err(ClassroomError::NotALink));
    assert_eq!(HandIn::decode(&s.encode()), Err(ClassroomError::WrongKind));
    assert_eq!(Session::decode(&fragment), Err(ClassroomError::WrongKind));
    // Cut short at the end.
    for cut in [1, 2, 3, 4, 10, 40] {
        assert_eq!(
            HandIn::decode(&fragment[..fragment.len() - cut]),
            Err(ClassroomError::Truncated),
            "cut {cut}"
        );
    }
    // One character changed in the middle.
    let mut altered = fragment.clone().into_bytes();
    let i = altered.len() / 2;
    altered[i] = if altered[i] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).expect("ascii");
    assert_eq!(HandIn::decode(&altered), Err(ClassroomError::Altered));
    // Another session of the same lesson.
    let other = Session {
        nonce: 99,
        ..s.clone()
    };
    assert_eq!(
        HandIn::decode_for(&fragment, &other),
        Err(ClassroomError::WrongSession)
    );
    // A newer format, sealed properly.
    let mut bytes = BASE64
        .decode(&fragment.as_bytes()[HANDIN_KEY.len()..])
        .expect("base64");
    bytes[0] = 2;
    let n = bytes.len();
    let crc = crc32(&bytes[..n - 4]);
    bytes[n - 4..].copy_from_slice(&crc.to_le_bytes());
    let newer = format!("{HANDIN_KEY}{}", BASE64.encode(&bytes));
    assert_eq!(HandIn::decode(&newer), Err(ClassroomError::NewerFormat(2)));
    // Each refusal its own message, in both languages.
    let errors = [
        ClassroomError::NotALink,
        ClassroomError::WrongKind,
        ClassroomError::Truncated,
        ClassroomError::Altered,
        ClassroomError::NewerFormat(2),
        ClassroomError::WrongSession,
        ClassroomError::UnknownLesson("x".to_owned()),
        ClassroomError::LessonChanged,
        ClassroomError::NotAllowed {
            week: 3,
            kind: Move::Stop,
        },
    ];
    for lang in [Lang::En, Lang::Zh] {
        let messages: std::collections::HashSet<String> =
            errors.iter().map(|e| e.message(lang)).collect();
        assert_eq!(messages.len(), errors.len());
    }
    assert!(ClassroomError::NewerFormat(2)
        .message(Lang::Zh)
        .contains("格式 2"));
    assert_eq!(
        ClassroomError::NotAllowed {
            week: 3,
            kind: Move::Stop
        }
        .message(Lang::En),
        "Week 4: the session does not allow “stop prospecting” then."
    );
}

#[test]
fn the_rules_of_the_session_hold() {
    let s = Session {
        allowed: vec![Move::Floor],
        round_weeks: 4,
        ..session()
    };
    let hand_in = |week: u16, kind: Move| HandIn {
        session_id: s.id(),
        name: "A".to_owned(),
        through_week: 51,
        decisions: vec![Decision {
            week,
            kind,
            tenths_of_hours: 40,
        }],
    };
    assert_eq!(s.admit(&hand_in(8, Move::Floor)), Ok(()));
    assert_eq!(
        s.admit(&hand_in(9, Move::Floor)),
        Err(ClassroomError::NotAllowed {
            week: 9,
            kind: Move::Floor
        })
    );
    assert!(matches!(
        s.admit(&hand_in(8, Move::SetHours)),
        Err(ClassroomError::NotAllowed { .. })
    ));
    assert_eq!(s.decision_weeks(12), vec![0, 4, 8]);
    let mut late = hand_in(8, Move::Floor);
    late.through_week = 4;
    assert_eq!(s.admit(&late), Err(ClassroomError::Invalid(Invalid::Order)));
    let mut far = hand_in(8, Move::Floor);
    far.decisions[0].tenths_of_hours = 2000;
    assert_eq!(s.admit(&far), Err(ClassroomError::Invalid(Invalid::Hours)));
    assert_eq!(
        participant_name("  \u{200B} "),
        Err(ClassroomError::Invalid(Invalid::Name))
    );
    assert_eq!(participant_name("  Li   Lei "), Ok("Li Lei".to_owned()));
    let unknown = Session {
        lesson: "nope".to_owned(),
        ..session()
    };
    assert_eq!(
        Session::decode(&unknown.encode()),
        Err(ClassroomError::UnknownLesson("nope".to_owned()))
    );
}

fn hand_ins() -> impl Strategy<Value = HandIn> {
    let decision = (0u16..52, 0usize..4, 0u16..440).prop_map(|(week, k, tenths)| {
        let kind = Move::ALL[k];
        Decision {
            week,
            kind,
            tenths_of_hours: if kind.has_hours() { tenths } else { 0 },
        }
    });
    (
        any::<u32>(),
        "[a-zA-Z\u{4e00}-\u{4e20}][a-zA-Z \u{4e00}-\u{4e20}]{0,30}[a-z\u{4e00}]",
        proptest::collection::vec(decision, 0..40),
    )
        .prop_map(|(session_id, name, mut decisions)| {
            decisions.sort_by_key(|d| d.week);
            let name = participant_name(&name).unwrap_or_else(|_| "x".to_owned());
            HandIn {
                session_id,
                name,
                through_week: 51,
                decisions,
            }
        })
}

proptest! {
    #[test]
    fn any_hand_in_round_trips(h in hand_ins()) {
        prop_assert_eq!(HandIn::decode(&h.encode()), Ok(h));
    }

    #[test]
    fn any_single_changed_or_removed_character_is_refused(
        h in hand_ins(),
        at in any::<prop::sample::Index>(),
        with in any::<prop::sample::Index>(),
        remove in any::<bool>(),
    ) {
        let fragment = h.encode();
        let data = &fragment[HANDIN_KEY.len()..];
        let i = at.index(data.len());
        let mut chars: Vec<char> = data.chars().collect();
        if remove {
            chars.remove(i);
        } else {
            let alphabet: Vec<char> =
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!*".chars().collect();
            let pick = alphabet[with.index(alphabet.len())];
            prop_assume!(pick != chars[i]);
            chars[i] = pick;
        }
        let damaged = format!("{HANDIN_KEY}{}", chars.into_iter().collect::<String>());
        prop_assert!(HandIn::decode(&damaged).is_err(), "{} accepted", damaged);
    }

    #[test]
    fn any_session_round_trips(
        lesson in prop::sample::select(vec!["steady", "fault", "festival", "floor", "spike", "ramp", "quality"]),
        seed in any::<u64>(),
        mask in 1u8..16,
        round_weeks in 1u8..13,
        hidden in any::<bool>(),
        nonce in any::<u32>(),
    ) {
        let s = Session {
            lesson: lesson.to_owned(),
            variant: 0,
            seed,
            allowed: Move::ALL.into_iter().filter(|m| mask & m.bit() != 0).collect(),
            round_weeks,
            hidden_shocks: hidden,
            nonce,
        };
        prop_assert_eq!(Session::decode(&s.encode()), Ok(s));
    }
}
