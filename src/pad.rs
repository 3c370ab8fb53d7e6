//! `Display` that honours width, fill, alignment and precision (`{:<30}`, `{:>8.3}`).
//!
//! A `Display` that writes with `f.write_str` or `write!` ignores the caller's width; one that
//! writes a single `&str` uses [`fmt::Formatter::pad`]. For text assembled from parts,
//! [`pad_args`] writes straight through when no width or precision is asked for (no
//! allocation), and otherwise formats into a string once and pads that.

use std::fmt;

/// Writes `args` through `f`, padded and truncated as `f` asks.
pub(crate) fn pad_args(f: &mut fmt::Formatter<'_>, args: fmt::Arguments<'_>) -> fmt::Result {
    if f.width().is_none() && f.precision().is_none() {
        return f.write_fmt(args);
    }
    match args.as_str() {
        Some(s) => f.pad(s),
        None => f.pad(&args.to_string()),
    }
}
