//! The module layout for a downstream build script: the `cavra` crate's library as one file, each
//! family an inline module, without the crate's facade (re-exports of the runtime and the
//! derive), the CLI or the server. The file is meant to be `include!`d at the root of the
//! downstream crate, where its `crate::` paths resolve.

use std::collections::BTreeMap;

use syn::{AttrStyle, Item};

use crate::GenerateError;

/// `src/contracts.rs`: `lib.rs` with every `mod family;` replaced by the family's items.
pub fn render_module(files: &BTreeMap<String, String>) -> Result<String, GenerateError> {
    let parse = |path: &str| -> Result<syn::File, GenerateError> {
        let source = files.get(path).ok_or_else(|| GenerateError::Rust {
            path: path.to_owned(),
            message: "not rendered".to_owned(),
        })?;
        syn::parse_file(source).map_err(|e| GenerateError::Rust {
            path: path.to_owned(),
            message: e.to_string(),
        })
    };
    let lib = parse("src/lib.rs")?;
    let mut items = Vec::new();
    for item in lib.items {
        match item {
            // The facade: a downstream crate names the runtime itself.
            Item::Use(_) => {}
            Item::Mod(mut m) if m.content.is_none() => {
                // `server` (and anything else behind a cfg) belongs to the `cavra` crate.
                if m.attrs.iter().any(|a| a.path().is_ident("cfg")) {
                    continue;
                }
                let family = parse(&format!("src/{}.rs", m.ident))?;
                for mut attr in family.attrs {
                    attr.style = AttrStyle::Outer;
                    m.attrs.push(attr);
                }
                m.content = Some((syn::token::Brace::default(), family.items));
                m.semi = None;
                items.push(Item::Mod(m));
            }
            other => items.push(other),
        }
    }
    let file = syn::File {
        shebang: None,
        frontmatter: None,
        attrs: Vec::new(),
        items,
    };
    Ok(prettyplease::unparse(&file))
}
