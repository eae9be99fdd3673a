//! A small element tree over quick-xml, shared by the GEXF and GraphML readers.
//!
//! quick-xml never reads DTDs nor expands external entities, so a file cannot make the
//! reader fetch anything or blow up ("billion laughs"); only the five predefined entities
//! and character references are resolved. Nesting is limited to [`MAX_DEPTH`] levels.

use std::collections::BTreeMap;

use quick_xml::events::Event;

use super::report::LineIndex;

/// The deepest nesting accepted.
pub const MAX_DEPTH: usize = 64;

/// An element: its local name (namespace prefix removed), attributes, children and text.
#[derive(Clone, Debug, Default)]
pub struct Element {
    /// Local name, such as `node` for `<node>` or `position` for `<viz:position>`.
    pub name: String,
    /// Attributes by local name.
    pub attributes: BTreeMap<String, String>,
    /// Child elements.
    pub children: Vec<Element>,
    /// The text directly inside the element.
    pub text: String,
    /// One-based line of the start tag.
    pub line: usize,
}

impl Element {
    /// An attribute's value.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }

    /// The first child with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    /// Every child with this name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |child| child.name == name)
    }
}

/// Why a text is not well-formed XML: a message and the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError {
    /// One-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn local_name(name: &[u8]) -> String {
    let text = String::from_utf8_lossy(name);
    match text.rfind(':') {
        Some(index) => text[index + 1..].to_owned(),
        None => text.into_owned(),
    }
}

/// Parses a whole document into its root element.
pub fn parse(text: &str) -> Result<Element, XmlError> {
    let lines = LineIndex::new(text);
    let mut reader = quick_xml::Reader::from_str(text);
    let line_at = |position: u64| {
        lines
            .line_column(usize::try_from(position).unwrap_or(usize::MAX))
            .0
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|error| XmlError {
            line: line_at(reader.error_position()),
            message: format!("not well-formed XML: {error}"),
        })?;
        let element_from =
            |start: &quick_xml::events::BytesStart<'_>| -> Result<Element, XmlError> {
                let mut element = Element {
                    name: local_name(start.name().as_ref()),
                    line: line_at(position),
                    ..Element::default()
                };
                for attribute in start.attributes() {
                    let attribute = attribute.map_err(|error| XmlError {
                        line: line_at(position),
                        message: format!("bad attribute: {error}"),
                    })?;
                    let value = attribute.unescape_value().map_err(|error| XmlError {
                        line: line_at(position),
                        message: format!("bad attribute value: {error}"),
                    })?;
                    element
                        .attributes
                        .insert(local_name(attribute.key.as_ref()), value.into_owned());
                }
                Ok(element)
            };
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError {
                        line: line_at(position),
                        message: format!("elements nested more than {MAX_DEPTH} deep"),
                    });
                }
                stack.push(element_from(&start)?);
            }
            Event::Empty(start) => {
                let element = element_from(&start)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                if let Some(element) = stack.pop() {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => root = Some(element),
                    }
                }
            }
            Event::Text(text) => {
                if let Some(current) = stack.last_mut() {
                    let decoded = text.decode().map_err(|error| XmlError {
                        line: line_at(position),
                        message: format!("bad text: {error}"),
                    })?;
                    current.text.push_str(&decoded);
                }
            }
            Event::CData(data) => {
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&String::from_utf8_lossy(&data));
                }
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(character)) => character.to_string(),
                    _ => {
                        let name = String::from_utf8_lossy(&reference).into_owned();
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(text) => text.to_owned(),
                            None => {
                                return Err(XmlError {
                                    line: line_at(position),
                                    message: format!(
                                        "unknown entity &{name}; (entities are not expanded)"
                                    ),
                                });
                            }
                        }
                    }
                };
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(XmlError {
            line: open.line,
            message: format!("the file is cut short: <{}> is never closed", open.name),
        });
    }
    root.ok_or(XmlError {
        line: 1,
        message: "no XML element in the file".into(),
    })
}

/// Escapes text for an XML attribute or element.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_attributes_text_and_entities() {
        let root =
            parse("<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2\"><b>x &lt; y &#233;</b><c/></a>")
                .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attribute("x"), Some("1 & 2"));
        assert_eq!(root.child("b").map(|b| b.text.as_str()), Some("x < y é"));
        assert!(root.child("c").is_some());
    }

    #[test]
    fn refuses_entities_and_deep_nesting() {
        let laughs = "<!DOCTYPE x [<!ENTITY lol \"lol\">]><x>&lol;</x>";
        assert!(parse(laughs).unwrap_err().message.contains("not expanded"));
        let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
        assert!(parse(&deep).unwrap_err().message.contains("nested"));
        let cut = parse("<a>\n<b>").unwrap_err();
        assert!(cut.message.contains("cut short"), "{cut:?}");
    }
}
