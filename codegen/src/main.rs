//! `codegen [--spec DIR] [--out DIR] [--check]`: renders the cavra contract spec into the
//! generated `cavra` crate, or checks that the checked-in crate is current.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Renders the cavra contract spec into the generated `cavra` crate.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// Spec directory [default: spec/contracts under the workspace root].
    #[arg(long, value_name = "DIR")]
    spec: Option<PathBuf>,
    /// Output directory [default: generated under the workspace root].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Verify that the generated files are current; write nothing.
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut config = cavra_codegen::Config::new();
    if let Some(spec) = args.spec {
        config = config.spec_dir(spec);
    }
    if let Some(out) = args.out {
        config = config.out_dir(out);
    }
    let result = if args.check {
        config.check()
    } else {
        config.generate()
    };
    match result {
        Ok(report) if args.check && !report.drift.is_empty() => {
            for d in &report.drift {
                eprintln!("{d}");
            }
            eprintln!(
                "error: {} generated file{} out of date in {}; run `cargo run -p codegen`",
                report.drift.len(),
                if report.drift.len() == 1 {
                    " is"
                } else {
                    "s are"
                },
                report.out_dir.display()
            );
            ExitCode::FAILURE
        }
        Ok(report) if args.check => {
            println!(
                "codegen: {} is current ({})",
                report.out_dir.display(),
                report.spec
            );
            ExitCode::SUCCESS
        }
        Ok(report) => {
            println!("{}", report.summary());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{e}");
            if !matches!(e, cavra_codegen::Error::Spec(_)) {
                eprintln!();
            }
            ExitCode::FAILURE
        }
    }
}
