//! How a run's results are printed, one document at a time: lines for people, one JSON
//! document (`{"documents": [...], "summary"}`), or a SARIF 2.1.0 log with every document as an
//! artifact. Each is written as the documents come, so that nothing waits for the end but the
//! summary (and SARIF's rule list).

use std::io::Write;

use serde_json::{Value, json};

use super::{Document, Summary};
use crate::commands::{Check, Checked, finding_json};

/// Output format of a run over many documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchFormat {
    /// Lines for people: each problem after its document's name, then a summary line.
    Text,
    /// One JSON document: `{"documents": [{"file", "line", "valid", "problems", ...}], "summary"}`.
    Json,
    /// SARIF 2.1.0, every document an artifact.
    Sarif,
}

/// Writes results as they come.
pub(super) struct Writer<'o> {
    format: BatchFormat,
    /// What a passing and a failing document are called (`valid`/`invalid`, ...).
    words: (&'static str, &'static str),
    out: &'o mut dyn Write,
    written: usize,
    /// SARIF results written.
    results: usize,
    /// SARIF rule ids in order of first use, with their descriptions.
    rules: Vec<(String, String)>,
}

impl<'o> Writer<'o> {
    pub(super) fn new(format: BatchFormat, what: Check<'_>, out: &'o mut dyn Write) -> Self {
        let words = match what {
            Check::Validate { .. } => ("valid", "invalid"),
            Check::Scan => ("clean", "refused"),
            Check::Gate => ("ready", "blocked or invalid"),
        };
        Writer {
            format,
            words,
            out,
            written: 0,
            results: 0,
            rules: Vec::new(),
        }
    }

    pub(super) fn document(&mut self, doc: &Document, checked: &Checked) -> std::io::Result<()> {
        let first = self.written == 0;
        self.written += 1;
        match self.format {
            BatchFormat::Text => self.text(doc, checked),
            BatchFormat::Json => {
                let opening = if first {
                    "{\"documents\": [\n  "
                } else {
                    ",\n  "
                };
                let value = self.json(doc, checked);
                write!(self.out, "{opening}{value}")
            }
            BatchFormat::Sarif => {
                let opening = if first {
                    "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\", \"runs\": [{\"results\": [\n  "
                } else {
                    ""
                };
                write!(self.out, "{opening}")?;
                for result in self.sarif(doc, checked) {
                    let sep = if self.results == 0 { "" } else { ",\n  " };
                    self.results += 1;
                    write!(self.out, "{sep}{result}")?;
                }
                Ok(())
            }
        }
    }

    pub(super) fn finish(mut self, summary: &Summary) -> std::io::Result<()> {
        let summary_json = json!(summary);
        match self.format {
            BatchFormat::Text => writeln!(
                self.out,
                "{} document{}: {} {}, {} {}, {} unreadable",
                summary.documents,
                if summary.documents == 1 { "" } else { "s" },
                summary.valid,
                self.words.0,
                summary.invalid,
                self.words.1,
                summary.unreadable
            ),
            BatchFormat::Json => {
                let opening = if self.written == 0 {
                    "{\"documents\": ["
                } else {
                    "\n"
                };
                writeln!(self.out, "{opening}], \"summary\": {summary_json}}}")
            }
            BatchFormat::Sarif => {
                let opening = if self.written == 0 {
                    "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\", \"runs\": [{\"results\": ["
                } else {
                    "\n"
                };
                let rules: Vec<Value> = std::mem::take(&mut self.rules)
                    .into_iter()
                    .map(|(id, text)| {
                        json!({"id": id, "shortDescription": {"text": text}, "defaultConfiguration": {"level": "error"}})
                    })
                    .collect();
                let tool = json!({"driver": {
                    "name": "cavra",
                    "informationUri": "https://github.com/cavra-contracts/cavra-contracts",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }});
                writeln!(
                    self.out,
                    "{opening}], \"tool\": {tool}, \"properties\": {{\"summary\": {summary_json}}}}}]}}"
                )
            }
        }
    }

    fn text(&mut self, doc: &Document, checked: &Checked) -> std::io::Result<()> {
        let name = doc.name();
        match checked {
            Checked::Unreadable(message) => writeln!(self.out, "{name}: error: {message}"),
            Checked::Gated(Ok((contract, report))) => {
                let status = if report.blockers.is_empty() {
                    "ready"
                } else {
                    "blocked"
                };
                writeln!(self.out, "{name}: {contract}: {status}")?;
                for b in &report.blockers {
                    writeln!(self.out, "{name}: - {b}")?;
                }
                Ok(())
            }
            other => {
                let problems = other.problems();
                if problems.is_empty() {
                    return writeln!(self.out, "{name}: {}", self.words.0);
                }
                for p in problems {
                    writeln!(self.out, "{name}: {p}")?;
                }
                Ok(())
            }
        }
    }

    fn json(&self, doc: &Document, checked: &Checked) -> Value {
        let mut value = json!({
            "file": doc.file,
            "line": doc.line,
            "valid": checked.code() == 0,
            "problems": checked.problems(),
        });
        match checked {
            Checked::Unreadable(message) => value["error"] = json!(message),
            Checked::Scanned(findings) => {
                value["findings"] = findings.iter().map(finding_json).collect();
            }
            Checked::Gated(Ok((contract, report))) => {
                value["contract"] = json!(contract);
                value["status"] = json!(report.status);
                value["blockers"] = json!(report.blockers);
            }
            Checked::Validated(_) | Checked::Gated(Err(_)) => {}
        }
        value
    }

    fn sarif(&mut self, doc: &Document, checked: &Checked) -> Vec<Value> {
        let mut physical = json!({"artifactLocation": {"uri": doc.file}});
        if let Some(line) = doc.line {
            physical["region"] = json!({"startLine": line});
        }
        let mut out = Vec::new();
        let mut add = |rules: &mut Vec<(String, String)>,
                       rule: &str,
                       about: &str,
                       path: &str,
                       text: String| {
            let index = match rules.iter().position(|(id, _)| id == rule) {
                Some(i) => i,
                None => {
                    rules.push((rule.to_owned(), about.to_owned()));
                    rules.len() - 1
                }
            };
            let mut location = json!({"physicalLocation": physical});
            if !path.is_empty() {
                location["logicalLocations"] =
                    json!([{"fullyQualifiedName": path, "kind": "member"}]);
            }
            out.push(json!({
                "ruleId": rule,
                "ruleIndex": index,
                "level": "error",
                "message": {"text": text},
                "locations": [location],
            }));
        };
        match checked {
            Checked::Unreadable(message) => add(
                &mut self.rules,
                "unreadable",
                "The input is not a JSON document within the limits.",
                "",
                message.clone(),
            ),
            Checked::Scanned(findings) => {
                for f in findings {
                    add(
                        &mut self.rules,
                        f.rule,
                        &format!("A {} finding of family `{}`.", f.kind, f.family),
                        &f.path,
                        format!("{} ({})", f.violation().message, f.redacted),
                    );
                }
            }
            Checked::Gated(Ok((_, report))) => {
                for b in &report.blockers {
                    add(
                        &mut self.rules,
                        "gate",
                        "A readiness gate of the evidence contract fails.",
                        "",
                        b.clone(),
                    );
                }
            }
            Checked::Validated(found) | Checked::Gated(Err(found)) => {
                for v in found.iter() {
                    add(
                        &mut self.rules,
                        "contract",
                        "The document breaks its public-safe contract.",
                        &v.path,
                        v.message.clone(),
                    );
                }
            }
        }
        out
    }
}
