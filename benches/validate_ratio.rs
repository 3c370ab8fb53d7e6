//! Parse + validate against bare `serde_json` deserialisation of the same bytes into the same
//! types, timed alternately, one of each in turn, so that both see the same load: on a shared
//! machine, criterion's separate measurement windows (`benches/validate.rs`) let the
//! neighbours' load move the ratio between runs. Prints, for 10, 100, 1 000 and 100 000
//! evidence items, the fastest and the median time of each and their ratios.
//!
//! A third timing, `Portfolio::from_json` alone, is the library's own copy of the same
//! deserialisation (and loading's checks): parse + validate over it is what validation adds to
//! the parse that runs it. The benchmark's `serde_json` call is a copy of that code compiled into
//! the benchmark, whose speed differs from the library's by a few per cent from build to
//! build; the target is the ratio to it (the first ratio).
//!
//! `cargo bench --bench validate_ratio` (about 20 seconds; `-- --quick` for a tenth of it).

// A benchmark binary: its output is the point.
#![allow(missing_docs, clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use fcp_roadmap::framework::FrameworkRegistry;
use fcp_roadmap::portfolio::{Portfolio, PortfolioParts};
use fcp_roadmap::validate::{ValidationContext, validate};

mod portfolio_gen;
use portfolio_gen::{as_of, portfolio_text};

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let budget = Duration::from_millis(if quick { 500 } else { 5_000 });
    let registry = FrameworkRegistry::builtin();
    let ctx = ValidationContext::new(as_of(), &registry);
    println!(
        "evidence items | serde_json only: fastest, median | parse + validate: fastest, median | ratio of fastest, of medians | Portfolio::from_json alone: fastest | parse + validate to it"
    );
    for n in [10usize, 100, 1_000, 100_000] {
        let text = portfolio_text(n);
        let report = validate(&Portfolio::from_json(&text).unwrap(), &ctx);
        assert!(report.is_complete(), "{:?}", report.diagnostics());
        let (mut serde_only, mut full, mut load) = (Vec::new(), Vec::new(), Vec::new());
        let started = Instant::now();
        while started.elapsed() < budget || serde_only.len() < 5 {
            let t = Instant::now();
            black_box(serde_json::from_str::<PortfolioParts>(black_box(&text)).unwrap());
            serde_only.push(t.elapsed());
            let t = Instant::now();
            let p = Portfolio::from_json(black_box(&text)).unwrap();
            let report = black_box(validate(&p, &ctx));
            drop((report, p));
            full.push(t.elapsed());
            let t = Instant::now();
            black_box(Portfolio::from_json(black_box(&text)).unwrap());
            load.push(t.elapsed());
        }
        for times in [&mut serde_only, &mut full, &mut load] {
            times.sort_unstable();
        }
        let (s_min, f_min, l_min) = (serde_only[0], full[0], load[0]);
        let (s_med, f_med) = (serde_only[serde_only.len() / 2], full[full.len() / 2]);
        println!(
            "{n:>7} | {s_min:>10.1?} {s_med:>10.1?} | {f_min:>10.1?} {f_med:>10.1?} | {:.2} {:.2} | {l_min:>10.1?} {:.2} ({} rounds)",
            f_min.as_secs_f64() / s_min.as_secs_f64(),
            f_med.as_secs_f64() / s_med.as_secs_f64(),
            f_min.as_secs_f64() / l_min.as_secs_f64(),
            serde_only.len()
        );
    }
}
