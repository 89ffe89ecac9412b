//! Keys as data. The default bindings live in `assets/keymap.toml`, each with
//! a description; the user's `config.toml` overrides them. Lookup supports
//! sequences (`] c`) and is done per context, innermost first.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

use crate::config::ConfigError;

pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Keys that always do the same thing, whatever a config binds, so that the
/// app can always be left (ctrl-c) and suspended (ctrl-z) as a terminal
/// program is expected to be.
pub const RESERVED: [(KeyCode, Command); 2] = [
    (KeyCode::Char('c'), Command::ForceQuit),
    (KeyCode::Char('z'), Command::Suspend),
];

/// The command a reserved key always runs (ctrl plus a [`RESERVED`] key).
pub fn reserved(key: Key) -> Option<Command> {
    if key.modifiers != KeyModifiers::CONTROL {
        return None;
    }
    RESERVED
        .iter()
        .find(|(code, _)| *code == key.code)
        .map(|&(_, command)| command)
}

/// The keymap file's name for `command`.
pub fn command_name(command: Command) -> &'static str {
    COMMANDS
        .iter()
        .find(|(_, c)| *c == command)
        .map_or("?", |(name, _)| name)
}

/// What a binding does. The names are those used in keymap files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    ForceQuit,
    Suspend,
    Quit,
    Help,
    Close,
    FocusNext,
    FocusPrev,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Open,
    Back,
    Search,
    NextMatch,
    PrevMatch,
    Confirm,
    Erase,
    Mark,
    Diff,
    NextChange,
    PrevChange,
    JumpMoved,
    ToggleEqual,
    Swap,
    ToggleIgnoreCase,
    CycleMode,
    ReaderMode,
    CompareMode,
    FullDiffMode,
    FactsMode,
    CollateMode,
    MatrixMode,
    NextMention,
    PrevMention,
    ToggleConflicts,
    CycleKind,
    NextVersion,
    PrevVersion,
    GroupStories,
}

const COMMANDS: &[(&str, Command)] = &[
    ("force_quit", Command::ForceQuit),
    ("suspend", Command::Suspend),
    ("quit", Command::Quit),
    ("help", Command::Help),
    ("close", Command::Close),
    ("focus_next", Command::FocusNext),
    ("focus_prev", Command::FocusPrev),
    ("down", Command::Down),
    ("up", Command::Up),
    ("top", Command::Top),
    ("bottom", Command::Bottom),
    ("page_down", Command::PageDown),
    ("page_up", Command::PageUp),
    ("half_down", Command::HalfDown),
    ("half_up", Command::HalfUp),
    ("open", Command::Open),
    ("back", Command::Back),
    ("search", Command::Search),
    ("next_match", Command::NextMatch),
    ("prev_match", Command::PrevMatch),
    ("confirm", Command::Confirm),
    ("erase", Command::Erase),
    ("mark", Command::Mark),
    ("diff", Command::Diff),
    ("next_change", Command::NextChange),
    ("prev_change", Command::PrevChange),
    ("jump_moved", Command::JumpMoved),
    ("toggle_equal", Command::ToggleEqual),
    ("swap", Command::Swap),
    ("toggle_ignore_case", Command::ToggleIgnoreCase),
    ("cycle_mode", Command::CycleMode),
    ("reader_mode", Command::ReaderMode),
    ("compare_mode", Command::CompareMode),
    ("full_diff_mode", Command::FullDiffMode),
    ("facts_mode", Command::FactsMode),
    ("collate_mode", Command::CollateMode),
    ("matrix_mode", Command::MatrixMode),
    ("next_mention", Command::NextMention),
    ("prev_mention", Command::PrevMention),
    ("toggle_conflicts", Command::ToggleConflicts),
    ("cycle_kind", Command::CycleKind),
    ("next_version", Command::NextVersion),
    ("prev_version", Command::PrevVersion),
    ("group_stories", Command::GroupStories),
];

impl Command {
    pub fn from_name(name: &str) -> Option<Command> {
        COMMANDS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Context {
    Global,
    Sources,
    Reader,
    Diff,
    Facts,
    Collate,
    Matrix,
    Help,
    Search,
}

const CONTEXTS: &[(&str, Context)] = &[
    ("global", Context::Global),
    ("sources", Context::Sources),
    ("reader", Context::Reader),
    ("diff", Context::Diff),
    ("facts", Context::Facts),
    ("collate", Context::Collate),
    ("matrix", Context::Matrix),
    ("help", Context::Help),
    ("search", Context::Search),
];

impl Context {
    pub fn name(self) -> &'static str {
        CONTEXTS
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("?", |(n, _)| n)
    }
    pub fn all() -> impl Iterator<Item = Context> {
        CONTEXTS.iter().map(|(_, c)| *c)
    }
}

/// One key press, normalised: a character key carries its case, not SHIFT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Some(Key { code, modifiers })
    }

    /// Parses `ctrl-c`, `G`, `pagedown`, `shift-tab`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            modifiers |= flag;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if modifiers.contains(KeyModifiers::SHIFT) => {
                    modifiers.remove(KeyModifiers::SHIFT);
                    KeyCode::BackTab
                }
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                name => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => return Err(format!("unknown key {text:?}")),
                },
            },
        };
        if let KeyCode::Char(c) = code
            && modifiers.contains(KeyModifiers::SHIFT)
        {
            modifiers.remove(KeyModifiers::SHIFT);
            let upper: Vec<char> = c.to_uppercase().collect();
            return Ok(Key {
                code: KeyCode::Char(upper[0]),
                modifiers,
            });
        }
        Ok(Key { code, modifiers })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("⏎"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("⌫"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// A sequence of keys, e.g. `] c`.
pub type Chord = Vec<Key>;

fn chord_label(chord: &Chord) -> String {
    chord
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub chords: Vec<Chord>,
    pub command: Command,
    pub desc: String,
    /// A short label for the status bar; bindings without one are only in help.
    pub hint: Option<String>,
    /// Which hints the status bar keeps when not all fit: lower first.
    pub priority: u8,
}

/// The priority of a hint whose binding gives none.
pub const DEFAULT_PRIORITY: u8 = 50;

impl Binding {
    /// All keys of the binding, for display: `j/↓`.
    pub fn keys_label(&self) -> String {
        self.chords
            .iter()
            .map(chord_label)
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// What a key press means given the keys pressed before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Command(Command),
    /// The start of a longer sequence: wait for the next key.
    Pending,
    Unbound,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: BTreeMap<Context, Vec<Binding>>,
}

/// A binding as written in a keymap file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBinding {
    keys: Vec<toml::Spanned<String>>,
    action: toml::Spanned<String>,
    #[serde(default)]
    desc: String,
    hint: Option<String>,
    /// The status bar keeps lower numbers first (default 50).
    priority: Option<u8>,
}

/// Binding tables by context name, as in the keymap file.
pub type RawKeymap = BTreeMap<toml::Spanned<String>, Vec<RawBinding>>;

impl Keymap {
    /// The built-in bindings.
    pub fn defaults() -> Keymap {
        let raw: RawKeymap = toml::from_str(DEFAULT_KEYMAP).expect("the default keymap parses");
        let mut keymap = Keymap {
            bindings: BTreeMap::new(),
        };
        keymap
            .apply(&raw, DEFAULT_KEYMAP, "assets/keymap.toml")
            .expect("the default keymap is valid");
        keymap
    }

    /// Adds or replaces bindings from `raw`, which was read from `file`
    /// holding `source`. A key bound here loses its previous binding in the
    /// same context. A [`RESERVED`] key bound to anything else is left out,
    /// with a warning in the returned list.
    ///
    /// Errors: an unknown context or action, or a key that does not parse,
    /// located in `file`.
    pub fn apply(
        &mut self,
        raw: &RawKeymap,
        source: &str,
        file: &str,
    ) -> Result<Vec<String>, ConfigError> {
        let mut warnings = Vec::new();
        for (context_name, entries) in raw {
            let context = CONTEXTS
                .iter()
                .find(|(n, _)| *n == context_name.get_ref())
                .map(|(_, c)| *c)
                .ok_or_else(|| {
                    ConfigError::at(
                        file,
                        source,
                        context_name.span(),
                        format!(
                            "unknown keymap context {:?} (known: {})",
                            context_name.get_ref(),
                            CONTEXTS
                                .iter()
                                .map(|(n, _)| *n)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                })?;
            for entry in entries {
                let mut binding = to_binding(entry.clone(), source, file)?;
                binding.chords.retain(|chord| match reserved(chord[0]) {
                    Some(command) if command != binding.command || chord.len() > 1 => {
                        warnings.push(format!(
                            "{file}: {} is reserved ({}) and cannot be bound to {:?}",
                            chord_label(chord),
                            command_name(command),
                            entry.action.get_ref()
                        ));
                        false
                    }
                    _ => true,
                });
                if binding.chords.is_empty() {
                    continue;
                }
                let list = self.bindings.entry(context).or_default();
                for existing in list.iter_mut() {
                    existing.chords.retain(|c| !binding.chords.contains(c));
                }
                list.retain(|b| !b.chords.is_empty());
                list.push(binding);
            }
        }
        Ok(warnings)
    }

    /// Looks `pending` + `key` up in `contexts`, the innermost first.
    pub fn lookup(&self, contexts: &[Context], pending: &[Key], key: Key) -> Lookup {
        let mut sequence = pending.to_vec();
        sequence.push(key);
        let mut found_prefix = false;
        for context in contexts {
            for binding in self.bindings.get(context).into_iter().flatten() {
                for chord in &binding.chords {
                    if *chord == sequence {
                        return Lookup::Command(binding.command);
                    }
                    if chord.len() > sequence.len() && chord.starts_with(&sequence) {
                        found_prefix = true;
                    }
                }
            }
        }
        if found_prefix {
            Lookup::Pending
        } else {
            Lookup::Unbound
        }
    }

    pub fn bindings(&self, context: Context) -> &[Binding] {
        self.bindings.get(&context).map_or(&[], Vec::as_slice)
    }

    /// The first key bound to `command` in `context`, for messages.
    pub fn key_for(&self, context: Context, command: Command) -> Option<String> {
        self.bindings(context)
            .iter()
            .find(|b| b.command == command)
            .and_then(|b| b.chords.first().map(chord_label))
    }
}

fn to_binding(raw: RawBinding, source: &str, file: &str) -> Result<Binding, ConfigError> {
    let command = Command::from_name(raw.action.get_ref()).ok_or_else(|| {
        ConfigError::at(
            file,
            source,
            raw.action.span(),
            format!(
                "unknown action {:?} (known: {})",
                raw.action.get_ref(),
                COMMANDS
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })?;
    let mut chords = Vec::new();
    for key in &raw.keys {
        let chord = key
            .get_ref()
            .split_whitespace()
            .map(Key::parse)
            .collect::<Result<Chord, String>>()
            .map_err(|message| ConfigError::at(file, source, key.span(), message))?;
        if chord.is_empty() {
            return Err(ConfigError::at(
                file,
                source,
                key.span(),
                "empty key".to_owned(),
            ));
        }
        chords.push(chord);
    }
    if chords.is_empty() {
        return Err(ConfigError::at(
            file,
            source,
            raw.action.span(),
            "a binding needs at least one key".to_owned(),
        ));
    }
    Ok(Binding {
        chords,
        command,
        desc: raw.desc,
        hint: raw.hint,
        priority: raw.priority.unwrap_or(DEFAULT_PRIORITY),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Key {
        Key::parse(text).unwrap()
    }

    #[test]
    fn keys_parse_and_print() {
        assert_eq!(key("ctrl-c").modifiers, KeyModifiers::CONTROL);
        assert_eq!(key("G").code, KeyCode::Char('G'));
        assert_eq!(key("shift-g").code, KeyCode::Char('G'));
        assert_eq!(key("shift-tab").code, KeyCode::BackTab);
        assert_eq!(key("pgdn").code, KeyCode::PageDown);
        assert_eq!(key("f5").code, KeyCode::F(5));
        assert!(Key::parse("hyper-x").is_err());
        assert_eq!(key("ctrl-d").to_string(), "ctrl-d");
        assert_eq!(key("down").to_string(), "↓");
    }

    #[test]
    fn shifted_letters_from_the_terminal_match_capitals() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), Some(key("G")));
    }

    #[test]
    fn defaults_cover_the_required_keys() {
        let keymap = Keymap::defaults();
        let reader = [Context::Reader, Context::Global];
        for (k, command) in [
            ("j", Command::Down),
            ("down", Command::Down),
            ("G", Command::Bottom),
            ("end", Command::Bottom),
            ("ctrl-d", Command::HalfDown),
            ("/", Command::Search),
            ("n", Command::NextMatch),
            ("N", Command::PrevMatch),
            ("h", Command::Back),
            ("q", Command::Quit),
            ("ctrl-c", Command::ForceQuit),
        ] {
            assert_eq!(
                keymap.lookup(&reader, &[], key(k)),
                Lookup::Command(command),
                "{k}"
            );
        }
        assert_eq!(keymap.lookup(&reader, &[], key("z")), Lookup::Unbound);
    }

    #[test]
    fn sequences_wait_for_their_last_key() {
        let mut keymap = Keymap::defaults();
        let raw: RawKeymap =
            toml::from_str("[[reader]]\nkeys = [\"] c\"]\naction = \"next_match\"\n").unwrap();
        keymap.apply(&raw, "", "test.toml").unwrap();
        let reader = [Context::Reader];
        assert_eq!(keymap.lookup(&reader, &[], key("]")), Lookup::Pending);
        assert_eq!(
            keymap.lookup(&reader, &[key("]")], key("c")),
            Lookup::Command(Command::NextMatch)
        );
    }

    #[test]
    fn overrides_replace_the_key_in_its_context() {
        let mut keymap = Keymap::defaults();
        let raw: RawKeymap =
            toml::from_str("[[reader]]\nkeys = [\"j\"]\naction = \"page_down\"\ndesc = \"Page\"\n")
                .unwrap();
        keymap.apply(&raw, "", "test.toml").unwrap();
        let reader = [Context::Reader];
        assert_eq!(
            keymap.lookup(&reader, &[], key("j")),
            Lookup::Command(Command::PageDown)
        );
        // The other key of the old binding still works.
        assert_eq!(
            keymap.lookup(&reader, &[], key("down")),
            Lookup::Command(Command::Down)
        );
    }

    #[test]
    fn bad_actions_are_reported_with_their_line() {
        let source = "[[reader]]\nkeys = [\"x\"]\naction = \"fly\"\n";
        let raw: RawKeymap = toml::from_str(source).unwrap();
        let error = Keymap::defaults()
            .apply(&raw, source, "config.toml")
            .unwrap_err();
        assert_eq!(error.line, Some(3));
        assert!(
            error.to_string().contains("unknown action \"fly\""),
            "{error}"
        );
    }
}
