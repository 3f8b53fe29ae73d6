use cavra::CavraContract;

#[derive(CavraContract)]
#[cavra(vocabulary = "worker_mode")]
enum WorkerMode {
    DryRun,
    Shadow,
}

fn main() {}
