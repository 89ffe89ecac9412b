//! Markdown → plain blocks with emphasis runs, by pulldown-cmark. News text is
//! mostly plain prose that sometimes carries Markdown (`# heading`,
//! `**bold**`, `[text](#)`); either way the reader sees text, never markup.
//! Lists keep their depth and numbers, tables their rows, and link targets
//! become numbered footnotes (`full audit[1]` … `[1] https://…`), so that a
//! changed target is a change. Where a block's lines were broken, the
//! breaks are kept (`line_starts`): a headline glued to its lede is found
//! by its line.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::article::{CELL_SEPARATOR, InlineStyle, ParagraphKind, StyleRun};
use super::clean;

/// One block of text before metadata is taken out and sentences are cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: ParagraphKind,
    pub text: String,
    pub styles: Vec<StyleRun>,
    /// Where the lines after the first start, where the source broke the
    /// block's text over lines (byte offsets, ascending).
    pub line_starts: Vec<usize>,
}

impl Block {
    pub fn text(kind: ParagraphKind, text: &str) -> Block {
        Block {
            kind,
            text: text.to_owned(),
            styles: Vec::new(),
            line_starts: Vec::new(),
        }
    }

    /// The text of the block's first line.
    pub fn first_line(&self) -> &str {
        &self.text[..self.line_starts.first().copied().unwrap_or(self.text.len())]
    }

    /// Appends `other` after `separator`, keeping its styles.
    pub fn append(&mut self, separator: &str, other: &Block) {
        self.text.push_str(separator);
        let offset = self.text.len();
        self.text.push_str(&other.text);
        self.styles.extend(other.styles.iter().map(|run| StyleRun {
            range: run.range.start + offset..run.range.end + offset,
            style: run.style,
        }));
        self.line_starts
            .extend(other.line_starts.iter().map(|at| at + offset));
    }

    /// Drops the first `n` bytes (and the styles and line breaks over them).
    pub fn drop_prefix(&mut self, n: usize) {
        self.text.drain(..n);
        self.styles = self
            .styles
            .iter()
            .filter(|run| run.range.end > n)
            .map(|run| StyleRun {
                range: run.range.start.saturating_sub(n)..run.range.end - n,
                style: run.style,
            })
            .collect();
        self.line_starts = self
            .line_starts
            .iter()
            .filter(|&&at| at > n)
            .map(|at| at - n)
            .collect();
    }

    /// Keeps only the first `n` bytes.
    pub fn truncate(&mut self, n: usize) {
        self.text.truncate(n);
        self.styles.retain(|run| run.range.start < n);
        for run in &mut self.styles {
            run.range.end = run.range.end.min(n);
        }
        self.line_starts.retain(|&at| at < n);
    }

    /// Drops the first line (and the whitespace after it); false when the
    /// block had only one.
    pub fn drop_first_line(&mut self) -> bool {
        let Some(&next) = self.line_starts.first() else {
            return false;
        };
        self.drop_prefix(next);
        self.trim();
        true
    }

    /// Removes whitespace at both ends.
    pub fn trim(&mut self) {
        let end = self.text.trim_end().len();
        self.truncate(end);
        let start = self.text.len() - self.text.trim_start().len();
        self.drop_prefix(start);
    }

    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// The result of reading Markdown: the blocks, a front-matter block if there
/// was one, the link targets in the order of their marks, and how many
/// characters had to be made visible.
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub front_matter: Option<String>,
    pub footnotes: Vec<String>,
    pub controls_shown: usize,
}

/// Parses normalised text (see [`clean::normalize`]) into blocks. With
/// `lines_are_paragraphs`, every line break ends a block, for plain text
/// that puts one paragraph on each line.
pub fn parse(text: &str, lines_are_paragraphs: bool) -> Parsed {
    let options = Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES;
    let mut builder = Builder {
        lines_are_paragraphs,
        ..Builder::default()
    };
    for event in Parser::new_ext(text, options) {
        builder.event(event);
    }
    builder.flush();
    Parsed {
        blocks: builder.blocks,
        front_matter: builder.front_matter,
        footnotes: builder.footnotes,
        controls_shown: builder.controls_shown,
    }
}

/// Whether a link's target is worth a footnote: a real address, not a
/// placeholder (`#`) and not the link's own text (an autolink).
fn worth_a_footnote(target: &str, text: &str) -> bool {
    let target = target.trim();
    !(target.is_empty()
        || target.starts_with('#')
        || target.starts_with("javascript:")
        || target == text.trim()
        || target.strip_prefix("mailto:") == Some(text.trim()))
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    current: Option<Block>,
    /// Inline emphasis that is open, innermost last.
    styles: Vec<InlineStyle>,
    /// Containers that are open (quotes, list items), innermost last.
    containers: Vec<ParagraphKind>,
    /// Lists that are open, innermost last: the number of the next item of
    /// an ordered list, none for a bulleted one.
    lists: Vec<Option<u64>>,
    /// Inside a table: its rows are blocks, its head row a header.
    in_table: bool,
    in_table_head: bool,
    /// Links that are open: their targets, and where their text starts.
    links: Vec<(String, usize)>,
    /// Link targets, numbered by their place here plus one.
    footnotes: Vec<String>,
    heading: Option<u8>,
    in_code_block: bool,
    in_metadata: bool,
    lines_are_paragraphs: bool,
    front_matter: Option<String>,
    controls_shown: usize,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_metadata => {
                self.front_matter
                    .get_or_insert_with(String::new)
                    .push_str(&text);
            }
            Event::Text(text) if self.in_code_block => {
                // Indented "code" in news text is almost always an indented
                // paragraph: one block per line.
                for line in text.lines() {
                    self.push_text(line.trim());
                    self.flush();
                }
            }
            Event::Text(text) => self.push_text(&text),
            Event::Code(code) => {
                self.styles.push(InlineStyle::CODE);
                self.push_text(&code);
                self.styles.pop();
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text),
            Event::Html(html) => {
                self.push_text(&strip_tags(&html));
                self.flush();
            }
            Event::InlineHtml(_) => self.push_text(" "),
            Event::SoftBreak | Event::HardBreak if self.lines_are_paragraphs => self.flush(),
            Event::SoftBreak | Event::HardBreak => {
                self.push_text(" ");
                if let Some(block) = self.current.as_mut() {
                    block.line_starts.push(block.text.len());
                }
            }
            Event::FootnoteReference(label) => self.push_text(&format!("[{label}]")),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::Rule => self.flush(),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock | Tag::DefinitionListTitle => self.flush(),
            Tag::Table(_) => {
                self.flush();
                self.in_table = true;
            }
            Tag::TableHead => {
                self.flush();
                self.in_table_head = true;
            }
            Tag::TableRow => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as u8);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(ParagraphKind::Quote);
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let number = self.lists.last_mut().and_then(|next| {
                    let number = (*next)?;
                    *next = Some(number + 1);
                    Some(number)
                });
                self.containers.push(ParagraphKind::ListItem {
                    depth,
                    ordered: number.is_some(),
                });
                if let Some(number) = number {
                    self.push_text(&format!("{number}. "));
                }
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.in_code_block = true;
            }
            Tag::MetadataBlock(_) => self.in_metadata = true,
            Tag::Emphasis => self.styles.push(InlineStyle::ITALIC),
            Tag::Strong => self.styles.push(InlineStyle::BOLD),
            Tag::Strikethrough => self.styles.push(InlineStyle::STRIKE),
            Tag::Link { dest_url, .. } => {
                self.styles.push(InlineStyle::LINK);
                let start = self.current.as_ref().map_or(0, |b| b.text.len());
                self.links.push((dest_url.into_string(), start));
            }
            Tag::Image { .. } => {
                self.push_text("[image: ");
                self.styles.push(InlineStyle::ITALIC);
            }
            Tag::TableCell if self.current.as_ref().is_some_and(|b| !b.text.is_empty()) => {
                self.push_text(CELL_SEPARATOR);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::TableRow => self.flush(),
            TagEnd::TableHead => {
                self.flush();
                self.in_table_head = false;
            }
            TagEnd::Table => {
                self.flush();
                self.in_table = false;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) | TagEnd::Item => {
                self.flush();
                self.containers.pop();
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.in_code_block = false;
            }
            TagEnd::MetadataBlock(_) => self.in_metadata = false,
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                self.styles.pop();
            }
            TagEnd::Link => {
                self.styles.pop();
                self.end_link();
            }
            TagEnd::Image => {
                self.styles.pop();
                self.push_text("]");
            }
            _ => {}
        }
    }

    /// A link ends: a target worth keeping gets its mark after the link's
    /// text, and its footnote (one number per target).
    fn end_link(&mut self) {
        let Some((target, start)) = self.links.pop() else {
            return;
        };
        let text = self
            .current
            .as_ref()
            .and_then(|b| b.text.get(start..))
            .unwrap_or("");
        if !worth_a_footnote(&target, text) {
            return;
        }
        let (target, _) = clean::visible_counted(&target);
        let number = match self.footnotes.iter().position(|t| *t == target) {
            Some(k) => k + 1,
            None => {
                self.footnotes.push(target.into_owned());
                self.footnotes.len()
            }
        };
        let styles = std::mem::take(&mut self.styles);
        self.push_text(&format!("[{number}]"));
        self.styles = styles;
    }

    fn kind(&self) -> ParagraphKind {
        if self.in_table_head || self.in_table_row() {
            return ParagraphKind::TableRow {
                header: self.in_table_head,
            };
        }
        match self.heading {
            Some(level) => ParagraphKind::Heading(level),
            None => self
                .containers
                .last()
                .copied()
                .unwrap_or(ParagraphKind::Text),
        }
    }

    fn in_table_row(&self) -> bool {
        self.in_table
    }

    fn push_text(&mut self, raw: &str) {
        // Entities are decoded by now (`&#27;` is a real ESC here), so this is
        // the point where controls are made inert.
        let (text, shown) = clean::visible_counted(raw);
        self.controls_shown += shown;
        let kind = self.kind();
        let block = self.current.get_or_insert_with(|| Block::text(kind, ""));
        let start = block.text.len();
        block.text.push_str(&text);
        let style = self
            .styles
            .iter()
            .fold(InlineStyle::default(), |acc, s| acc.union(*s));
        if style.is_plain() || text.is_empty() {
            return;
        }
        let end = block.text.len();
        match block.styles.last_mut() {
            Some(last) if last.style == style && last.range.end == start => last.range.end = end,
            _ => block.styles.push(StyleRun {
                range: start..end,
                style,
            }),
        }
    }

    fn flush(&mut self) {
        if let Some(mut block) = self.current.take() {
            block.trim();
            if !block.text.is_empty() {
                self.blocks.push(block);
            }
        }
    }
}

/// The text of an HTML block without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(if c == '\n' { ' ' } else { c }),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        parse(text, false).blocks
    }

    #[test]
    fn markup_becomes_styles() {
        let parsed =
            blocks("# Title\n\nBy [Jane Doe for AFP](#)\n\n**Related:** [A story](#) here");
        assert_eq!(parsed[0].kind, ParagraphKind::Heading(1));
        assert_eq!(parsed[0].text, "Title");
        assert_eq!(parsed[1].text, "By Jane Doe for AFP");
        assert_eq!(parsed[1].styles[0].range, 3..19);
        assert!(parsed[1].styles[0].style.contains(InlineStyle::LINK));
        assert_eq!(parsed[2].text, "Related: A story here");
        assert!(parsed[2].styles[0].style.contains(InlineStyle::BOLD));
        assert_eq!(
            &parsed[2].text[parsed[2].styles[1].range.clone()],
            "A story"
        );
    }

    #[test]
    fn soft_breaks_join_lines() {
        let parsed = blocks("one line\nand the next\n\nnew paragraph");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].text, "one line and the next");
    }

    #[test]
    fn entities_decode_then_become_inert() {
        let parsed = parse("colour &#27;[31m red &amp;#27; and &#x9b;2J", false);
        assert_eq!(
            parsed.blocks[0].text,
            "colour ␛[31m red &#27; and ⟨U+009B⟩2J"
        );
        assert_eq!(parsed.controls_shown, 2);
    }

    #[test]
    fn indented_lines_stay_paragraphs() {
        let parsed = blocks("    First indented paragraph.\n    Second one.");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[1].text, "Second one.");
    }

    #[test]
    fn autolinks_keep_their_text() {
        assert_eq!(
            blocks("<https://example.com/a>")[0].text,
            "https://example.com/a"
        );
    }

    #[test]
    fn front_matter_is_set_aside() {
        let parsed = parse(
            "---\ntitle: Hello\ndate: 2021-07-01\n---\n\nBody text.",
            false,
        );
        assert_eq!(
            parsed.front_matter.as_deref(),
            Some("title: Hello\ndate: 2021-07-01\n")
        );
        assert_eq!(parsed.blocks.len(), 1);
    }
}
