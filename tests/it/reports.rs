//! Reports: the standard set written by `build`, their content, and the HTML in a real browser.

use std::process::Command;

use crate::{built_sample, khabar, ok};

fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let start = markdown.find(&format!("## {heading}\n")).unwrap_or_else(|| panic!("no section {heading}"));
    let rest = &markdown[start + heading.len() + 4..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn build_writes_the_standard_reports_with_their_sources() {
    let (_dir, _store, exports) = built_sample();
    let reports = exports.join("reports");
    for name in ["overview", "profile-azerbaijan", "pair-azerbaijan-israel"] {
        assert!(reports.join(format!("{name}.md")).exists() && reports.join(format!("{name}.html")).exists(), "{name} missing");
    }
    let profile = std::fs::read_to_string(reports.join("profile-azerbaijan.md")).unwrap();
    let suppliers = section(&profile, "Arms suppliers");
    for supplier in ["Israel", "Turkey"] {
        let row = suppliers.lines().find(|l| l.starts_with(&format!("| {supplier} |"))).unwrap_or_else(|| panic!("{supplier} is not a supplier:\n{suppliers}"));
        let cells: Vec<&str> = row.split(" | ").collect();
        assert!(cells[4] != "-" && !cells[4].is_empty(), "no sources for {supplier}: {row}");
    }
    assert!(suppliers.contains("Iron Dome") && suppliers.contains("Bayraktar TB2"), "the systems acquired are named:\n{suppliers}");
    assert!(profile.contains("](profile-azerbaijan-network.svg)") && reports.join("profile-azerbaijan-network.svg").exists());
    let officials = section(&profile, "Officials in the news");
    assert!(officials.contains("Ilham Aliyev") && officials.contains("President"), "{officials}");

    let dossier = std::fs::read_to_string(reports.join("pair-azerbaijan-israel.md")).unwrap();
    assert!(dossier.contains("تشتري أذربيجان"), "an Arabic quote:\n{dossier}");
    assert!(dossier.contains("آذربایجان نیروهای مسلح خود را"), "a Persian quote:\n{dossier}");
    assert!(dossier.contains("Azerbaijan buys weapons from Israel"), "an English gloss");
    assert!(dossier.contains("Kurdistreet"), "publishers are named");

    let html = std::fs::read_to_string(reports.join("profile-azerbaijan.html")).unwrap();
    assert!(html.contains("<svg") && html.contains("dir=\"auto\"") && !html.contains("<script"), "self-contained HTML with inline SVG");
    assert!(!html.contains(" src=") && !html.contains("<link") && !html.contains("url("), "nothing to fetch: the page opens offline");
}

#[test]
fn report_command_writes_json_markdown_and_html() {
    let (_dir, store, _exports) = built_sample();
    let s = store.to_str().unwrap();
    let json: serde_json::Value = serde_json::from_str(&ok(khabar(&["report", "--store", s, "--entity", "Azerbaijan", "--format", "json"]))).unwrap();
    assert_eq!(json["entity"]["label"], "Azerbaijan");
    let md = ok(khabar(&["report", "--store", s, "--pair", "Azerbaijan", "Turkey"]));
    assert!(md.starts_with("# Azerbaijan – Turkey: pair dossier"), "{md}");
    let overview = ok(khabar(&["report", "--store", s, "--since", "2024-01-01"]));
    assert!(overview.contains("## New since 2024-01-01") && overview.contains("2024-04-20"), "{overview}");
    let missing = khabar(&["report", "--store", s, "--entity", "Atlantis"]);
    assert!(!missing.status.success());
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let (_dir, _store, exports) = built_sample();
    let page = exports.join("reports/profile-azerbaijan.html");
    let profile_dir = tempfile::tempdir().unwrap();
    let chromium = |extra: &[&str]| {
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--enable-logging=stderr".into(),
            "--v=0".into(),
            format!("--user-data-dir={}", profile_dir.path().display()),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push(format!("file://{}", page.display()));
        Command::new("chromium").args(&args).output().expect("chromium (Debian package) is installed by scripts/setup.sh")
    };
    let dom = chromium(&["--dump-dom"]);
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(dom_text.contains("<svg") && dom_text.contains("Arms suppliers"), "the page renders with its SVG");
    let shot = exports.join("reports/profile-azerbaijan.png");
    let out = chromium(&["--window-size=1200,1800", &format!("--screenshot={}", shot.display())]);
    let log = String::from_utf8_lossy(&dom.stderr).to_string() + &String::from_utf8_lossy(&out.stderr);
    let console_errors: Vec<&str> = log.lines().filter(|l| l.contains("CONSOLE") && (l.contains("ERROR") || l.contains("Uncaught"))).collect();
    assert!(console_errors.is_empty(), "console errors: {console_errors:?}");
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "screenshot written");
}
