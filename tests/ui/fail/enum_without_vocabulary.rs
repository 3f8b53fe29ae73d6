use cavra::CavraContract;

#[derive(CavraContract)]
enum WorkerMode {
    DryRun,
    Shadow,
}

fn main() {}
