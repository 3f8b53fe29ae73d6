use cavra::CavraContract;

#[derive(CavraContract)]
#[cavra(vocabulary = "worker_modes")]
enum WorkerMode {
    DryRun,
    Shadow,
    Live,
    Unknown,
}

fn main() {}
