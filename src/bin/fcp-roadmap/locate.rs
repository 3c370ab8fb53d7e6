//! Where a JSON pointer (RFC 6901) points in a document's text: the 1-based line and column
//! (in characters) of the value, so SARIF viewers can show a finding on its line.
//!
//! A small scanner over text that is already known to be JSON; it gives `None` rather than
//! guess when the pointer does not resolve.

/// The line and column of the value `pointer` names in `text`; `(1, 1)`-based.
pub fn line_column(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let offset = offset(text, pointer)?;
    let before = text.get(..offset)?;
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..)?.chars().count() + 1;
    Some((line, column))
}

/// The byte offset of the value `pointer` names.
fn offset(text: &str, pointer: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = skip_ws(bytes, 0);
    if pointer.is_empty() {
        return Some(at);
    }
    let tokens = pointer.strip_prefix('/')?.split('/');
    for token in tokens {
        let token = token.replace("~1", "/").replace("~0", "~");
        at = match bytes.get(at)? {
            b'{' => member(text, at, &token)?,
            b'[' => element(bytes, at, token.parse().ok()?)?,
            _ => return None,
        };
    }
    Some(at)
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The end of the string starting at `at` (its opening quote), just past its closing quote.
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The end of the value starting at `at`.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = at;
            while bytes
                .get(i)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                i += 1;
            }
            Some(i)
        }
    }
}

/// The value of the member `name` of the object starting at `at`.
fn member(text: &str, at: usize, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = skip_ws(bytes, at + 1);
    while bytes.get(i)? == &b'"' {
        let end = string_end(bytes, i)?;
        let key: String = serde_json::from_str(text.get(i..end)?).ok()?;
        i = skip_ws(bytes, end);
        if bytes.get(i)? != &b':' {
            return None;
        }
        i = skip_ws(bytes, i + 1);
        if key == name {
            return Some(i);
        }
        i = skip_ws(bytes, value_end(bytes, i)?);
        match bytes.get(i)? {
            b',' => i = skip_ws(bytes, i + 1),
            _ => return None,
        }
    }
    None
}

/// The `index`th element of the array starting at `at`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    let mut i = skip_ws(bytes, at + 1);
    if bytes.get(i)? == &b']' {
        return None;
    }
    for _ in 0..index {
        i = skip_ws(bytes, value_end(bytes, i)?);
        match bytes.get(i)? {
            b',' => i = skip_ws(bytes, i + 1),
            _ => return None,
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    const DOC: &str = "{\n  \"a\": [1, {\"b/c\": \"x\\\"]\"}],\n  \"d\": {\"e\": true}\n}";

    #[test]
    fn pointers_resolve_to_their_value() {
        assert_eq!(super::line_column(DOC, ""), Some((1, 1)));
        assert_eq!(super::line_column(DOC, "/a"), Some((2, 8)));
        assert_eq!(super::line_column(DOC, "/a/0"), Some((2, 9)));
        assert_eq!(super::line_column(DOC, "/a/1"), Some((2, 12)));
        assert_eq!(super::line_column(DOC, "/a/1/b~1c"), Some((2, 20)));
        assert_eq!(super::line_column(DOC, "/d/e"), Some((3, 14)));
    }

    #[test]
    fn missing_places_are_none() {
        assert_eq!(super::line_column(DOC, "/z"), None);
        assert_eq!(super::line_column(DOC, "/a/2"), None);
        assert_eq!(super::line_column(DOC, "/a/x"), None);
        assert_eq!(super::line_column(DOC, "/d/e/f"), None);
        assert_eq!(super::line_column("[]", "/0"), None);
        assert_eq!(super::line_column("{\"a\" 1}", "/a"), None);
    }
}
