//! What the benchmarks share: a child process's wall time and peak memory
//! (`wait4`'s max RSS), and the median of repeated runs. Included by each
//! bench with `#[path]`, so that there is one copy.

use std::process::Command;
use std::time::{Duration, Instant};

/// Runs `command` to its end; returns its exit code, wall time and peak
/// RSS in bytes. Its output goes where `command` says.
// The child is reaped by `wait4` (for its rusage), not by `Child::wait`.
#[allow(clippy::zombie_processes, dead_code)]
pub fn run_measured(command: &mut Command) -> (i32, Duration, u64) {
    let start = Instant::now();
    let child = command.spawn().expect("spawn");
    let (code, rss) = wait_with_rusage(child.id());
    (code, start.elapsed(), rss)
}

/// Waits for a child with `wait4`, which reports its own peak RSS.
pub fn wait_with_rusage(pid: u32) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: `rusage` is plain data filled by the kernel; `pid` is our
    // child, not yet waited for (std's `Child` is dropped without waiting).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid as libc::pid_t, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, usage.ru_maxrss as u64 * 1024)
}

/// The middle of the sorted times (the upper one of an even count).
pub fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}
