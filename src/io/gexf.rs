//! GEXF (Gephi's format): writes GEXF 1.3 dynamic graphs; reads GEXF 1.2draft and 1.3,
//! static or dynamic, as Gephi and networkx write them.
//!
//! Each membership edge (actor → body) carries spells for the periods the actor had a
//! status, a dynamic `status` attribute (signatory, party, in force, ...) and, so that no
//! fact is lost, its events with sources in a static `events` attribute. Relations between
//! bodies are edges with a `relation` attribute.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::graph_file::{
    EDGE_ATTRIBUTES, GenericEdge, GenericGraph, GenericNode, NODE_ATTRIBUTES, actor_attributes,
    body_attributes, events_text, membership_edges, read_xml_graph, relation_attributes,
    xml_edge_ends, xml_node_id,
};
use super::report::ImportReport;
use super::xml::{Element, escape};
use crate::model::{Dataset, Word};

/// Where a node is drawn and its colour, for the `viz:` elements (from the current layout).
#[derive(Clone, Debug, Default)]
pub struct NodeLooks {
    /// Position by node id.
    pub positions: BTreeMap<String, (f32, f32)>,
    /// RGB colour by node id.
    pub colours: BTreeMap<String, [u8; 3]>,
}

fn write_attvalues(out: &mut String, values: &[(&str, String)]) {
    if values.is_empty() {
        return;
    }
    out.push_str("        <attvalues>\n");
    for (key, value) in values {
        let _ = writeln!(
            out,
            "          <attvalue for=\"{key}\" value=\"{}\"/>",
            escape(value)
        );
    }
    out.push_str("        </attvalues>\n");
}

fn write_viz(out: &mut String, id: &str, looks: &NodeLooks) {
    if let Some([r, g, b]) = looks.colours.get(id) {
        let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
    }
    if let Some((x, y)) = looks.positions.get(id) {
        let _ = writeln!(
            out,
            "        <viz:position x=\"{x:.2}\" y=\"{y:.2}\" z=\"0\"/>"
        );
    }
}

/// Writes a dataset as a GEXF 1.3 dynamic graph.
pub fn write_string(dataset: &Dataset, looks: &NodeLooks) -> String {
    let mut sorted = dataset.clone();
    sorted.canonicalize();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
    out.push_str("  <meta>\n    <creator>Minilateral</creator>\n");
    let _ = writeln!(out, "    <title>{}</title>", escape(&sorted.meta.title));
    let _ = writeln!(
        out,
        "    <description>{}</description>",
        escape(&sorted.meta.description)
    );
    out.push_str("  </meta>\n");
    out.push_str("  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" timerepresentation=\"interval\">\n");
    out.push_str("    <attributes class=\"node\" mode=\"static\">\n");
    for title in NODE_ATTRIBUTES.iter().filter(|t| **t != "title") {
        let _ = writeln!(
            out,
            "      <attribute id=\"{title}\" title=\"{title}\" type=\"string\"/>"
        );
    }
    out.push_str("    </attributes>\n");
    out.push_str("    <attributes class=\"edge\" mode=\"static\">\n");
    for title in EDGE_ATTRIBUTES {
        let _ = writeln!(
            out,
            "      <attribute id=\"{title}\" title=\"{title}\" type=\"string\"/>"
        );
    }
    out.push_str("    </attributes>\n");
    out.push_str("    <attributes class=\"edge\" mode=\"dynamic\">\n");
    out.push_str("      <attribute id=\"status\" title=\"status\" type=\"string\"/>\n");
    out.push_str("    </attributes>\n");

    out.push_str("    <nodes>\n");
    for actor in &sorted.actors {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            escape(&actor.id),
            escape(&actor.name)
        );
        write_attvalues(&mut out, &actor_attributes(actor));
        write_viz(&mut out, &actor.id, looks);
        out.push_str("      </node>\n");
    }
    for body in &sorted.bodies {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            escape(&body.id),
            escape(&body.name)
        );
        write_attvalues(&mut out, &body_attributes(body));
        write_viz(&mut out, &body.id, looks);
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (index, edge) in membership_edges(&sorted).iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"m{index}\" source=\"{}\" target=\"{}\">",
            escape(edge.actor_id),
            escape(edge.body_id)
        );
        let periods = edge.periods();
        out.push_str("        <attvalues>\n");
        let _ = writeln!(
            out,
            "          <attvalue for=\"events\" value=\"{}\"/>",
            escape(&events_text(&edge.events))
        );
        for period in &periods {
            for span in &period.statuses {
                let end = span
                    .end
                    .map(|d| format!(" end=\"{}\"", d.start()))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"status\" value=\"{}\" start=\"{}\"{end}/>",
                    span.status.word(),
                    span.start.start()
                );
            }
        }
        out.push_str("        </attvalues>\n");
        if !periods.is_empty() {
            out.push_str("        <spells>\n");
            for period in &periods {
                let end = period
                    .end
                    .map(|d| format!(" end=\"{}\"", d.start()))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "          <spell start=\"{}\"{end}/>",
                    period.start.start()
                );
            }
            out.push_str("        </spells>\n");
        }
        out.push_str("      </edge>\n");
    }
    for (index, relation) in sorted.relations.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"r{index}\" source=\"{}\" target=\"{}\">",
            escape(&relation.from),
            escape(&relation.to)
        );
        write_attvalues(&mut out, &relation_attributes(relation));
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// Reads a GEXF file (1.2draft or 1.3, static or dynamic) into a generic graph.
pub fn read_graph(text: &str, file: &str) -> Result<(GenericGraph, ImportReport), ImportReport> {
    read_xml_graph(text, file, "gexf", "GEXF", |root, graph_element, report| {
        let mut titles: BTreeMap<(String, String), String> = BTreeMap::new();
        for attributes in graph_element.children_named("attributes") {
            let class = attributes.attribute("class").unwrap_or("node").to_owned();
            for attribute in attributes.children_named("attribute") {
                if let Some(id) = attribute.attribute("id") {
                    let title = attribute.attribute("title").unwrap_or(id).to_owned();
                    titles.insert((class.clone(), id.to_owned()), title);
                }
            }
        }
        let values = |element: &Element, class: &str| -> BTreeMap<String, String> {
            let mut values = BTreeMap::new();
            if let Some(list) = element.child("attvalues") {
                for value in list.children_named("attvalue") {
                    let Some(key) = value.attribute("for").or_else(|| value.attribute("id")) else {
                        continue;
                    };
                    // Dynamic values (with a start) describe periods; keep static values only.
                    if value.attribute("start").is_some() || value.attribute("end").is_some() {
                        continue;
                    }
                    let title = titles
                        .get(&(class.to_owned(), key.to_owned()))
                        .cloned()
                        .unwrap_or_else(|| key.to_owned());
                    values.insert(title, value.attribute("value").unwrap_or("").to_owned());
                }
            }
            values
        };
        let meta = root.child("meta");
        let meta_text = |name: &str| {
            meta.and_then(|m| m.child(name))
                .map(|t| t.text.trim().to_owned())
                .unwrap_or_default()
        };
        let mut graph = GenericGraph {
            title: meta_text("title"),
            description: meta_text("description"),
            ..GenericGraph::default()
        };
        let nodes = graph_element.child("nodes");
        for node in nodes.into_iter().flat_map(|n| n.children_named("node")) {
            let Some(id) = xml_node_id(node, report) else {
                continue;
            };
            graph.nodes.push(GenericNode {
                id: id.to_owned(),
                label: node.attribute("label").unwrap_or("").to_owned(),
                attributes: values(node, "node"),
                line: node.line,
                file: None,
            });
        }
        let edges = graph_element.child("edges");
        for edge in edges.into_iter().flat_map(|e| e.children_named("edge")) {
            let Some((source, target)) = xml_edge_ends(edge, report) else {
                continue;
            };
            graph.edges.push(GenericEdge {
                source: source.to_owned(),
                target: target.to_owned(),
                attributes: values(edge, "edge"),
                spells: spells(edge),
                line: edge.line,
                file: None,
            });
        }
        graph
    })
}

/// The periods of an edge: its `<spells>`, or the edge's own start and end.
fn spells(edge: &Element) -> Vec<(Option<String>, Option<String>)> {
    let bound = |element: &Element, closed: &str, open: &str| {
        element
            .attribute(closed)
            .or(element.attribute(open))
            .map(str::to_owned)
    };
    let mut spells: Vec<(Option<String>, Option<String>)> = edge
        .child("spells")
        .into_iter()
        .flat_map(|s| s.children_named("spell"))
        .map(|spell| {
            (
                bound(spell, "start", "startopen"),
                bound(spell, "end", "endopen"),
            )
        })
        .collect();
    if spells.is_empty() && (edge.attribute("start").is_some() || edge.attribute("end").is_some()) {
        spells.push((
            edge.attribute("start").map(str::to_owned),
            edge.attribute("end").map(str::to_owned),
        ));
    }
    spells
}
