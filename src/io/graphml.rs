//! GraphML: writes nodes and edges with every attribute (membership edges carry their
//! events); reads plain node/edge files with `<data>` attributes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::graph_file::{
    EDGE_ATTRIBUTES, GenericEdge, GenericGraph, GenericNode, NODE_ATTRIBUTES, actor_attributes,
    body_attributes, events_text, membership_edges, read_xml_graph, relation_attributes,
    xml_edge_ends, xml_node_id,
};
use super::report::ImportReport;
use super::xml::{self, escape};
use crate::model::Dataset;

fn write_data(out: &mut String, values: &[(&str, String)]) {
    for (key, value) in values {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value));
    }
}

/// Writes a dataset as GraphML.
pub fn write_string(dataset: &Dataset) -> String {
    let mut sorted = dataset.clone();
    sorted.canonicalize();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    for title in NODE_ATTRIBUTES {
        let target = if title == "title" { "graph" } else { "node" };
        let _ = writeln!(
            out,
            "  <key id=\"{title}\" for=\"{target}\" attr.name=\"{title}\" attr.type=\"string\"/>"
        );
    }
    out.push_str("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    for title in ["description", "license", "notes"] {
        let _ = writeln!(
            out,
            "  <key id=\"graph_{title}\" for=\"graph\" attr.name=\"graph_{title}\" attr.type=\"string\"/>"
        );
    }
    for title in EDGE_ATTRIBUTES {
        let _ = writeln!(
            out,
            "  <key id=\"{title}\" for=\"edge\" attr.name=\"{title}\" attr.type=\"string\"/>"
        );
    }
    out.push_str("  <graph id=\"G\" edgedefault=\"directed\">\n");
    let _ = writeln!(
        out,
        "    <data key=\"title\">{}</data>",
        escape(&sorted.meta.title)
    );
    for (key, value) in [
        ("graph_description", &sorted.meta.description),
        ("graph_license", &sorted.meta.license),
        ("graph_notes", &sorted.meta.notes),
    ] {
        if !value.is_empty() {
            let _ = writeln!(out, "    <data key=\"{key}\">{}</data>", escape(value));
        }
    }
    for actor in &sorted.actors {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&actor.id));
        let mut values = vec![("label", actor.name.clone())];
        values.extend(actor_attributes(actor));
        write_data(&mut out, &values);
        out.push_str("    </node>\n");
    }
    for body in &sorted.bodies {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&body.id));
        let mut values = vec![("label", body.name.clone())];
        values.extend(body_attributes(body));
        write_data(&mut out, &values);
        out.push_str("    </node>\n");
    }
    for edge in membership_edges(&sorted) {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            escape(edge.actor_id),
            escape(edge.body_id)
        );
        write_data(&mut out, &[("events", events_text(&edge.events))]);
        out.push_str("    </edge>\n");
    }
    for relation in &sorted.relations {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            escape(&relation.from),
            escape(&relation.to)
        );
        write_data(&mut out, &relation_attributes(relation));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Reads a GraphML file into a generic graph.
pub fn read_graph(text: &str, file: &str) -> Result<(GenericGraph, ImportReport), ImportReport> {
    read_xml_graph(
        text,
        file,
        "graphml",
        "GraphML",
        |root, graph_element, report| {
            let names: BTreeMap<String, String> = root
                .children_named("key")
                .filter_map(|key| {
                    let id = key.attribute("id")?;
                    Some((
                        id.to_owned(),
                        key.attribute("attr.name").unwrap_or(id).to_owned(),
                    ))
                })
                .collect();
            let data = |element: &xml::Element| -> BTreeMap<String, String> {
                element
                    .children_named("data")
                    .filter_map(|d| {
                        let key = d.attribute("key")?;
                        Some((
                            names.get(key).cloned().unwrap_or_else(|| key.to_owned()),
                            d.text.clone(),
                        ))
                    })
                    .collect()
            };
            let graph_data = data(graph_element);
            let text = |key: &str| graph_data.get(key).cloned().unwrap_or_default();
            let mut graph = GenericGraph {
                title: text("title"),
                description: text("graph_description"),
                license: text("graph_license"),
                notes: text("graph_notes"),
                ..GenericGraph::default()
            };
            for node in graph_element.children_named("node") {
                let Some(id) = xml_node_id(node, report) else {
                    continue;
                };
                let mut attributes = data(node);
                let label = attributes
                    .remove("label")
                    .or_else(|| attributes.remove("name"))
                    .unwrap_or_default();
                graph.nodes.push(GenericNode {
                    id: id.to_owned(),
                    label,
                    attributes,
                    line: node.line,
                    file: None,
                });
            }
            for edge in graph_element.children_named("edge") {
                let Some((source, target)) = xml_edge_ends(edge, report) else {
                    continue;
                };
                graph.edges.push(GenericEdge {
                    source: source.to_owned(),
                    target: target.to_owned(),
                    attributes: data(edge),
                    spells: Vec::new(),
                    line: edge.line,
                    file: None,
                });
            }
            graph
        },
    )
}
