//! Per-rule cost of the boundary's value rules on the benign corpus: MB/s of each rule's match
//! test alone, slowest first. Where the scan row misses its target, this names the rules to
//! look at. `cargo run --release -p cavra-benches --bin rule_costs`

use std::time::Instant;

fn main() {
    let json = cavra_benches::documents::benign_json(1 << 20);
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap_or_default();
    let mut strings = Vec::new();
    collect(&value, &mut strings);
    let bytes: usize = strings.iter().map(|s| s.len()).sum();
    let mut rows = Vec::new();
    for rule in cavra::BOUNDARY.value_patterns {
        let Ok(regex) = regex::bytes::RegexBuilder::new(rule.pattern)
            .unicode(false)
            .size_limit(64 << 20)
            .build()
        else {
            continue;
        };
        let start = Instant::now();
        let mut hits = 0;
        for s in &strings {
            hits += usize::from(regex.is_match(s.as_bytes()));
        }
        let seconds = start.elapsed().as_secs_f64();
        rows.push((
            bytes as f64 / seconds / 1e6,
            rule.name,
            rule.keywords.is_empty(),
            hits,
        ));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("{} strings, {bytes} bytes", strings.len());
    println!("| rule | MB/s | runs on every string | matches |");
    println!("| --- | --- | --- | --- |");
    for (rate, name, always, hits) in rows {
        println!(
            "| {name} | {rate:.0} | {} | {hits} |",
            if always { "yes" } else { "no (keyword)" }
        );
    }
}

fn collect<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k);
            collect(v, out);
        }),
        _ => {}
    }
}
