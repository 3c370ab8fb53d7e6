//! Every citation a user reads can be opened: text under `src/`, `docs/`, `schema/` and the
//! README cites only files that are in the repository, never the research notes the project
//! was built from, and every `page.md#anchor` names an anchor the page defines.
//!
//! Anchors are the explicit `<a id="…"></a>` tags of the pages (see `docs/domain.md`), so a
//! reworded heading never breaks a citation. The rule strings of the diagnostic codes are
//! checked here too, through the public API.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use fcp_roadmap::diagnostic::Code;

/// The trees and files whose text a user reads.
const SCANNED: &[&str] = &["src", "docs", "schema", "README.md"];

/// Top-level folders of the repository: a word starting with one of these is a path.
const TOP_DIRS: &[&str] = &[
    "src/",
    "docs/",
    "schema/",
    "tests/",
    "examples/",
    "benches/",
    "scripts/",
    "fuzz/",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The research notes the crate was once written against; they are not in the repository.
/// (Spelled in pieces so that this file does not cite them itself.)
fn notes() -> [String; 2] {
    [format!("{}.md", "DOMAIN"), format!("{}.md", "DESIGN")]
}

/// Every text file under the scanned trees, in a stable order.
fn scanned_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "rs" | "md" | "json" | "toml" | "txt"))
            {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for item in SCANNED {
        let path = root().join(item);
        if path.is_dir() {
            walk(&path, &mut files);
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The explicit anchors a page defines: `<a id="x">`, `<a name="x">`, `id="x"`.
fn anchors_of(page: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for marker in ["id=\"", "name=\""] {
        let mut rest = page;
        while let Some(i) = rest.find(marker) {
            rest = &rest[i + marker.len()..];
            if let Some(end) = rest.find('"') {
                out.insert(rest[..end].to_owned());
            }
        }
    }
    out
}

/// Words of `text` that look like paths or page references: split on white space and the
/// punctuation that surrounds citations in prose, code and JSON.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | '<' | '>' | '`' | '"' | '\'' | ',' | ';' | '|' | '{' | '}'
            )
    })
    .map(|w| w.trim_end_matches(['.', ':', '!', '?', '\\']))
    .filter(|w| !w.is_empty())
}

/// The problems with the citations in one file's text: each a sentence naming the line.
fn problems(
    file: &Path,
    text: &str,
    resolve: &dyn Fn(&Path, &str) -> Option<String>,
) -> Vec<String> {
    let shown = file
        .strip_prefix(root())
        .unwrap_or(file)
        .display()
        .to_string();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        for note in notes() {
            if line.contains(&note) {
                out.push(format!(
                    "{shown}:{line_no}: cites `{note}`, which is not in the repository; cite \
                     docs/domain.md#anchor or the public source instead"
                ));
            }
        }
        // A `\n` inside a JSON string or a Rust literal separates words too.
        let line = line.replace("\\n", " ");
        for word in words(&line) {
            if word.contains("://") || word.contains('*') || word.contains('…') {
                continue;
            }
            let (path, anchor) = match word.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (word, None),
            };
            let is_page = Path::new(path)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"))
                && path
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'));
            let is_path = TOP_DIRS.iter().any(|d| path.starts_with(d))
                && path
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'));
            if !is_page && !is_path {
                continue;
            }
            let Some(target) = resolve(file, path) else {
                out.push(format!(
                    "{shown}:{line_no}: cites `{path}`, which is not in the repository"
                ));
                continue;
            };
            let Some(anchor) = anchor.filter(|a| {
                !a.is_empty()
                    && a.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            }) else {
                continue;
            };
            if !anchors_of(&target).contains(anchor) {
                out.push(format!(
                    "{shown}:{line_no}: cites `{path}#{anchor}`, but {path} defines no anchor \
                     `{anchor}` (an `<a id=\"{anchor}\"></a>` tag)"
                ));
            }
        }
    }
    out
}

/// Finds `path` in the repository, relative to its root or to the citing file's folder, and
/// returns the target's text (empty for a folder or a file that is not text).
fn resolve_in_repository(file: &Path, path: &str) -> Option<String> {
    let candidates = [
        Some(root().join(path)),
        file.parent().map(|dir| dir.join(path)),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.exists())
        .map(|p| fs::read_to_string(p).unwrap_or_default())
}

#[test]
fn every_citation_under_src_docs_schema_and_the_readme_resolves() {
    let files = scanned_files();
    assert!(
        files.len() > 50,
        "expected the crate's sources, found {} files",
        files.len()
    );
    let mut all = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        all.extend(problems(file, &text, &resolve_in_repository));
    }
    assert!(
        all.is_empty(),
        "{} citation(s) a user cannot open:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn the_domain_reference_defines_the_anchors_others_cite() {
    let page = fs::read_to_string(root().join("docs/domain.md")).expect("docs/domain.md");
    let anchors = anchors_of(&page);
    for anchor in [
        "setting",
        "entry-requirements",
        "experience",
        "roadmap-stages",
        "stage-1",
        "stage-2",
        "stage-2-verification",
        "stage-3",
        "evidence-types",
        "supervisors",
        "advanced-practice",
        "ap-deadlines",
        "ap-evidence",
        "frameworks",
        "hcpc-registration",
        "registration-numbers",
        "renewal",
        "registration-statuses",
        "readmission",
        "rule-sets",
        "independent-route",
        "recognition",
    ] {
        assert!(
            anchors.contains(anchor),
            "docs/domain.md has no anchor `{anchor}`"
        );
        assert!(
            page.contains(&format!("<a id=\"{anchor}\"></a>\n#")),
            "the anchor `{anchor}` is not the tag right before a heading"
        );
    }
}

#[test]
fn every_code_cites_an_anchor_of_the_domain_reference_and_its_public_source() {
    let page = fs::read_to_string(root().join("docs/domain.md")).expect("docs/domain.md");
    let anchors = anchors_of(&page);
    for &code in Code::ALL {
        if let Some(anchor) = code.rule().strip_prefix("docs/domain.md#") {
            assert!(
                anchors.contains(anchor),
                "{code}: docs/domain.md has no anchor `{anchor}`"
            );
            let source = code.source().unwrap_or_default();
            assert!(
                source.starts_with("http") && page.contains(source),
                "{code}: source `{source}` is not one docs/domain.md cites"
            );
        } else {
            assert_eq!(code.rule(), "docs/portfolio-format.md", "{code}");
            assert_eq!(code.source(), None, "{code}");
        }
    }
}

#[test]
fn the_checker_flags_the_notes_missing_files_and_unknown_anchors() {
    let page = "<a id=\"renewal\"></a>\n## Renewal\n";
    let resolve = |_: &Path, path: &str| match path {
        "docs/domain.md" => Some(page.to_owned()),
        "docs/portfolio-format.md" => Some(String::new()),
        _ => None,
    };
    let file = root().join("src/example.rs");
    let text = format!(
        "/// Renewal (docs/domain.md#renewal, <https://example.org/notes.md>).\n\
         /// Old ({} §8) and missing (docs/nowhere.md).\n\
         /// Unknown anchor (docs/domain.md#renewals); format (docs/portfolio-format.md).\n",
        notes()[0]
    );
    let found = problems(&file, &text, &resolve);
    assert_eq!(
        found,
        [
            format!(
                "src/example.rs:2: cites `{}`, which is not in the repository; cite \
                 docs/domain.md#anchor or the public source instead",
                notes()[0]
            ),
            format!(
                "src/example.rs:2: cites `{}`, which is not in the repository",
                notes()[0]
            ),
            "src/example.rs:2: cites `docs/nowhere.md`, which is not in the repository".to_owned(),
            "src/example.rs:3: cites `docs/domain.md#renewals`, but docs/domain.md defines no \
             anchor `renewals` (an `<a id=\"renewals\"></a>` tag)"
                .to_owned(),
        ]
    );
}
