//! What the benchmarks share: the documents they measure and the baselines they are measured
//! against, each built the way the row of `scripts/bench.sh`'s table says.

pub mod documents;
pub mod synthetic;
pub mod upstream;
