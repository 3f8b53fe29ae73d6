//! `codegen [--spec DIR]`: loads the cavra contract spec and reports every problem in it.

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
    /// Verify that the generated files are current; write nothing.
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let dir = args.spec.unwrap_or_else(codegen::default_spec_dir);
    match codegen::load(&dir) {
        Ok(spec) => {
            let verb = if args.check { "checked" } else { "loaded" };
            println!("codegen: {verb} spec: {}", codegen::summary(&spec));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
            ExitCode::FAILURE
        }
    }
}
