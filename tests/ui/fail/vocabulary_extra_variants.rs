use cavra::CavraContract;

#[derive(CavraContract)]
#[cavra(vocabulary = "worker_mode")]
enum WorkerMode {
    DryRn,
    Shadow,
    Live,
    Unknown,
    Turbo,
}

fn main() {}
