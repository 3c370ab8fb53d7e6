//! Registration numbers on the HCPC, GMC, NMC and GOsC registers, parsed without allocating.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::profession::Profession;
use crate::registration::Register;

/// A registration number on one of the four registers, always valid and in canonical form.
///
/// A small `Copy` value: it stores the register (and for HCPC the profession), the digits as an
/// integer and their count, so leading zeros survive and nothing is allocated.
///
/// Canonical forms ([`Display`](fmt::Display), accepted by [`FromStr`] and used by serde):
///
/// | register | form | source |
/// |---|---|---|
/// | HCPC | code + 5 or 6 digits: `PA00981`, `PH105985`, `ODP13892` | `docs/domain.md#registration-numbers` |
/// | GMC | `GMC 1234567` (7 digits) | docs/domain.md#registration-numbers \[I\] |
/// | NMC | `NMC 12A3456E` (2 digits, letter, 4 digits, letter) | docs/domain.md#registration-numbers \[I\] |
/// | GOsC | `GOsC 1234` (1 to 7 digits) | format unknown \[?\]: a permissive form |
///
/// A bare GMC number and a bare GOsC number can both be seven digits, so the canonical form of
/// the non-HCPC registers carries the register's name. Use
/// [`RegistrationNumber::parse_on`] to read a bare number when the register is known.
///
/// Parsing forgives case, surrounding white space and one space between an HCPC code and its
/// digits, as people write them (`PH 105985` is `PH105985`), and accepts the NHS zero-padded
/// form of an HCPC number (`docs/domain.md#registration-numbers`, NHS England FHIR guidance):
/// an HCPC code followed by six digits
/// whose first is `0` is read as the five-digit number after it, so `CH029821` is `CH29821`.
/// For the two-letter codes that is exactly the NHS eight-character form; the same rule applies
/// to the three-letter codes (`ODP013892` is `ODP13892`), since HCPC numbers of six digits
/// never begin with `0` \[I\].
///
/// **How many digits.** HCPC says a number "has up to six numbers, and starts with the letters
/// of the profession code" (HCPC, "How to check the Register",
/// <https://www.hcpc-uk.org/check-the-register/how-to-check/>). Every real number we found has
/// five or six digits, and numbers below 10000 are written with leading zeros (`PA00981`,
/// `PA09970`); we found no number issued with fewer than five digits. So a number of one to
/// four digits is refused, and the error names the zero-padded form it expected
/// (`PA981` → `PA00981`): the user confirms it rather than the crate guessing that digits were
/// dropped \[I\].
///
/// When a number is refused for a mistake the user can fix (missing leading zeros, a separator
/// among the digits such as `PH-105985` or `GMC 123 4567`), the error names the canonical form
/// it expected.
///
/// # Example
///
/// ```
/// use fcp_roadmap::profession::Profession;
/// use fcp_roadmap::registration::{Register, RegistrationNumber};
///
/// let n: RegistrationNumber = " ch029821 ".parse()?;
/// assert_eq!(n.to_string(), "CH29821");
/// assert_eq!(n.profession(), Some(Profession::Podiatrist));
/// assert_eq!(n.register(), Register::Hcpc);
///
/// let gp = RegistrationNumber::parse_on(Register::Gmc, "1234567")?;
/// assert_eq!(gp.to_string(), "GMC 1234567");
///
/// let err = "OT1234567".parse::<RegistrationNumber>().unwrap_err();
/// assert_eq!(err.to_string(), "expected 5 or 6 digits after `OT`, found 7");
///
/// let spaced: RegistrationNumber = "PH 105985".parse()?;
/// assert_eq!(spaced.to_string(), "PH105985");
/// let err = "PH-105985".parse::<RegistrationNumber>().unwrap_err();
/// assert_eq!(err.to_string(), "unexpected `-` at byte 2: write the number as `PH105985`");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegistrationNumber {
    kind: Kind,
    digits: u32,
    width: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Hcpc(Profession),
    Gmc,
    /// The two letters of an NMC PIN, upper case; the digits hold the six digits in order.
    Nmc(u8, u8),
    Gosc,
}

/// The number of digits of a GMC reference number (`docs/domain.md#registration-numbers` \[I\]).
const GMC_DIGITS: usize = 7;
/// The most digits accepted for a GOsC number: the format is not published \[?\], so any run of
/// one to seven digits is accepted.
const GOSC_MAX_DIGITS: usize = 7;

/// The error from parsing a [`RegistrationNumber`]: what was wrong and where.
///
/// Byte positions count from the start of the text given, including leading white space.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The text is empty or only white space.
    Empty,
    /// The text does not begin with a register code.
    MissingCode {
        /// Byte position where the code was expected.
        at: usize,
    },
    /// The letters at the start are not an HCPC code nor `GMC`, `NMC` or `GOsC`.
    UnknownCode {
        /// The letters found (as written).
        code: String,
    },
    /// The number of digits is wrong for the code.
    DigitCount {
        /// The code or register name the digits follow (`OT`, `GMC`).
        code: &'static str,
        /// How many digits are allowed, in words (`5 or 6`).
        expected: &'static str,
        /// How many digits were found.
        found: usize,
    },
    /// A character that does not belong where it is.
    Unexpected {
        /// The character found.
        found: char,
        /// Its byte position.
        at: usize,
        /// What was expected there, in words.
        expected: &'static str,
    },
    /// An HCPC number of one to four digits: HCPC writes numbers below 10000 with leading zeros
    /// to five digits, so the error names that form.
    MissingLeadingZeros {
        /// The HCPC code the digits follow.
        code: &'static str,
        /// How many digits were found (1 to 4).
        found: usize,
        /// The number zero-padded to five digits, in canonical form.
        canonical: RegistrationNumber,
    },
    /// A separator among the digits (a space, `-`, `/` or `.`) where the canonical form has
    /// none: without it the number is valid, and the error names it.
    Separator {
        /// The separator found.
        found: char,
        /// Its byte position.
        at: usize,
        /// The number without separators, in canonical form.
        canonical: RegistrationNumber,
    },
    /// An NMC PIN of the wrong length.
    NmcPinLength {
        /// The number of characters found.
        found: usize,
    },
    /// A number on one register given where another register's number was expected.
    WrongRegister {
        /// The register asked for.
        expected: Register,
        /// The register of the number found.
        found: Register,
    },
    /// An HCPC number whose code is not the profession it was given with.
    ProfessionMismatch {
        /// The profession the number was given with.
        expected: Profession,
        /// The profession the code names.
        found: Profession,
    },
}

impl RegistrationNumber {
    /// The register this number is on.
    #[must_use]
    pub const fn register(self) -> Register {
        match self.kind {
            Kind::Hcpc(_) => Register::Hcpc,
            Kind::Gmc => Register::Gmc,
            Kind::Nmc(..) => Register::Nmc,
            Kind::Gosc => Register::Gosc,
        }
    }

    /// The profession, when the number names one: the HCPC profession of the code. `None` for
    /// GMC, NMC and GOsC numbers (a GOsC number is an osteopath's, but the caller says so with
    /// [`RegistrationNumber::for_profession`]).
    #[must_use]
    pub const fn profession(self) -> Option<Profession> {
        match self.kind {
            Kind::Hcpc(p) => Some(p),
            _ => None,
        }
    }

    /// Parses a number on a known register. For GMC, NMC and GOsC the register prefix is
    /// optional (`1234567` or `GMC 1234567`); an HCPC number always starts with its code.
    ///
    /// ```
    /// use fcp_roadmap::registration::{Register, RegistrationNumber};
    /// let pin = RegistrationNumber::parse_on(Register::Nmc, "12a3456e")?;
    /// assert_eq!(pin.to_string(), "NMC 12A3456E");
    /// let err = RegistrationNumber::parse_on(Register::Gmc, "PH12345").unwrap_err();
    /// assert_eq!(err.to_string(), "expected a number on the GMC register, found one on the HCPC register");
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_on(register: Register, s: &str) -> Result<RegistrationNumber, ParseError> {
        let (at, t) = trimmed(s)?;
        let starts_with_digit = t.bytes().next().is_some_and(|b| b.is_ascii_digit());
        let n = if starts_with_digit {
            match register {
                Register::Gmc => parse_gmc(t, at)?,
                Register::Nmc => parse_nmc(t, at)?,
                Register::Gosc => parse_gosc(t, at)?,
                Register::Hcpc => return Err(ParseError::MissingCode { at }),
            }
        } else {
            parse_prefixed(t, at)?
        };
        if n.register() == register {
            Ok(n)
        } else {
            Err(ParseError::WrongRegister {
                expected: register,
                found: n.register(),
            })
        }
    }

    /// Parses the number of a member of `profession`: an HCPC number whose code must be the
    /// profession's, or for the osteopath a GOsC number (prefix optional).
    ///
    /// ```
    /// use fcp_roadmap::profession::Profession;
    /// use fcp_roadmap::registration::RegistrationNumber;
    /// let ot = RegistrationNumber::for_profession(Profession::OccupationalTherapist, "OT41405")?;
    /// assert_eq!(ot.to_string(), "OT41405");
    /// let err = RegistrationNumber::for_profession(Profession::OccupationalTherapist, "PH44257")
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "registration code `PH` (physiotherapist) does not match the profession given, occupational_therapist (`OT`)"
    /// );
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_profession(
        profession: Profession,
        s: &str,
    ) -> Result<RegistrationNumber, ParseError> {
        let n = RegistrationNumber::parse_on(profession.register(), s)?;
        match n.profession() {
            Some(found) if found != profession => Err(ParseError::ProfessionMismatch {
                expected: profession,
                found,
            }),
            _ => Ok(n),
        }
    }
}

/// Trims white space, returning the byte offset of the first kept byte.
fn trimmed(s: &str) -> Result<(usize, &str), ParseError> {
    let start = s.trim_start();
    let at = s.len() - start.len();
    let t = start.trim_end();
    if t.is_empty() {
        Err(ParseError::Empty)
    } else {
        Ok((at, t))
    }
}

/// Parses text that starts with a register code (already trimmed; `at` is its offset).
fn parse_prefixed(t: &str, at: usize) -> Result<RegistrationNumber, ParseError> {
    let letters = t.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (code, rest) = t.split_at_checked(letters).unwrap_or((t, ""));
    if code.is_empty() {
        return Err(ParseError::MissingCode { at });
    }
    let rest_at = at + letters;
    if let Some(p) = Profession::from_hcpc_code(code) {
        return parse_hcpc(p, rest, rest_at);
    }
    // The other registers allow one space between name and number.
    let spaced = rest.strip_prefix(' ').unwrap_or(rest);
    let num_at = rest_at + (rest.len() - spaced.len());
    if code.eq_ignore_ascii_case("GMC") {
        parse_gmc(spaced, num_at)
    } else if code.eq_ignore_ascii_case("NMC") {
        parse_nmc(spaced, num_at)
    } else if code.eq_ignore_ascii_case("GOSC") {
        parse_gosc(spaced, num_at)
    } else {
        Err(ParseError::UnknownCode {
            code: code.to_owned(),
        })
    }
}

/// Reads a run of ASCII digits that must make up all of `t`, returning its value and length.
/// Reports the first non-digit, or the digit count when it is outside `min..=max`.
fn digits(
    t: &str,
    at: usize,
    min: usize,
    max: usize,
    code: &'static str,
    expected: &'static str,
) -> Result<(u32, usize), ParseError> {
    if let Some((i, c)) = t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(ParseError::Unexpected {
            found: c,
            at: at + i,
            expected: "a digit",
        });
    }
    let found = t.len();
    if found < min || found > max {
        return Err(ParseError::DigitCount {
            code,
            expected,
            found,
        });
    }
    // At most 7 digits here, so the value fits in a u32.
    let value = t
        .bytes()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    Ok((value, found))
}

/// Reads `t` as digits with separators (space, `-`, `/`, `.`) among them, for an error that
/// names the canonical form: the value, the digit count and whether the first digit is `0`,
/// when the count is within `min..=max` (at most 7, so the value fits in a `u32`).
fn without_separators(t: &str, min: usize, max: usize) -> Option<(u32, usize, bool)> {
    let mut value = 0u32;
    let mut count = 0usize;
    let mut first_zero = false;
    for b in t.bytes() {
        match b {
            b'0'..=b'9' => {
                if count == 0 {
                    first_zero = b == b'0';
                }
                count += 1;
                if count > max.min(7) {
                    return None;
                }
                value = value * 10 + u32::from(b - b'0');
            }
            b' ' | b'-' | b'/' | b'.' => {}
            _ => return None,
        }
    }
    (count >= min).then_some((value, count, first_zero))
}

/// Reads the digits of `t` for a register whose numbers have `min..=max` digits, and builds the
/// number with `build(value, width, first_is_zero)`. A separator among valid digits is refused
/// with the canonical form ([`ParseError::Separator`]).
fn number_digits(
    t: &str,
    at: usize,
    (min, max): (usize, usize),
    (code, expected): (&'static str, &'static str),
    build: impl Fn(u32, usize, bool) -> RegistrationNumber,
) -> Result<RegistrationNumber, ParseError> {
    match digits(t, at, min, max, code, expected) {
        Ok((value, width)) => Ok(build(value, width, t.starts_with('0'))),
        Err(ParseError::Unexpected {
            found,
            at,
            expected,
        }) => Err(match without_separators(t, min, max) {
            Some((value, width, zero)) => ParseError::Separator {
                found,
                at,
                canonical: build(value, width, zero),
            },
            None => ParseError::Unexpected {
                found,
                at,
                expected,
            },
        }),
        Err(e) => Err(e),
    }
}

fn parse_hcpc(p: Profession, rest: &str, at: usize) -> Result<RegistrationNumber, ParseError> {
    let code = p.hcpc_code().unwrap_or("");
    // One space between the code and the digits, as people write them: `PH 105985`.
    let (rest, at) = match rest.strip_prefix(' ') {
        Some(r) => (r, at + 1),
        None => (rest, at),
    };
    let build = |value: u32, width: usize, first_zero: bool| {
        // A six-digit number starting with 0 is the NHS zero-padded form of a five-digit one.
        let width = if width == 6 && first_zero { 5 } else { width };
        RegistrationNumber {
            kind: Kind::Hcpc(p),
            digits: value,
            width: u8::try_from(width).unwrap_or(6),
        }
    };
    match number_digits(rest, at, (5, 6), (code, "5 or 6"), build) {
        Err(ParseError::DigitCount { found, .. }) if (1..5).contains(&found) => {
            // All digits (a non-digit is reported first), fewer than five: at most 9999.
            let value = rest
                .bytes()
                .fold(0u32, |acc, b| acc * 10 + u32::from(b.wrapping_sub(b'0')));
            Err(ParseError::MissingLeadingZeros {
                code,
                found,
                canonical: build(value, 5, true),
            })
        }
        other => other,
    }
}

fn parse_gmc(t: &str, at: usize) -> Result<RegistrationNumber, ParseError> {
    number_digits(
        t,
        at,
        (GMC_DIGITS, GMC_DIGITS),
        ("GMC", "7"),
        |value, _, _| RegistrationNumber {
            kind: Kind::Gmc,
            digits: value,
            width: 7,
        },
    )
}

fn parse_gosc(t: &str, at: usize) -> Result<RegistrationNumber, ParseError> {
    number_digits(
        t,
        at,
        (1, GOSC_MAX_DIGITS),
        ("GOsC", "1 to 7"),
        |value, width, _| RegistrationNumber {
            kind: Kind::Gosc,
            digits: value,
            width: u8::try_from(width).unwrap_or(7),
        },
    )
}

fn parse_nmc(t: &str, at: usize) -> Result<RegistrationNumber, ParseError> {
    // Pattern: digit digit letter digit digit digit digit letter.
    const LETTER_AT: [bool; 8] = [false, false, true, false, false, false, false, true];
    let mut digits = 0u32;
    let mut letters = [0u8; 2];
    let mut count = 0usize;
    for ((i, c), letter) in t.char_indices().zip(LETTER_AT) {
        count += 1;
        let ok = if letter {
            c.is_ascii_alphabetic()
        } else {
            c.is_ascii_digit()
        };
        if !ok {
            return Err(ParseError::Unexpected {
                found: c,
                at: at + i,
                expected: if letter { "a letter" } else { "a digit" },
            });
        }
        let b = u8::try_from(c).unwrap_or(0);
        if letter {
            let slot = usize::from(count == 8);
            if let Some(l) = letters.get_mut(slot) {
                *l = b.to_ascii_uppercase();
            }
        } else {
            digits = digits * 10 + u32::from(b - b'0');
        }
    }
    let found = t.chars().count();
    if found != 8 {
        return Err(ParseError::NmcPinLength { found });
    }
    let [a, b] = letters;
    Ok(RegistrationNumber {
        kind: Kind::Nmc(a, b),
        digits,
        width: 6,
    })
}

impl FromStr for RegistrationNumber {
    type Err = ParseError;

    /// Parses any canonical form (see the type's documentation), forgiving case and
    /// surrounding white space. A number without a register code is refused as ambiguous.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (at, t) = trimmed(s)?;
        parse_prefixed(t, at)
    }
}

impl fmt::Display for RegistrationNumber {
    /// Writes the canonical form: `PA00981`, `GMC 1234567`, `NMC 12A3456E`, `GOsC 1234`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| {
            let width = usize::from(self.width);
            let n = self.digits;
            match self.kind {
                Kind::Hcpc(p) => write!(f, "{}{n:0width$}", p.hcpc_code().unwrap_or("")),
                Kind::Gmc => write!(f, "GMC {n:0width$}"),
                Kind::Gosc => write!(f, "GOsC {n:0width$}"),
                Kind::Nmc(first, last) => write!(
                    f,
                    "NMC {:02}{}{:04}{}",
                    n / 10_000,
                    char::from(first),
                    n % 10_000,
                    char::from(last)
                ),
            }
        })
    }
}

impl fmt::Debug for RegistrationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegistrationNumber({self})")
    }
}

impl Serialize for RegistrationNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RegistrationNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RegistrationNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a registration number such as `PH12345` or `GMC 1234567`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(V)
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::Empty { .. } => write!(f, "registration number is empty"),
            Self::MissingCode { at, .. } => write!(
                f,
                "registration number has no register code at byte {at}: write it as `PH12345`, `GMC 1234567`, `NMC 12A3456E` or `GOsC 1234`"
            ),
            Self::UnknownCode { code, .. } => write!(
                f,
                "unknown register code `{code}`: expected an HCPC code (AS, BS, CH, CS, DT, HAD, ODP, OR, OT, PA, PH, PO, PYL, RA, SL), `GMC`, `NMC` or `GOsC`"
            ),
            Self::DigitCount {
                expected,
                code,
                found,
                ..
            } => write!(
                f,
                "expected {expected} digits after `{code}`, found {found}"
            ),
            Self::Unexpected {
                found,
                at,
                expected,
                ..
            } => write!(f, "unexpected `{found}` at byte {at}: expected {expected}"),
            Self::MissingLeadingZeros {
                code,
                found,
                canonical,
                ..
            } => write!(
                f,
                "expected 5 or 6 digits after `{code}`, found {found}: HCPC writes shorter numbers with leading zeros, as `{canonical}`"
            ),
            Self::Separator {
                found,
                at,
                canonical,
                ..
            } => write!(
                f,
                "unexpected `{found}` at byte {at}: write the number as `{canonical}`"
            ),
            Self::NmcPinLength { found, .. } => write!(
                f,
                "expected an NMC PIN of 8 characters (2 digits, a letter, 4 digits, a letter), found {found}"
            ),
            Self::WrongRegister {
                expected, found, ..
            } => write!(
                f,
                "expected a number on the {expected} register, found one on the {found} register"
            ),
            Self::ProfessionMismatch {
                found, expected, ..
            } => write!(
                f,
                "registration code `{found_code}` ({found}) does not match the profession given, {expected} (`{expected_code}`)",
                found_code = found.hcpc_code().unwrap_or(""),
                expected_code = expected.hcpc_code().unwrap_or("")
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<RegistrationNumber, ParseError> {
        s.parse()
    }

    #[test]
    fn real_numbers_keep_leading_zeros() {
        for s in [
            "PA00981", "PA09970", "OT41405", "PH44257", "PH105985", "ODP13892",
        ] {
            assert_eq!(parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn nhs_padded_form_is_normalised() {
        assert_eq!(parse("CH029821").unwrap().to_string(), "CH29821");
        assert_eq!(parse("PH095159").unwrap(), parse("PH95159").unwrap());
        assert_eq!(parse("ODP013892").unwrap().to_string(), "ODP13892");
    }

    #[test]
    fn other_registers() {
        assert_eq!(parse("gmc1234567").unwrap().to_string(), "GMC 1234567");
        assert_eq!(parse("NMC 12a3456e").unwrap().to_string(), "NMC 12A3456E");
        assert_eq!(parse("GOSC 0042").unwrap().to_string(), "GOsC 0042");
        assert_eq!(parse("NMC 09Z0001A").unwrap().to_string(), "NMC 09Z0001A");
    }

    #[test]
    fn errors_say_where() {
        let e = |s: &str| parse(s).unwrap_err().to_string();
        assert_eq!(e("PH12x45"), "unexpected `x` at byte 4: expected a digit");
        assert_eq!(e("  "), "registration number is empty");
        assert_eq!(
            e("NMC 12A34567"),
            "unexpected `7` at byte 11: expected a letter"
        );
        assert_eq!(
            e("NMC 12A345"),
            "expected an NMC PIN of 8 characters (2 digits, a letter, 4 digits, a letter), found 6"
        );
        assert_eq!(e("GMC 123456"), "expected 7 digits after `GMC`, found 6");
        assert_eq!(
            e("GOsC 12345678"),
            "expected 1 to 7 digits after `GOsC`, found 8"
        );
    }

    #[test]
    fn is_small() {
        assert!(std::mem::size_of::<RegistrationNumber>() <= 12);
    }
}
