//! The diff's output: rustc-style lines or JSON, a summary count, and the allow-list of changes
//! the team accepts (`spec/diff-allow.toml`), each with its reason.

use serde::{Deserialize, Serialize};

use super::{Change, Class};

/// One accepted change.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    /// The change's id, as the diff prints it.
    pub id: String,
    /// Why the team accepts it.
    pub reason: String,
}

/// `spec/diff-allow.toml`: `[[allow]]` tables of `id` and `reason`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AllowList {
    /// The accepted changes.
    #[serde(default)]
    pub allow: Vec<Allow>,
}

impl AllowList {
    /// Parses an allow-list file's text; `name` is the file, for the error.
    pub fn parse(name: &str, text: &str) -> Result<AllowList, String> {
        let list: AllowList = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        if let Some(a) = list.allow.iter().find(|a| a.reason.trim().is_empty()) {
            return Err(format!("{name}: the entry for `{}` gives no reason", a.id));
        }
        Ok(list)
    }

    /// Marks the changes the list accepts; returns the ids of entries that match no change
    /// (stale entries, which a reader should remove).
    pub fn apply(&self, changes: &mut [Change]) -> Vec<String> {
        let mut unused = Vec::new();
        for entry in &self.allow {
            let mut used = false;
            for change in changes.iter_mut().filter(|c| c.id == entry.id) {
                change.allowed = Some(entry.reason.clone());
                used = true;
            }
            if !used {
                unused.push(entry.id.clone());
            }
        }
        unused
    }
}

/// How many changes of each class, and whether the check fails.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Breaking changes, allowed ones included.
    pub breaking: usize,
    /// Changes weakening the boundary, allowed ones included.
    pub boundary: usize,
    /// Compatible changes.
    pub compatible: usize,
    /// Breaking or boundary changes the allow-list accepts.
    pub allowed: usize,
    /// Whether a breaking or boundary change is not allowed.
    pub fails: bool,
}

impl Summary {
    /// Counts `changes`.
    pub fn of(changes: &[Change]) -> Summary {
        let count = |class| changes.iter().filter(|c| c.class == class).count();
        Summary {
            breaking: count(Class::Breaking),
            boundary: count(Class::Boundary),
            compatible: count(Class::Compatible),
            allowed: changes
                .iter()
                .filter(|c| c.class != Class::Compatible && c.allowed.is_some())
                .count(),
            fails: changes.iter().any(Change::fails),
        }
    }
}

/// rustc-style text: one block per change, then the summary line.
pub fn render_text(changes: &[Change]) -> String {
    let mut out = String::new();
    for c in changes {
        let level = match (c.class, &c.allowed) {
            (Class::Compatible, _) => "note",
            (_, Some(_)) => "warning",
            _ => "error",
        };
        out.push_str(&format!("{level}[{}]: {}\n", c.class.as_str(), c.message));
        out.push_str(&format!(
            "  --> {}:{}:{}\n",
            c.at.file, c.at.line, c.at.column
        ));
        out.push_str(&format!("   = id: {}\n", c.id));
        if let Some(reason) = &c.allowed {
            out.push_str(&format!("   = allowed: {reason}\n"));
        }
    }
    let s = Summary::of(changes);
    out.push_str(&format!(
        "codegen diff: {} breaking, {} weakening the boundary, {} compatible; {} allowed\n",
        s.breaking, s.boundary, s.compatible, s.allowed
    ));
    out
}

/// `{"changes": [...], "summary": {...}}`.
pub fn render_json(changes: &[Change]) -> String {
    let value = serde_json::json!({"changes": changes, "summary": Summary::of(changes)});
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
