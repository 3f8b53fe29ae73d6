use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
struct WorkerStatus {
    worker: String,
    api_token: String,
}

fn main() {}
