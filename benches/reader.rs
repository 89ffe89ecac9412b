//! The reader's hot paths. Targets: a frame of a 1M-line article scrolled to
//! its middle at 200×60 builds in under 2 ms; start-up to the first frame on
//! the seeds takes under 50 ms; the reader's first frame of a parsed 50 MB
//! article (its layout built, wrapped lazily, and drawn) under 200 ms.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use spacefilm::corpus::{Source, decode, parse};
use spacefilm::tui::app::{Action, App, update};
use spacefilm::tui::keymap::{Key, Keymap};
use spacefilm::tui::layout::ReaderLayout;
use spacefilm::tui::theme::Theme;

fn frame_of_a_million_lines(c: &mut Criterion) {
    let text = common::lines(1_000_000, 11);
    let decoded = decode::decode(text.into_bytes(), None).unwrap();
    let article = parse::parse_article("million".into(), Source::Seed("million.txt"), decoded);
    let mut app = App::new(vec![article], Keymap::defaults(), Theme::defaults(true));
    update(&mut app, Action::Resize(200, 60));
    update(&mut app, Action::Key(Key::parse("enter").unwrap()));
    let rows = app.reader_layout().unwrap().len();
    app.reader_top = rows / 2;
    let area = Rect::new(0, 0, 200, 60);
    let mut buffer = Buffer::empty(area);
    c.bench_function("frame of a 1M-line article at 200x60", |b| {
        b.iter(|| {
            buffer.reset();
            black_box(&app).render(area, &mut buffer);
        })
    });
    let mut group = c.benchmark_group("scroll");
    group.bench_function("page down in a 1M-line article", |b| {
        b.iter(|| {
            update(&mut app, Action::Key(Key::parse("pagedown").unwrap()));
            buffer.reset();
            black_box(&app).render(area, &mut buffer);
        })
    });
    group.finish();
}

fn start_up(c: &mut Criterion) {
    let area = Rect::new(0, 0, 200, 60);
    c.bench_function("start-up to first frame on the seeds", |b| {
        b.iter(|| {
            let settings =
                spacefilm::config::load_settings(&spacefilm::config::Paths::default(), true);
            let mut app = App::new(spacefilm::corpus::seeds(), settings.keymap, settings.theme);
            update(&mut app, Action::Resize(area.width, area.height));
            let mut buffer = Buffer::empty(area);
            (&app).render(area, &mut buffer);
            black_box(buffer)
        })
    });
}

/// The app opening a 50 MB article (parsed beforehand: the loading screen
/// covers the parse) at 80×24: the reader's layout is built (the header
/// wrapped, every paragraph's height estimated) and the first frame drawn.
fn first_frame_of_a_50_mb_article(c: &mut Criterion) {
    let text = common::prose(50_000_000, 5);
    let decoded = decode::decode(text.into_bytes(), None).unwrap();
    let article = parse::parse_article("big".into(), Source::Seed("big.txt"), decoded);
    let articles = std::sync::Arc::new(vec![article]);
    let mut group = c.benchmark_group("big article");
    group.sample_size(10);
    group.bench_function("first reader frame of a 50 MB article at 80x24", |b| {
        b.iter(|| {
            let layout = ReaderLayout::build(articles.clone(), 0, 78);
            black_box(layout.rows(0, 22));
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    frame_of_a_million_lines,
    start_up,
    first_frame_of_a_50_mb_article
);
criterion_main!(benches);
