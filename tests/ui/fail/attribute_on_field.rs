use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
struct Note {
    #[cavra(operation = "saas_operating_automation")]
    title: String,
}

fn main() {}
