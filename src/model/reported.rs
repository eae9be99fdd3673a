//! Member counts that a source reports for a body, beside the members the dataset
//! identifies: where an official list is incomplete, the reported total says so ("54 of 89
//! signatories identified").

use super::dataset::{ActorKind, Source};
use super::date::PartialDate;
use super::status::{Level, Status};
use super::words::{Word, word_enum};

word_enum! {
    /// What a reported count counts. The words are those of membership statuses and
    /// levels; `declined` counts those who were eligible and did not sign.
    ReportedLevel, "reported level" {
        /// Signed or more (the `signatory` level).
        Signatory => "signatory", "signatories", ["signatories", "signed"];
        /// Party or more (the `party` level).
        Party => "party", "parties", ["parties"];
        /// In force for the actor (the `in-force` level).
        InForce => "in_force", "in force", ["in-force"];
        /// Members of a coalition, forum, organisation or centre, supporters of a call,
        /// endorsers of a declaration.
        Member => "member", "members", ["members", "supporter", "supporters", "endorser", "endorsers"];
        /// Eligible and did not sign (or voted against): the `declined` status.
        Declined => "declined", "non-signatories", ["did_not_sign", "non_signatory", "non_signatories"];
    }
}

impl ReportedLevel {
    /// Whether a count at this level is comparable with the members counted at `level`
    /// (members count at every level; non-signatories at none).
    pub fn matches(self, level: Level) -> bool {
        match self {
            Self::Signatory => level == Level::Signatory,
            Self::Party => level == Level::Party,
            Self::InForce => level == Level::InForce,
            Self::Member => true,
            Self::Declined => false,
        }
    }

    /// Whether an actor with this status at the count's date is one of those counted.
    pub fn counts(self, status: Status) -> bool {
        match self {
            Self::Signatory => status.counts_at(Level::Signatory),
            Self::Party | Self::Member => status.counts_at(Level::Party),
            Self::InForce => status.counts_at(Level::InForce),
            Self::Declined => status == Status::Declined,
        }
    }
}

/// A member count a source reports for a body on a date: "89 signatories on 14 December
/// 2012", "1,141 non-state supporters". It is never derived from the events; the app shows
/// it beside the members the events identify.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReportedCount {
    /// The date the count holds as of (a month or a year means its last day).
    pub date: PartialDate,
    /// What is counted.
    pub level: ReportedLevel,
    /// The stakeholder group counted, when the source counts one group (states, private
    /// sector, ...); `None` counts every kind of actor.
    pub group: Option<ActorKind>,
    /// The number reported.
    pub count: u32,
    /// Where the number comes from.
    pub source: Source,
    /// Free-form note (what the source says, why the lists differ).
    pub note: String,
}

impl ReportedCount {
    /// What is counted, in words: "signatories", "states", "states (signatories)".
    pub fn what(&self) -> String {
        match (self.group, self.level) {
            (None, level) => level.label().to_owned(),
            (Some(group), ReportedLevel::Member) => group_label(group).to_owned(),
            (Some(group), level) => format!("{} ({})", group_label(group), level.label()),
        }
    }
}

/// A stakeholder group in the plural, for counts ("states", "civil society organisations").
pub fn group_label(group: ActorKind) -> &'static str {
    match group {
        ActorKind::State => "states",
        ActorKind::Intergovernmental => "intergovernmental organisations",
        ActorKind::CivilSociety => "civil society organisations",
        ActorKind::PrivateSector => "private sector entities",
        ActorKind::TechnicalCommunity => "technical community",
        ActorKind::Academia => "academia",
        ActorKind::Other => "other stakeholders",
    }
}

/// The counts in force at `date` (inclusive, their own dates read as the last day of their
/// period): for each (level, group) the latest one, in the body's order.
pub fn latest_reported(reported: &[ReportedCount], date: jiff::civil::Date) -> Vec<&ReportedCount> {
    let mut latest: Vec<&ReportedCount> = Vec::new();
    for count in reported.iter().filter(|count| count.date.end() <= date) {
        match latest
            .iter_mut()
            .find(|kept| kept.level == count.level && kept.group == count.group)
        {
            Some(kept) if kept.date.end() <= count.date.end() => *kept = count,
            Some(_) => {}
            None => latest.push(count),
        }
    }
    latest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Word;

    fn count(date: &str, level: ReportedLevel, group: Option<ActorKind>, n: u32) -> ReportedCount {
        ReportedCount {
            date: PartialDate::parse(date).unwrap(),
            level,
            group,
            count: n,
            source: Source::Url("https://example.org".into()),
            note: String::new(),
        }
    }

    #[test]
    fn levels_count_the_statuses_of_their_level() {
        assert!(ReportedLevel::Signatory.counts(Status::Signatory));
        assert!(ReportedLevel::Signatory.counts(Status::Party));
        assert!(!ReportedLevel::Party.counts(Status::Signatory));
        assert!(ReportedLevel::Member.counts(Status::Member));
        assert!(ReportedLevel::Declined.counts(Status::Declined));
        assert!(!ReportedLevel::Declined.counts(Status::Signatory));
        assert_eq!(
            "non_signatory".parse::<ReportedLevel>(),
            Ok(ReportedLevel::Declined)
        );
        assert_eq!(ReportedLevel::Declined.word(), "declined");
        assert!(ReportedLevel::Member.matches(Level::Signatory));
        assert!(!ReportedLevel::Signatory.matches(Level::Party));
        assert!(!ReportedLevel::Declined.matches(Level::Signatory));
    }

    #[test]
    fn the_latest_count_of_each_kind_holds_at_a_date() {
        let counts = [
            count("2014-10", ReportedLevel::Party, None, 43),
            count("2015-06-30", ReportedLevel::Party, None, 45),
            count("2012-12-14", ReportedLevel::Signatory, None, 30),
            count("2015", ReportedLevel::Party, Some(ActorKind::State), 44),
        ];
        let date = |text: &str| PartialDate::parse(text).unwrap().end();
        let at = latest_reported(&counts, date("2014-10-31"));
        assert_eq!(at.iter().map(|c| c.count).collect::<Vec<_>>(), [43, 30]);
        let at = latest_reported(&counts, date("2015-07-01"));
        assert_eq!(at.iter().map(|c| c.count).collect::<Vec<_>>(), [45, 30]);
        // A count dated to a year holds from its last day.
        let at = latest_reported(&counts, date("2015-12-31"));
        assert_eq!(at.iter().map(|c| c.count).collect::<Vec<_>>(), [45, 30, 44]);
        assert!(latest_reported(&counts, date("2012-12-13")).is_empty());
        assert_eq!(counts[3].what(), "states (parties)");
        assert_eq!(counts[0].what(), "parties");
    }
}
