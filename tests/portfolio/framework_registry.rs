//! Holding several frameworks and versions; resolving references to the highest match.

use fcp_roadmap::framework::{Framework, FrameworkId, FrameworkRef, FrameworkRegistry, builtin};

fn msk_at(version: &str) -> Framework {
    let mut raw = builtin::msk_core_2018_raw();
    raw.version = Some(version.to_owned());
    Framework::try_from(raw).unwrap()
}

fn wanted(id: &str, req: &str) -> FrameworkRef {
    FrameworkRef::new(id.parse().unwrap(), req.parse().unwrap())
}

#[test]
fn builtin_holds_the_two_sourced_frameworks() {
    let registry = FrameworkRegistry::builtin();
    assert_eq!(registry.len(), 2);
    let ids: Vec<&str> = registry.iter().map(|f| f.id().as_str()).collect();
    assert_eq!(ids, ["ap-2017", "msk-fcp-2018"]);
    assert!(
        registry
            .latest(&"paramedic-2019".parse::<FrameworkId>().unwrap())
            .is_none()
    );
}

#[test]
fn resolves_the_highest_matching_version() {
    let mut registry = FrameworkRegistry::new();
    assert!(registry.is_empty());
    for v in ["1.0.0", "1.2.0", "1.10.1", "2.0.0", "2.1.0-beta.1"] {
        assert!(registry.insert(msk_at(v)).is_none());
    }
    assert!(!registry.is_empty());
    assert_eq!(registry.len(), 5);
    let version = |req: &str| {
        registry
            .resolve(&wanted("msk-fcp-2018", req))
            .unwrap()
            .version()
            .to_string()
    };
    assert_eq!(version("^1"), "1.10.1");
    assert_eq!(version("~1.2"), "1.2.0");
    assert_eq!(version("*"), "2.0.0");
    assert_eq!(version(">=2.1.0-beta.0"), "2.1.0-beta.1");
    assert_eq!(version("=1.0.0"), "1.0.0");
    assert_eq!(
        registry
            .latest(&"msk-fcp-2018".parse().unwrap())
            .unwrap()
            .version()
            .to_string(),
        "2.1.0-beta.1"
    );
}

#[test]
fn unresolvable_reference_lists_what_is_available() {
    let mut registry = FrameworkRegistry::builtin();
    registry.insert(msk_at("1.1.0"));
    let err = registry.resolve(&wanted("msk-fcp-2018", "^2")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no framework matches `msk-fcp-2018 ^2`; available: ap-2017 1.0.0, msk-fcp-2018 1.0.0, msk-fcp-2018 1.1.0"
    );
    assert_eq!(err.available().len(), 3);
    assert_eq!(err.wanted(), &wanted("msk-fcp-2018", "^2"));
    let none = FrameworkRegistry::new()
        .resolve(&FrameworkRef::new(
            "x".parse().unwrap(),
            "*".parse().unwrap(),
        ))
        .unwrap_err();
    assert_eq!(
        none.to_string(),
        "no framework matches `x *`; available: none"
    );
}

#[test]
fn insert_replaces_the_same_version_and_reference_is_exact() {
    let mut registry = FrameworkRegistry::new();
    let first = msk_at("1.0.0");
    registry.insert(first.clone());
    let replaced = registry.insert(msk_at("1.0.0"));
    assert_eq!(replaced, Some(first.clone()));
    registry.insert(msk_at("1.0.1"));
    let exact = first.reference();
    assert_eq!(exact.to_string(), "msk-fcp-2018 =1.0.0");
    assert_eq!(
        registry.resolve(&exact).unwrap().version().to_string(),
        "1.0.0"
    );
    assert!(
        registry
            .get(
                &"msk-fcp-2018".parse().unwrap(),
                &semver::Version::new(1, 0, 1)
            )
            .is_some()
    );
}

#[test]
fn framework_ref_serde_round_trip() {
    let r = wanted("ap-2017", ">=1.0.0, <2.0.0");
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(json, r#"{"id":"ap-2017","version":">=1.0.0, <2.0.0"}"#);
    assert_eq!(serde_json::from_str::<FrameworkRef>(&json).unwrap(), r);
    assert!(serde_json::from_str::<FrameworkRef>(r#"{"id":"AP","version":"*"}"#).is_err());
}
