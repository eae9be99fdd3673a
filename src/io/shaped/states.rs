//! Country names to states: the names, common variants and ISO codes of every state and
//! territory, resolved to the ISO3 code, name and region the sample dataset uses.
//!
//! The table is `states.tsv` beside this file, written by `scripts/states_table.py` from
//! the iso-codes package and the sample's actors.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{Actor, ActorKind};

/// One state (or territory, or the European Union) of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownState {
    /// ISO 3166-1 alpha-3 code (EUU for the European Union, XKX for Kosovo).
    pub iso3: &'static str,
    /// ISO 3166-1 alpha-2 code.
    pub iso2: &'static str,
    /// The name the sample gives it.
    pub name: &'static str,
    /// State, or intergovernmental for the European Union.
    pub kind: ActorKind,
    /// UN M49 region.
    pub region: &'static str,
    /// UN M49 sub-region ("" when none).
    pub subregion: &'static str,
}

impl KnownState {
    /// The actor for this state, as the sample describes it.
    pub fn actor(&self) -> Actor {
        let optional = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        Actor {
            id: self.iso3.to_owned(),
            name: self.name.to_owned(),
            kind: self.kind,
            iso3: (self.kind == ActorKind::State).then(|| self.iso3.to_owned()),
            region: optional(self.region),
            subregion: optional(self.subregion),
            url: None,
            note: String::new(),
        }
    }
}

struct Table {
    states: Vec<KnownState>,
    by_key: HashMap<String, usize>,
    by_code: HashMap<&'static str, usize>,
}

/// A name as a lookup key: lower case, accents and the footnote digits of depositary tables
/// dropped, only letters kept, a leading "the" and "saint" as "st" (`Côte d'Ivoire` →
/// `cotedivoire`, `St. Lucia` → `stlucia`).
pub fn name_key(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in name.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
        let word: String = word
            .chars()
            .filter_map(|c| {
                let c = fold_accent(c);
                c.is_alphabetic()
                    .then(|| c.to_lowercase())
                    .map(|l| l.collect::<String>())
            })
            .collect();
        if !word.is_empty() {
            words.push(word);
        }
    }
    if words.first().is_some_and(|w| w == "the") && words.len() > 1 {
        words.remove(0);
    }
    let mut key = words.concat();
    if let Some(rest) = key.strip_prefix("saint") {
        key = format!("st{rest}");
    }
    key
}

/// The letter without its accent, for the accented letters of country names.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        other => other,
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table {
            states: Vec::new(),
            by_key: HashMap::new(),
            by_code: HashMap::new(),
        };
        let mut variants_of = Vec::new();
        for line in include_str!("states.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [iso3, iso2, name, kind, region, subregion, variants] = fields[..] else {
                continue;
            };
            let index = table.states.len();
            table.states.push(KnownState {
                iso3,
                iso2,
                name,
                kind: if kind == "state" {
                    ActorKind::State
                } else {
                    ActorKind::Intergovernmental
                },
                region,
                subregion,
            });
            table.by_code.insert(iso3, index);
            table.by_code.insert(iso2, index);
            table.by_key.insert(name_key(name), index);
            variants_of.push((index, variants));
        }
        // Names first, variants after: a variant never hides another state's own name.
        for (index, variants) in variants_of {
            for variant in variants.split('|').filter(|v| !v.is_empty()) {
                table.by_key.entry(name_key(variant)).or_insert(index);
            }
        }
        table
    })
}

/// The state a cell names: an ISO3 or ISO2 code in capitals, or a name or variant in any
/// case, with or without accents and footnote digits (`Afghanistan1`).
pub fn find_state(text: &str) -> Option<&'static KnownState> {
    let table = table();
    let text = text.trim();
    let is_code =
        (text.len() == 2 || text.len() == 3) && text.bytes().all(|b| b.is_ascii_uppercase());
    let index = if is_code {
        table.by_code.get(text).copied()
    } else {
        None
    }
    .or_else(|| table.by_key.get(&name_key(text)).copied())?;
    table.states.get(index)
}

/// The state of an ISO code alone (alpha-3 or alpha-2, any case).
pub fn find_code(code: &str) -> Option<&'static KnownState> {
    let table = table();
    let upper = code.trim().to_ascii_uppercase();
    table
        .by_code
        .get(upper.as_str())
        .and_then(|&index| table.states.get(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_variants_and_codes_resolve_to_the_same_state() {
        for (text, iso3) in [
            ("United States of America", "USA"),
            ("USA", "USA"),
            ("United States", "USA"),
            ("Türkiye", "TUR"),
            ("Turkey", "TUR"),
            ("Czechia", "CZE"),
            ("Czech Republic", "CZE"),
            ("Côte d'Ivoire", "CIV"),
            ("Cote d'Ivoire", "CIV"),
            ("Republic of Korea", "KOR"),
            ("Viet Nam", "VNM"),
            ("Holy See", "VAT"),
            ("Afghanistan1", "AFG"),
            ("Netherlands (Kingdom of the)", "NLD"),
            ("the Netherlands", "NLD"),
            ("St. Lucia", "LCA"),
            ("FR", "FRA"),
            ("JPN", "JPN"),
            ("european union", "EUU"),
            ("Bosnia and Herzegovina", "BIH"),
            ("domrep", "DOM"),
        ] {
            assert_eq!(find_state(text).map(|s| s.iso3), Some(iso3), "{text}");
        }
        assert_eq!(find_state("Dominica").map(|s| s.iso3), Some("DMA"));
        assert_eq!(find_state("Niger").map(|s| s.iso3), Some("NER"));
        assert_eq!(find_state("Nigeria").map(|s| s.iso3), Some("NGA"));
        assert_eq!(find_state("Atlantis"), None);
        assert_eq!(find_state(""), None);
        assert_eq!(find_state("fr"), None, "codes are read in capitals only");
    }

    #[test]
    fn the_actor_is_the_samples() {
        let Some(japan) = find_state("Japan") else {
            panic!("Japan is in the table");
        };
        let actor = japan.actor();
        assert_eq!(actor.id, "JPN");
        assert_eq!(actor.iso3.as_deref(), Some("JPN"));
        assert_eq!(actor.region.as_deref(), Some("Asia"));
        assert_eq!(actor.subregion.as_deref(), Some("Eastern Asia"));
        let Some(eu) = find_code("euu") else {
            panic!("the EU is in the table");
        };
        assert_eq!(eu.actor().kind, ActorKind::Intergovernmental);
        assert_eq!(eu.actor().iso3, None);
    }
}
