//! The module layout for a downstream build script: the `cavra` crate's library as one file, each
//! family an inline module, without the crate's facade (re-exports of the runtime and the
//! derive), the CLI or the server. The file is meant to be `include!`d at the root of the
//! downstream crate, where its `crate::` paths resolve.

use std::collections::BTreeMap;

use syn::{AttrStyle, Item};

use crate::GenerateError;

/// `src/contracts.rs`: `lib.rs` with every `mod family;` replaced by the family's items, and
/// each of its `mod operation;` by the operation's.
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
            Item::Mod(m) if m.content.is_none() => {
                // `server` (and anything else behind a cfg) belongs to the `cavra` crate.
                if m.attrs.iter().any(|a| a.path().is_ident("cfg")) {
                    continue;
                }
                items.push(Item::Mod(inline(&parse, m, "src")?));
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

/// The out-of-line module `m` of the directory `dir`, with its file's items (and those of its own
/// out-of-line modules) inline and its inner attributes made outer.
fn inline(
    parse: &dyn Fn(&str) -> Result<syn::File, GenerateError>,
    mut m: syn::ItemMod,
    dir: &str,
) -> Result<syn::ItemMod, GenerateError> {
    let file = parse(&format!("{dir}/{}.rs", m.ident))?;
    for mut attr in file.attrs {
        attr.style = AttrStyle::Outer;
        m.attrs.push(attr);
    }
    let mut items = Vec::new();
    for item in file.items {
        match item {
            Item::Mod(child) if child.content.is_none() => {
                items.push(Item::Mod(inline(
                    parse,
                    child,
                    &format!("{dir}/{}", m.ident),
                )?));
            }
            other => items.push(other),
        }
    }
    m.content = Some((syn::token::Brace::default(), items));
    m.semi = None;
    Ok(m)
}
