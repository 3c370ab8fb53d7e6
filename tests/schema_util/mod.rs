//! A small JSON Schema (draft 2020-12) validator for the keywords our schema uses, so the
//! tests need no validator crate. An unknown keyword fails loudly: if the schema grows one,
//! this file must learn it.

use std::collections::HashMap;

use regex::Regex;
use serde_json::{Map, Value};

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &["description", "default", "title", "$schema", "$defs"];

/// A compiled-on-demand validator over one root schema.
pub struct Validator<'s> {
    root: &'s Value,
    regexes: HashMap<String, Regex>,
}

impl<'s> Validator<'s> {
    pub fn new(root: &'s Value) -> Validator<'s> {
        Validator {
            root,
            regexes: HashMap::new(),
        }
    }

    /// The errors of `instance` against the root schema, each with its JSON pointer.
    pub fn errors(&mut self, instance: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(self.root, instance, "", &mut out);
        out
    }

    /// The errors of `instance` against `$defs/name`.
    pub fn errors_for(&mut self, name: &str, instance: &Value) -> Vec<String> {
        let mut out = Vec::new();
        let target = self.resolve(&format!("#/$defs/{name}"));
        self.check(target, instance, "", &mut out);
        out
    }

    fn check(&mut self, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return out.push(format!("{at}: nothing is allowed here")),
            Value::Object(s) => s,
            other => panic!("not a schema: {other}"),
        };
        for (key, arg) in schema {
            match key.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => {
                    let target = self.resolve(arg.as_str().expect("$ref is a string"));
                    self.check(target, v, at, out);
                }
                "type" => {
                    let ok = match arg {
                        Value::String(t) => has_type(v, t),
                        Value::Array(ts) => {
                            ts.iter().any(|t| has_type(v, t.as_str().expect("type")))
                        }
                        other => panic!("bad type keyword {other}"),
                    };
                    if !ok {
                        out.push(format!("{at}: {v} is not of type {arg}"));
                    }
                }
                "const" if v != arg => out.push(format!("{at}: {v} is not {arg}")),
                "enum"
                    if !arg
                        .as_array()
                        .expect("enum")
                        .iter()
                        .any(|e| numeric_eq(e, v)) =>
                {
                    out.push(format!("{at}: {v} is not one of {arg}"));
                }
                "oneOf" | "anyOf" => {
                    let passing = arg
                        .as_array()
                        .expect("list of schemas")
                        .iter()
                        .filter(|s| {
                            let mut errs = Vec::new();
                            self.check(s, v, at, &mut errs);
                            errs.is_empty()
                        })
                        .count();
                    if passing == 0 || (key == "oneOf" && passing > 1) {
                        out.push(format!("{at}: {passing} of the {key} schemas match"));
                    }
                }
                "properties" | "required" | "additionalProperties" => {
                    if let Value::Object(o) = v {
                        self.object(key, arg, schema, o, at, out);
                    }
                }
                "if" => {
                    let mut errs = Vec::new();
                    self.check(arg, v, at, &mut errs);
                    let branch = if errs.is_empty() { "then" } else { "else" };
                    if let Some(next) = schema.get(branch) {
                        self.check(next, v, at, out);
                    }
                }
                "not" => {
                    let mut errs = Vec::new();
                    self.check(arg, v, at, &mut errs);
                    if errs.is_empty() {
                        out.push(format!("{at}: {v} matches what is not allowed"));
                    }
                }
                "minItems" | "maxItems" | "uniqueItems" => {
                    if let Value::Array(items) = v {
                        array(key, arg, items, at, out);
                    }
                }
                "items" => {
                    if let Value::Array(items) = v {
                        for (i, item) in items.iter().enumerate() {
                            self.check(arg, item, &format!("{at}/{i}"), out);
                        }
                    }
                }
                "pattern" | "minLength" | "maxLength" | "format" => {
                    self.string(key, arg, v, at, out);
                }
                "minimum" | "maximum" | "exclusiveMinimum" => number(key, arg, v, at, out),
                "const" | "enum" | "then" | "else" => {}
                other => panic!("the test validator does not know the keyword {other:?}"),
            }
        }
    }

    fn string(&mut self, key: &str, arg: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
        match key {
            "pattern" => {
                if let Value::String(s) = v {
                    let p = arg.as_str().expect("pattern");
                    let re = self
                        .regexes
                        .entry(p.to_owned())
                        .or_insert_with(|| Regex::new(p).expect("pattern compiles"));
                    if !re.is_match(s) {
                        out.push(format!("{at}: {s:?} does not match {p}"));
                    }
                }
            }
            "format" => {
                if let (Some("date"), Value::String(s)) = (arg.as_str(), v) {
                    // Format is an annotation in 2020-12; we check `date` as an assertion,
                    // with the loader's parser.
                    if s.parse::<chrono::NaiveDate>().is_err() {
                        out.push(format!("{at}: {s:?} is not a date"));
                    }
                }
            }
            _ => {
                if let Value::String(s) = v {
                    let n = u64::try_from(s.chars().count()).expect("length");
                    let bound = arg.as_u64().expect("length bound");
                    if (key == "minLength" && n < bound) || (key == "maxLength" && n > bound) {
                        out.push(format!("{at}: {s:?} breaks {key} {bound}"));
                    }
                }
            }
        }
    }

    fn object(
        &mut self,
        key: &str,
        arg: &Value,
        schema: &Map<String, Value>,
        o: &Map<String, Value>,
        at: &str,
        out: &mut Vec<String>,
    ) {
        match key {
            "properties" => {
                for (name, sub) in arg.as_object().expect("properties") {
                    if let Some(value) = o.get(name) {
                        self.check(sub, value, &format!("{at}/{name}"), out);
                    }
                }
            }
            "required" => {
                for name in arg.as_array().expect("required") {
                    let name = name.as_str().expect("name");
                    if !o.contains_key(name) {
                        out.push(format!("{at}: missing required property {name:?}"));
                    }
                }
            }
            _ => {
                let known = schema.get("properties").and_then(Value::as_object);
                for (name, value) in o {
                    if known.is_none_or(|k| !k.contains_key(name)) {
                        self.check(arg, value, &format!("{at}/{name}"), out);
                    }
                }
            }
        }
    }

    fn resolve(&self, reference: &str) -> &'s Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local references: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("dangling reference {reference}"))
    }
}

fn array(key: &str, arg: &Value, items: &[Value], at: &str, out: &mut Vec<String>) {
    let n = u64::try_from(items.len()).expect("length");
    let ok = match key {
        "minItems" => n >= arg.as_u64().expect("bound"),
        "maxItems" => n <= arg.as_u64().expect("bound"),
        _ => {
            arg == &Value::Bool(false)
                || items
                    .iter()
                    .enumerate()
                    .all(|(i, x)| items.iter().take(i).all(|y| !numeric_eq(x, y)))
        }
    };
    if !ok {
        out.push(format!("{at}: {n} items break {key} {arg}"));
    }
}

fn number(key: &str, arg: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(n) = v.as_f64() {
        let b = arg.as_f64().expect("bound");
        let ok = match key {
            "minimum" => n >= b,
            "maximum" => n <= b,
            _ => n > b,
        };
        if !ok {
            out.push(format!("{at}: {n} breaks {key} {b}"));
        }
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        // 2020-12: an integer is any number with a zero fractional part.
        "integer" => v.as_f64().is_some_and(|n| n.fract() == 0.0),
        other => panic!("unknown type {other}"),
    }
}

/// JSON equality, numbers compared by value (`1` equals `1.0`).
fn numeric_eq(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
