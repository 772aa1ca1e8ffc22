//! The JSON Schema of the reports (docs/*.schema.json) is generated from the
//! report types, kept up to date, and real output validates against it
//! (issue 12). Regenerate with `UPDATE_SCHEMA=1 cargo test --test schema`.

mod common;
use common::run;
use std::path::{Path, PathBuf};

fn doc(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(name)
}

/// The generated schema must equal the checked-in one.
fn up_to_date(name: &str, schema: schemars::Schema) -> serde_json::Value {
    let value = serde_json::to_value(&schema).expect("schema is JSON");
    let text = format!(
        "{}\n",
        serde_json::to_string_pretty(&value).expect("pretty")
    );
    let path = doc(name);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &text).expect("write schema");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "{name} is out of date: run UPDATE_SCHEMA=1 cargo test --test schema"
    );
    value
}

fn assert_valid(schema: &serde_json::Value, instance: &serde_json::Value, what: &str) {
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .take(5)
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the schema: {errors:#?}"
    );
}

fn fixture(story: &str, files: &[&str]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(story);
    files
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect()
}

fn json_of(args: Vec<String>) -> serde_json::Value {
    let mut args = args;
    args.extend(["--format".to_string(), "json".to_string()]);
    let (code, out, err) = run(&args);
    assert!(matches!(code, Some(0) | Some(1)), "{err}");
    serde_json::from_str(&out).expect("JSON output")
}

// The compare report of every kind of fixture validates against report.schema.json.
#[test]
fn compare_reports_match_their_schema() {
    let schema = up_to_date(
        "report.schema.json",
        schemars::schema_for!(storydiff::report::Report),
    );
    for (story, files) in [
        (
            "port-strike",
            &["ap.txt", "reuters.txt", "afp.txt", "local.txt"][..],
        ),
        ("storm", &["wire.txt", "daily.txt", "broadcaster.txt"]),
        ("arms-talks", &["wire.txt", "daily.txt", "gazette.txt"]),
        ("findings", &["north.txt", "south.txt"]),
        ("html-pages", &["wire.html", "daily.html"]),
    ] {
        assert_valid(&schema, &json_of(fixture(story, files)), story);
    }
}

// The versions report validates against versions.schema.json.
#[test]
fn versions_report_matches_its_schema() {
    let schema = up_to_date(
        "versions.schema.json",
        schemars::schema_for!(storydiff::versions::VersionsReport),
    );
    let mut args = vec!["versions".to_string()];
    args.extend(fixture(
        "warehouse-fire",
        &["v1.txt", "v2.txt", "v3.txt", "v4.txt"],
    ));
    assert_valid(&schema, &json_of(args), "warehouse-fire versions");
}

// The check report validates against check.schema.json.
#[test]
fn check_report_matches_its_schema() {
    let schema = up_to_date(
        "check.schema.json",
        schemars::schema_for!(storydiff::check::CheckReport),
    );
    let f = fixture("check", &["draft.txt", "ap.txt", "reuters.txt"]);
    let args = vec![
        "check".to_string(),
        f[0].clone(),
        "--against".to_string(),
        f[1].clone(),
        f[2].clone(),
    ];
    assert_valid(&schema, &json_of(args), "check");
}

// The check above can fail: a report with a wrong field type or an unknown
// kind does not validate.
#[test]
fn a_broken_report_fails_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(doc("report.schema.json")).expect("schema"))
            .expect("JSON");
    let good = json_of(fixture(
        "storm",
        &["wire.txt", "daily.txt", "broadcaster.txt"],
    ));
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    assert!(validator.is_valid(&good));
    let mut bad = good.clone();
    bad["groups"][0]["kind"] = serde_json::json!("sideways");
    assert!(!validator.is_valid(&bad));
    let mut bad = good;
    bad["summary"]["groups"] = serde_json::json!("many");
    assert!(!validator.is_valid(&bad));
}
