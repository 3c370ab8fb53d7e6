//! Real journeys end to end under each rule set.

mod roadmap_util;

use fcp_roadmap::profession::Profession;
use fcp_roadmap::roadmap::{AnyRoadmap, RoadmapRecord, StageKind};
use fcp_roadmap::rules::{Route, RuleSetId};
use roadmap_util::{World, d};

#[test]
fn occupational_therapist_on_the_taught_route_in_2022() {
    let w = World::new(RuleSetId::Roadmap2021, Profession::OccupationalTherapist);
    let events = w.journey(Route::Taught, d(2022, 1, 10));
    let record = RoadmapRecord::replay(events, &w.ctx()).unwrap();
    let AnyRoadmap::Recognised(r) = record.state() else {
        panic!("not recognised: {:?}", record.state().kind());
    };
    assert_eq!(r.recognised_on(), d(2022, 6, 11));
    assert_eq!(r.route(), Route::Taught);
    assert_eq!(r.stage_1_verified_on(), Some(d(2022, 4, 10)));
}

#[test]
fn dietitian_on_the_supported_portfolio_route_in_2024() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let n = events.len();
    let record = RoadmapRecord::replay(events, &w.ctx()).unwrap();
    assert_eq!(record.state().kind(), StageKind::Recognised);
    assert_eq!(record.events().len(), n);
}
