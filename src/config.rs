//! The config folder (`config.toml`: keymap and theme overrides) and the data
//! folder (`state.toml`: what to reopen). Bad files are reported, never
//! overwritten; the state is written atomically.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use crate::data_file::ConfigError;
use crate::tui::keymap::{Keymap, RawKeymap};
use crate::tui::theme::{RawRoles, Theme};

/// Where the app keeps its files; `None` where there is no such place.
#[derive(Debug, Clone, Default)]
pub struct Paths {
    pub config_file: Option<PathBuf>,
    pub state_file: Option<PathBuf>,
}

impl Paths {
    /// The platform's folders (XDG on Linux). Nothing when HOME is unset.
    pub fn discover() -> Paths {
        if std::env::var_os("HOME").is_none_or(|h| h.is_empty()) {
            return Paths::default();
        }
        match directories::ProjectDirs::from("", "", "spacefilm-tui") {
            Some(dirs) => Paths {
                config_file: Some(dirs.config_dir().join("config.toml")),
                state_file: Some(dirs.data_dir().join("state.toml")),
            },
            None => Paths::default(),
        }
    }
}

/// Keymap and theme, with the notices the user should see about them.
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub notices: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    keymap: RawKeymap,
    #[serde(default)]
    theme: RawRoles,
}

/// Reads `config.toml`. Any error leaves the defaults in place, with a
/// notice naming the file and line.
pub fn load_settings(paths: &Paths, color: bool) -> Settings {
    let mut settings = Settings {
        keymap: Keymap::defaults(),
        theme: Theme::defaults(color),
        notices: Vec::new(),
    };
    let Some(path) = &paths.config_file else {
        return settings;
    };
    match read_config(path) {
        Ok(None) => {}
        Ok(Some((raw, source))) => {
            let name = path.display().to_string();
            let mut keymap = settings.keymap.clone();
            let mut theme = settings.theme.clone();
            match keymap
                .apply(&raw.keymap, &source, &name)
                .and_then(|warnings| theme.apply(&raw.theme, &source, &name).map(|()| warnings))
            {
                Ok(warnings) => {
                    settings.keymap = keymap;
                    settings.theme = theme;
                    settings.notices.extend(warnings);
                }
                Err(error) => settings.notices.push(format!("{error} (defaults used)")),
            }
        }
        Err(error) => settings.notices.push(format!("{error} (defaults used)")),
    }
    settings
}

fn read_config(path: &Path) -> Result<Option<(RawConfig, String)>, ConfigError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ConfigError::whole(path, format!("cannot read: {e}"))),
    };
    let name = path.display().to_string();
    let source = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let source = String::from_utf8_lossy(e.as_bytes()).into_owned();
        ConfigError::at(&name, &source, at..at, "not UTF-8 text".to_owned())
    })?;
    if let Some((at, c)) = source
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        let message = format!("control character U+{:04X}: not a text file", c as u32);
        return Err(ConfigError::at(&name, &source, at..at, message));
    }
    if source.trim().is_empty() {
        return Err(ConfigError::at(
            &name,
            &source,
            0..0,
            "the file is empty".to_owned(),
        ));
    }
    let raw = toml::from_str::<RawConfig>(&source).map_err(|e| {
        ConfigError::at(
            &name,
            &source,
            e.span().unwrap_or(0..0),
            e.message().trim().to_owned(),
        )
    })?;
    Ok(Some((raw, source)))
}

/// What the reader reopens on: the article and the place in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub article: Option<String>,
    #[serde(default)]
    pub paragraph: usize,
    #[serde(default)]
    pub offset: usize,
    /// The ids of the last compared pair, left then right.
    #[serde(default)]
    pub compare: Option<Vec<String>>,
    /// The layout: reader, compare or full-diff.
    #[serde(default)]
    pub mode: Option<String>,
}

/// Whether the state can be kept, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Persistence {
    At(PathBuf),
    Off,
}

/// Reads the state file. A missing file is a fresh start; a corrupt one or an
/// unwritable folder turns persistence off for the session, with a notice.
pub fn load_state(paths: &Paths) -> (State, Persistence, Option<String>) {
    let Some(path) = &paths.state_file else {
        return (
            State::default(),
            Persistence::Off,
            Some("no home folder (HOME is unset): nothing will be remembered".to_owned()),
        );
    };
    if let Err(e) = check_writable(path) {
        let folder = path.parent().unwrap_or(path).display();
        return (
            State::default(),
            Persistence::Off,
            Some(format!(
                "cannot write to {folder} ({e}): nothing will be remembered"
            )),
        );
    }
    match fs::read(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            (State::default(), Persistence::At(path.clone()), None)
        }
        Err(e) => (
            State::default(),
            Persistence::Off,
            Some(format!(
                "cannot read {} ({e}): nothing will be remembered",
                path.display()
            )),
        ),
        Ok(bytes) => {
            let parsed = std::str::from_utf8(&bytes)
                .map_err(|_| "not UTF-8 text".to_owned())
                .and_then(|text| {
                    toml::from_str::<State>(text).map_err(|e| e.message().trim().to_owned())
                });
            match parsed {
                Ok(state) => (state, Persistence::At(path.clone()), None),
                Err(why) => (
                    State::default(),
                    Persistence::Off,
                    Some(format!(
                        "the state file {} is unreadable ({why}); it is left as it is and nothing will be remembered",
                        path.display()
                    )),
                ),
            }
        }
    }
}

fn check_writable(path: &Path) -> io::Result<()> {
    let dir = path.parent().ok_or_else(|| io::Error::other("no folder"))?;
    fs::create_dir_all(dir)?;
    tempfile::NamedTempFile::new_in(dir).map(drop)
}

/// Writes the state atomically: a temporary file in the same folder, synced,
/// then renamed over the old one. A crash at any point leaves either the old
/// file or the new one, never a torn one.
pub fn save_state(path: &Path, state: &State) -> io::Result<()> {
    let dir = path.parent().ok_or_else(|| io::Error::other("no folder"))?;
    fs::create_dir_all(dir)?;
    let text = toml::to_string(state).map_err(io::Error::other)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable.
    fs::File::open(dir).and_then(|d| d.sync_all())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths_in(dir: &Path) -> Paths {
        Paths {
            config_file: Some(dir.join("config.toml")),
            state_file: Some(dir.join("data").join("state.toml")),
        }
    }

    #[test]
    fn bad_configs_fall_back_with_a_located_message() {
        let dir = tempfile::tempdir().unwrap();
        let paths = paths_in(dir.path());
        let config = dir.path().join("config.toml");
        let cases: [(&[u8], &str); 5] = [
            (b"", ":1:1: the file is empty"),
            (&[0u8; 4096], ":1:1: control character U+0000"),
            (b"[keymap\nreader = ", ":1:"),
            (b"ok = 1\n\xff\xfe", ":2:1: not UTF-8 text"),
            (b"[theme.border]\nfg = 5\n", ":2:"),
        ];
        for (bytes, expected) in cases {
            fs::write(&config, bytes).unwrap();
            let settings = load_settings(&paths, true);
            assert_eq!(settings.notices.len(), 1, "{expected}");
            assert!(
                settings.notices[0].contains(expected),
                "{} lacks {expected}",
                settings.notices[0]
            );
            assert!(settings.notices[0].contains("config.toml"));
            // The bad file is left untouched.
            assert_eq!(fs::read(&config).unwrap(), bytes);
        }
    }

    #[test]
    fn good_config_overrides() {
        let dir = tempfile::tempdir().unwrap();
        let paths = paths_in(dir.path());
        fs::write(
            dir.path().join("config.toml"),
            "[[keymap.reader]]\nkeys = [\"x\"]\naction = \"bottom\"\ndesc = \"End\"\n\n[theme.border]\nfg = \"red\"\n",
        )
        .unwrap();
        let settings = load_settings(&paths, true);
        assert!(settings.notices.is_empty(), "{:?}", settings.notices);
        assert_eq!(
            settings.theme.style(crate::tui::theme::Role::Border).fg,
            Some(ratatui::style::Color::Red)
        );
    }

    #[test]
    fn state_round_trips_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let paths = paths_in(dir.path());
        let (state, persistence, notice) = load_state(&paths);
        assert_eq!(state, State::default());
        assert!(notice.is_none());
        let Persistence::At(path) = persistence else {
            panic!("persistence should be on");
        };
        let saved = State {
            article: Some("002".into()),
            paragraph: 7,
            offset: 12,
            compare: Some(vec!["002".into(), "003".into()]),
            mode: Some("compare".into()),
        };
        save_state(&path, &saved).unwrap();
        assert_eq!(load_state(&paths).0, saved);
        // Only the state file is left: the temporary file was renamed.
        assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn corrupt_state_turns_persistence_off_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let paths = paths_in(dir.path());
        let path = paths.state_file.clone().unwrap();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "article = [unterminated").unwrap();
        let (_, persistence, notice) = load_state(&paths);
        assert_eq!(persistence, Persistence::Off);
        assert!(notice.unwrap().contains("unreadable"));
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "article = [unterminated"
        );
    }

    #[test]
    fn no_home_means_no_persistence() {
        let (_, persistence, notice) = load_state(&Paths::default());
        assert_eq!(persistence, Persistence::Off);
        assert!(notice.unwrap().contains("HOME"));
    }
}
