//! Whole-time equivalence: the fraction of a full-time post a period of practice represents.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A whole-time equivalent (WTE): more than 0 and at most 1, with up to four decimal places.
///
/// Stored as an integer number of ten-thousandths, so it is exact, `Eq`, `Hash` and `Ord`.
/// [`FromStr`] accepts a plain decimal (`"0.6"`, `"1"`, `"1.0"`, `".5"`, `"0.0625"`); no sign,
/// no exponent, at most four decimal places. [`Display`](fmt::Display) writes the shortest
/// decimal (`0.6`, `1`).
///
/// Serde writes a number (`0.6`) and reads a number or a string, both through the parser: a
/// number is read by writing it as its shortest decimal and parsing that, so `0.60001` and
/// `1.5` are refused exactly as the strings would be.
///
/// # Example
///
/// ```
/// use fcp_roadmap::experience::Wte;
///
/// let w: Wte = "0.6".parse()?;
/// assert_eq!(w.ten_thousandths(), 6000);
/// assert_eq!(w.to_string(), "0.6");
/// assert!(w < Wte::FULL_TIME);
/// assert!("0".parse::<Wte>().is_err());
/// assert!("1.5".parse::<Wte>().is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Wte(u16);

impl Wte {
    /// Full time: 1.0.
    pub const FULL_TIME: Wte = Wte(Self::SCALE);

    /// The number of units in 1.0.
    const SCALE: u16 = 10_000;

    /// Builds a WTE from a number of ten-thousandths (`6000` is 0.6).
    ///
    /// # Example
    ///
    /// ```
    /// use fcp_roadmap::experience::Wte;
    ///
    /// assert_eq!(Wte::from_ten_thousandths(5000)?.to_string(), "0.5");
    /// assert!(Wte::from_ten_thousandths(0).is_err());
    /// assert!(Wte::from_ten_thousandths(10_001).is_err());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_ten_thousandths(units: u16) -> Result<Wte, WteError> {
        if units == 0 || units > Self::SCALE {
            Err(WteError::OutOfRange(Self::decimal(units)))
        } else {
            Ok(Wte(units))
        }
    }

    /// The WTE in ten-thousandths: 10 000 is full time.
    #[must_use]
    pub const fn ten_thousandths(self) -> u16 {
        self.0
    }

    /// The WTE as a floating-point number (for display or arithmetic outside this crate).
    #[must_use]
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / f64::from(Self::SCALE)
    }

    /// Shortest decimal text for any number of ten-thousandths (also out-of-range ones, for
    /// error messages).
    fn decimal(units: u16) -> String {
        let mut buf = [0; 6];
        Self::decimal_in(units, &mut buf).to_owned()
    }

    /// The same text, written into `buf` (`6.5535`, the longest, is 6 bytes).
    fn decimal_in(units: u16, buf: &mut [u8; 6]) -> &str {
        let ascii = |d: u16| b'0' + u8::try_from(d % 10).unwrap_or(0);
        // The whole part is at most 6 (`u16::MAX` ten-thousandths): one digit.
        let (whole, frac) = (units / Self::SCALE, units % Self::SCALE);
        let fraction = [frac / 1000, frac / 100 % 10, frac / 10 % 10, frac % 10];
        // Shortest: no trailing zeros, and no point without a fraction.
        let kept = fraction.iter().rposition(|&d| d != 0).map_or(0, |p| p + 1);
        let text = std::iter::once(ascii(whole))
            .chain((kept > 0).then_some(b'.'))
            .chain(fraction.into_iter().take(kept).map(ascii));
        let mut len = 0;
        for (slot, byte) in buf.iter_mut().zip(text) {
            *slot = byte;
            len += 1;
        }
        buf.get(..len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl fmt::Display for Wte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0; 6];
        f.pad(Self::decimal_in(self.0, &mut buf))
    }
}

/// The error from parsing or building a [`Wte`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum WteError {
    /// The text is not a plain decimal number.
    Syntax(String),
    /// More than four decimal places.
    TooPrecise(String),
    /// Zero, or more than one.
    OutOfRange(String),
}

impl FromStr for Wte {
    type Err = WteError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let syntax = || WteError::Syntax(t.to_owned());
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        if (whole.is_empty() && frac.is_empty())
            || (t.ends_with('.') && frac.is_empty())
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(syntax());
        }
        let frac_trimmed = frac.trim_end_matches('0');
        if frac_trimmed.len() > 4 {
            return Err(WteError::TooPrecise(t.to_owned()));
        }
        let whole_trimmed = whole.trim_start_matches('0');
        if whole_trimmed.len() > 1 {
            return Err(WteError::OutOfRange(t.to_owned()));
        }
        let whole_units: u16 = match whole_trimmed {
            "" => 0,
            w => w.parse::<u16>().map_err(|_| syntax())?,
        };
        let frac_units: u16 = if frac_trimmed.is_empty() {
            0
        } else {
            format!("{frac_trimmed:0<4}")
                .parse::<u16>()
                .map_err(|_| syntax())?
        };
        let units = whole_units
            .checked_mul(Wte::SCALE)
            .and_then(|w| w.checked_add(frac_units))
            .ok_or_else(|| WteError::OutOfRange(t.to_owned()))?;
        if units == 0 || units > Wte::SCALE {
            return Err(WteError::OutOfRange(t.to_owned()));
        }
        Ok(Wte(units))
    }
}

impl TryFrom<&str> for Wte {
    type Error = WteError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl Serialize for Wte {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Wte {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl de::Visitor<'_> for Visitor {
            type Value = Wte;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole-time equivalent: a number more than 0 and at most 1")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Wte, E> {
                v.parse().map_err(E::custom)
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Wte, E> {
                // Rust writes an f64 as the shortest decimal that reads back to it, never with
                // an exponent: the parser then judges exactly what the document said.
                self.visit_str(&format!("{v}"))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Wte, E> {
                self.visit_str(&v.to_string())
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Wte, E> {
                self.visit_str(&v.to_string())
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

impl std::fmt::Display for WteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::Syntax { 0: v0, .. } => write!(
                f,
                "whole-time equivalent `{v0}` is not a decimal number such as `0.6` or `1`"
            ),
            Self::TooPrecise { 0: v0, .. } => write!(
                f,
                "whole-time equivalent `{v0}` has more than four decimal places"
            ),
            Self::OutOfRange { 0: v0, .. } => write!(
                f,
                "whole-time equivalent `{v0}` is out of range: it must be more than 0 and at most 1"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_is_the_shortest_for_every_value() {
        for units in 0..=u16::MAX {
            let (whole, frac) = (units / 10_000, units % 10_000);
            let expected = if frac == 0 {
                whole.to_string()
            } else {
                format!("{whole}.{}", format!("{frac:04}").trim_end_matches('0'))
            };
            assert_eq!(Wte::decimal(units), expected, "{units}");
        }
        let w = Wte::from_ten_thousandths(6_250).unwrap();
        assert_eq!(format!("[{w:>6}]"), "[ 0.625]");
    }

    #[test]
    fn parses_decimals() {
        for (s, units) in [
            ("1", 10_000),
            ("1.0", 10_000),
            ("1.0000", 10_000),
            ("0.6", 6000),
            (".5", 5000),
            ("0.0625", 625),
            ("0.0001", 1),
            (" 0.8 ", 8000),
            ("00.25", 2500),
        ] {
            assert_eq!(s.parse::<Wte>().map(Wte::ten_thousandths), Ok(units), "{s}");
        }
    }

    #[test]
    fn refuses_bad_text_with_reasons() {
        assert_eq!(
            "abc".parse::<Wte>().unwrap_err().to_string(),
            "whole-time equivalent `abc` is not a decimal number such as `0.6` or `1`"
        );
        assert_eq!(
            "0.12345".parse::<Wte>().unwrap_err().to_string(),
            "whole-time equivalent `0.12345` has more than four decimal places"
        );
        assert_eq!(
            "1.5".parse::<Wte>().unwrap_err().to_string(),
            "whole-time equivalent `1.5` is out of range: it must be more than 0 and at most 1"
        );
        for s in [
            "", ".", "1.", "-0.5", "+0.5", "1e0", "0,5", "0.5.5", "0", "0.0000", "10",
        ] {
            assert!(s.parse::<Wte>().is_err(), "{s:?}");
        }
        assert_eq!(
            Wte::from_ten_thousandths(10_001).unwrap_err().to_string(),
            "whole-time equivalent `1.0001` is out of range: it must be more than 0 and at most 1"
        );
    }

    #[test]
    fn serde_is_a_number_and_goes_through_the_parser() {
        let w: Wte = "0.6".parse().unwrap();
        assert_eq!(serde_json::to_string(&w).unwrap(), "0.6");
        assert_eq!(serde_json::to_string(&Wte::FULL_TIME).unwrap(), "1.0");
        assert_eq!(serde_json::from_str::<Wte>("0.6").unwrap(), w);
        assert_eq!(serde_json::from_str::<Wte>("\"0.6\"").unwrap(), w);
        assert_eq!(serde_json::from_str::<Wte>("1").unwrap(), Wte::FULL_TIME);
        assert!(serde_json::from_str::<Wte>("0.00001").is_err());
        assert!(serde_json::from_str::<Wte>("1.5").is_err());
        assert!(serde_json::from_str::<Wte>("0").is_err());
        assert!(serde_json::from_str::<Wte>("-1").is_err());
    }
}
