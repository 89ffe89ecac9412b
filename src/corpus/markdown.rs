//! Markdown → plain blocks with emphasis runs, by pulldown-cmark. News text is
//! mostly plain prose that sometimes carries Markdown (`# heading`,
//! `**bold**`, `[text](#)`); either way the reader sees text, never markup.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::article::{InlineStyle, ParagraphKind, StyleRun};
use super::clean;

/// One block of text before metadata is taken out and sentences are cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: ParagraphKind,
    pub text: String,
    pub styles: Vec<StyleRun>,
}

impl Block {
    pub fn text(kind: ParagraphKind, text: &str) -> Block {
        Block {
            kind,
            text: text.to_owned(),
            styles: Vec::new(),
        }
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
    }

    /// Drops the first `n` bytes (and the styles over them).
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
    }

    /// Keeps only the first `n` bytes.
    pub fn truncate(&mut self, n: usize) {
        self.text.truncate(n);
        self.styles.retain(|run| run.range.start < n);
        for run in &mut self.styles {
            run.range.end = run.range.end.min(n);
        }
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
/// was one, and how many characters had to be made visible.
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub front_matter: Option<String>,
    pub controls_shown: usize,
}

/// Parses normalised text (see [`clean::normalize`]) into blocks. With
/// `lines_are_paragraphs`, every line break ends a block, for plain text
/// that puts one paragraph on each line.
pub fn parse(text: &str, lines_are_paragraphs: bool) -> Parsed {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
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
        controls_shown: builder.controls_shown,
    }
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    current: Option<Block>,
    /// Inline emphasis that is open, innermost last.
    styles: Vec<InlineStyle>,
    /// Containers that are open (quotes, list items), innermost last.
    containers: Vec<ParagraphKind>,
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
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::FootnoteReference(label) => self.push_text(&format!("[{label}]")),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::Rule => self.flush(),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock | Tag::TableRow | Tag::DefinitionListTitle => {
                self.flush()
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as u8);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(ParagraphKind::Quote);
            }
            Tag::Item => {
                self.flush();
                self.containers.push(ParagraphKind::ListItem);
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.in_code_block = true;
            }
            Tag::MetadataBlock(_) => self.in_metadata = true,
            Tag::Emphasis => self.styles.push(InlineStyle::ITALIC),
            Tag::Strong => self.styles.push(InlineStyle::BOLD),
            Tag::Strikethrough => self.styles.push(InlineStyle::STRIKE),
            Tag::Link { .. } => self.styles.push(InlineStyle::LINK),
            Tag::Image { .. } => {
                self.push_text("[image: ");
                self.styles.push(InlineStyle::ITALIC);
            }
            Tag::TableCell => self.push_text(" "),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::TableRow => self.flush(),
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
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.styles.pop();
            }
            TagEnd::Image => {
                self.styles.pop();
                self.push_text("]");
            }
            _ => {}
        }
    }

    fn kind(&self) -> ParagraphKind {
        match self.heading {
            Some(level) => ParagraphKind::Heading(level),
            None => self
                .containers
                .last()
                .copied()
                .unwrap_or(ParagraphKind::Text),
        }
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
