use super::*;
use crate::model::{EventKind, Word};

fn grid(text: &str) -> Grid {
    match Grid::from_text("t.csv", text) {
        Ok(grid) => grid,
        Err(report) => panic!("{report}"),
    }
}

fn imported(text: &str, options: &TableOptions) -> (Dataset, ImportReport) {
    let grid = grid(text);
    let mapping = match mapping_for(&grid, None, options) {
        Ok(mapping) => mapping,
        Err(message) => panic!("{message}"),
    };
    match import(&grid, &mapping) {
        Ok(done) => done,
        Err(report) => panic!("{report}"),
    }
}

fn refused(text: &str, options: &TableOptions) -> String {
    let grid = grid(text);
    let mapping = match mapping_for(&grid, None, options) {
        Ok(mapping) => mapping,
        Err(message) => return message,
    };
    match import(&grid, &mapping) {
        Ok((dataset, _)) => panic!("imported {} events", dataset.events.len()),
        Err(report) => report.to_string(),
    }
}

/// The events as `actor body event date` lines, sorted.
fn facts(dataset: &Dataset) -> Vec<String> {
    let mut lines: Vec<String> = dataset
        .events
        .iter()
        .map(|e| format!("{} {} {} {}", e.actor_id, e.body_id, e.kind.word(), e.date))
        .collect();
    lines.sort();
    lines
}

#[test]
fn a_long_table_with_a_step_column_imports_and_cites_the_file() {
    let (dataset, report) = imported(
        "Country,Organisation,Year joined\nJapan,Freedom Online Coalition,2011\nUnited States of America,Freedom Online Coalition,2011\nTürkiye,OECD,1961\n",
        &TableOptions::default(),
    );
    assert_eq!(
        facts(&dataset),
        [
            "JPN freedom_online_coalition joined 2011",
            "TUR oecd joined 1961",
            "USA freedom_online_coalition joined 2011",
        ]
    );
    let japan = dataset.actor("JPN").map(|a| a.region.clone());
    assert_eq!(japan, Some(Some("Asia".to_owned())), "the sample's region");
    assert!(
        dataset
            .events
            .iter()
            .all(|e| e.source.as_str().contains("Imported from t.csv")),
        "every event cites the file"
    );
    let text = report.to_string();
    assert!(
        text.contains("3 events have no source column to cite"),
        "{text}"
    );
}

#[test]
fn title_rows_above_the_header_are_passed_by() {
    let (dataset, _) = imported(
        "Members of the coalition\n(as of 2020)\n\nState,Joined,Source\nCanada,2011-12-08,https://example.org/foc\n",
        &TableOptions {
            body_name: Some("Freedom Online Coalition".into()),
            ..TableOptions::default()
        },
    );
    assert_eq!(
        facts(&dataset),
        ["CAN freedom_online_coalition joined 2011-12-08"]
    );
    assert_eq!(dataset.events[0].source.as_str(), "https://example.org/foc");
    assert_eq!(dataset.bodies[0].name, "Freedom Online Coalition");
}

#[test]
fn a_table_without_a_body_column_asks_for_the_body() {
    let text = refused(
        "State,Signature\nAlbania,23/11/2001\n",
        &TableOptions::default(),
    );
    assert!(text.contains("the table has no body column"), "{text}");
    assert!(text.contains("--body-name NAME"), "{text}");
}

#[test]
fn an_event_column_with_a_date_column_gives_its_words() {
    let (dataset, _) = imported(
        "party,treaty,status,date,notes\nFrance,Budapest Convention,signature,23 Nov 2001,\nFrance,Budapest Convention,ratification,10 January 2006,\nFrance,Budapest Convention,entry into force,May 2006,\n",
        &TableOptions::default(),
    );
    assert_eq!(
        facts(&dataset),
        [
            "FRA budapest_convention entered_into_force 2006-05",
            "FRA budapest_convention ratified 2006-01-10",
            "FRA budapest_convention signed 2001-11-23",
        ]
    );
}

#[test]
fn a_depositary_table_reads_letters_and_footnotes() {
    let (dataset, report) = imported(
        "Participant,Signature,\"Ratification, Accession(a), Succession(d)\"\nAfghanistan1,,\"3 Apr 2003 a\"\nBosnia and Herzegovina,,1 Sep 1993 d\nCzechia,23 Nov 2001,22 Aug 2013\nAtlantis,1 Jan 2002,\n",
        &TableOptions {
            body_id: Some("x".into()),
            body_name: Some("Convention X".into()),
            ..TableOptions::default()
        },
    );
    assert_eq!(
        facts(&dataset),
        [
            "AFG x acceded 2003-04-03",
            "BIH x succeeded 1993-09-01",
            "CZE x ratified 2013-08-22",
            "CZE x signed 2001-11-23",
            "atlantis x signed 2002-01-01",
        ]
    );
    let text = report.to_string();
    assert!(
        text.contains("t.csv:5: warning: row 5, column \"Participant\": \"Atlantis\" is not a state this reader knows"),
        "{text}"
    );
}

#[test]
fn ambiguous_day_month_columns_are_refused_until_settled() {
    let text = "Country,Treaty,Signed\nFrance,T,03/04/2001\nItaly,T,05/06/2002\n";
    let message = refused(text, &TableOptions::default());
    assert!(message.contains("column \"Signed\""), "{message}");
    assert!(message.contains("--dates dmy or --dates mdy"), "{message}");
    let (dataset, _) = imported(
        text,
        &TableOptions {
            date_order: Some(DateOrder::MonthFirst),
            ..TableOptions::default()
        },
    );
    assert_eq!(facts(&dataset)[0], "FRA t signed 2001-03-04");
    // One value past 12 settles the whole column.
    let (dataset, _) = imported(
        "Country,Treaty,Signed\nFrance,T,03/04/2001\nItaly,T,25/06/2002\n",
        &TableOptions::default(),
    );
    assert_eq!(facts(&dataset)[0], "FRA t signed 2001-04-03");
}

#[test]
fn a_column_guessed_from_its_values_is_a_doubt_that_map_settles() {
    let text = "who,Treaty,Signed\nFrance,T,2001\nItaly,T,2002\n";
    let message = refused(text, &TableOptions::default());
    assert!(
        message.contains("column \"who\" was taken for the actor"),
        "{message}"
    );
    assert!(message.contains("--map actor=\"who\""), "{message}");
    let (dataset, _) = imported(
        text,
        &TableOptions {
            roles: vec![(Role::Actor, "WHO".into())],
            ..TableOptions::default()
        },
    );
    assert_eq!(dataset.events.len(), 2);
    let unknown = refused(
        text,
        &TableOptions {
            roles: vec![(Role::Actor, "nobody".into())],
            ..TableOptions::default()
        },
    );
    assert!(unknown.contains("no column \"nobody\""), "{unknown}");
}

#[test]
fn a_table_with_no_membership_gets_one_message() {
    let text = refused(
        "Country,Treaty,Signed\nFrance,T,soon\nItaly,T,later\nSpain,T,never\n",
        &TableOptions::default(),
    );
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("no membership found in the 3 rows"), "{text}");
    assert!(text.contains("3 of their cells are not dates"), "{text}");
}

#[test]
fn a_yearly_matrix_becomes_events_at_each_change() {
    let text = "ioname,orgname,year,usa,canada,uk,france,gdr,japan,sdate,deaddate\n\
        ABC,Alpha Body Council,1965,1,0,-9,3,-1,0,1965,0\n\
        ABC,Alpha Body Council,1966,1,1,1,3,1,2,1965,0\n\
        ABC,Alpha Body Council,1967,0,1,-9,1,-1,2,1965,0\n";
    let (dataset, report) = imported(text, &TableOptions::default());
    assert_eq!(
        facts(&dataset),
        [
            "CAN abc joined 1966",
            "FRA abc joined 1967",
            "FRA abc observer 1965",
            "GBR abc joined 1966",
            "JPN abc joined 1966",
            "USA abc joined 1965",
            "USA abc withdrew 1967",
            "gdr abc joined 1966",
            "gdr abc withdrew 1967",
        ]
    );
    let body = &dataset.bodies[0];
    assert_eq!(
        (body.name.as_str(), body.short_name.as_deref()),
        ("Alpha Body Council", Some("ABC"))
    );
    assert_eq!(body.opened.map(|d| d.to_string()), Some("1965".into()));
    let text = report.to_string();
    assert!(text.contains("2 cells are missing (-9)"), "{text}");
    assert!(
        text.contains("\"gdr\" is not a state this reader knows"),
        "{text}"
    );
}

#[test]
fn a_mapping_reads_back_and_fits_only_its_own_header() {
    let grid = grid("Country,Organisation,Year joined\nJapan,FOC,2011\n");
    let mut mapping = guess(&grid);
    mapping.date_order = Some(DateOrder::DayFirst);
    let again = TableMapping::from_json(&mapping.to_json());
    assert_eq!(again.as_ref(), Ok(&mapping));
    assert!(mapping.fits(&grid));
    assert!(!mapping.fits(&self::grid("Country,Organisation,Joined\nJapan,FOC,2011\n")));
    assert!(
        TableMapping::from_json("{\"format\":\"other\",\"header_row\":1,\"columns\":[]}").is_err()
    );
    assert_eq!(
        mapping.columns.iter().map(|c| c.role).collect::<Vec<_>>(),
        [Role::Actor, Role::Body, Role::Step(EventKind::Joined)]
    );
}
