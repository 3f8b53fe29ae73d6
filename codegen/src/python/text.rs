//! Python source text: string literals, identifiers and calls, written the way `ruff format`
//! leaves them (double quotes unless single need fewer escapes; a call or collection that does
//! not fit in 88 columns one item per line with a trailing comma, which ruff keeps as it is).

/// The line length of the package (`ruff format`'s default).
pub const LINE: usize = 88;

/// Python's keywords and soft keywords a field name must not shadow.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "match", "case", "type",
];

/// A spec name as a Python identifier: a keyword gets a trailing `_` (`from_`), as PEP 8 says.
pub fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("{name}_")
    } else {
        name.to_owned()
    }
}

/// `UPPER_SNAKE` of a snake_case name or a wire value (`requires-private` -> `REQUIRES_PRIVATE`).
pub fn upper(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// A string literal: double quotes, unless the text holds more `"` than `'`.
pub fn string(text: &str) -> String {
    let doubles = text.matches('"').count();
    let singles = text.matches('\'').count();
    let quote = if doubles > singles { '\'' } else { '"' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `head(items...)` (a call, or `(`/`[` for a tuple or list when `head` is empty) at `indent`
/// spaces, after `prefix` on the same line: on one line when it fits, else one item per line
/// with a trailing comma. Items may themselves span lines (already rendered for `indent + 4`).
pub fn bracket(
    prefix: &str,
    head: &str,
    open: char,
    items: &[String],
    indent: usize,
    suffix: &str,
) -> String {
    let close = match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    };
    let pad = " ".repeat(indent);
    let one_line = items.iter().all(|i| !i.contains('\n'));
    // A one-item tuple needs its comma on one line too.
    let tuple_of_one = head.is_empty() && open == '(' && items.len() == 1;
    let joined = items
        .iter()
        .map(|i| i.trim_start())
        .collect::<Vec<_>>()
        .join(", ");
    let flat = format!(
        "{pad}{prefix}{head}{open}{joined}{}{close}{suffix}",
        if tuple_of_one { "," } else { "" }
    );
    if one_line && flat.trim_end_matches('\n').chars().count() <= limit(suffix) {
        return flat;
    }
    if items.is_empty() {
        return format!("{pad}{prefix}{head}{open}{close}{suffix}");
    }
    let inner = " ".repeat(indent + 4);
    let mut out = format!("{pad}{prefix}{head}{open}\n");
    for item in items {
        let item = item.trim_start();
        out.push_str(&inner);
        out.push_str(item);
        out.push_str(",\n");
    }
    out.push_str(&format!("{pad}{close}{suffix}"));
    out
}

/// `target = value` as a statement at `indent`: a value that does not fit after the target is
/// parenthesised onto its own line where it fits there, as `ruff format` does.
pub fn assign(target: &str, value: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let flat = format!("{pad}{target} = {value}\n");
    if flat.trim_end().chars().count() <= LINE {
        return flat;
    }
    let inner = format!("{pad}    {value}");
    if inner.chars().count() <= LINE {
        format!("{pad}{target} = (\n{inner}\n{pad})\n")
    } else {
        flat
    }
}

/// The longest a line may be: an item (rendered without `suffix`) is followed by its comma.
fn limit(suffix: &str) -> usize {
    if suffix.is_empty() { LINE - 1 } else { LINE }
}

/// `head(arg)` with one argument that takes no trailing comma (a generator, or one value):
/// on one line when it fits, else the argument alone on an indented line, as `ruff format`
/// writes it.
pub fn call1(
    prefix: &str,
    head: &str,
    open: char,
    arg: &str,
    indent: usize,
    suffix: &str,
) -> String {
    let close = match open {
        '{' => '}',
        '[' => ']',
        _ => ')',
    };
    let pad = " ".repeat(indent);
    let flat = format!("{pad}{prefix}{head}{open}{arg}{close}{suffix}");
    if flat.trim_end_matches('\n').chars().count() <= limit(suffix) {
        return flat;
    }
    let inner = format!("{pad}    {arg}");
    // A generator that does not fit on its line is split before its `for`.
    let arg = match arg.split_once(" for ") {
        Some((element, rest)) if inner.chars().count() > LINE => {
            format!("{element}\n{pad}    for {rest}")
        }
        _ => arg.to_owned(),
    };
    format!("{pad}{prefix}{head}{open}\n{pad}    {arg}\n{pad}{close}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_take_the_quotes_that_need_fewer_escapes() {
        assert_eq!(string("plain"), "\"plain\"");
        assert_eq!(string("say \"hi\""), "'say \"hi\"'");
        assert_eq!(string("it's \"x\" \"y\""), "'it\\'s \"x\" \"y\"'");
        assert_eq!(string("a\\b\n"), "\"a\\\\b\\n\"");
    }

    #[test]
    fn brackets_fit_or_explode() {
        let items = vec!["\"a\"".to_owned(), "LABEL".to_owned()];
        assert_eq!(bracket("", "f", '(', &items, 0, ""), "f(\"a\", LABEL)");
        let long = vec!["x".repeat(50), "y".repeat(50)];
        assert_eq!(
            bracket("z = ", "f", '(', &long, 4, ""),
            format!(
                "    z = f(\n        {},\n        {},\n    )",
                "x".repeat(50),
                "y".repeat(50)
            )
        );
        assert_eq!(bracket("", "", '(', &["1".to_owned()], 0, ""), "(1,)");
        assert_eq!(ident("from"), "from_");
        assert_eq!(upper("requires-private"), "REQUIRES_PRIVATE");
    }
}
