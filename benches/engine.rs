//! Engine benchmarks: parse + print, model, and apply, on the sample and on a generated
//! 1000-card page (~400 KB). Targets: parse + print of the 1000-card page <= 2 ms.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use folio::Page;
use std::hint::black_box;

fn inputs() -> Vec<(&'static str, String)> {
    vec![("sample", folio::sample::PAGE.to_string()), ("1000-cards", folio::sample::many_cards(1000))]
}

fn parse_print(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse+print");
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| Page::parse(black_box(t)).expect("parses").to_string())
        });
    }
    g.finish();
}

fn model_and_apply(c: &mut Criterion) {
    let mut g = c.benchmark_group("model+apply");
    for (name, text) in inputs() {
        let page = Page::parse(&text).expect("parses");
        let mut model = page.to_model();
        if let Some(folio::Block::Card(card)) = model.blocks.get_mut(1) {
            card.title.push_str(" (edited)");
        }
        g.bench_with_input(BenchmarkId::new("to_model", name), &page, |b, p| b.iter(|| p.to_model()));
        g.bench_with_input(BenchmarkId::new("apply one title edit", name), &page, |b, p| {
            b.iter(|| p.apply(black_box(&model)).expect("applies"))
        });
    }
    g.finish();
}

criterion_group!(benches, parse_print, model_and_apply);
criterion_main!(benches);
