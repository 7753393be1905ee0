//! Opening a file in the user's programs (the export's `index.html` in a browser), saying
//! when none could. On Linux, `xdg-open` is run and its exit status read: it fails when no
//! program takes the file (exit 3 or 4: Chromium refusing to run as root, say), where the
//! opener plugin starts it detached and reports success whatever happens.

use std::path::Path;

/// How long `xdg-open` is waited for (ms): one still running then has started a program
/// in the foreground (a browser it runs itself), which is taken as opened.
#[cfg(any(target_os = "linux", test))]
const WAIT_MS: u64 = 4000;

/// Opens `path` with the user's program for it.
///
/// # Errors
/// No program could open it (the message names the file).
pub fn open<R: tauri::Runtime>(app: &tauri::AppHandle<R>, path: &Path) -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        let _ = app;
        run_and_wait("xdg-open", path)
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_opener::OpenerExt;
        app.opener()
            .open_path(path.to_string_lossy(), None::<&str>)
            .map_err(|e| e.to_string())
    }
}

/// Runs `program PATH` and waits up to [`WAIT_MS`] for it: `Err` when it cannot start or
/// exits with a failure, with its exit status.
#[cfg(any(target_os = "linux", test))]
fn run_and_wait(program: &str, path: &Path) -> Result<(), String> {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(program)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{program} could not start: {e}"))?;
    let deadline = Instant::now() + Duration::from_millis(WAIT_MS);
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(format!("{program} failed ({status})")),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            // Still running: it runs the program itself. Reaped when it ends.
            _ => {
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::run_and_wait;
    use std::path::Path;

    #[test]
    fn a_program_that_fails_to_open_the_file_is_an_error_naming_its_status() {
        let err = run_and_wait("false", Path::new("/tmp/index.html")).unwrap_err();
        assert!(
            err.contains("false failed") && err.contains("exit status: 1"),
            "{err}"
        );
    }

    #[test]
    fn a_program_that_opens_the_file_is_success_and_one_that_cannot_start_an_error() {
        assert_eq!(run_and_wait("true", Path::new("/tmp/index.html")), Ok(()));
        let err = run_and_wait("no-such-opener-program", Path::new("x")).unwrap_err();
        assert!(err.contains("could not start"), "{err}");
    }
}
