//! The batch progress line on standard error (pages, pages/s, share of the input read, ETA),
//! shown only when standard error is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How far a batch is.
pub struct Progress {
    enabled: bool,
    start: Instant,
    last: Option<Instant>,
    /// Bytes of all inputs together (0 when unknown).
    total_bytes: u64,
}

impl Progress {
    /// A progress line for inputs of `total_bytes()` in all (asked only when the line shows);
    /// silent unless stderr is a terminal.
    pub fn new(total_bytes: impl FnOnce() -> u64) -> Self {
        let enabled = std::io::stderr().is_terminal();
        let total_bytes = if enabled { total_bytes() } else { 0 };
        Progress { enabled, start: Instant::now(), last: None, total_bytes }
    }

    /// Whether the line shows (and so whether input sizes are worth measuring).
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Seconds since the batch started.
    pub fn seconds(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    /// Redraws the line (at most ten times a second) after `pages` pages and `bytes` bytes read.
    pub fn update(&mut self, pages: usize, bytes: u64) {
        let now = Instant::now();
        if !self.enabled || self.last.is_some_and(|t| now - t < Duration::from_millis(100)) {
            return;
        }
        self.last = Some(now);
        let secs = (now - self.start).as_secs_f64().max(1e-3);
        let mut line = format!("{pages} pages, {:.0} pages/s", pages as f64 / secs);
        if self.total_bytes > 0 {
            let share = (bytes as f64 / self.total_bytes as f64).min(1.0);
            line += &format!(", {:.0} % read, ETA ", share * 100.0);
            line += &if share > 0.0 {
                let eta = (secs * (1.0 - share) / share) as u64;
                format!("{}:{:02}", eta / 60, eta % 60)
            } else {
                "-:--".to_string()
            };
        }
        let _ = write!(std::io::stderr(), "\r\x1b[K{line}");
    }

    /// Clears the line.
    pub fn finish(&self) {
        if self.enabled && self.last.is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}
