//! The engine-purity check (scripts/check-engine-purity.sh) passes on the real engine and fails, naming
//! the line, when an engine file imports the browser.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_check(dir: &Path) -> std::process::Output {
    Command::new("bash")
        .arg(root().join("scripts/check-engine-purity.sh"))
        .arg(dir)
        .current_dir(root())
        .output()
        .expect("bash runs the purity script")
}

#[test]
fn the_real_engine_is_pure() {
    let out = run_check(&root().join("src/engine"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_engine_file_importing_yew_fails_the_check() {
    let dir = std::env::temp_dir().join(format!("cadence-purity-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("step.rs"),
        "//! A step.\nuse yew::prelude::*;\npub fn step() {}\n",
    )
    .expect("write probe file");
    let out = run_check(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("step.rs:2:use yew::prelude::*;"),
        "{stderr}"
    );
}

#[test]
fn clocks_and_io_fail_the_check_too() {
    for (name, line) in [
        ("clock.rs", "let now = std::time::Instant::now();"),
        ("io.rs", "let text = std::fs::read_to_string(\"x\");"),
        ("serde.rs", "use serde::Serialize;"),
    ] {
        let dir =
            std::env::temp_dir().join(format!("cadence-purity-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join(name), format!("//! Probe.\n{line}\n")).expect("write probe");
        let out = run_check(&dir);
        std::fs::remove_dir_all(&dir).expect("clean up");
        assert_eq!(out.status.code(), Some(1), "{name} passed the check");
    }
}

#[test]
fn an_engine_manifest_with_a_browser_dependency_fails_the_check() {
    let dir = std::env::temp_dir().join(format!("cadence-purity-{}-manifest", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("lib.rs"), "//! A pure file.\npub fn f() {}\n").expect("write probe");
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"probe\"\n\n[dependencies]\nrand = \"0.9\"\nweb-sys = \"0.3\"\n",
    )
    .expect("write probe manifest");
    let out = run_check(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("depends on 'web-sys'"), "{stderr}");
    assert!(!stderr.contains("'rand'"), "{stderr}");
}

#[test]
fn a_service_importing_the_page_fails_the_layering_check() {
    let dir = std::env::temp_dir().join(format!("cadence-layers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("files.rs"),
        "//! A service.\nuse crate::ui::notice::FileProblem;\n",
    )
    .expect("write probe");
    let out = Command::new("bash")
        .arg(root().join("scripts/check-engine-purity.sh"))
        .arg(root().join("src/engine"))
        .env("SERVICES_DIR", &dir)
        .current_dir(root())
        .output()
        .expect("bash runs the script");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("layering: FAILED"), "{stderr}");
}
