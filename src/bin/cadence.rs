//! The `cadence` command line: batch runs of scenario files and presets for analysts, golden tests
//! and benchmarks.
//!
//! ```text
//! cadence presets                       list preset ids and titles
//! cadence example > scenario.json       write the default scenario
//! cadence params [--markdown]           every scenario parameter: path, kind, range, unit, default
//! cadence run <scenario.json | preset:ID> [--mode ev|mc] [--runs N] [--seed S] [--csv FILE]
//! cadence plan <scenario.json | preset:ID> [--target N] [--by-week W] [--min-quality S]
//!              [--max-hours H] [--cash-budget CNY] [--objective fewest_hours|most_profit]
//!              [--weeks N] [--floor-share F] [--keep-mix] [--weekly-change H] [--block H]
//!              [--team-calendar] [--start-date YYYY-MM-DD] [--lang en|zh] [--csv FILE] [--ics FILE]
//! cadence track <scenario.json | preset:ID> --actuals FILE [--start-date YYYY-MM-DD]
//! cadence sensitivity <scenario.json | preset:ID> [--outcome ID] [--spread S] [--csv FILE]
//!                     [--sobol N] [--seed S]
//! cadence book FILE [--as-of YYYY-MM-DD] [--map COLUMN=FIELD …] [--tier LABEL=TIER …]
//!              [--status WORD=STATUS …] [--scenario <scenario.json | preset:ID>] [--out FILE]
//! cadence backtest FILE [--from YYYY-MM-DD] [--as-of YYYY-MM-DD] [--runs N] [--seed S] [book's options]
//! cadence calibrate BOOK [--activity FILE] [--as-of YYYY-MM-DD] [--mapping FILE]
//!              [--scenario <scenario.json | preset:ID>] [--out FILE] [--today YYYY-MM-DD]
//! cadence classroom open|handin|debrief …  (see `classroom.rs`)
//! cadence sample-team DIR
//! ```
//!
//! `book` reads a loan-book export (CSV in UTF-8 or GB18030, or Excel) and prints the column
//! mapping, the row report, the starting book on "as of" and the fitted rates beside the
//! scenario's defaults as JSON; a file with no usable table or mapping exits with status 2 and the
//! problem in words on stderr. `--out` writes the scenario starting from that book
//! (`init = "custom"`, `team.initial_book`). `backtest` fits the rates from the loans known on
//! `--from` (default 26 weeks before the last date), starts the model from that day's book, runs
//! it to the last date (`--as-of`) and prints every week's actual, EV, P10 and P90 of active
//! loans, new loans and renewals with the weeks inside the band (`--runs`, default 1000, from
//! `--seed`, default the scenario's) as JSON.
//!
//! `calibrate` fits every rate the book (and the optional weekly activity file) speaks to and
//! prints each estimate at its parameter's path with its 90 % interval and count beside the
//! scenario's value, the activity file's channels and approval, and what the data cannot identify;
//! `--out` writes the scenario starting from the book with every estimate that is not thin set and
//! recorded in its `sources` (fitted on `--today`, else the system's date, UTC). `--mapping FILE`
//! holds corrections one a line: `COLUMN = FIELD`, `tier: LABEL = TIER`, `status: WORD = STATUS`
//! (`#` starts a comment; see `scenario::book::calibrate::read_mapping`), applied after `book`'s
//! `--map`, `--tier` and `--status`, which `calibrate` takes too.
//!
//! `run` prints a JSON summary on stdout; `plan` prints the plan — its mix beside the current one,
//! the verdict of simulating it, its summary and every week — starting from the goal the scenario
//! carries (its `plan` section), with the options overriding it (an infeasible goal is an answer,
//! with its shortfall and the closest plan, not an error). `track` sets a CSV of weekly actuals
//! beside the scenario's EV path (or its plan's, when it has a `plan` section) and prints the
//! gaps, the early-warning indicators and state of every reported week and the first warning week;
//! actuals that cannot be read exit with status 2, every problem in words (row, column) on
//! stderr. An invalid scenario exits with status 2 and prints every
//! error as JSON on stderr, nothing on stdout; usage and file errors exit with status 1.

#[path = "cadence/classroom.rs"]
mod classroom;

use std::process::ExitCode;

use chrono::Datelike;

use cadence::engine::montecarlo::{McOptions, McPlan};
use cadence::engine::params::{Mode, Params};
use cadence::engine::plan::{self, Objective, PlanError, PlanGoal, TargetPath};
use cadence::engine::sensitivity::{self, Outcome, DEFAULT_SPREAD};
use cadence::engine::warning::{self, Reference};
use cadence::engine::{presets, run_ev, validate, ParamError};
use cadence::i18n::Lang;
use cadence::scenario::{self, actuals, output, plan_out, sensitivity_out, spec_out, track_out};

const USAGE: &str = "usage:
  cadence presets
  cadence example > scenario.json
  cadence params [--markdown]
  cadence run <scenario.json | preset:ID> [--mode ev|mc] [--runs N] [--seed S] [--csv FILE]
  cadence plan <scenario.json | preset:ID> [--target N] [--by-week W] [--min-quality S]
               [--max-hours H] [--cash-budget CNY] [--objective fewest_hours|most_profit]
               [--weeks N] [--floor-share F] [--keep-mix] [--weekly-change H] [--block H]
               [--team-calendar] [--start-date YYYY-MM-DD] [--lang en|zh] [--csv FILE] [--ics FILE]
  cadence track <scenario.json | preset:ID> --actuals FILE [--start-date YYYY-MM-DD]
  cadence sensitivity <scenario.json | preset:ID> [--outcome book_end|yearly_profit|new_loans|fault_depth|h_star]
               [--spread S] [--csv FILE] [--sobol N] [--seed S]
  cadence book FILE [--as-of YYYY-MM-DD] [--map COLUMN=FIELD ...] [--tier LABEL=prime|standard|marginal ...]
               [--status WORD=active|repaid|written_off ...] [--scenario <scenario.json | preset:ID>]
               [--out scenario.json]
  cadence backtest FILE [--from YYYY-MM-DD] [--as-of YYYY-MM-DD] [--runs N] [--seed S]
               [book's --map, --tier, --status, --scenario]
  cadence classroom open|handin|debrief ...  (cadence classroom for its options)
  cadence calibrate BOOK [--activity FILE] [--as-of YYYY-MM-DD] [--mapping FILE]
                    [--scenario <scenario.json | preset:ID>] [--out FILE] [--today YYYY-MM-DD]
                    [book's --map, --tier, --status]
  cadence sample-team DIR   (writes the sample team's loan book, activity file and README)";

/// Why the command stopped.
enum Failure {
    /// Wrong arguments, an unreadable file or an unwritable CSV: exit 1.
    Usage(String),
    /// The scenario did not validate: exit 2, errors already as JSON.
    Invalid(String),
}

/// What `run` was asked to do.
struct RunRequest {
    source: String,
    mode: Option<Mode>,
    runs: Option<f64>,
    seed: Option<u64>,
    csv: Option<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("presets") if args.len() == 1 => {
            list_presets();
            Ok(())
        }
        Some("example") if args.len() == 1 => {
            print!("{}", scenario::example());
            Ok(())
        }
        Some("params") => params(&args[1..]),
        Some("run") => parse_run(&args[1..]).and_then(|request| run(&request)),
        Some("plan") => parse_plan(&args[1..]).and_then(|request| run_plan(&request)),
        Some("track") => parse_track(&args[1..])
            .and_then(|(source, actuals, week0)| track(&source, &actuals, week0)),
        Some("sensitivity") => sensitivity(&args[1..]),
        Some("book") => book(&args[1..]),
        Some("backtest") => backtest(&args[1..]),
        Some("sample-team") => sample_team(&args[1..]),
        Some("calibrate") => calibrate(&args[1..]),
        Some("classroom") => classroom::run(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(Failure::Usage(USAGE.to_owned())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
        Err(Failure::Invalid(errors)) => {
            eprintln!("{errors}");
            ExitCode::from(2)
        }
    }
}

/// The parameter spec: JSON for tools, or the markdown tables of docs/scenario-format.md.
fn params(args: &[String]) -> Result<(), Failure> {
    match args {
        [] => print!("{}", spec_out::json()),
        [flag] if flag == "--markdown" => print!("{}", spec_out::markdown_all()),
        _ => return Err(Failure::Usage(USAGE.to_owned())),
    }
    Ok(())
}

fn list_presets() {
    for preset in presets::all() {
        println!("{:<10}{}", preset.id(), preset.text.title);
    }
}

fn parse_run(args: &[String]) -> Result<RunRequest, Failure> {
    let mut request = RunRequest {
        source: String::new(),
        mode: None,
        runs: None,
        seed: None,
        csv: None,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("{flag} needs a value\n{USAGE}")))
        };
        match arg.as_str() {
            "--mode" => {
                request.mode = Some(match value("--mode")?.as_str() {
                    "ev" => Mode::Ev,
                    "mc" => Mode::Mc,
                    other => {
                        return Err(Failure::Usage(format!("--mode is ev or mc, not {other}")))
                    }
                });
            }
            "--runs" => {
                let text = value("--runs")?;
                request.runs =
                    Some(text.parse::<f64>().map_err(|_| {
                        Failure::Usage(format!("--runs needs a number, not {text}"))
                    })?);
            }
            "--seed" => {
                let text = value("--seed")?;
                request.seed = Some(text.parse::<u64>().map_err(|_| {
                    Failure::Usage(format!("--seed needs a whole number, not {text}"))
                })?);
            }
            "--csv" => request.csv = Some(value("--csv")?),
            other => take_source(other, &mut request.source)?,
        }
    }
    require_source(&request.source, "run")?;
    Ok(request)
}

/// A command's argument that is not a known option: an unknown `--flag`, the scenario (the first
/// positional argument), or one too many.
fn take_source(arg: &str, source: &mut String) -> Result<(), Failure> {
    if arg.starts_with("--") {
        Err(Failure::Usage(format!("unknown option {arg}\n{USAGE}")))
    } else if source.is_empty() {
        arg.clone_into(source);
        Ok(())
    } else {
        Err(Failure::Usage(format!(
            "unexpected argument {arg}\n{USAGE}"
        )))
    }
}

/// Fails when `command` was given no scenario.
fn require_source(source: &str, command: &str) -> Result<(), Failure> {
    if source.is_empty() {
        return Err(Failure::Usage(format!(
            "{command} needs a scenario file or preset:ID\n{USAGE}"
        )));
    }
    Ok(())
}

/// The scenario named by the request (a preset or a file), with the errors met reading it.
fn load_params(source: &str) -> Result<(Params, Vec<ParamError>), Failure> {
    if let Some(id) = source.strip_prefix("preset:") {
        return presets::get(id)
            .map(|p| (p.params, Vec::new()))
            .ok_or_else(|| {
                let ids: Vec<&str> = presets::TEXTS.iter().map(|t| t.id).collect();
                Failure::Usage(format!("no preset {id}; presets are {}", ids.join(", ")))
            });
    }
    let text = read_capped(source)?;
    match scenario::parse_partial(&text) {
        (Some(params), errors) => Ok((params, errors)),
        (None, errors) => Err(Failure::Invalid(output::errors_to_json(&errors))),
    }
}

/// Largest scenario file read, in bytes: far above any real scenario (a few kilobytes), far below
/// what would exhaust memory (`/dev/zero`, a mistaken path) (issue 22).
const MAX_INPUT_BYTES: u64 = 5 * 1024 * 1024;

/// Reads a scenario file, refusing one larger than [`MAX_INPUT_BYTES`] without reading it all.
fn read_capped(source: &str) -> Result<String, Failure> {
    use std::io::Read;
    let file = std::fs::File::open(source)
        .map_err(|e| Failure::Usage(format!("cannot read {source}: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Usage(format!("cannot read {source}: {e}")))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Failure::Usage(format!(
            "{source} is larger than 5 MB; a scenario file is a few kilobytes"
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| Failure::Usage(format!("cannot read {source}: it is not UTF-8 text")))
}

fn run(request: &RunRequest) -> Result<(), Failure> {
    let (mut params, mut errors) = load_params(&request.source)?;
    if let Some(mode) = request.mode {
        params.run.mode = mode;
    }
    if let Some(runs) = request.runs {
        params.run.runs = runs;
    }
    if let Some(seed) = request.seed {
        params.run.seed = seed;
    }
    // Every error in one report: those met reading the file, then those of validation.
    let vp = match validate(&params) {
        Ok(vp) if errors.is_empty() => vp,
        Ok(_) => return Err(Failure::Invalid(output::errors_to_json(&errors))),
        Err(more) => {
            errors.extend(more);
            return Err(Failure::Invalid(output::errors_to_json(&errors)));
        }
    };
    let (summary, csv) = match params.run.mode {
        Mode::Ev => {
            let out = run_ev(&vp);
            (
                output::RunSummary::ev(&request.source, &vp, &out),
                output::ev_csv(&out),
            )
        }
        Mode::Mc => {
            let options = McOptions::from_scenario(&vp);
            let out = McPlan::new(&vp, options).run_all();
            (
                output::RunSummary::mc(&request.source, &vp, &out, options.seed),
                output::mc_csv(&out),
            )
        }
    };
    if let Some(path) = &request.csv {
        std::fs::write(path, csv)
            .map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))?;
    }
    print!("{}", summary.to_json());
    Ok(())
}

/// `sensitivity`: the tornado of the scenario's levers as JSON on stdout (and CSV), with the time it
/// took on stderr (issue 21).
fn sensitivity(args: &[String]) -> Result<(), Failure> {
    let mut source = String::new();
    let mut outcome = Outcome::BookEnd;
    let mut spread = DEFAULT_SPREAD;
    let mut csv = None;
    let mut sobol_n = None;
    let mut seed = 1u64;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("{flag} needs a value\n{USAGE}")))
        };
        match arg.as_str() {
            "--outcome" => {
                let id = value(arg)?;
                outcome = Outcome::from_id(&id).ok_or_else(|| {
                    let ids: Vec<&str> = Outcome::ALL.iter().map(|o| o.id()).collect();
                    Failure::Usage(format!("--outcome is one of {}, not {id}", ids.join(", ")))
                })?;
            }
            "--spread" => {
                let text = value(arg)?;
                spread = text
                    .parse::<f64>()
                    .ok()
                    .filter(|s| (0.0..1.0).contains(s))
                    .ok_or_else(|| {
                        Failure::Usage(format!(
                            "--spread needs a share from 0 to below 1 (0.2 is ±20 %), not {text}"
                        ))
                    })?;
            }
            "--csv" => csv = Some(value(arg)?),
            "--sobol" => {
                let text = value(arg)?;
                sobol_n = Some(
                    text.parse::<usize>()
                        .ok()
                        .filter(|n| (2..=100_000).contains(n))
                        .ok_or_else(|| {
                            Failure::Usage(format!(
                                "--sobol needs a whole number of samples from 2 to 100000, not {text}"
                            ))
                        })?,
                );
            }
            "--seed" => {
                let text = value(arg)?;
                seed = text.parse::<u64>().map_err(|_| {
                    Failure::Usage(format!("--seed needs a whole number, not {text}"))
                })?;
            }
            other => take_source(other, &mut source)?,
        }
    }
    require_source(&source, "sensitivity")?;
    let (params, errors) = load_params(&source)?;
    if !errors.is_empty() {
        return Err(Failure::Invalid(output::errors_to_json(&errors)));
    }
    let started = std::time::Instant::now();
    let tornado = sensitivity::tornado(&params, outcome, spread)
        .map_err(|errors| Failure::Invalid(output::errors_to_json(&errors)))?;
    let elapsed = started.elapsed();
    if let Some(path) = &csv {
        std::fs::write(path, sensitivity_out::csv(&tornado))
            .map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))?;
    }
    let mut out = sensitivity_out::TornadoOut::of(&source, &tornado);
    eprintln!(
        "tornado of {} levers ({} moved scenarios) in {:.1} ms",
        tornado.bars.len(),
        2 * tornado.bars.len(),
        elapsed.as_secs_f64() * 1e3
    );
    if let Some(n) = sobol_n {
        let started = std::time::Instant::now();
        let importance = cadence::engine::sobol::levers(&params, outcome, spread, n, seed);
        let sobol = sensitivity_out::SobolOut::of(&importance);
        eprintln!(
            "Sobol indices from {} evaluations in {:.1} s",
            sobol.evaluations,
            started.elapsed().as_secs_f64()
        );
        out.sobol = Some(sobol);
    }
    print!("{}", out.to_json());
    Ok(())
}

/// What `plan` was asked to do; goal values left out come from the scenario.
#[derive(Default)]
struct PlanRequest {
    source: String,
    target: Option<f64>,
    by_week: Option<f64>,
    min_quality: Option<f64>,
    max_hours: Option<f64>,
    cash_budget: Option<f64>,
    objective: Option<Objective>,
    weeks: Option<f64>,
    floor_share: Option<f64>,
    keep_mix: bool,
    weekly_change: Option<f64>,
    block: Option<f64>,
    team_calendar: bool,
    start_date: Option<chrono::NaiveDate>,
    lang: Option<Lang>,
    csv: Option<String>,
    ics: Option<String>,
}

fn parse_plan(args: &[String]) -> Result<PlanRequest, Failure> {
    let mut request = PlanRequest::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("{flag} needs a value\n{USAGE}")))
        };
        let number = |flag: &str, text: String| {
            text.parse::<f64>()
                .map_err(|_| Failure::Usage(format!("{flag} needs a number, not {text}")))
        };
        match arg.as_str() {
            "--target" => request.target = Some(number(arg, value(arg)?)?),
            "--by-week" => request.by_week = Some(number(arg, value(arg)?)?),
            "--min-quality" => request.min_quality = Some(number(arg, value(arg)?)?),
            "--max-hours" => request.max_hours = Some(number(arg, value(arg)?)?),
            "--cash-budget" => request.cash_budget = Some(number(arg, value(arg)?)?),
            "--weeks" => request.weeks = Some(number(arg, value(arg)?)?),
            "--floor-share" => request.floor_share = Some(number(arg, value(arg)?)?),
            "--keep-mix" => request.keep_mix = true,
            "--weekly-change" => request.weekly_change = Some(number(arg, value(arg)?)?),
            "--block" => request.block = Some(number(arg, value(arg)?)?),
            "--team-calendar" => request.team_calendar = true,
            "--objective" => {
                request.objective = Some(match value(arg)?.as_str() {
                    "fewest_hours" => Objective::FewestHours,
                    "most_profit" => Objective::MostProfit,
                    other => {
                        return Err(Failure::Usage(format!(
                            "--objective is fewest_hours or most_profit, not {other}"
                        )))
                    }
                });
            }
            "--start-date" => {
                let text = value(arg)?;
                request.start_date = Some(
                    scenario::library::parse_date(&text)
                        .filter(|d| d.weekday() == chrono::Weekday::Mon)
                        .ok_or_else(|| {
                            Failure::Usage(format!(
                                "--start-date needs a Monday as YYYY-MM-DD, not {text}"
                            ))
                        })?,
                );
            }
            "--lang" => {
                request.lang = Some(match value(arg)?.as_str() {
                    "en" => Lang::En,
                    "zh" => Lang::Zh,
                    other => {
                        return Err(Failure::Usage(format!("--lang is en or zh, not {other}")))
                    }
                });
            }
            "--csv" => request.csv = Some(value(arg)?),
            "--ics" => request.ics = Some(value(arg)?),
            other => take_source(other, &mut request.source)?,
        }
    }
    require_source(&request.source, "plan")?;
    Ok(request)
}

/// Today (UTC) from the system clock: the command line's own reading of "now".
fn now_utc() -> chrono::NaiveDateTime {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
        .unwrap_or_default()
        .naive_utc()
}

fn run_plan(request: &PlanRequest) -> Result<(), Failure> {
    let (params, mut errors) = load_params(&request.source)?;
    let vp = match validate(&params) {
        Ok(vp) if errors.is_empty() => vp,
        Ok(_) => return Err(Failure::Invalid(output::errors_to_json(&errors))),
        Err(more) => {
            errors.extend(more);
            return Err(Failure::Invalid(output::errors_to_json(&errors)));
        }
    };
    let mut goal = params
        .plan
        .clone()
        .unwrap_or_else(|| PlanGoal::for_scenario(&vp));
    let target = request.target.unwrap_or(goal.target.final_loans());
    goal.target = match (request.by_week, goal.target) {
        (Some(by_week), _) | (None, TargetPath::Growth { by_week, .. }) => TargetPath::Growth {
            loans_per_am: target,
            by_week,
        },
        (None, TargetPath::Flat { .. }) => TargetPath::Flat {
            loans_per_am: target,
        },
    };
    if let Some(share) = request.min_quality {
        goal.min_quality_share = share;
    }
    if let Some(hours) = request.max_hours {
        goal.max_prospecting_hours = hours;
    }
    if request.cash_budget.is_some() {
        goal.cash_budget_cny = request.cash_budget;
    }
    if request.keep_mix {
        goal.mix = plan::MixChoice::Keep;
    }
    if let Some(hours) = request.weekly_change {
        goal.max_weekly_change_hours = hours;
    }
    if let Some(hours) = request.block {
        goal.block_hours = hours;
    }
    if request.team_calendar {
        goal.calendar_per_team = true;
    }
    if let Some(objective) = request.objective {
        goal.objective = objective;
    }
    if let Some(weeks) = request.weeks {
        goal.weeks = weeks;
    }
    if let Some(share) = request.floor_share {
        goal.floor_share = share;
    }
    let summary = match plan::plan(&vp, &goal) {
        Ok(plan) => {
            let now = now_utc();
            let start = request.start_date.unwrap_or_else(|| {
                cadence::scenario::nearest_week_start(params.team.start_week, now.date())
            });
            let lang = request.lang.unwrap_or_default();
            if let Some(path) = &request.csv {
                std::fs::write(path, plan_out::plan_csv(&plan, start, lang))
                    .map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))?;
            }
            if let Some(path) = &request.ics {
                std::fs::write(path, plan_out::plan_ics(&plan, start, lang, now))
                    .map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))?;
            }
            plan_out::PlanJson::of_plan(&request.source, &plan, start)
        }
        Err(PlanError::Infeasible { shortfall }) => plan_out::PlanJson::of_infeasible(
            &request.source,
            &goal,
            plan::current_mix(&vp, goal.target.final_loans()).as_ref(),
            shortfall,
        ),
        Err(other) => {
            let errors = plan_out::plan_errors(&other).unwrap_or_default();
            return Err(Failure::Invalid(output::errors_to_json(&errors)));
        }
    };
    print!("{}", summary.to_json());
    Ok(())
}

/// `track`'s scenario, actuals file and the Monday of week 0 (for an activity file's dates).
fn parse_track(args: &[String]) -> Result<(String, String, Option<chrono::NaiveDate>), Failure> {
    let (mut source, mut actuals_path, mut week0) = (String::new(), None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--actuals" => {
                actuals_path =
                    Some(rest.next().cloned().ok_or_else(|| {
                        Failure::Usage(format!("--actuals needs a value\n{USAGE}"))
                    })?);
            }
            "--start-date" => {
                let text = rest.next().map_or("", String::as_str);
                week0 = Some(
                    scenario::library::parse_date(text)
                        .filter(|d| d.weekday() == chrono::Weekday::Mon)
                        .ok_or_else(|| {
                            Failure::Usage(format!(
                                "--start-date needs a Monday as YYYY-MM-DD, not {text}"
                            ))
                        })?,
                );
            }
            other => take_source(other, &mut source)?,
        }
    }
    require_source(&source, "track")?;
    let actuals_path = actuals_path
        .ok_or_else(|| Failure::Usage(format!("track needs --actuals FILE\n{USAGE}")))?;
    Ok((source, actuals_path, week0))
}

/// The actuals beside the scenario's EV path, or its plan's when it carries a goal.
fn track(
    source: &str,
    actuals_path: &str,
    week0: Option<chrono::NaiveDate>,
) -> Result<(), Failure> {
    let (params, errors) = load_params(source)?;
    let vp = match validate(&params) {
        Ok(vp) if errors.is_empty() => vp,
        Ok(_) => return Err(Failure::Invalid(output::errors_to_json(&errors))),
        Err(more) => {
            let mut errors = errors;
            errors.extend(more);
            return Err(Failure::Invalid(output::errors_to_json(&errors)));
        }
    };
    let text = read_capped(actuals_path)?;
    // With a plan section the plan's own weeks are what the team follows.
    let path = warning::tracked_path(&vp, params.plan.as_ref()).map_err(|e| match e {
        PlanError::Scenario(errors) => Failure::Invalid(output::errors_to_json(&errors)),
        e => Failure::Usage(format!("the scenario's plan cannot be solved: {e:?}")),
    })?;
    let (tracked, reference) = (&path.vp, &path.reference);
    let compared_with = match path.compared_with {
        warning::ComparedWith::Plan => "plan",
        warning::ComparedWith::Scenario => "scenario",
    };
    // Checked against the horizon of the path they are set beside (a plan's may be shorter).
    let horizon = tracked.schedule().weeks.len();
    let frame = actuals::Frame {
        horizon_weeks: horizon,
        week0,
        ams: params.team.ams,
    };
    let actuals = actuals::parse(&text, &frame).map_err(|errors| {
        Failure::Invalid(format!(
            "{actuals_path}:\n{}",
            actuals::errors_in_words(&errors)
        ))
    })?;
    let tracking = warning::track(tracked, reference, &actuals);
    let mut summary =
        track_out::TrackSummary::new(source, compared_with, reference, &actuals, &tracking);
    if let Some(goal) = &params.plan {
        summary.replan = replan(&params, goal, reference, actuals.weeks());
    }
    print!("{}", summary.to_json());
    Ok(())
}

/// The plan's goal solved again from the week after the last reported one
/// (`warning::replan_scenario`), timed; `None` when it cannot be solved.
fn replan(
    params: &Params,
    goal: &PlanGoal,
    reference: &Reference,
    upto: &[cadence::engine::actuals::WeekActuals],
) -> Option<track_out::ReplanOut> {
    let last = upto.last()?;
    let (again, goal) = warning::replan_scenario(params, goal, reference, upto)?;
    let book_per_am = again.team.init_loans_per_am?;
    let vp = validate(&again).ok()?;
    let started = std::time::Instant::now();
    let solved = plan::plan(&vp, &goal).ok()?;
    let solve_ms = (started.elapsed().as_secs_f64() * 10_000.0).round() / 10.0;
    Some(track_out::ReplanOut {
        from_week: last.week + 1,
        start_loans_per_am: (book_per_am * 1000.0).round() / 1000.0,
        meets_goal: solved.verdict.met,
        end_loans_per_am: (solved.verdict.end_loans_per_am * 1000.0).round() / 1000.0,
        hours: solved
            .cadence
            .weeks
            .iter()
            .map(|w| (w.planned_hours * 1000.0).round() / 1000.0)
            .collect(),
        solve_ms,
    })
}

/// Largest loan-book file read: 100,000 loans of a few hundred bytes each fit many times over.
const MAX_BOOK_BYTES: u64 = 200 * 1024 * 1024;

fn pair(flag: &str, value: Option<&String>) -> Result<(String, String), Failure> {
    value
        .and_then(|v| v.split_once('='))
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .ok_or_else(|| Failure::Usage(format!("{flag} needs LEFT=RIGHT\n{USAGE}")))
}

/// `cadence sample-team DIR`: the files shipped in `samples/`, drawn again from the known rates.
fn sample_team(args: &[String]) -> Result<(), Failure> {
    use cadence::scenario::book::sample;
    let [dir] = args else {
        return Err(Failure::Usage(format!(
            "sample-team needs a directory\n{USAGE}"
        )));
    };
    let (loans, activity) = sample::sample_team(&sample::SAMPLE, sample::SAMPLE_SEED);
    let readme = sample::readme(&sample::SAMPLE, &loans, &activity);
    for (name, text) in [
        (sample::LOANS_FILE, loans.as_str()),
        (sample::ACTIVITY_FILE, activity.as_str()),
        ("README.md", readme.as_str()),
    ] {
        let path = std::path::Path::new(dir).join(name);
        std::fs::write(&path, text)
            .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// A file's bytes, at most [`MAX_BOOK_BYTES`].
fn read_limited(file: &str) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let handle = std::fs::File::open(file)
        .map_err(|e| Failure::Usage(format!("cannot read {file}: {e}")))?;
    let mut bytes = Vec::new();
    handle
        .take(MAX_BOOK_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Usage(format!("cannot read {file}: {e}")))?;
    if bytes.len() as u64 > MAX_BOOK_BYTES {
        return Err(Failure::Usage(format!("{file} is larger than 200 MB")));
    }
    Ok(bytes)
}

/// A file's name without its directories: what a source records (the page knows no more).
fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// Today's date (UTC) from the system clock: the command line is a shell, the engine never reads it.
fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
        + chrono::Duration::days(i64::try_from(days).unwrap_or(0))
}

/// `cadence calibrate`: every estimate beside the scenario's value as JSON; `--out` writes the
/// scenario started from the book with every estimate that is not thin, each with its source.
fn calibrate(args: &[String]) -> Result<(), Failure> {
    use cadence::scenario::book::{self, activity, calibrate, map, read};
    let (mut activity_file, mut mapping_file, mut fitted_on) = (None::<String>, None, today());
    let mut args = book_args(args, |flag, value| {
        let text = || {
            value
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("{flag} needs a value\n{USAGE}")))
        };
        match flag {
            "--today" => {
                let text = text()?;
                fitted_on = map::parse_date(&text).ok_or_else(|| {
                    Failure::Usage(format!(
                        "--today needs a date such as 2025-03-07, not “{text}”"
                    ))
                })?;
            }
            "--activity" => activity_file = Some(text()?),
            "--mapping" => mapping_file = Some(text()?),
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    if let Some(path) = &mapping_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::Usage(format!("cannot read {path}: {e}")))?;
        let (columns, labels) =
            calibrate::read_mapping(&text).map_err(|e| Failure::Usage(format!("{path}: {e}")))?;
        args.request.map.extend(columns);
        args.request.labels.tiers.extend(labels.tiers);
        args.request.labels.statuses.extend(labels.statuses);
    }
    let analysis = analysed(&args)?;
    let (file, params) = (&args.file, &args.params);
    let activity_fit = match &activity_file {
        None => None,
        Some(path) => {
            let table = read::read(&read_limited(path)?).map_err(|e| {
                Failure::Invalid(format!("{path}: {}", book::BookError::Read(e).words()))
            })?;
            Some(activity::fit_activity(&table).map_err(|_| {
                Failure::Invalid(format!(
                    "{path}: no prospecting_hours_<channel> with leads_<channel> columns, nor approved with declined"
                ))
            })?)
        }
    };
    let fitted_on = fitted_on.to_string();
    let json = book::out::calibrate_json(&analysis.fit, activity_fit.as_ref(), params, &fitted_on);
    if let Some(out) = &args.out {
        let solid = |fitted: Vec<calibrate::Fitted>| -> Vec<calibrate::Fitted> {
            fitted
                .into_iter()
                .filter(|f| !calibrate::is_thin(&f.path, &f.estimate))
                .collect()
        };
        let started = book::start::starting_from(params, &analysis.book);
        let mut next = calibrate::calibrated(
            &started,
            &solid(calibrate::from_book(&analysis.fit)),
            &file_name(file),
            &fitted_on,
        );
        if let (Some(fit), Some(path)) = (&activity_fit, &activity_file) {
            next = calibrate::calibrated(
                &next,
                &solid(calibrate::from_activity(fit)),
                &file_name(path),
                &fitted_on,
            );
        }
        write_scenario(out, &next)?;
    }
    print_json(&json)
}

/// Writes `params` as a scenario file to `out`.
fn write_scenario(out: &str, params: &Params) -> Result<(), Failure> {
    std::fs::write(out, scenario::to_json(params))
        .map_err(|e| Failure::Usage(format!("cannot write {out}: {e}")))
}

/// A loan book and what was asked of it: the options `book`, `calibrate` and `backtest` share.
struct BookArgs {
    file: String,
    request: cadence::scenario::book::Request,
    /// The scenario: its term classes, and the defaults the fitted rates stand beside.
    params: Params,
    out: Option<String>,
}

/// Reads `book`'s options; `extra(flag, value)` takes a command's own (true when it did).
fn book_args(
    args: &[String],
    mut extra: impl FnMut(&str, Option<&String>) -> Result<bool, Failure>,
) -> Result<BookArgs, Failure> {
    use cadence::scenario::book::{self, map};
    let mut request = book::Request::default();
    let (mut file, mut source, mut out) = (String::new(), None::<String>, None::<String>);
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.next() {
        if arg.starts_with("--") && extra(arg, rest.peek().copied())? {
            rest.next();
            continue;
        }
        match arg.as_str() {
            "--as-of" => {
                let text = rest.next().map_or("", String::as_str);
                request.as_of = Some(map::parse_date(text).ok_or_else(|| {
                    Failure::Usage(format!(
                        "--as-of needs a date such as 2025-03-07, not “{text}”"
                    ))
                })?);
            }
            "--map" => request.map.push(pair("--map", rest.next())?),
            "--tier" => {
                let (label, tier) = pair("--tier", rest.next())?;
                let tier = map::Tier::from_id(&tier).ok_or_else(|| {
                    Failure::Usage(format!(
                        "“{tier}” is not a tier: use prime, standard or marginal"
                    ))
                })?;
                request.labels.tiers.push((label, tier));
            }
            "--status" => {
                let (word, status) = pair("--status", rest.next())?;
                let status = map::Status::from_id(&status).ok_or_else(|| {
                    Failure::Usage(format!(
                        "“{status}” is not a status: use active, repaid or written_off"
                    ))
                })?;
                request.labels.statuses.push((word, status));
            }
            "--out" => {
                out =
                    Some(rest.next().cloned().ok_or_else(|| {
                        Failure::Usage(format!("--out needs a file name\n{USAGE}"))
                    })?);
            }
            "--scenario" => {
                source =
                    Some(rest.next().cloned().ok_or_else(|| {
                        Failure::Usage(format!("--scenario needs a value\n{USAGE}"))
                    })?);
            }
            other if other.starts_with("--") || !file.is_empty() => {
                return Err(Failure::Usage(format!(
                    "unexpected argument {other}\n{USAGE}"
                )))
            }
            other => other.clone_into(&mut file),
        }
    }
    if file.is_empty() {
        return Err(Failure::Usage(format!(
            "a loan book FILE is needed\n{USAGE}"
        )));
    }
    let params = match &source {
        Some(source) => load_params(source)?.0,
        None => Params::default(),
    };
    Ok(BookArgs {
        file,
        request,
        params,
        out,
    })
}

/// The book's file read and analysed.
fn analysed(args: &BookArgs) -> Result<cadence::scenario::book::Analysis, Failure> {
    let file = &args.file;
    let bytes = read_limited(file)?;
    cadence::scenario::book::analyse(&bytes, &args.request, &args.params)
        .map_err(|e| Failure::Invalid(format!("{file}: {}", e.words())))
}

/// Prints `json`, pretty, on standard output.
fn print_json(json: &serde_json::Value) -> Result<(), Failure> {
    println!(
        "{}",
        serde_json::to_string_pretty(json)
            .map_err(|e| Failure::Usage(format!("cannot write JSON: {e}")))?
    );
    Ok(())
}

/// `cadence book`: the mapping, the row report, the starting book and the fitted rates as JSON.
fn book(args: &[String]) -> Result<(), Failure> {
    use cadence::scenario::book;
    let args = book_args(args, |_, _| Ok(false))?;
    let analysis = analysed(&args)?;
    let params = &args.params;
    let json = book::out::json(
        &analysis.table,
        &analysis.mapping,
        &analysis.import,
        &analysis.book,
        &analysis.fit,
        params,
    );
    if let Some(out) = &args.out {
        // The scenario starting from the real book: `cadence run OUT` simulates its run-off.
        let started = book::start::starting_from(params, &analysis.book);
        write_scenario(out, &started)?;
    }
    print_json(&json)
}

/// `cadence backtest`: the model fitted up to `--from`, started from the book of that day and
/// run to the last date (or `--as-of`), against what happened, with its Monte Carlo band.
fn backtest(args: &[String]) -> Result<(), Failure> {
    use cadence::scenario::book::backtest::{self, BacktestError};
    use cadence::scenario::book::map;
    let (mut from, mut runs, mut seed) = (None, 1_000_u32, None::<u64>);
    let args = book_args(args, |flag, value| {
        let text = value.map_or("", String::as_str);
        match flag {
            "--from" => {
                from = Some(map::parse_date(text).ok_or_else(|| {
                    Failure::Usage(format!(
                        "--from needs a date such as 2026-06-01, not “{text}”"
                    ))
                })?);
            }
            "--runs" => {
                runs = text
                    .parse()
                    .ok()
                    .filter(|r| (10..=10_000).contains(r))
                    .ok_or_else(|| {
                        Failure::Usage(format!(
                            "--runs needs a whole number 10–10000, not “{text}”"
                        ))
                    })?;
            }
            "--seed" => {
                seed = Some(text.parse().map_err(|_| {
                    Failure::Usage(format!("--seed needs a whole number, not “{text}”"))
                })?);
            }
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    if args.out.is_some() {
        return Err(Failure::Usage(format!("backtest writes no --out\n{USAGE}")));
    }
    let analysis = analysed(&args)?;
    let knows_renewals = analysis.mapping.contains(&Some(map::Field::RenewedFrom));
    let test = backtest::backtest(
        &analysis.import.loans,
        from,
        args.request.as_of,
        knows_renewals,
        &args.params,
    )
    .map_err(|e| match e {
        BacktestError::Invalid(errors) => Failure::Invalid(output::errors_to_json(&errors)),
        other => Failure::Invalid(format!(
            "{}: {}",
            args.file,
            backtest::words(&other, Lang::En)
        )),
    })?;
    let seed = seed.unwrap_or(args.params.run.seed);
    let plan = cadence::services::monte_carlo::plan(&test.params, runs, seed, 5)
        .map_err(Failure::Invalid)?;
    let output = plan.run_all();
    let compared = test
        .compare(&output)
        .ok_or_else(|| Failure::Invalid("the Monte Carlo runs gave no band".to_owned()))?;
    print_json(&backtest::json(&test, &compared, runs, seed))
}
