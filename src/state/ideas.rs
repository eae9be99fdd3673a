//! The chapter's ideas as guided views: each sets the date, the level, the colouring and the
//! selection so that one idea of minilateralism is on screen, with a few words to read.
//! Plain data and commands: the Help menu's tour window shows them one after another.

use super::{Command, Selection};
use crate::document::Document;
use crate::model::Level;
use crate::model::Month;
use crate::style::BodyColouring;

/// One guided view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Idea {
    /// A short title.
    pub title: &'static str,
    /// What to look at, in a few sentences.
    pub text: &'static str,
    /// The body to select (its id in the dataset), if any.
    pub body: Option<&'static str>,
    /// The month to show.
    pub date: Month,
    /// What counts as membership.
    pub level: Level,
    /// What a body's colour says.
    pub colouring: BodyColouring,
}

/// The tour of the built-in sample, in reading order.
pub const IDEAS: [Idea; 8] = [
    Idea {
        title: "The magic number",
        text: "Minilateralism gathers the smallest number of states that can make the \
               largest difference: Naím's \"magic number\". The Freedom Online Coalition \
               began with 15 governments at The Hague in December 2011; by April 2014, when \
               its members adopted the Tallinn Recommendations, it had grown to about two \
               dozen. The chart below shows the number over time.",
        body: Some("foc"),
        date: Month::new(2014, 4),
        level: Level::Party,
        colouring: BodyColouring::IssueArea,
    },
    Idea {
        title: "A docking agreement: the Budapest Convention",
        text: "A core group writes a hard-law treaty and others dock onto it later. The \
               Council of Europe's Convention on Cybercrime (2001) is open to outsiders: by \
               October 2014 its parties included the United States, Japan, Australia and \
               other non-members. Play the timeline to watch states join.",
        body: Some("budapest"),
        date: Month::new(2014, 10),
        level: Level::Party,
        colouring: BodyColouring::IssueArea,
    },
    Idea {
        title: "From four to twelve: P4, TPP, CPTPP",
        text: "The Trans-Pacific Partnership grew from the four P4 founders into twelve \
               signatories in February 2016. The United States then withdrew, and the \
               other eleven went on as the CPTPP. Its related bodies show APEC's wider goal, \
               the Free Trade Area of the Asia-Pacific.",
        body: Some("tpp"),
        date: Month::new(2016, 2),
        level: Level::Signatory,
        colouring: BodyColouring::IssueArea,
    },
    Idea {
        title: "ACTA: signed, then rejected",
        text: "ACTA was negotiated by a small club outside WIPO and the WTO. The EU and most \
               of its member states signed in January 2012; the European Parliament \
               rejected it in July 2012 after a civil-society campaign, and it never entered \
               into force. Step the timeline month by month through 2012.",
        body: Some("acta"),
        date: Month::new(2012, 1),
        level: Level::Signatory,
        colouring: BodyColouring::IssueArea,
    },
    Idea {
        title: "A stepping stone: the MEF",
        text: "A minilateral forum can prepare a wider deal. The 17 members of the Major \
               Economies Forum set out to give the political lead to the UN climate talks \
               (UNFCCC), where almost every state sits.",
        body: Some("mef"),
        date: Month::new(2009, 12),
        level: Level::Party,
        colouring: BodyColouring::IssueArea,
    },
    Idea {
        title: "A small club for security",
        text: "For cybersecurity a small group may be the magic number. The NATO \
               Cooperative Cyber Defence Centre of Excellence had 15 participants at the end \
               of 2014; it produces research and exercises, not hard law.",
        body: Some("ccdcoe"),
        date: Month::new(2014, 12),
        level: Level::Party,
        colouring: BodyColouring::IssueArea,
    },
    Idea {
        title: "Hard law and soft law",
        text: "Bodies are now coloured by the kind of law they make. Treaties bind their \
               parties (hard law); coalitions, forums and statements make recommendations \
               (soft law). Soft law lets more participants take part; hard law works with \
               fewer. View › Overlap matrix shows which groups share members.",
        body: None,
        date: Month::new(2014, 12),
        level: Level::Party,
        colouring: BodyColouring::Law,
    },
    Idea {
        title: "Multi-stakeholder and inclusive minilateralism",
        text: "Internet governance also brings in non-state stakeholders: civil society, \
               business and the technical community. The NETmundial statement (2014) set \
               out how they take part. \"Inclusive\" minilateralism keeps a group small but \
               includes everyone significantly affected.",
        body: Some("netmundial"),
        date: Month::new(2014, 4),
        level: Level::Party,
        colouring: BodyColouring::IssueArea,
    },
];

impl Idea {
    /// The commands that show this idea on `document`, or `None` when its body is not in
    /// the dataset (a user's own data).
    pub fn commands(&self, document: &Document) -> Option<Vec<Command>> {
        let selection = match self.body {
            Some(id) => Some(Selection::Body(document.timeline.body_ix(id)?)),
            None => None,
        };
        Some(vec![
            Command::SetPlaying(false),
            Command::SetLevel(self.level),
            Command::SetBodyColouring(self.colouring),
            Command::SetDate(self.date),
            Command::Select(selection),
        ])
    }
}

/// The ideas `document` can show (those whose body it has), in order.
pub fn ideas_for(document: &Document) -> Vec<&'static Idea> {
    IDEAS
        .iter()
        .filter(|idea| idea.commands(document).is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::BodyIx;

    fn sample() -> Document {
        match crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, "sample") {
            Ok((dataset, _)) => Document::new(dataset, "sample".into(), String::new()),
            Err(report) => panic!("the sample does not load: {}", report.summary()),
        }
    }

    /// The state after showing `idea`, and the ids of its body's members then.
    fn shown(document: &Document, idea: &Idea) -> (super::super::AppState, Vec<String>) {
        let mut state = super::super::AppState::of_document(document);
        for command in idea
            .commands(document)
            .expect("the sample has every idea's body")
        {
            state.apply(command);
        }
        let members = match state.view.selection {
            Some(Selection::Body(body)) => document
                .timeline
                .members(body, state.view.date.end(), state.view.level)
                .into_iter()
                .map(|m| document.dataset.actors[m.actor.index()].id.clone())
                .collect(),
            _ => Vec::new(),
        };
        (state, members)
    }

    fn idea(title: &str) -> &'static Idea {
        IDEAS
            .iter()
            .find(|idea| idea.title.starts_with(title))
            .expect("an idea with that title")
    }

    #[test]
    fn every_idea_shows_on_the_sample_with_its_date_level_and_selection() {
        let document = sample();
        assert_eq!(ideas_for(&document).len(), IDEAS.len());
        for idea in &IDEAS {
            let (state, _) = shown(&document, idea);
            assert_eq!(state.view.date, idea.date, "{}", idea.title);
            assert_eq!(state.view.level, idea.level);
            assert_eq!(state.view.body_colouring, idea.colouring);
            let selected = match state.view.selection {
                Some(Selection::Body(BodyIx(b))) => {
                    Some(document.dataset.bodies[b as usize].id.as_str())
                }
                _ => None,
            };
            assert_eq!(selected, idea.body, "{}", idea.title);
        }
    }

    #[test]
    fn the_numbers_the_texts_give_are_the_data_s() {
        let document = sample();
        let (state, foc) = shown(&document, idea("The magic number"));
        assert!(
            (23..=25).contains(&foc.len()),
            "about two dozen: {}",
            foc.len()
        );
        let founders = document.timeline.members(
            document.timeline.body_ix("foc").expect("the FOC"),
            Month::new(2011, 12).end(),
            state.view.level,
        );
        assert_eq!(founders.len(), 15);
        let (_, budapest) = shown(&document, idea("A docking agreement"));
        for outsider in ["USA", "JPN", "AUS"] {
            assert!(budapest.iter().any(|id| id == outsider), "{outsider}");
        }
        let (_, tpp) = shown(&document, idea("From four to twelve"));
        assert_eq!(tpp.len(), 12);
        let (_, acta) = shown(&document, idea("ACTA"));
        assert!(
            acta.iter().any(|id| id == "EUU"),
            "the EU signed in January 2012"
        );
        let (_, mef) = shown(&document, idea("A stepping stone"));
        assert_eq!(mef.len(), 17);
        let (_, ccdcoe) = shown(&document, idea("A small club"));
        assert_eq!(ccdcoe.len(), 15);
    }

    #[test]
    fn a_dataset_without_the_bodies_keeps_only_the_general_ideas() {
        let document = Document::new(Default::default(), "empty".into(), String::new());
        let ideas = ideas_for(&document);
        assert!(!ideas.is_empty());
        assert!(ideas.iter().all(|idea| idea.body.is_none()));
    }
}
