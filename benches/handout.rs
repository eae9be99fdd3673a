//! Cost of a PDF handout of the built-in sample (release build): eight slides at
//! different dates and selections (the network, a body's map, a focused state), from the
//! views to the PDF bytes, pictures included (target < 3 s); and the PDF alone from
//! pictures already built.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use minilateral::document::Document;
use minilateral::model::Month;
use minilateral::render::{self, Handout, HandoutPage, RenderOptions};
use minilateral::scene::{Selection, View, ViewKind};

/// The eight slides' titles, views and captions.
fn slides(document: &Document) -> Vec<(String, View, String)> {
    let base = document.initial_view();
    let at = |year: i16, month: i8| View {
        date: Month::new(year, month),
        ..base.clone()
    };
    let body = |id: &str| document.timeline.body_ix(id).map(Selection::Body);
    let mut slides = Vec::new();
    for (index, year) in [1998, 2005, 2010, 2014, 2018, 2024].into_iter().enumerate() {
        let mut view = at(year, 1);
        if index % 2 == 1 {
            view.selection = body("budapest");
        }
        slides.push((
            format!("The network in {year}"),
            view,
            format!(
                "In January {year} the forums and their members, with the *new* joiners \
                 ringed. Each line is a membership; the **larger** a body, the more members."
            ),
        ));
    }
    let mut map = at(2016, 6);
    map.kind = ViewKind::Map;
    map.selection = body("budapest");
    slides.push((
        "Where the Convention reached".to_owned(),
        map,
        "The Budapest Convention's parties and signatories by mid-2016.".to_owned(),
    ));
    let mut coalitions = at(2020, 1);
    coalitions.kind = ViewKind::Coalitions;
    slides.push((
        "Coalitions".to_owned(),
        coalitions,
        "States that join the same bodies, tied by how much their memberships overlap.".to_owned(),
    ));
    slides
}

fn handout_benches(c: &mut Criterion) {
    let Ok((dataset, _)) =
        minilateral::io::read_native_str(minilateral::SAMPLE_DATASET_JSON, "sample")
    else {
        return;
    };
    let document = Document::new(dataset, "sample".into(), String::new());
    let positions = Document::compute_layout(document.layout_request());
    let options = RenderOptions {
        title: Some(document.title().to_owned()),
        source: Some(render::source_line(&document)),
        ..RenderOptions::default()
    };
    // The coalition layout is computed once per dataset, as in the app.
    let _ = document.coalition_positions();
    let slides = slides(&document);
    let handout = |slides: &[(String, View, String)]| Handout {
        title: document.title().to_owned(),
        subtitle: Some("Eight slides".to_owned()),
        sources: vec![render::source_line(&document)],
        pages: slides
            .iter()
            .map(|(title, view, caption)| HandoutPage {
                title: title.clone(),
                picture: render::picture_of_view(&document, view, &positions, &options),
                caption: caption.clone(),
            })
            .collect(),
        ..Handout::default()
    };

    let mut group = c.benchmark_group("handout");
    group.sample_size(10);
    group.bench_function("sample_8_slides_pdf", |b| {
        b.iter(|| render::to_pdf(&handout(black_box(&slides))).map(|bytes| bytes.len()))
    });
    // The sample's own lesson, as `minilateral lesson --pdf` writes it.
    if let Some(lesson) = document.dataset.lessons.first() {
        let base = document.initial_view();
        group.bench_function("ideas_lesson_pdf", |b| {
            b.iter(|| {
                let handout = render::lesson_handout(
                    &document,
                    black_box(lesson),
                    &base,
                    &positions,
                    &options,
                    render::Paper::A4,
                );
                render::to_pdf(&handout).map(|bytes| bytes.len())
            })
        });
    }
    let built = handout(&slides);
    group.bench_function("sample_8_slides_pdf_from_pictures", |b| {
        b.iter(|| render::to_pdf(black_box(&built)).map(|bytes| bytes.len()))
    });
    group.finish();
}

criterion_group!(benches, handout_benches);
criterion_main!(benches);
