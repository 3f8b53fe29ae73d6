//! "Did you mean" suggestions, by edit distance as rustc does it.

/// The candidate closest to `name`, if one is close enough to be a likely typo: a
/// Damerau-Levenshtein distance of at most a third of the name's length (and at least 1).
/// Ties go to the candidate listed first.
///
/// ```
/// use cavra_spec::suggest::did_you_mean;
/// assert_eq!(did_you_mean("worker_mod", ["handoff_status", "worker_mode"]), Some("worker_mode"));
/// assert_eq!(did_you_mean("billing", ["worker_mode"]), None);
/// ```
pub fn did_you_mean<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = (name.chars().count() / 3).max(1);
    let lowered = name.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| {
            let d = strsim::damerau_levenshtein(&lowered, &c.to_lowercase());
            (d, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `did you mean `x`?` for [`did_you_mean`]'s answer.
pub fn help<'a, I>(name: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(name, candidates).map(|c| format!("did you mean `{c}`?"))
}
