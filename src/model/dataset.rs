//! The dataset and its records: actors, bodies, relations and membership events.

use super::date::PartialDate;
use super::words::word_enum;

word_enum! {
    /// What kind of actor takes part in governance: the chapter insists that governance is
    /// multi-stakeholder, so a member need not be a state.
    ActorKind, "actor kind" {
        /// A sovereign state (or a territory acting like one, such as Taiwan).
        State => "state", "State";
        /// An intergovernmental or supranational organisation, such as the European Union.
        Intergovernmental => "intergovernmental", "Intergovernmental organisation", ["igo", "intergovernmental_organisation", "intergovernmental_organization"];
        /// Civil society: NGOs and their coalitions.
        CivilSociety => "civil_society", "Civil society";
        /// Companies and business associations.
        PrivateSector => "private_sector", "Private sector", ["business"];
        /// Technical community: ICANN, the IETF, W3C, regional internet registries.
        TechnicalCommunity => "technical_community", "Technical community", ["technical"];
        /// Universities and researchers.
        Academia => "academia", "Academia", ["academic_community"];
        /// Anything else.
        Other => "other", "Other stakeholder";
    }
}

word_enum! {
    /// What kind of body a forum or instrument is.
    BodyKind, "body kind" {
        /// A binding treaty or convention.
        Treaty => "treaty", "Treaty", ["convention"];
        /// A trade or other agreement.
        Agreement => "agreement", "Agreement";
        /// A coalition of like-minded participants.
        Coalition => "coalition", "Coalition";
        /// A forum or dialogue without a legal personality.
        Forum => "forum", "Forum";
        /// An international organisation with members.
        Organisation => "organisation", "Organisation", ["organization", "io"];
        /// A statement, declaration or recommendation.
        Statement => "statement", "Statement", ["declaration", "recommendation"];
        /// A centre of excellence or similar institution.
        Centre => "centre", "Centre", ["center"];
        /// A negotiation that has not produced a signed text.
        Negotiation => "negotiation", "Negotiation", ["negotiations"];
        /// A vote, such as a UN General Assembly resolution.
        Vote => "vote", "Vote", ["resolution"];
    }
}

impl BodyKind {
    /// The law a body of this kind makes when its file does not say: treaties and
    /// agreements bind their parties, every other kind is soft law. Every reader fills a
    /// missing law the same way through this.
    pub fn default_law(self) -> Law {
        match self {
            Self::Treaty | Self::Agreement => Law::Hard,
            _ => Law::Soft,
        }
    }
}

word_enum! {
    /// Whether a body makes binding (hard) or non-binding (soft) law.
    Law, "law" {
        /// Binding obligations (treaties, agreements).
        Hard => "hard", "Hard law";
        /// Non-binding norms (declarations, recommendations, forums).
        Soft => "soft", "Soft law";
    }
}

word_enum! {
    /// The issue areas of internet governance a body works on.
    IssueArea, "issue area" {
        /// Computer crime and e-evidence.
        Cybercrime => "cybercrime", "Cybercrime";
        /// International cybersecurity and cyber defence.
        Cybersecurity => "cybersecurity", "Cybersecurity", ["cyber_security", "security"];
        /// Copyright, trademarks, patents and their enforcement.
        IntellectualProperty => "intellectual_property", "Intellectual property", ["ip"];
        /// Human rights online, free expression, privacy.
        InternetFreedom => "internet_freedom", "Internet freedom", ["human_rights"];
        /// Trade in goods and services.
        Trade => "trade", "Trade";
        /// Domain names, IP addresses and the IANA functions.
        NamingAndNumbering => "naming_and_numbering", "Naming and numbering";
        /// Child online protection.
        ChildProtection => "child_protection", "Child protection";
        /// Climate change.
        Climate => "climate", "Climate";
        /// Telecommunications regulation and standards.
        Telecommunications => "telecommunications", "Telecommunications", ["telecom"];
        /// Internet governance in general (WSIS, IGF, NETmundial).
        InternetGovernance => "internet_governance", "Internet governance";
        /// Economic and financial policy coordination.
        Economy => "economy", "Economy and finance", ["economic_policy", "finance"];
        /// Technical standards.
        Standards => "standards", "Technical standards";
        /// Anything else.
        Other => "other", "Other";
    }
}

word_enum! {
    /// How two bodies relate (always read "from" → "to").
    RelationKind, "relation" {
        /// The "from" body is hosted by, or was negotiated under, the "to" body.
        HostedBy => "hosted_by", "Hosted by", ["negotiated_under"];
        /// The "from" statement was issued by the "to" body.
        IssuedBy => "issued_by", "Issued by";
        /// The "from" body is presented as an alternative to the "to" body.
        AlternativeTo => "alternative_to", "Alternative to";
        /// The "from" body is presented as a stepping stone toward the "to" body.
        SteppingStoneToward => "stepping_stone_toward", "Stepping stone toward", ["stepping_stone_to", "stepping_stone"];
        /// The "from" body succeeds the "to" body.
        SuccessorOf => "successor_of", "Successor of";
        /// The "from" body is part of the "to" body.
        PartOf => "part_of", "Part of";
    }
}

word_enum! {
    /// What happened between an actor and a body on a date.
    EventKind, "event" {
        /// Joined the negotiations of an instrument.
        JoinedNegotiations => "joined_negotiations", "Joined negotiations";
        /// Left the negotiations.
        LeftNegotiations => "left_negotiations", "Left negotiations";
        /// Signed the instrument.
        Signed => "signed", "Signed";
        /// Deposited an instrument of ratification.
        Ratified => "ratified", "Ratified", ["ratification"];
        /// Acceded (became a party without prior signature).
        Acceded => "acceded", "Acceded", ["accession"];
        /// Accepted the instrument.
        Accepted => "accepted", "Accepted", ["acceptance"];
        /// Approved the instrument.
        Approved => "approved", "Approved", ["approval"];
        /// Declared succession (or continued application) after independence; the
        /// instrument may apply from an earlier date, recorded as its entry into force.
        Succeeded => "succeeded", "Succeeded", ["succession"];
        /// The instrument entered into force for this actor.
        EnteredIntoForce => "entered_into_force", "Entered into force", ["entry_into_force", "in_force"];
        /// Joined a coalition, forum, organisation or centre.
        Joined => "joined", "Joined", ["member"];
        /// Founding member of a coalition, forum, organisation or centre.
        FoundingMember => "founding_member", "Founding member", ["founded_member", "founder"];
        /// Became an observer.
        Observer => "observer", "Observer";
        /// Suspended from membership.
        Suspended => "suspended", "Suspended";
        /// Withdrew from the body.
        Withdrew => "withdrew", "Withdrew", ["withdrawal", "withdrawn"];
        /// Denounced the treaty.
        Denounced => "denounced", "Denounced", ["denunciation"];
        /// Rejected the instrument (for example a parliament's refusal of consent).
        Rejected => "rejected", "Rejected";
        /// Voted for a resolution or text.
        VotedFor => "voted_for", "Voted for", ["yes"];
        /// Voted against a resolution or text.
        VotedAgainst => "voted_against", "Voted against", ["no"];
        /// Was eligible to sign and did not.
        DidNotSign => "did_not_sign", "Did not sign", ["not_signed"];
    }
}

/// Where a fact comes from: a URL, a citation, or explicitly unknown (then a note says why).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A web address (`http://` or `https://`).
    Url(String),
    /// A bibliographic citation.
    Citation(String),
    /// The source is not known; only allowed with an explicit note.
    Unknown,
}

impl Source {
    /// Reads a source from its written form; `None` when the text is empty.
    pub fn from_text(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            None
        } else if text.eq_ignore_ascii_case("unknown") {
            Some(Self::Unknown)
        } else if text.starts_with("http://") || text.starts_with("https://") {
            Some(Self::Url(text.to_owned()))
        } else {
            Some(Self::Citation(text.to_owned()))
        }
    }

    /// The written form.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Url(text) | Self::Citation(text) => text,
            Self::Unknown => "unknown",
        }
    }

    /// The URL, when the source is one.
    pub fn url(&self) -> Option<&str> {
        match self {
            Self::Url(url) => Some(url),
            _ => None,
        }
    }
}

/// When an event happened: a date with a precision, or unknown (then it is not placed on
/// the timeline).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventDate {
    /// The date is not known.
    Unknown,
    /// The date, to some precision.
    Known(PartialDate),
}

impl EventDate {
    /// The date, when known.
    pub fn known(self) -> Option<PartialDate> {
        match self {
            Self::Known(date) => Some(date),
            Self::Unknown => None,
        }
    }
}

impl std::fmt::Display for EventDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Known(date) => date.fmt(f),
            Self::Unknown => f.write_str("unknown"),
        }
    }
}

/// Information about the dataset as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The dataset's title, shown in the window title and on exported pictures.
    pub title: String,
    /// What the dataset covers.
    pub description: String,
    /// The licence of the data.
    pub license: String,
    /// Free-form notes: counting rules, known gaps.
    pub notes: String,
}

/// A state or a non-state stakeholder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Actor {
    /// Unique id (for states, conventionally the ISO 3166-1 alpha-3 code).
    pub id: String,
    /// Display name.
    pub name: String,
    /// State or kind of stakeholder.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code where one exists.
    pub iso3: Option<String>,
    /// Region (UN M49 region for states), used for colours and layouts.
    pub region: Option<String>,
    /// Sub-region (UN M49 sub-region for states).
    pub subregion: Option<String>,
    /// A web page about the actor.
    pub url: Option<String>,
    /// Free-form note.
    pub note: String,
}

/// A forum or an instrument.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Body {
    /// Unique id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Short name for labels ("ACTA"), when it differs from the name.
    pub short_name: Option<String>,
    /// Treaty, coalition, forum, ...
    pub kind: BodyKind,
    /// Hard or soft law.
    pub law: Law,
    /// Issue areas it works on; the first is the main one.
    pub issues: Vec<IssueArea>,
    /// When it opened (for signature, or was founded).
    pub opened: Option<PartialDate>,
    /// When it closed or was superseded.
    pub closed: Option<PartialDate>,
    /// What it is.
    pub description: String,
    /// Official web page.
    pub url: Option<String>,
    /// Free-form note (counting rules, gaps).
    pub note: String,
    /// Member counts that sources report, beside the members the events identify (sorted
    /// by date).
    pub reported: Vec<super::reported::ReportedCount>,
}

impl Body {
    /// A body with an id, a name and a kind, its kind's default law and nothing else known
    /// yet (the readers of files that say no more).
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: BodyKind) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            short_name: None,
            kind,
            law: kind.default_law(),
            issues: Vec::new(),
            opened: None,
            closed: None,
            description: String::new(),
            url: None,
            note: String::new(),
            reported: Vec::new(),
        }
    }

    /// The label to draw: the short name when there is one.
    pub fn label(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

/// A relation between two bodies, read "from" → "to".
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Relation {
    /// The body the relation starts from.
    pub from: String,
    /// How they relate.
    pub kind: RelationKind,
    /// The body the relation points to.
    pub to: String,
    /// Where the fact comes from.
    pub source: Option<Source>,
    /// Free-form note.
    pub note: String,
}

/// One membership event: an actor did something with respect to a body on a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The actor's id.
    pub actor_id: String,
    /// The body's id.
    pub body_id: String,
    /// What happened.
    pub kind: EventKind,
    /// When.
    pub date: EventDate,
    /// Where the fact comes from.
    pub source: Source,
    /// Free-form note; required when the source is unknown.
    pub note: String,
}

impl Event {
    /// The key that gives events their canonical (file) order: by body, actor, date, kind.
    fn order_key(&self) -> impl Ord + '_ {
        (
            &self.body_id,
            &self.actor_id,
            self.date,
            self.kind,
            &self.source,
            &self.note,
        )
    }
}

impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Event {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

/// A whole governance network that changes over time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dataset {
    /// About the dataset.
    pub meta: Meta,
    /// States and other stakeholders.
    pub actors: Vec<Actor>,
    /// Forums and instruments.
    pub bodies: Vec<Body>,
    /// Relations between bodies.
    pub relations: Vec<Relation>,
    /// Membership events.
    pub events: Vec<Event>,
    /// Lessons: named lists of slides, in the order the file gives.
    pub lessons: Vec<super::Lesson>,
}

impl Dataset {
    /// Sorts every record into the canonical order used when writing, so that equal
    /// datasets are written as equal bytes.
    pub fn canonicalize(&mut self) {
        // Every field takes part in the order, so equal keys are equal records and an
        // unstable sort gives the same result as a stable one.
        self.actors.sort_unstable();
        for body in &mut self.bodies {
            body.reported.sort_unstable();
        }
        self.bodies.sort_unstable();
        self.relations.sort_unstable();
        self.events.sort_unstable();
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|actor| actor.id == id)
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|body| body.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Word;

    #[test]
    fn treaties_and_agreements_default_to_hard_law() {
        let expected = [
            (BodyKind::Treaty, Law::Hard),
            (BodyKind::Agreement, Law::Hard),
            (BodyKind::Coalition, Law::Soft),
            (BodyKind::Forum, Law::Soft),
            (BodyKind::Organisation, Law::Soft),
            (BodyKind::Statement, Law::Soft),
            (BodyKind::Centre, Law::Soft),
            (BodyKind::Negotiation, Law::Soft),
            (BodyKind::Vote, Law::Soft),
        ];
        assert_eq!(expected.len(), BodyKind::ALL.len(), "every kind is listed");
        for (kind, law) in expected {
            assert_eq!(kind.default_law(), law, "{kind}");
        }
    }
}
