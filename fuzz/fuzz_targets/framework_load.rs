//! Framework loading: arbitrary bytes as a JSON framework never panic, and a framework that
//! loads serialises back to a document that loads to the same framework.
#![no_main]

use fcp_roadmap::framework::Framework;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(framework) = serde_json::from_slice::<Framework>(data) {
        let json = serde_json::to_string(&framework).unwrap();
        let again: Framework = serde_json::from_str(&json).unwrap();
        assert_eq!(again, framework);
    }
});
