//! `codegen [--spec DIR] [--out DIR] [--check]`: renders the cavra contract spec into the
//! generated `cavra` crate, or checks that the checked-in crate is current.
//! `codegen diff OLD NEW`: what a spec change breaks. `codegen new-operation NAME --family F`:
//! a skeleton of a new operation. `codegen explain CODE`: what a spec diagnostic code means.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Renders the cavra contract spec into the generated `cavra` crate.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
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

#[derive(Subcommand)]
enum Command {
    /// Classify every change from OLD to NEW as breaking, weakening the boundary, or compatible;
    /// exit 1 when one breaks and the allow-list does not accept it.
    Diff(DiffArgs),
    /// Explain a spec diagnostic code (`E0008`): what it means, with a wrong and a right example;
    /// without a code, list them all.
    Explain(ExplainArgs),
    /// Append a commented skeleton of a new operation to its family's spec file (or write it to a
    /// new file with `--file`).
    NewOperation(NewOperationArgs),
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The old spec: a directory, or a git revision of one (`main:spec`).
    old: String,
    /// The new spec: a directory, or a git revision of one.
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Changes the team accepts [default: spec/diff-allow.toml under the workspace root, if any].
    #[arg(long, value_name = "FILE")]
    allow: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// The code, as printed in `error[E0008]` (`E0008`, `e0008` and `0008` are read alike).
    code: Option<String>,
}

#[derive(clap::Args)]
struct NewOperationArgs {
    /// The operation's snake_case name.
    name: String,
    /// The family it belongs to.
    #[arg(long)]
    family: String,
    /// Spec directory [default: spec/contracts under the workspace root].
    #[arg(long, value_name = "DIR")]
    spec: Option<PathBuf>,
    /// Write the operation to this new file of the spec directory, starting with taplo's
    /// `#:schema` directive, instead of appending it to its family's file.
    #[arg(long, value_name = "NAME.toml")]
    file: Option<String>,
    /// The spec-language schema the new file's directive names [default:
    /// generated/cavra-spec.schema.json under the workspace root].
    #[arg(long, value_name = "FILE", requires = "file")]
    schema: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// rustc-style lines.
    Text,
    /// One JSON document.
    Json,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Diff(diff)) => run_diff(&diff),
        Some(Command::Explain(explain)) => run_explain(explain.code.as_deref()),
        Some(Command::NewOperation(new)) => {
            let dir = new.spec.unwrap_or_else(|| {
                cavra_codegen::workspace_root()
                    .join("spec")
                    .join("contracts")
            });
            let file = new
                .file
                .as_ref()
                .map(|name| cavra_codegen::new_operation::NewFile {
                    name: name.clone(),
                    schema: new.schema.clone().unwrap_or_else(|| {
                        cavra_codegen::workspace_root()
                            .join("generated")
                            .join(cavra_spec::language_schema::FILE_NAME)
                    }),
                });
            match cavra_codegen::new_operation::write(&dir, &new.name, &new.family, file.as_ref()) {
                Ok(path) => {
                    println!(
                        "codegen: {} a skeleton of `{}` {} {}; fill in its TODOs, then run `cargo run -p codegen`",
                        if file.is_some() { "wrote" } else { "appended" },
                        new.name,
                        if file.is_some() { "in" } else { "to" },
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprint!("{e}");
                    if !matches!(e, cavra_codegen::new_operation::NewOperationError::Spec(_)) {
                        eprintln!();
                    }
                    ExitCode::FAILURE
                }
            }
        }
        None => generate(args),
    }
}

fn run_explain(code: Option<&str>) -> ExitCode {
    use cavra_spec::DiagnosticKind;
    use std::io::Write as _;
    // Written, not printed: a closed pipe (`| head`) ends the output instead of panicking.
    let mut out = std::io::stdout().lock();
    let Some(code) = code else {
        for kind in DiagnosticKind::ALL {
            let title = kind.explanation().lines().next().unwrap_or_default();
            let _ = writeln!(out, "{}", title.trim_start_matches("### "));
        }
        return ExitCode::SUCCESS;
    };
    match DiagnosticKind::from_code(code) {
        Some(kind) => {
            let _ = writeln!(out, "{}", kind.explanation());
            ExitCode::SUCCESS
        }
        None => {
            let (first, last) = (
                DiagnosticKind::ALL[0],
                DiagnosticKind::ALL[DiagnosticKind::ALL.len() - 1],
            );
            eprintln!(
                "error: no spec diagnostic has the code `{code}`: codes run from {} to {} (`codegen explain` lists them)",
                first.code(),
                last.code()
            );
            ExitCode::FAILURE
        }
    }
}

fn run_diff(args: &DiffArgs) -> ExitCode {
    use cavra_codegen::diff::{self, AllowList, load};
    let load_side = |arg: &str, options| {
        load::load(
            &load::SpecRef::parse(arg),
            std::path::Path::new("."),
            options,
        )
    };
    let (old, new) = match (
        load_side(&args.old, cavra_spec::LoadOptions::history()),
        load_side(&args.new, cavra_spec::LoadOptions::default()),
    ) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(e), _) | (_, Err(e)) => {
            eprint!("{e}");
            if !matches!(e, load::LoadError::Spec(_)) {
                eprintln!();
            }
            return ExitCode::from(2);
        }
    };
    let default_allow = cavra_codegen::workspace_root()
        .join("spec")
        .join("diff-allow.toml");
    let allow_path = args
        .allow
        .clone()
        .or_else(|| default_allow.is_file().then_some(default_allow));
    let allow = match &allow_path {
        Some(path) => {
            let name = cavra_codegen::display_path(path).display().to_string();
            match std::fs::read_to_string(path)
                .map_err(|e| format!("{name}: {e}"))
                .and_then(|text| AllowList::parse(&name, &text))
            {
                Ok(list) => list,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        None => AllowList::default(),
    };
    let mut changes = diff::diff(&old, &new);
    for unused in allow.apply(&mut changes) {
        eprintln!("warning: allow-list entry `{unused}` matches no change; remove it");
    }
    match args.format {
        Format::Text => print!("{}", diff::render_text(&changes)),
        Format::Json => print!("{}", diff::render_json(&changes)),
    }
    if diff::Summary::of(&changes).fails {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn generate(args: Args) -> ExitCode {
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
