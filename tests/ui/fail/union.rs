use cavra::CavraContract;

#[derive(CavraContract)]
union Bits {
    flag: bool,
    count: u32,
}

fn main() {}
