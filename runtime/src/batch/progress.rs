//! The progress of a long run, on standard error when it is a terminal: a spinner with the count
//! of documents so far, shown only once the run has taken a second (a short run prints nothing),
//! and cleared at the end. Without the `progress` feature, nothing.

use super::Summary;

/// How long a run goes before its progress is shown.
#[cfg(feature = "progress")]
const QUIET_FOR: std::time::Duration = std::time::Duration::from_secs(1);

/// The progress display of one run.
pub(super) struct Progress {
    #[cfg(feature = "progress")]
    bar: Option<indicatif::ProgressBar>,
    #[cfg(feature = "progress")]
    started: std::time::Instant,
}

impl Progress {
    pub(super) fn new() -> Self {
        Progress {
            #[cfg(feature = "progress")]
            bar: None,
            #[cfg(feature = "progress")]
            started: std::time::Instant::now(),
        }
    }

    /// A document was written.
    #[cfg_attr(not(feature = "progress"), allow(clippy::unused_self))]
    pub(super) fn update(&mut self, summary: &Summary) {
        #[cfg(feature = "progress")]
        {
            use std::io::IsTerminal;
            if self.bar.is_none()
                && self.started.elapsed() >= QUIET_FOR
                && std::io::stderr().is_terminal()
            {
                let bar = indicatif::ProgressBar::new_spinner();
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                if let Ok(style) =
                    indicatif::ProgressStyle::with_template("{spinner} {pos} documents, {msg}")
                {
                    bar.set_style(style);
                }
                self.bar = Some(bar);
            }
            if let Some(bar) = &self.bar {
                bar.set_position(summary.documents as u64);
                bar.set_message(format!(
                    "{} invalid, {} unreadable",
                    summary.invalid, summary.unreadable
                ));
            }
        }
        #[cfg(not(feature = "progress"))]
        let _ = summary;
    }

    /// The run is over: the display is cleared.
    #[cfg_attr(not(feature = "progress"), allow(clippy::unused_self))]
    pub(super) fn finish(self) {
        #[cfg(feature = "progress")]
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
