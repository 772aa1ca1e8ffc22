//! Where a report goes: a file written so that no one's data is lost, or
//! stdout.
//!
//! Rules for `-o FILE`:
//! - an output that is one of the inputs (same canonical path, or same
//!   device and inode: hard links, symlinks, `./x/../a.txt`, stdin
//!   redirected from it) is refused before anything is read;
//! - a regular file is replaced atomically: the report goes to a temporary
//!   file with a random name, created exclusively (so a planted symlink is
//!   never followed) in the same folder, then renamed over the target; the
//!   target's permissions are kept; a symlink target is written through
//!   (the link stays a link);
//! - a non-regular file (`/dev/null`, a FIFO, a terminal) is written in
//!   place, never replaced by a regular file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use storydiff::Error;

/// Device and inode of a file, when it exists.
#[cfg(unix)]
fn identity(m: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// The metadata of stdin, when it is open on a file.
#[cfg(unix)]
fn stdin_metadata() -> Option<fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    fs::File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<fs::Metadata> {
    None
}

/// Refuse an output file that is also one of the inputs (`-` is stdin;
/// URLs are skipped). Called before any input is read.
pub fn refuse_input_as_output(output: Option<&str>, inputs: &[String]) -> Result<(), Error> {
    let Some(out) = output else {
        return Ok(());
    };
    let Ok(out_meta) = fs::metadata(out) else {
        // A file that does not exist yet cannot be an input.
        return Ok(());
    };
    if !out_meta.is_file() {
        // Writing to /dev/null or a FIFO loses nothing.
        return Ok(());
    }
    let out_canon = fs::canonicalize(out).ok();
    for arg in inputs {
        if storydiff::fetch::is_url(arg) {
            continue;
        }
        let (meta, canon) = if arg == "-" {
            (stdin_metadata(), None)
        } else {
            (fs::metadata(arg).ok(), fs::canonicalize(arg).ok())
        };
        let same_path = canon.is_some() && canon == out_canon;
        let same_file = meta
            .as_ref()
            .is_some_and(|m| m.is_file() && identity(m) == identity(&out_meta));
        if same_path || same_file {
            let what = if arg == "-" {
                "is also the input (stdin reads from it)".to_string()
            } else {
                format!("is also the input {arg}")
            };
            return Err(Error::input(
                out,
                format!(
                    "{what}; refusing to overwrite an input with the report (choose another -o FILE)"
                ),
            ));
        }
    }
    Ok(())
}

/// An output file being written.
pub enum Sink {
    /// A temporary file beside the target, renamed over it by `finish`.
    Replace {
        temp: tempfile::NamedTempFile,
        target: PathBuf,
        shown: String,
    },
    /// A device or FIFO, written in place.
    InPlace { file: fs::File, shown: String },
}

impl Sink {
    pub fn create(path: &str) -> Result<Sink, Error> {
        let cannot = |e: std::io::Error| Error::input(path, format!("cannot write: {e}"));
        if path.is_empty() {
            return Err(Error::input(path, "an empty output path"));
        }
        let given = Path::new(path);
        // Write through a symlink to the file it names.
        let target = match fs::symlink_metadata(given) {
            Ok(m) if m.file_type().is_symlink() => {
                fs::canonicalize(given).unwrap_or_else(|_| given.to_path_buf())
            }
            _ => given.to_path_buf(),
        };
        let permissions = match fs::metadata(&target) {
            Ok(m) if m.is_dir() => return Err(Error::input(path, "is a directory")),
            Ok(m) if !m.is_file() => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(cannot)?;
                return Ok(Sink::InPlace {
                    file,
                    shown: path.to_string(),
                });
            }
            Ok(m) => Some(m.permissions()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(cannot(e)),
        };
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut builder = tempfile::Builder::new();
        builder.prefix(".storydiff-").suffix(".tmp");
        // A new file gets the usual mode (0666 less the umask), not the
        // temporary file's 0600.
        #[cfg(unix)]
        if permissions.is_none() {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(dir).map_err(cannot)?;
        if let Some(p) = permissions {
            temp.as_file().set_permissions(p).map_err(cannot)?;
        }
        Ok(Sink::Replace {
            temp,
            target,
            shown: path.to_string(),
        })
    }

    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let (result, shown) = match self {
            Sink::Replace { temp, shown, .. } => (temp.write_all(bytes), shown),
            Sink::InPlace { file, shown } => (file.write_all(bytes), shown),
        };
        result.map_err(|e| Error::input(shown.as_str(), format!("cannot write: {e}")))
    }

    /// Flush, and put the file in place.
    pub fn finish(self) -> Result<(), Error> {
        match self {
            Sink::Replace {
                mut temp,
                target,
                shown,
            } => {
                temp.flush()
                    .map_err(|e| Error::input(shown.as_str(), format!("cannot write: {e}")))?;
                temp.persist(&target)
                    .map(|_| ())
                    .map_err(|e| Error::input(shown, format!("cannot write: {}", e.error)))
            }
            Sink::InPlace { mut file, shown } => file
                .flush()
                .map_err(|e| Error::input(shown, format!("cannot write: {e}"))),
        }
    }
}

/// Whether stdout was closed when storydiff started (`>&-`). The Rust
/// runtime reopens a closed stdout on /dev/null, read-write, before `main`,
/// so writes would vanish without an error; a shell's `>/dev/null` opens it
/// write-only. Linux only (it reads `/proc/self/fdinfo`); elsewhere false.
pub fn stdout_closed() -> bool {
    #[cfg(target_os = "linux")]
    {
        let on_null = fs::read_link("/proc/self/fd/1").is_ok_and(|l| l == Path::new("/dev/null"));
        if !on_null {
            return false;
        }
        let flags = fs::read_to_string("/proc/self/fdinfo/1")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("flags:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            });
        // O_ACCMODE is 3; O_RDWR is 2.
        flags.is_some_and(|f| f & 0o3 == 0o2)
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}
