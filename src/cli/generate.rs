//! `minilateral generate`: the seeded synthetic datasets the benchmarks use, written to a
//! file (any format `convert` writes), with the same network as a Graphviz DOT file for
//! comparisons with other tools.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::commands::{CommandError, EXIT_OK};
use crate::document::Document;
use crate::scene::EdgeRef;

/// The arguments of `minilateral generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Where to write the dataset (.json, .csv, .gexf, .graphml; replaced atomically).
    pub out: PathBuf,
    /// How many nodes: four actors for each body, as in the benchmarks.
    #[arg(long, default_value_t = 5_000, value_parser = clap::value_parser!(u32).range(5..=1_000_000))]
    pub nodes: u32,
    /// How many events (default: eight per node, about six ties per node).
    #[arg(long)]
    pub events: Option<u32>,
    /// The seed: the same seed and sizes give the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also write the network (every tie the picture can show) as a Graphviz DOT file.
    #[arg(long, value_name = "PATH")]
    pub dot: Option<PathBuf>,
}

/// Writes the dataset (and the DOT file) and says what it wrote on `err`.
pub(super) fn generate(args: &GenerateArgs, err: &mut dyn Write) -> Result<u8, CommandError> {
    let nodes = args.nodes as usize;
    let bodies = (nodes / 5).max(1);
    let actors = nodes - bodies;
    let events = args.events.map_or(nodes * 8, |events| events as usize);
    let dataset = crate::synthetic::generate(actors, bodies, events, args.seed);
    crate::io::save(&dataset, &args.out)?;
    writeln!(
        err,
        "wrote {} ({actors} actors, {bodies} bodies, {} events)",
        args.out.display(),
        dataset.events.len()
    )?;
    if let Some(dot) = &args.dot {
        let document = Document::new(dataset, String::new(), String::new());
        let text = dot_string(&document);
        crate::io::save_atomically(dot, text.as_bytes())
            .map_err(|error| CommandError::Failed(write_error(dot, &error)))?;
        writeln!(
            err,
            "wrote {} ({} nodes, {} edges)",
            dot.display(),
            document.graph.node_count(),
            document.graph.edges.len()
        )?;
    }
    Ok(EXIT_OK)
}

fn write_error(path: &Path, error: &std::io::Error) -> String {
    format!("could not write {}: {error}", path.display())
}

/// The scene graph as an undirected DOT graph: nodes named by number (bodies first, then
/// actors), one edge per membership or relation.
pub fn dot_string(document: &Document) -> String {
    let graph = &document.graph;
    let mut text = String::with_capacity(graph.edges.len() * 14 + graph.node_count() * 8);
    text.push_str("graph minilateral {\n  node [shape=circle, label=\"\"];\n");
    for number in 0..graph.node_count() {
        text.push_str(&format!("  n{number};\n"));
    }
    for &(edge, from, to) in &graph.edges {
        let style = match edge {
            EdgeRef::Membership(..) => "",
            EdgeRef::Relation(_) => " [style=dashed]",
        };
        text.push_str(&format!("  n{from} -- n{to}{style};\n"));
    }
    text.push_str("}\n");
    text
}
