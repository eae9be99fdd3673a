//! `minilateral overlap`: which bodies share members at a date.

use std::io::Write;

use jiff::civil::Date;
use serde::Serialize;

use super::MatrixValues;
use super::commands::{CommandError, EXIT_OK, body_or_usage_error};
use crate::document::Document;
use crate::model::Month;
use crate::model::{Dataset, Level, Word};
use crate::render::{MatrixPicture, PngOptions};
use crate::scene::View;
use crate::style::Theme;
use crate::timeline::{BodyIx, MATRIX_MAX_BODIES, Overlap, OverlapMatrix, Timeline, shared_with};

/// What the `overlap` command asks.
pub(super) struct OverlapQuery<'a> {
    /// One body (its most alike bodies), or none (every pair).
    pub body_id: Option<&'a str>,
    pub at: Date,
    pub level: Level,
    /// At most this many rows.
    pub top: usize,
}

#[derive(Serialize)]
struct OverlapJson<'a> {
    at: String,
    level: &'static str,
    /// The body asked about, when one was.
    body: Option<BodyJson<'a>>,
    pairs: Vec<PairJson<'a>>,
}

#[derive(Serialize)]
struct BodyJson<'a> {
    id: &'a str,
    name: &'a str,
    members: u32,
}

#[derive(Serialize)]
struct PairJson<'a> {
    a: BodyJson<'a>,
    b: BodyJson<'a>,
    shared: u32,
    /// Shared members over members of either.
    similarity: f32,
}

pub(super) fn overlap(
    dataset: &Dataset,
    query: &OverlapQuery<'_>,
    json: bool,
    out: &mut dyn Write,
) -> Result<u8, CommandError> {
    let timeline = Timeline::build(dataset);
    let overlap = Overlap::at(&timeline, query.at, query.level);
    let body_json = |body: BodyIx| BodyJson {
        id: &dataset.bodies[body.index()].id,
        name: &dataset.bodies[body.index()].name,
        members: overlap.size(body),
    };
    let (asked, pairs): (Option<BodyIx>, Vec<(BodyIx, BodyIx)>) = match query.body_id {
        Some(id) => {
            let body = body_or_usage_error(dataset, &timeline, id)?;
            let pairs = shared_with(&timeline, body, query.at, query.level)
                .into_iter()
                .map(|shared| (body, shared.body))
                .collect();
            (Some(body), pairs)
        }
        None => (None, every_pair(&overlap)),
    };
    let pairs: Vec<PairJson<'_>> = pairs
        .into_iter()
        .take(query.top)
        .map(|(a, b)| PairJson {
            a: body_json(a),
            b: body_json(b),
            shared: overlap.shared(a, b),
            similarity: overlap.jaccard(a, b),
        })
        .collect();
    if json {
        let document = OverlapJson {
            at: query.at.to_string(),
            level: query.level.word(),
            body: asked.map(body_json),
            pairs,
        };
        serde_json::to_writer_pretty(&mut *out, &document).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    match asked.map(body_json) {
        Some(body) => writeln!(
            out,
            "{}: {} members as of {} (level {}); bodies sharing members, most alike first",
            body.name,
            body.members,
            query.at,
            query.level.word()
        )?,
        None => writeln!(
            out,
            "Pairs of bodies sharing members as of {} (level {}), most alike first",
            query.at,
            query.level.word()
        )?,
    }
    // Columns as wide as the longest id.
    let w = pairs
        .iter()
        .flat_map(|pair| [pair.a.id.len(), pair.b.id.len()])
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(
        out,
        "{:<w$}  {:<w$}  {:>6}  {:>9}  {:>10}",
        "body", "other", "shared", "sizes", "similarity"
    )?;
    for pair in &pairs {
        writeln!(
            out,
            "{:<w$}  {:<w$}  {:>6}  {:>9}  {:>10.2}",
            pair.a.id,
            pair.b.id,
            pair.shared,
            format!("{}/{}", pair.a.members, pair.b.members),
            pair.similarity
        )?;
    }
    Ok(EXIT_OK)
}

/// The matrix of every body with members at the date, as CSV: a header of body ids, then
/// one row per body. The order is the app's (alike bodies together); `--top` is ignored.
pub(super) fn matrix_csv(
    dataset: &Dataset,
    query: &OverlapQuery<'_>,
    values: MatrixValues,
    out: &mut dyn Write,
) -> Result<u8, CommandError> {
    let timeline = Timeline::build(dataset);
    let OverlapMatrix { overlap, order, .. } =
        OverlapMatrix::at(&timeline, query.at, query.level, &[], usize::MAX);
    let id = |b: BodyIx| dataset.bodies[b.index()].id.as_str();
    let mut writer = csv::Writer::from_writer(out);
    let header = std::iter::once("body").chain(order.iter().map(|&b| id(b)));
    writer
        .write_record(header)
        .map_err(|e| CommandError::Output(e.into()))?;
    for &a in &order {
        let cells = order.iter().map(|&b| match values {
            MatrixValues::Shared => overlap.shared(a, b).to_string(),
            MatrixValues::Similarity => format!("{:.4}", overlap.jaccard(a, b)),
        });
        let row = std::iter::once(id(a).to_owned()).chain(cells);
        writer
            .write_record(row)
            .map_err(|e| CommandError::Output(e.into()))?;
    }
    writer.flush()?;
    Ok(EXIT_OK)
}

/// Where and how `overlap --out` draws the matrix.
pub(super) struct MatrixPictureArgs<'a> {
    pub path: &'a std::path::Path,
    pub theme: Theme,
    /// PNG pixels per picture unit.
    pub scale: f32,
}

/// Draws the matrix as the app's overlap window does (with the dataset's title and source
/// line) and writes it as PNG or SVG, by the file's extension.
pub(super) fn matrix_picture(
    dataset: Dataset,
    label: String,
    query: &OverlapQuery<'_>,
    args: &MatrixPictureArgs<'_>,
    err: &mut dyn Write,
) -> Result<u8, CommandError> {
    let document = Document::new(dataset, label, String::new());
    let matrix = OverlapMatrix::at(
        &document.timeline,
        query.at,
        query.level,
        &[],
        MATRIX_MAX_BODIES,
    );
    let options = MatrixPicture::file_options(&document, args.theme);
    let view = View {
        level: query.level,
        theme: args.theme,
        ..View::at(Month::of_date(query.at))
    };
    let picture = MatrixPicture::build(&document, &matrix, &view, &options);
    super::render::check_scale(
        "the matrix picture",
        [picture.picture.width, picture.picture.height],
        args.scale,
    )?;
    super::render::write_picture(
        &picture.picture,
        args.path,
        &PngOptions { scale: args.scale },
        err,
    )
}

/// Every pair of bodies sharing a member, most alike first.
fn every_pair(overlap: &Overlap) -> Vec<(BodyIx, BodyIx)> {
    let count = overlap.body_count();
    let index = |i: usize| BodyIx(u32::try_from(i).unwrap_or(u32::MAX));
    let mut pairs: Vec<(BodyIx, BodyIx)> = (0..count)
        .flat_map(|a| (a + 1..count).map(move |b| (index(a), index(b))))
        .filter(|&(a, b)| overlap.shared(a, b) > 0)
        .collect();
    pairs.sort_by(|&(a, b), &(c, d)| {
        overlap
            .jaccard(c, d)
            .total_cmp(&overlap.jaccard(a, b))
            .then(overlap.shared(c, d).cmp(&overlap.shared(a, b)))
            .then((a, b).cmp(&(c, d)))
    });
    pairs
}
