//! The HTTP routes of a spec's family descriptions (`GET /saas/control-plane/contract`), as the
//! router, the OpenAPI document and the console all list them.

use cavra_spec::{Family, Http, Spec};
use serde_json::Value;

/// A family whose public contract description has an HTTP route.
pub struct DescribedFamily<'s> {
    /// The family.
    pub family: &'s Family,
    /// Its route.
    pub http: &'s Http,
    /// The description document the route answers.
    pub document: Value,
    /// The route's name (`saas_control_plane_contract`): its key in `GET /console/config`, its
    /// OpenAPI operation id and its console section.
    pub name: String,
}

/// Every family description with a route, in spec order.
pub fn described(spec: &Spec) -> Vec<DescribedFamily<'_>> {
    spec.families
        .iter()
        .filter_map(|family| {
            let http = family.description.as_ref()?.http.as_ref()?;
            Some(DescribedFamily {
                family,
                http,
                document: cavra_spec::example::contract_description(spec, family)?,
                name: format!("{}_contract", family.name.value),
            })
        })
        .collect()
}
