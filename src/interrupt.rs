//! Ctrl-C. The binary's handler calls [`request`]; long loops (training
//! epochs, optimizer steps, a network's steps) run inside an
//! [`Interruptible`] section and poll [`requested`] between steps, so they
//! stop at the next step with everything computed so far, and the report
//! of those steps is printed as usual. Outside such a section there is
//! nothing worth keeping, and the handler ends the process at once.
//!
//! Invariant: the flag is only ever raised by the handler and lowered when
//! a section begins, so a stale Ctrl-C never stops a later run.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);
static SECTIONS: AtomicUsize = AtomicUsize::new(0);

/// The exit code of an interrupted command (128 + SIGINT, as shells use).
pub const EXIT_CODE: i32 = 130;

/// What the handler should do with a Ctrl-C: `true` when a long loop will
/// stop at its next step (the flag is raised), `false` when no loop is
/// running, or a second Ctrl-C came before the loop stopped, and the
/// process should simply end.
pub fn request() -> bool {
    let again = REQUESTED.swap(true, Ordering::SeqCst);
    SECTIONS.load(Ordering::SeqCst) > 0 && !again
}

/// Whether a Ctrl-C asked the running loop to stop.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// A long loop that a Ctrl-C stops between steps; entered with
/// [`Interruptible::begin`], left when dropped.
pub struct Interruptible(());

impl Interruptible {
    pub fn begin() -> Interruptible {
        if SECTIONS.fetch_add(1, Ordering::SeqCst) == 0 {
            REQUESTED.store(false, Ordering::SeqCst);
        }
        Interruptible(())
    }
}

impl Drop for Interruptible {
    fn drop(&mut self) {
        SECTIONS.fetch_sub(1, Ordering::SeqCst);
    }
}
