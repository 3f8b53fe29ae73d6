//! Small Markdown pieces the wiki views are made of, so that templates only lay them out.

/// `a`, `a and b`, `a, b, and c`: the seeds' inline lists.
pub fn inline_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// Bullet items as the seeds punctuate them: `;` after each, `.` after the last. Items that
/// already end in punctuation keep it.
pub fn bullets(items: &[String]) -> Vec<String> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let item = item.trim();
            if item.ends_with(['.', ';', ':', '?', '!']) {
                item.to_owned()
            } else if i + 1 == n {
                format!("{item}.")
            } else {
                format!("{item};")
            }
        })
        .collect()
}

/// A table cell: one line, pipes escaped.
pub fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// `code` spans for each value.
pub fn code_list(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A GFM table: header, separator and rows, every row as wide as the header.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n", header.join(" | "));
    out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
    for row in rows {
        let cells: Vec<String> = (0..header.len())
            .map(|i| row.get(i).map(|c| cell(c)).unwrap_or_default())
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// A wiki page name from its title: words joined by `-` (`SaaS-Operating-Automation-Contract`).
pub fn page_name(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// An intro line and the list it introduces. An intro with `{items}` takes the items inline and
/// has no list after it.
pub fn introduced(intro: &str, items: &[String], may_contain: &[String]) -> (String, Vec<String>) {
    let intro = intro.replace("{may_contain}", &inline_list(may_contain));
    if intro.contains("{items}") {
        (intro.replace("{items}", &inline_list(items)), Vec::new())
    } else {
        (intro, bullets(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn lists_read_like_the_seeds() {
        assert_eq!(inline_list(&s(&["a", "b", "c"])), "a, b, and c");
        assert_eq!(inline_list(&s(&["a", "b"])), "a and b");
        assert_eq!(bullets(&s(&["a", "b", "c."])), ["a;", "b;", "c."]);
        assert_eq!(bullets(&s(&["only"])), ["only."]);
    }

    #[test]
    fn tables_escape_pipes_and_page_names_use_dashes() {
        let t = table(&["A", "B"], &[vec!["x|y".into()]]);
        assert_eq!(t, "| A | B |\n| --- | --- |\n| x\\|y |  |\n");
        assert_eq!(
            page_name("SaaS Operating Automation Contract"),
            "SaaS-Operating-Automation-Contract"
        );
        assert_eq!(
            page_name("Billing And Subscription Boundary"),
            "Billing-And-Subscription-Boundary"
        );
    }

    #[test]
    fn intros_take_items_inline_or_before_a_list() {
        let (line, list) = introduced("We do {items}.", &s(&["a", "b"]), &[]);
        assert_eq!((line.as_str(), list.len()), ("We do a and b.", 0));
        let (line, list) = introduced(
            "May document {may_contain}. Must not store:",
            &s(&["x"]),
            &s(&["p", "q"]),
        );
        assert_eq!(line, "May document p and q. Must not store:");
        assert_eq!(list, ["x."]);
    }
}
