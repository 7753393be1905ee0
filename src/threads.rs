//! Where the threads Folio starts first run.
//!
//! Linux may queue a thread it starts on its starter's CPU, and on this kind of virtual
//! machine (2 cores, kernel 6.18) an idle core then did not take it over: the new thread
//! waited for its starter to block or to use up its time slice, up to 3 ms, while the
//! other core stayed idle (`benches/thread_start.c`: 0.5 to 3 ms in 19 starts of 20). In
//! one traced `folio export` the render's second thread and the walk shared one core for
//! 10.7 ms while the other was idle. The threads that do a command's work live for a few milliseconds, so each is
//! started by [`spawn_scoped`], which makes it leave its starter's core (the app's
//! long-lived threads, the file watcher's and the event loop's, start as usual).

use std::thread::{Builder, Scope, ScopedJoinHandle};

/// The stack of a thread that runs a site's templates (renders calls, loads a site): the
/// main thread's on Linux (8 MiB), for which the templates' depth limits are set.
pub const STACK_BYTES: usize = 8 << 20;

/// [`Builder::spawn_scoped`], and then the new thread runs beside its starter: the
/// starter yields its CPU once, so that a thread queued behind it starts at once, and
/// the new thread, when it finds itself on its starter's CPU, moves to another of the
/// CPUs it may run on and may run on all of them again. Measured on the 2-core machine
/// (`benches/thread_start.c`): started 29 to 54 µs after `spawn_scoped`, against up to
/// 3 ms. Outside Linux, or where the process may not change its CPU affinity (that
/// error is not Folio's to report), the thread starts as the system places it.
///
/// # Errors
/// As [`Builder::spawn_scoped`]'s: the system could not start a thread.
pub fn spawn_scoped<'scope, 'env, T: Send + 'scope>(
    scope: &'scope Scope<'scope, 'env>,
    builder: Builder,
    f: impl FnOnce() -> T + Send + 'scope,
) -> std::io::Result<ScopedJoinHandle<'scope, T>> {
    let starter = cpu();
    let thread = builder.spawn_scoped(scope, move || {
        leave(starter);
        f()
    })?;
    std::thread::yield_now();
    Ok(thread)
}

/// The CPU the calling thread runs on (`None` outside Linux).
fn cpu() -> Option<usize> {
    #[cfg(target_os = "linux")]
    return Some(rustix::thread::sched_getcpu());
    #[cfg(not(target_os = "linux"))]
    None
}

/// Moves the calling thread off CPU `starter` when it runs there, to another CPU it may
/// run on, then lets it run on all of them again (it stays where it moved until the
/// system moves it).
fn leave(starter: Option<usize>) {
    #[cfg(target_os = "linux")]
    {
        use rustix::thread::{sched_getaffinity, sched_setaffinity};
        let Some(starter) = starter.filter(|&at| cpu() == Some(at)) else {
            return;
        };
        let Ok(all) = sched_getaffinity(None) else {
            return;
        };
        let mut others = all;
        others.unset(starter);
        if others.count() > 0 && sched_setaffinity(None, &others).is_ok() {
            let _ = sched_setaffinity(None, &all);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = starter;
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// Keeps this thread's CPU busy, without yielding it, until `done` or `ms` passed.
    fn spin(ms: u64, done: impl Fn() -> bool) {
        let start = std::time::Instant::now();
        while !done() && start.elapsed() < std::time::Duration::from_millis(ms) {
            std::hint::spin_loop();
        }
    }

    #[test]
    fn a_thread_started_by_a_busy_thread_runs_beside_it_on_another_cpu() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // Where a thread may not change its CPUs (a container's policy), it starts as
        // the system places it: nothing to test.
        let Ok(all) = rustix::thread::sched_getaffinity(None) else {
            return;
        };
        if all.count() < 2 || rustix::thread::sched_setaffinity(None, &all).is_err() {
            return;
        }
        // Started by a thread that had been waiting (its CPU's load decayed, so the
        // system saw both CPUs alike), a thread was mostly queued on its starter's CPU,
        // behind it: eighteen starts of twenty elsewhere are not luck, and leave room for
        // the system moving one back on a busy machine.
        let mut elsewhere = 0;
        for _ in 0..20 {
            let ran_on = AtomicUsize::new(usize::MAX);
            let starter = std::thread::scope(|scope| {
                std::thread::sleep(std::time::Duration::from_millis(5));
                let starter = rustix::thread::sched_getcpu();
                spawn_scoped(scope, Builder::new(), || {
                    ran_on.store(rustix::thread::sched_getcpu(), Ordering::SeqCst)
                })
                .expect("a thread starts");
                spin(20, || ran_on.load(Ordering::SeqCst) != usize::MAX);
                starter
            });
            elsewhere += usize::from(ran_on.into_inner() != starter);
        }
        assert!(
            elsewhere >= 18,
            "{elsewhere} of 20 ran beside their starter"
        );
    }
}
