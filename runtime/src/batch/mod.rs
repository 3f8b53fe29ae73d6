//! Many documents per run: `cavra validate|scan|gate FILE... DIR... [--jsonl]`. Documents are
//! checked on every core and their results printed in input order, with at most a few per core
//! in flight, so that a stream of any length runs in bounded memory; each document is read
//! within the per-document limits.
//!
//! Exit code: 0 when every document is valid (clean, ready), 1 when any is invalid (refused,
//! blocked), 2 when any is unreadable.

mod progress;
mod render;
mod sources;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

pub use render::BatchFormat;
pub use sources::{Document, documents, files};

use crate::catalog::Catalog;
use crate::commands::{Check, Checked, check};
use crate::input::Limits;

/// How many documents were valid, invalid and unreadable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Every document read.
    pub documents: usize,
    /// Valid, clean or ready.
    pub valid: usize,
    /// Invalid, refused or blocked.
    pub invalid: usize,
    /// Not read: not JSON, over a limit, missing.
    pub unreadable: usize,
}

impl Summary {
    fn count(&mut self, checked: &Checked) {
        self.documents += 1;
        match checked.code() {
            0 => self.valid += 1,
            1 => self.invalid += 1,
            _ => self.unreadable += 1,
        }
    }

    /// 2 when any document is unreadable, else 1 when any is invalid, else 0.
    pub fn code(&self) -> u8 {
        if self.unreadable > 0 {
            2
        } else {
            u8::from(self.invalid > 0)
        }
    }
}

/// What a run reads.
#[derive(Clone, Debug)]
pub struct Inputs {
    /// Files and directories, in order (none: standard input).
    pub paths: Vec<PathBuf>,
    /// Each file is a JSON Lines stream.
    pub jsonl: bool,
    /// The limits each document is read within.
    pub limits: Limits,
}

/// Runs `what` on every document of `inputs`, writing each result in input order to `out` in
/// `format`, then the summary; `progress` hears of each document as it is written.
pub fn run(
    catalog: &'static Catalog,
    what: Check<'_>,
    inputs: &Inputs,
    format: BatchFormat,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(&Summary),
) -> std::io::Result<Summary> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    // Documents read but not yet written: bounded, so a slow document holds back the reader
    // instead of letting results pile up.
    let in_flight = 4 * workers;
    let files = files(&inputs.paths);
    let (jsonl, limits) = (inputs.jsonl, inputs.limits);
    let mut writer = render::Writer::new(format, what, out);
    let mut summary = Summary::default();
    std::thread::scope(|scope| -> std::io::Result<()> {
        let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            let _ = permit_tx.send(());
        }
        let (work_tx, work_rx) = sync_channel::<(usize, Document)>(in_flight);
        let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Document, Checked)>();
        scope.spawn(move || {
            for (i, doc) in documents(files, jsonl, limits).enumerate() {
                if permit_rx.recv().is_err() || work_tx.send((i, doc)).is_err() {
                    return;
                }
            }
        });
        let work_rx = Arc::new(Mutex::new(work_rx));
        for _ in 0..workers {
            let (work_rx, done_tx) = (Arc::clone(&work_rx), done_tx.clone());
            scope.spawn(move || {
                while let Some((i, doc)) = next(&work_rx) {
                    let checked = match &doc.bytes {
                        Ok(bytes) => check(catalog, what, bytes, &limits),
                        Err(message) => Checked::Unreadable(message.clone()),
                    };
                    if done_tx.send((i, doc, checked)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting = BTreeMap::new();
        let mut next_index = 0;
        for (i, doc, checked) in done_rx {
            waiting.insert(i, (doc, checked));
            while let Some((doc, checked)) = waiting.remove(&next_index) {
                summary.count(&checked);
                writer.document(&doc, &checked)?;
                progress(&summary);
                next_index += 1;
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })?;
    writer.finish(&summary)?;
    Ok(summary)
}

/// [`run`] to standard output, as the `cavra` binary does: results as they come, and (with the
/// `progress` feature) a spinner on standard error once a run takes more than a second, when
/// standard error is a terminal (never in pipes or CI logs). An output error (a closed pipe) ends
/// the run with exit code 2.
pub fn run_to_stdout(
    catalog: &'static Catalog,
    what: Check<'_>,
    inputs: &Inputs,
    format: BatchFormat,
) -> crate::commands::Outcome {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut progress = progress::Progress::new();
    let result = run(catalog, what, inputs, format, &mut out, &mut |s| {
        progress.update(s)
    })
    .and_then(|summary| out.flush().map(|()| summary));
    progress.finish();
    match result {
        Ok(summary) => crate::commands::Outcome {
            code: summary.code(),
            stdout: String::new(),
            stderr: String::new(),
        },
        Err(e) => crate::commands::Outcome::usage(format!("cannot write the results: {e}")),
    }
}

fn next(work: &Mutex<Receiver<(usize, Document)>>) -> Option<(usize, Document)> {
    work.lock().ok()?.recv().ok()
}
