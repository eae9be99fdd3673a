//! Cost of the seeded force layout (release build) on the scene graphs of synthetic datasets
//! of about 700, 5,000 and 20,000 nodes (four actors per body, eight events per node: the
//! graphs `minilateral generate --nodes N` writes). Targets: 5,000 nodes ≤ 0.5 s, 20,000
//! nodes ≤ 2 s. The layout is computed once per dataset, off the UI thread.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use minilateral::document::Document;
use minilateral::scene::layout::ForceLayout;

fn layout_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    for nodes in [700_usize, 5_000, 20_000] {
        let bodies = nodes / 5;
        let dataset = minilateral::synthetic::generate(nodes - bodies, bodies, nodes * 8, 1);
        let document = Document::new(dataset, "bench".into(), String::new());
        let request = document.layout_request();
        group.bench_function(format!("force_{nodes}_nodes"), |b| {
            b.iter(|| ForceLayout::run(black_box(request.clone())).len())
        });
    }
    group.finish();
}

criterion_group!(benches, layout_benches);
criterion_main!(benches);
