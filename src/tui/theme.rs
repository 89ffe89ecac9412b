//! Styles by role, from `assets/theme.toml` and the user's `[theme]`.
//! Without colour (NO_COLOR) the `[mono]` roles keep every cue visible.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::config::ConfigError;

pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

macro_rules! roles {
    ($($variant:ident => $name:literal,)*) => {
        /// What a style is for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Role { $($variant,)* }
        const ROLES: &[(&str, Role)] = &[$(($name, Role::$variant),)*];
    };
}

roles! {
    Border => "border",
    BorderFocus => "border_focus",
    PaneTitle => "pane_title",
    PaneTitleFocus => "pane_title_focus",
    ListTitle => "list_title",
    ListDetail => "list_detail",
    ListSelected => "list_selected",
    ListOpen => "list_open",
    NoticeMark => "notice_mark",
    HeaderTitle => "header_title",
    HeaderMeta => "header_meta",
    HeaderUrl => "header_url",
    HeaderNotice => "header_notice",
    Rule => "rule",
    Heading => "heading",
    Quote => "quote",
    Link => "link",
    Code => "code",
    SearchMatch => "search_match",
    SearchCurrent => "search_current",
    Status => "status",
    StatusKey => "status_key",
    StatusNotice => "status_notice",
    StatusPrompt => "status_prompt",
    HelpKey => "help_key",
    HelpSection => "help_section",
    TooSmall => "too_small",
    ListMark => "list_mark",
    DiffDelete => "diff_delete",
    DiffInsert => "diff_insert",
    DiffGutter => "diff_gutter",
    DiffChanged => "diff_changed",
    DiffMoved => "diff_moved",
    DiffRemoved => "diff_removed",
    DiffAdded => "diff_added",
    DiffCurrent => "diff_current",
    DiffGhost => "diff_ghost",
    DiffHeader => "diff_header",
    Highlight => "highlight",
    FactConflict => "fact_conflict",
    FactKind => "fact_kind",
    Heat1 => "heat_1",
    Heat2 => "heat_2",
    Heat3 => "heat_3",
    Heat4 => "heat_4",
}

#[derive(Debug, Clone)]
pub struct Theme {
    styles: Vec<Style>,
    /// False with NO_COLOR: colours are dropped, modifiers stay.
    pub color: bool,
}

/// A style as written in a theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStyle {
    fg: Option<toml::Spanned<String>>,
    bg: Option<toml::Spanned<String>>,
    #[serde(default)]
    modifiers: Vec<toml::Spanned<String>>,
}

pub type RawRoles = BTreeMap<toml::Spanned<String>, RawStyle>;

#[derive(Deserialize)]
struct DefaultTheme {
    color: RawRoles,
    mono: RawRoles,
}

impl Theme {
    /// The built-in theme, in colour or not.
    pub fn defaults(color: bool) -> Theme {
        let raw: DefaultTheme = toml::from_str(DEFAULT_THEME).expect("the default theme parses");
        let mut theme = Theme {
            styles: vec![Style::default(); ROLES.len()],
            color: true,
        };
        let file = "assets/theme.toml";
        theme
            .apply(&raw.color, DEFAULT_THEME, file)
            .expect("the default theme is valid");
        if !color {
            theme
                .apply(&raw.mono, DEFAULT_THEME, file)
                .expect("the mono theme is valid");
            theme.color = false;
            for style in &mut theme.styles {
                style.fg = None;
                style.bg = None;
                style.underline_color = None;
            }
        }
        theme
    }

    /// Replaces the styles of the roles in `raw`, read from `file`.
    pub fn apply(&mut self, raw: &RawRoles, source: &str, file: &str) -> Result<(), ConfigError> {
        for (name, raw_style) in raw {
            let role = ROLES
                .iter()
                .find(|(n, _)| *n == name.get_ref())
                .map(|(_, r)| *r)
                .ok_or_else(|| {
                    ConfigError::at(
                        file,
                        source,
                        name.span(),
                        format!("unknown theme role {:?}", name.get_ref()),
                    )
                })?;
            let style = parse_style(raw_style, source, file)?;
            self.styles[role as usize] = if self.color {
                style
            } else {
                Style {
                    fg: None,
                    bg: None,
                    ..style
                }
            };
        }
        Ok(())
    }

    pub fn style(&self, role: Role) -> Style {
        self.styles[role as usize]
    }
}

fn parse_style(raw: &RawStyle, source: &str, file: &str) -> Result<Style, ConfigError> {
    let color = |spanned: &Option<toml::Spanned<String>>| -> Result<Option<Color>, ConfigError> {
        spanned
            .as_ref()
            .map(|c| {
                Color::from_str(c.get_ref()).map_err(|_| {
                    ConfigError::at(
                        file,
                        source,
                        c.span(),
                        format!("unknown colour {:?}", c.get_ref()),
                    )
                })
            })
            .transpose()
    };
    let mut style = Style {
        fg: color(&raw.fg)?,
        bg: color(&raw.bg)?,
        ..Style::default()
    };
    for modifier in &raw.modifiers {
        let flag = match modifier.get_ref().to_ascii_lowercase().as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" | "underline" => Modifier::UNDERLINED,
            "reversed" | "reverse" => Modifier::REVERSED,
            "crossed_out" | "strikethrough" => Modifier::CROSSED_OUT,
            other => {
                return Err(ConfigError::at(
                    file,
                    source,
                    modifier.span(),
                    format!("unknown modifier {other:?}"),
                ));
            }
        };
        style = style.add_modifier(flag);
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_keeps_cues_without_colour() {
        let theme = Theme::defaults(false);
        let selected = theme.style(Role::ListSelected);
        assert_eq!(selected.bg, None);
        assert!(selected.add_modifier.contains(Modifier::REVERSED));
        assert!(
            theme
                .style(Role::SearchCurrent)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert_eq!(theme.style(Role::HeaderTitle).fg, None);
    }

    #[test]
    fn colour_theme_has_colours() {
        assert_eq!(
            Theme::defaults(true).style(Role::BorderFocus).fg,
            Some(Color::Cyan)
        );
    }

    #[test]
    fn bad_colours_are_reported() {
        let source = "[border]\nfg = \"purplish\"\n";
        let raw: RawRoles = toml::from_str(source).unwrap();
        let error = Theme::defaults(true)
            .apply(&raw, source, "config.toml")
            .unwrap_err();
        assert_eq!(error.line, Some(2));
    }
}
