//! What the caller of a long loop controls it with ([`Control`]): Ctrl-C,
//! as a cancellation token, and a progress callback.
//!
//! The binary makes one [`Cancel`] and its Ctrl-C handler calls
//! [`Cancel::request`]; the token travels with the options of every long
//! loop (training epochs, optimizer steps, a network's steps). A loop
//! listens while it runs ([`Cancel::listen`]) and asks
//! [`Cancel::is_requested`] between its steps, so it stops at the next one
//! with everything computed so far, and the report of those steps is
//! printed as usual. When nothing listens there is nothing worth keeping,
//! and the handler ends the process at once.
//!
//! A loop tells a [`Progress`] how far it has come; the binary supplies one
//! that draws a bar on the terminal, everything else [`Quiet`]. Neither the
//! library nor the command line draws anything itself.
//!
//! Invariant: the flag is raised only by `request` and lowered when a
//! first listener begins, so a stale Ctrl-C never stops a later run.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// The exit code of an interrupted command (128 + SIGINT, as shells use).
pub const EXIT_CODE: i32 = 130;

/// A request to stop, shared by whoever raises it (the binary's Ctrl-C
/// handler) and the loops that listen for it. Clones share one flag.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<Flag>);

#[derive(Debug, Default)]
struct Flag {
    requested: AtomicBool,
    listeners: AtomicUsize,
}

impl Cancel {
    /// A token nobody has raised.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Raises the flag. Returns `true` when a loop listens and will stop
    /// at its next step, `false` when none listens, or this is a second
    /// request before the loop stopped: then the process should simply end.
    pub fn request(&self) -> bool {
        let again = self.0.requested.swap(true, Ordering::SeqCst);
        self.0.listeners.load(Ordering::SeqCst) > 0 && !again
    }

    /// Whether a stop was requested.
    pub fn is_requested(&self) -> bool {
        self.0.requested.load(Ordering::SeqCst)
    }

    /// Listens for a request while the returned guard lives: the long loop
    /// that holds it stops at a request instead of the process ending.
    pub fn listen(&self) -> Listening<'_> {
        if self.0.listeners.fetch_add(1, Ordering::SeqCst) == 0 {
            self.0.requested.store(false, Ordering::SeqCst);
        }
        Listening(&self.0)
    }
}

/// A long loop listening for a request; it stops listening when dropped.
pub struct Listening<'a>(&'a Flag);

impl Drop for Listening<'_> {
    fn drop(&mut self) {
        self.0.listeners.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Hears how far a long loop has come (the binary draws a progress bar).
/// Its methods take `&self`: a loop only reports, and what draws keeps its
/// own state.
pub trait Progress {
    /// A run of `total` of `unit` ("epoch") begins.
    fn begin(&self, _unit: &'static str, _total: u64) {}
    /// `done` of them are done, and the loss is now `loss`.
    fn advanced(&self, _done: u64, _loss: f64) {}
    /// The run has ended, done or stopped.
    fn end(&self) {}
}

/// A progress that nobody watches.
pub struct Quiet;

impl Progress for Quiet {}

/// What a long loop is controlled with: the request to stop, and whom to
/// tell how far it has come.
#[derive(Clone, Copy)]
pub struct Control<'a> {
    pub cancel: &'a Cancel,
    pub progress: &'a dyn Progress,
}

impl<'a> Control<'a> {
    /// Control by `cancel` alone, reporting progress to nobody.
    pub fn quiet(cancel: &'a Cancel) -> Control<'a> {
        Control {
            cancel,
            progress: &Quiet,
        }
    }
}

impl std::fmt::Debug for Control<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Control")
            .field("cancel", self.cancel)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_stops_a_listening_loop_once() {
        let cancel = Cancel::new();
        // Nothing listens: the process should end.
        assert!(!cancel.request());
        let listening = cancel.listen();
        // A new listener lowers the stale flag.
        assert!(!cancel.is_requested());
        let handler = cancel.clone();
        assert!(handler.request(), "the loop will stop");
        assert!(cancel.is_requested());
        assert!(!handler.request(), "a second Ctrl-C ends the process");
        drop(listening);
        assert!(!cancel.request());
    }
}
