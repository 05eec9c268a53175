//! The `cadence` command line: batch runs of scenario files and presets for analysts, golden tests
//! and benchmarks.
//!
//! ```text
//! cadence presets                       list preset ids and titles
//! cadence example > scenario.json       write the default scenario
//! cadence run <scenario.json | preset:ID> [--mode ev|mc] [--runs N] [--seed S] [--csv FILE]
//! ```
//!
//! `run` prints a JSON summary on stdout. An invalid scenario exits with status 2 and prints every
//! error as JSON on stderr, nothing on stdout; usage and file errors exit with status 1.

use std::process::ExitCode;

use cadence::engine::montecarlo::{McOptions, McPlan};
use cadence::engine::params::{Mode, Params};
use cadence::engine::{presets, run_ev, validate, ParamError};
use cadence::scenario::{self, output};

const USAGE: &str = "usage:
  cadence presets
  cadence example > scenario.json
  cadence run <scenario.json | preset:ID> [--mode ev|mc] [--runs N] [--seed S] [--csv FILE]";

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
        Some("run") => parse_run(&args[1..]).and_then(|request| run(&request)),
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
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option {flag}\n{USAGE}")))
            }
            source if request.source.is_empty() => source.clone_into(&mut request.source),
            extra => {
                return Err(Failure::Usage(format!(
                    "unexpected argument {extra}\n{USAGE}"
                )))
            }
        }
    }
    if request.source.is_empty() {
        return Err(Failure::Usage(format!(
            "run needs a scenario file or preset:ID\n{USAGE}"
        )));
    }
    Ok(request)
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
    let text = std::fs::read_to_string(source)
        .map_err(|e| Failure::Usage(format!("cannot read {source}: {e}")))?;
    match scenario::parse_partial(&text) {
        (Some(params), errors) => Ok((params, errors)),
        (None, errors) => Err(Failure::Invalid(output::errors_to_json(&errors))),
    }
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
