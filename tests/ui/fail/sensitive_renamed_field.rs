use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
struct Connector {
    name: String,
    #[serde(rename = "clientSecret")]
    credentials: String,
}

fn main() {}
