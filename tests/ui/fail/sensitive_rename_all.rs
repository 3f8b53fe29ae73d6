use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[serde(rename_all = "camelCase")]
struct Signer {
    key_owner: String,
    private_key_id: String,
}

fn main() {}
