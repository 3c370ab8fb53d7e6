//! Registration-number parsing: never panics, and whatever parses round-trips through its
//! canonical text and serde.
#![no_main]

use fcp_roadmap::registration::{Register, RegistrationNumber};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(n) = text.parse::<RegistrationNumber>() {
        let canonical = n.to_string();
        assert_eq!(canonical.parse::<RegistrationNumber>(), Ok(n));
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(serde_json::from_str::<RegistrationNumber>(&json).unwrap(), n);
    }
    for register in [Register::Hcpc, Register::Gmc, Register::Nmc, Register::Gosc] {
        if let Ok(n) = RegistrationNumber::parse_on(register, text) {
            assert_eq!(n.register(), register);
            assert_eq!(n.to_string().parse::<RegistrationNumber>(), Ok(n));
        }
    }
});
