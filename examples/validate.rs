//! Placeholder until the validator lands.
fn main() {}
