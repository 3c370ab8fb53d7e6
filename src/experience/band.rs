//! Agenda for Change pay bands.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// An NHS Agenda for Change pay band: 1 to 7, 8a to 8d, and 9, in that order.
///
/// [`FromStr`] accepts the band's name with or without the word "Band", in any case and with
/// spaces around it: `"6"`, `"8a"`, `"8A"`, `"Band 7"`. [`Display`](fmt::Display) and serde
/// write the canonical name (`"6"`, `"8a"`) as a string; serde also reads a whole number
/// (`6`) for the bands that have one. "Band 6 or above" is `band >= Band::B6`.
///
/// Source: the paramedic route's "band 6 or equivalent", <https://www.selwdh.co.uk/workforce/paramedics>;
/// FCP posts at band 7, AP posts at 8a (docs/domain.md#bands, docs/domain.md#experience).
///
/// # Example
///
/// ```
/// use fcp_roadmap::experience::Band;
///
/// let b: Band = "Band 8a".parse()?;
/// assert_eq!(b, Band::B8a);
/// assert_eq!(b.to_string(), "8a");
/// assert!(b > Band::B7 && b < Band::B9);
/// assert!("8e".parse::<Band>().is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Exhaustive: these are the Agenda for Change pay bands, 1 to 9 with band 8 split into 8a–8d.
/// A new band would be a new pay system, and a new major version of this crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Band 1.
    B1,
    /// Band 2.
    B2,
    /// Band 3.
    B3,
    /// Band 4.
    B4,
    /// Band 5.
    B5,
    /// Band 6.
    B6,
    /// Band 7.
    B7,
    /// Band 8a.
    B8a,
    /// Band 8b.
    B8b,
    /// Band 8c.
    B8c,
    /// Band 8d.
    B8d,
    /// Band 9.
    B9,
}

impl Band {
    /// Every band, lowest first.
    pub const ALL: [Band; 12] = [
        Band::B1,
        Band::B2,
        Band::B3,
        Band::B4,
        Band::B5,
        Band::B6,
        Band::B7,
        Band::B8a,
        Band::B8b,
        Band::B8c,
        Band::B8d,
        Band::B9,
    ];

    /// The canonical name: `"6"`, `"8a"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Band::B1 => "1",
            Band::B2 => "2",
            Band::B3 => "3",
            Band::B4 => "4",
            Band::B5 => "5",
            Band::B6 => "6",
            Band::B7 => "7",
            Band::B8a => "8a",
            Band::B8b => "8b",
            Band::B8c => "8c",
            Band::B8d => "8d",
            Band::B9 => "9",
        }
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error from parsing a [`Band`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
pub struct BandError(String);

impl FromStr for Band {
    type Err = BandError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let name = t
            .get(..4)
            .filter(|p| p.eq_ignore_ascii_case("band"))
            .and_then(|_| t.get(4..))
            .map_or(t, str::trim_start);
        Band::ALL
            .into_iter()
            .find(|b| b.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| BandError(t.to_owned()))
    }
}

impl Serialize for Band {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Band {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl de::Visitor<'_> for Visitor {
            type Value = Band;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an Agenda for Change band such as \"6\" or \"8a\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Band, E> {
                v.parse().map_err(E::custom)
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Band, E> {
                self.visit_str(&v.to_string())
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Band, E> {
                self.visit_str(&v.to_string())
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

impl std::fmt::Display for BandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| {
            let Self { 0: v0, .. } = self;
            write!(
                f,
                "unknown Agenda for Change band `{v0}`: expected 1 to 7, 8a to 8d or 9"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_orders_bands() {
        assert_eq!("6".parse(), Ok(Band::B6));
        assert_eq!("8A".parse(), Ok(Band::B8a));
        assert_eq!("band 8d".parse(), Ok(Band::B8d));
        assert_eq!(" Band 7 ".parse(), Ok(Band::B7));
        assert_eq!("BAND9".parse(), Ok(Band::B9));
        for b in Band::ALL {
            assert_eq!(b.to_string().parse(), Ok(b));
        }
        assert!(Band::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn refuses_unknown_bands() {
        assert_eq!(
            "8e".parse::<Band>().unwrap_err().to_string(),
            "unknown Agenda for Change band `8e`: expected 1 to 7, 8a to 8d or 9"
        );
        for s in ["", "0", "10", "band", "8", "é", "Bänd 6"] {
            assert!(s.parse::<Band>().is_err(), "{s:?}");
        }
    }

    #[test]
    fn serde_is_the_canonical_name() {
        assert_eq!(serde_json::to_string(&Band::B8a).unwrap(), "\"8a\"");
        assert_eq!(serde_json::to_string(&Band::B6).unwrap(), "\"6\"");
        assert_eq!(serde_json::from_str::<Band>("6").unwrap(), Band::B6);
        assert_eq!(
            serde_json::from_str::<Band>("\"Band 8b\"").unwrap(),
            Band::B8b
        );
        assert!(serde_json::from_str::<Band>("10").is_err());
    }
}
