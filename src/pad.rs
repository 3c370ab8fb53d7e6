//! `Display` that honours width, fill, alignment and precision (`{:<30}`, `{:>8.3}`).
//!
//! A `Display` that writes with `f.write_str` or `write!` ignores the caller's width; one that
//! writes a single `&str` uses [`fmt::Formatter::pad`]. For text assembled from parts,
//! [`pad_with`] writes straight through when no width or precision is asked for (no
//! allocation), and otherwise writes into a string once and pads that.

use std::fmt;

/// Runs `write` straight into `f` when no width or precision is asked for (no allocation);
/// otherwise into a string, which is then padded and truncated as `f` asks.
pub(crate) fn pad_with(
    f: &mut fmt::Formatter<'_>,
    write: impl FnOnce(&mut dyn fmt::Write) -> fmt::Result,
) -> fmt::Result {
    if f.width().is_none() && f.precision().is_none() {
        return write(f);
    }
    let mut text = String::new();
    write(&mut text)?;
    f.pad(&text)
}
