//! The `Display` texts of the small value enums, word for word: callers print them in user
//! interfaces and logs, so a change is a visible change.

use fcp_roadmap::framework::RoadmapStage;
use fcp_roadmap::profession::Parity;
use fcp_roadmap::registration::{InterimKind, PracticeRight};
use fcp_roadmap::signoff::Checklist;
use fcp_roadmap::supervisor::TrainingKind;

#[test]
fn practice_rights_read_as_sentences_about_practice() {
    assert_eq!(PracticeRight::Freely.to_string(), "may practise freely");
    assert_eq!(
        PracticeRight::WithinConditions.to_string(),
        "may practise within conditions"
    );
    assert_eq!(PracticeRight::NotPermitted.to_string(), "may not practise");
}

#[test]
fn interim_orders_name_the_order() {
    assert_eq!(
        InterimKind::Conditions.to_string(),
        "interim conditions of practice"
    );
    assert_eq!(InterimKind::Suspension.to_string(), "interim suspension");
}

#[test]
fn parity_names_the_years() {
    assert_eq!(Parity::Odd.to_string(), "odd years");
    assert_eq!(Parity::Even.to_string(), "even years");
}

#[test]
fn roadmap_stages_and_checklists() {
    assert_eq!(RoadmapStage::Fcp.to_string(), "first contact practice");
    assert_eq!(
        RoadmapStage::AdvancedPractice.to_string(),
        "advanced practice"
    );
    assert_eq!(Checklist::Stage1.to_string(), "stage 1 checklist");
    assert_eq!(Checklist::Stage2.to_string(), "stage 2 checklist");
}

#[test]
fn training_courses() {
    assert_eq!(
        TrainingKind::RoadmapSupervisorCourse.to_string(),
        "Roadmap Supervisor course"
    );
    assert_eq!(TrainingKind::GpTopUp.to_string(), "GP top-up");
}

#[test]
fn severities_stages_and_diagnostics() {
    use fcp_roadmap::diagnostic::{Code, Diagnostic, Severity};
    use fcp_roadmap::portfolio::Stage;

    for (s, text) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Note, "note"),
    ] {
        assert_eq!(s.as_str(), text);
        assert_eq!(s.to_string(), text);
    }
    assert_eq!(Stage::Stage1.as_str(), "stage_1");
    assert_eq!(Stage::Stage2.as_str(), "stage_2");
    assert_eq!(Stage::Stage1.to_string(), "stage 1");
    let code: Code = "V060".parse().unwrap();
    let d = Diagnostic::new(code, "/ratings/3", "capability `B3` has no evidence");
    assert_eq!(
        d.to_string(),
        format!(
            "error[V060] /ratings/3: capability `B3` has no evidence ({})",
            code.rule()
        )
    );
}
