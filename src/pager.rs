//! A pager for long terminal reports, as git does: only when standard output
//! is a terminal and the report is taller than the screen (`--paging auto`),
//! through `$STORYDIFF_PAGER`, `$PAGER` or `less -FRX` (quit if one screen,
//! keep colours, leave the text on screen).

use std::io::Write;
use std::process::{Command, Stdio};

/// When to page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paging {
    /// Page when standard output is a terminal and the report does not fit.
    Auto,
    /// Page whenever standard output is a terminal.
    Always,
    /// Never page.
    Never,
}

/// The pager command line, or `None` for "no pager" (`PAGER=` or `cat`).
fn pager_command() -> Option<String> {
    let cmd = std::env::var("STORYDIFF_PAGER")
        .or_else(|_| std::env::var("PAGER"))
        .unwrap_or_else(|_| "less -FRX".to_string());
    let cmd = cmd.trim().to_string();
    if cmd.is_empty() || cmd == "cat" {
        None
    } else {
        Some(cmd)
    }
}

/// Whether `body` should go through a pager: `tty` is whether standard output
/// is a terminal, `height` the terminal's rows.
pub fn wanted(mode: Paging, tty: bool, body: &str, height: Option<usize>) -> bool {
    if !tty {
        return false;
    }
    match mode {
        Paging::Never => false,
        Paging::Always => true,
        Paging::Auto => height.is_some_and(|h| body.lines().count() >= h),
    }
}

/// Show `body` through the pager. `Ok(false)` when no pager could be started
/// (the caller then prints as usual); a reader that quits early is not an
/// error.
pub fn page(body: &str) -> std::io::Result<bool> {
    let Some(cmd) = pager_command() else {
        return Ok(false);
    };
    let mut child = match Command::new("sh")
        .arg("-c")
        .arg(&cmd)
        .env(
            "LESS",
            std::env::var("LESS").unwrap_or_else(|_| "FRX".into()),
        )
        .env("LV", "-c")
        .stdin(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(_) => return Ok(false),
    };
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(body.as_bytes()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(e) => return Err(e),
        }
    }
    child.wait()?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A pager never starts when stdout is not a terminal, whatever the mode.
    #[test]
    fn no_pager_without_a_terminal() {
        let long = "line\n".repeat(500);
        for mode in [Paging::Auto, Paging::Always, Paging::Never] {
            assert!(!wanted(mode, false, &long, Some(40)));
        }
    }

    // auto pages only a report taller than the screen.
    #[test]
    fn auto_pages_only_what_does_not_fit() {
        assert!(!wanted(Paging::Auto, true, &"l\n".repeat(10), Some(40)));
        assert!(wanted(Paging::Auto, true, &"l\n".repeat(40), Some(40)));
        assert!(!wanted(Paging::Auto, true, &"l\n".repeat(400), None));
        assert!(wanted(Paging::Always, true, "l\n", Some(40)));
        assert!(!wanted(Paging::Never, true, &"l\n".repeat(400), Some(40)));
    }
}
