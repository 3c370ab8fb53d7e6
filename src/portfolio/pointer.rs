//! Finding the JSON pointer of an error position, after the fact.
//!
//! `serde_json` reports errors by line and column. Rather than track the path while parsing
//! (which would slow every successful load), the loader re-reads the text up to the error
//! position with the small scanner below, keeping a stack of object keys and array indexes.
//! It runs only on the error path, in one pass, and its stack is bounded.

use crate::diagnostic::escape_pointer_token;

/// Deeper than `serde_json`'s own recursion limit (128), so the stack never grows past what a
/// document that reached the error could hold.
const MAX_FRAMES: usize = 256;

enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
        value_done: bool,
    },
    Array {
        index: usize,
        value_done: bool,
    },
}

/// The byte offset of a 1-based line and column (columns count bytes), clamped to the text.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0usize;
    let mut current = 1usize;
    if line > 1 {
        start = text.len();
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                current += 1;
                if current == line {
                    start = i + 1;
                    break;
                }
            }
        }
    }
    start.saturating_add(column).min(text.len())
}

/// The JSON pointer of the innermost place open just before byte `end` (exclusive of the byte
/// the parser reported, so that a closing bracket still counts as inside its container).
#[allow(
    clippy::too_many_lines,
    reason = "one byte-level state machine, clearer in one place"
)]
pub(crate) fn pointer_at(text: &str, end: usize) -> String {
    let bytes = text.as_bytes();
    let end = end.saturating_sub(1).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut depth = 0usize; // frames beyond MAX_FRAMES, not stored
    let mut i = 0usize;
    let mut open_key: Option<String> = None; // a key string not yet closed at `end`
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'{' | b'[' => {
                if stack.len() < MAX_FRAMES {
                    stack.push(if b == b'{' {
                        Frame::Object {
                            key: None,
                            expecting_key: true,
                            value_done: false,
                        }
                    } else {
                        Frame::Array {
                            index: 0,
                            value_done: false,
                        }
                    });
                } else {
                    depth += 1;
                }
            }
            b'}' | b']' => {
                if depth > 0 {
                    depth -= 1;
                } else {
                    stack.pop();
                    mark_done(&mut stack);
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object {
                    key,
                    expecting_key,
                    value_done,
                }) => {
                    *key = None;
                    *expecting_key = true;
                    *value_done = false;
                }
                Some(Frame::Array { index, value_done }) => {
                    *index += 1;
                    *value_done = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let (s, closed, next) = read_string(bytes, i + 1, end);
                let is_key = matches!(
                    stack.last(),
                    Some(Frame::Object {
                        expecting_key: true,
                        ..
                    })
                );
                if is_key {
                    if closed {
                        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
                            *key = Some(s);
                        }
                    } else {
                        open_key = Some(s);
                    }
                } else if closed {
                    mark_done(&mut stack);
                }
                i = next;
                continue;
            }
            b if b.is_ascii_whitespace() => {}
            _ => {
                // A scalar (number, true, false, null): skip to its end.
                while let Some(&c) = bytes.get(i) {
                    if i >= end || matches!(c, b',' | b'}' | b']') || c.is_ascii_whitespace() {
                        break;
                    }
                    i += 1;
                }
                if i < end {
                    mark_done(&mut stack);
                }
                continue;
            }
        }
        i += 1;
    }
    let mut out = String::new();
    for frame in &stack {
        match frame {
            Frame::Object {
                key: Some(k),
                value_done: false,
                ..
            } => {
                out.push('/');
                out.push_str(&escape_pointer_token(k));
            }
            Frame::Object { .. } => {}
            Frame::Array { index, .. } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
        }
    }
    if let Some(k) = open_key {
        out.push('/');
        out.push_str(&escape_pointer_token(&k));
    }
    out
}

fn mark_done(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Object { value_done, .. } | Frame::Array { value_done, .. }) => {
            *value_done = true;
        }
        None => {}
    }
}

/// Reads a string body from `start` (after the opening quote); returns its (unescaped
/// enough for a pointer) text, whether it closed before `end`, and the index after it.
fn read_string(bytes: &[u8], start: usize, end: usize) -> (String, bool, usize) {
    let mut raw = Vec::new();
    let mut i = start;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => return (String::from_utf8_lossy(&raw).into_owned(), true, i + 1),
            b'\\' => {
                if let Some(&e) = bytes.get(i + 1) {
                    raw.push(match e {
                        b'n' => b'\n',
                        b't' => b'\t',
                        b'r' => b'\r',
                        other => other,
                    });
                }
                i += 2;
                continue;
            }
            _ => raw.push(b),
        }
        i += 1;
    }
    (String::from_utf8_lossy(&raw).into_owned(), false, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        let pos = text.find(marker).unwrap() + marker.len();
        pointer_at(text, pos)
    }

    #[test]
    fn keys_and_indexes() {
        let t = r#"{"a": {"b": [1, {"c": "x"}]}}"#;
        assert_eq!(at(t, r#""x""#), "/a/b/1/c");
        assert_eq!(at(t, r#""c""#), "/a/b/1/c");
        assert_eq!(at(t, "1"), "/a/b/0");
        assert_eq!(at(t, r#""x"}"#), "/a/b/1");
        assert_eq!(at(r#"{"a~/b": tru"#, "tru"), "/a~0~1b");
        // Escapes inside a key: a quote does not end it, and `\n` is a newline.
        assert_eq!(at(r#"{"a\"b\n": tru"#, "tru"), "/a\"b\n");
    }

    #[test]
    fn a_finished_scalar_closes_its_key() {
        let t = r#"{"a": 1 }"#;
        assert_eq!(pointer_at(t, t.len()), "");
        assert_eq!(at(t, "1"), "/a");
    }

    #[test]
    fn frames_beyond_the_bound_are_counted_not_stored() {
        let deep = format!("{}1", "[".repeat(300));
        assert_eq!(pointer_at(&deep, deep.len()), "/0".repeat(MAX_FRAMES));
        let back_out = format!("{deep}{},2", "]".repeat(299));
        assert_eq!(pointer_at(&back_out, back_out.len()), "/1");
    }

    #[test]
    fn line_and_column_to_offset() {
        let t = "{\n  \"ab\": 1\n}";
        assert_eq!(offset_of(t, 2, 6), 8);
        assert_eq!(offset_of(t, 1, 1), 1);
        assert_eq!(offset_of(t, 9, 9), t.len());
    }
}
