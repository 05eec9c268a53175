//! Trainer mode's play clock, which walks a room through the weeks of the current scenario.
//!
//! The clock only decides how many weeks the charts draw; the run itself is always the whole
//! horizon, computed by the engine from the scenario and its decision log.

/// Play speeds, in weeks per second.
pub const SPEEDS: [f64; 5] = [0.5, 1.0, 2.0, 4.0, 8.0];
/// The speed a new session plays at (2 weeks a second: a two-year run takes under a minute).
const DEFAULT_SPEED: usize = 2;

/// The play clock.
// Playing, presenter view, the shortcuts list and auto-play are independent switches.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq)]
pub struct Play {
    /// The current week t (0-based); the charts draw weeks 0..=t.
    pub week: u32,
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Large type, high contrast, only the stage.
    pub presenter: bool,
    /// Whether the keyboard shortcuts are listed.
    pub shortcuts: bool,
    /// Whether "Replay from week 1" plays at once; otherwise it waits for Space.
    pub autoplay: bool,
    /// The preset (id, policy variant) put on the stage from the gallery, if that is what plays.
    pub lesson: Option<(String, usize)>,
}

impl Default for Play {
    fn default() -> Self {
        Play {
            week: 0,
            playing: false,
            speed: DEFAULT_SPEED,
            presenter: false,
            shortcuts: false,
            autoplay: false,
            lesson: None,
        }
    }
}

/// What the clock's controls and keys do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayAction {
    /// Play, or pause; playing from the last week starts again at week 0.
    Toggle,
    /// One timer tick while playing: the next week, pausing at the last.
    Tick,
    /// One week forward (pauses).
    Forward,
    /// One week back (pauses).
    Back,
    /// Back to week 0 (pauses).
    Rewind,
    /// Jump to a week (pauses).
    Seek(u32),
    SetSpeed(usize),
    SetPresenter(bool),
    SetShortcuts(bool),
    SetAutoplay(bool),
}

impl Play {
    /// Milliseconds between ticks at the current speed.
    #[must_use]
    pub fn tick_ms(&self) -> u32 {
        let speed = SPEEDS[self.speed.min(SPEEDS.len() - 1)];
        (1000.0 / speed).round() as u32
    }

    /// Keeps the week inside a run of `horizon` weeks (after the horizon was shortened).
    #[must_use]
    pub fn clamped(mut self, horizon: u32) -> Play {
        let last = horizon.saturating_sub(1);
        if self.week > last {
            self.week = last;
            self.playing = false;
        }
        self
    }

    /// The clock after `action`, for a run of `horizon` weeks.
    #[must_use]
    pub fn apply(&self, action: PlayAction, horizon: u32) -> Play {
        let last = horizon.saturating_sub(1);
        let mut next = self.clone();
        match action {
            PlayAction::Toggle => {
                if self.playing {
                    next.playing = false;
                } else {
                    if self.week >= last {
                        next.week = 0;
                    }
                    next.playing = horizon > 1;
                }
            }
            PlayAction::Tick => {
                if self.playing {
                    next.week = (self.week + 1).min(last);
                    next.playing = next.week < last;
                }
            }
            PlayAction::Forward => {
                next.week = (self.week + 1).min(last);
                next.playing = false;
            }
            PlayAction::Back => {
                next.week = self.week.saturating_sub(1);
                next.playing = false;
            }
            PlayAction::Rewind => {
                next.week = 0;
                next.playing = false;
            }
            PlayAction::Seek(week) => {
                next.week = week.min(last);
                next.playing = false;
            }
            PlayAction::SetSpeed(index) => next.speed = index.min(SPEEDS.len() - 1),
            PlayAction::SetPresenter(on) => next.presenter = on,
            PlayAction::SetShortcuts(on) => next.shortcuts = on,
            PlayAction::SetAutoplay(on) => next.autoplay = on,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playing_walks_to_the_last_week_and_stops() {
        let mut play = Play::default().apply(PlayAction::Toggle, 4);
        assert!(play.playing);
        for expected in 1..=3 {
            play = play.apply(PlayAction::Tick, 4);
            assert_eq!(play.week, expected);
        }
        assert!(!play.playing, "stops at the last week");
        assert_eq!(play.apply(PlayAction::Tick, 4).week, 3);
        let again = play.apply(PlayAction::Toggle, 4);
        assert_eq!(
            (again.week, again.playing),
            (0, true),
            "play at the end starts over"
        );
    }

    #[test]
    fn stepping_pauses_and_stays_inside_the_run() {
        let play = Play::default().apply(PlayAction::Toggle, 10);
        let fwd = play.apply(PlayAction::Forward, 10);
        assert_eq!((fwd.week, fwd.playing), (1, false));
        assert_eq!(fwd.apply(PlayAction::Back, 10).week, 0);
        assert_eq!(Play::default().apply(PlayAction::Back, 10).week, 0);
        assert_eq!(fwd.apply(PlayAction::Seek(99), 10).week, 9);
        assert_eq!(
            fwd.apply(PlayAction::Seek(5), 10)
                .apply(PlayAction::Rewind, 10)
                .week,
            0
        );
        let short = Play {
            week: 9,
            playing: true,
            ..Play::default()
        }
        .clamped(5);
        assert_eq!((short.week, short.playing), (4, false));
    }

    #[test]
    fn speeds_set_the_tick() {
        let play = Play::default();
        assert_eq!(play.tick_ms(), 500);
        assert_eq!(play.apply(PlayAction::SetSpeed(0), 10).tick_ms(), 2000);
        assert_eq!(play.apply(PlayAction::SetSpeed(99), 10).tick_ms(), 125);
    }
}
