//! The loading screen: shown while a large folder or record file is read,
//! before the reader opens. A gauge with the files read out of those
//! found, and how to leave.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Widget};

use crate::corpus::Progress;

/// Width of the loading box, in columns, at most.
const BOX_WIDTH: u16 = 60;

pub fn render(progress: &Progress, area: Rect, buf: &mut Buffer) {
    let width = area.width.min(BOX_WIDTH);
    let height = area.height.min(5);
    let frame = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" spacefilm-tui ");
    let inner = block.inner(frame);
    block.render(frame, buf);
    let label = progress.describe("looking for articles…");
    let ratio = progress.ratio();
    if inner.height == 0 {
        return;
    }
    Gauge::default()
        .gauge_style(Style::default().add_modifier(Modifier::BOLD))
        .ratio(ratio)
        .label(label)
        .render(Rect { height: 1, ..inner }, buf);
    if inner.height >= 3 {
        Paragraph::new("q or Esc to leave").render(
            Rect {
                y: inner.y + 2,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(buf: &Buffer) -> String {
        buf.content.iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn the_gauge_counts_the_files_read() {
        let progress = Progress::default();
        progress.start("reading", "files", 10_000);
        progress.advance(2_500);
        let area = Rect::new(0, 0, 80, 24);
        let mut buf = Buffer::empty(area);
        render(&progress, area, &mut buf);
        let shown = text(&buf);
        assert!(shown.contains("reading 2500 of 10000 files"), "{shown}");
        assert!(shown.contains("q or Esc to leave"));
        // A quarter of the gauge's 58 cells is filled.
        let filled = buf.content.iter().filter(|c| c.symbol() == "█").count();
        assert!((12..=16).contains(&filled), "{filled}");
        // A tiny terminal still draws without panicking.
        let tiny = Rect::new(0, 0, 3, 1);
        render(&progress, tiny, &mut Buffer::empty(tiny));
    }
}
