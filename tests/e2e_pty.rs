//! The real binary in a real pseudo-terminal: keys go in as bytes, the
//! screen is read back through a terminal emulator (vt100), and the
//! terminal's modes are checked after the program ends.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const PATIENCE: Duration = Duration::from_secs(20);

struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    fn start(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_spacefilm-tui"));
        command.args(args);
        command.env_clear();
        command.env("PATH", std::env::var("PATH").unwrap_or_default());
        command.env("TERM", "xterm-256color");
        command.env("HOME", home);
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("XDG_DATA_HOME", home.join("data"));
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("the binary starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = output.clone();
        thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        });
        Pty {
            child,
            master: pair.master,
            writer,
            output,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        // Let the app read this before the next key arrives.
        thread::sleep(Duration::from_millis(60));
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    fn parser(&self) -> vt100::Parser {
        let rows = std::num::NonZeroU16::new(ROWS).unwrap();
        let cols = std::num::NonZeroU16::new(COLS).unwrap();
        let mut parser = vt100::Parser::new(rows, cols, 0);
        parser.process(&self.bytes());
        parser
    }

    fn screen(&self) -> String {
        self.parser().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.screen().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(30));
        }
        panic!("{text:?} never appeared on the screen:\n{}", self.screen());
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain the last bytes.
                thread::sleep(Duration::from_millis(100));
                return status;
            }
            thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("the program did not exit:\n{}", self.screen());
    }

    /// The terminal is back in cooked mode: line editing and echo are on.
    fn assert_cooked(&self) {
        let termios = self.master.get_termios().expect("termios of the pty");
        assert!(
            termios.local_flags.contains(LocalFlags::ICANON),
            "raw mode was left on"
        );
        assert!(
            termios.local_flags.contains(LocalFlags::ECHO),
            "echo was left off"
        );
    }

    /// The last thing the program did to the screen was to leave the
    /// alternate screen, release the mouse and show the cursor.
    fn assert_screen_restored(&self) {
        let bytes = self.bytes();
        let last = |pattern: &[u8]| bytes.windows(pattern.len()).rposition(|w| w == pattern);
        let entered = last(b"\x1b[?1049h").expect("the alternate screen was entered");
        let left = last(b"\x1b[?1049l").expect("the alternate screen was left");
        assert!(left > entered);
        let shown = last(b"\x1b[?25h").expect("the cursor was shown");
        assert!(shown > entered);
        let mouse_off = last(b"\x1b[?1000l").expect("the mouse was released");
        assert!(mouse_off > entered);
        let parser = self.parser();
        assert!(!parser.screen().alternate_screen());
        assert!(!parser.screen().hide_cursor());
    }
}

#[test]
fn open_search_and_quit() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(home.path(), &[], &[]);
    pty.wait_for("Sources (5)");
    pty.send(b"jj\r");
    pty.wait_for(" 002_f13625239639c7a3 ");
    pty.wait_for("Marina Lapenkova · AFP");
    pty.send(b"/");
    pty.send(b"Peresild");
    pty.wait_for("/Peresild");
    pty.send(b"\r");
    pty.wait_for("match 1/");
    pty.send(b"n");
    pty.wait_for("match 2/");
    pty.send(b"q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    pty.assert_screen_restored();
    pty.assert_cooked();
    // The place in the article was remembered, atomically.
    let state = std::fs::read_to_string(home.path().join("data/spacefilm-tui/state.toml")).unwrap();
    assert!(
        state.contains("article = \"002_f13625239639c7a3\""),
        "{state}"
    );
}

#[test]
fn the_next_start_reopens_the_same_article() {
    let home = tempfile::tempdir().unwrap();
    let mut first = Pty::start(home.path(), &[], &[]);
    first.wait_for("Sources (5)");
    first.send(b"G\r");
    first.wait_for(" 004_ba6c03b084f54831 ");
    first.send(b"q");
    assert!(first.wait_exit().success());
    let second = Pty::start(home.path(), &[], &[]);
    second.wait_for(" 004_ba6c03b084f54831 ");
}

fn terminate_with(signal: nix::sys::signal::Signal) {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(home.path(), &[], &[]);
    pty.wait_for("Sources (5)");
    let pid = pty.child.process_id().expect("a pid") as i32;
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), signal).unwrap();
    let status = pty.wait_exit();
    // As shells report a process a signal ended: 128 + its number.
    assert_eq!(status.exit_code(), 128 + signal as u32, "{status:?}");
    pty.assert_screen_restored();
    pty.assert_cooked();
}

#[test]
fn sigint_restores_the_terminal() {
    terminate_with(nix::sys::signal::Signal::SIGINT);
}

/// Whether the process is stopped (job control), from /proc.
fn stopped(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let after_name = stat.rfind(')')?;
            stat[after_name + 1..]
                .split_whitespace()
                .next()
                .map(str::to_owned)
        })
        .is_some_and(|state| state == "T" || state == "t")
}

fn suspend_and_resume(suspend: impl FnOnce(&mut Pty, i32)) {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(home.path(), &[], &[]);
    pty.wait_for("Sources (5)");
    let pid = pty.child.process_id().expect("a pid") as i32;
    suspend(&mut pty, pid);
    let start = Instant::now();
    while !stopped(pid) {
        assert!(start.elapsed() < PATIENCE, "the process did not stop");
        thread::sleep(Duration::from_millis(20));
    }
    // What it wrote before it stopped may still be on its way to us.
    while pty.parser().screen().alternate_screen() {
        assert!(
            start.elapsed() < PATIENCE,
            "the alternate screen was not left"
        );
        thread::sleep(Duration::from_millis(20));
    }
    // Stopped: the terminal is the shell's again.
    pty.assert_screen_restored();
    pty.assert_cooked();
    assert_eq!(
        pty.parser().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting was left on"
    );
    let before = pty.bytes().len();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGCONT,
    )
    .unwrap();
    // Continued (`fg`): raw mode, the alternate screen, the mouse, and a
    // full redraw.
    let start = Instant::now();
    loop {
        let parser = pty.parser();
        let redrawn = parser.screen().alternate_screen()
            && parser.screen().contents().contains("Sources (5)");
        if redrawn && pty.bytes().len() > before {
            break;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "no redraw after SIGCONT:\n{}",
            pty.screen()
        );
        thread::sleep(Duration::from_millis(30));
    }
    let termios = pty.master.get_termios().unwrap();
    assert!(
        !termios.local_flags.contains(LocalFlags::ICANON),
        "raw mode is off"
    );
    assert_ne!(
        pty.parser().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    // And the keys work.
    pty.send(b"jj\r");
    pty.wait_for(" 002_f13625239639c7a3 ");
    pty.send(b"q");
    assert!(pty.wait_exit().success());
    pty.assert_cooked();
}

#[test]
fn ctrl_z_suspends_and_sigcont_resumes() {
    suspend_and_resume(|pty, _| pty.send(b"\x1a"));
}

#[test]
fn sigtstp_from_outside_suspends_the_same_way() {
    suspend_and_resume(|_, pid| {
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid),
            nix::sys::signal::Signal::SIGTSTP,
        )
        .unwrap();
    });
}

#[test]
fn sigterm_restores_the_terminal() {
    terminate_with(nix::sys::signal::Signal::SIGTERM);
}

#[test]
fn sighup_restores_the_terminal() {
    terminate_with(nix::sys::signal::Signal::SIGHUP);
}

#[test]
fn ctrl_c_quits() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(home.path(), &[], &[]);
    pty.wait_for("Sources (5)");
    pty.send(b"/");
    pty.send(b"\x03");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 130, "{status:?}");
    pty.assert_screen_restored();
    pty.assert_cooked();
}

#[test]
fn ctrl_c_quits_whatever_the_config_binds() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/spacefilm-tui");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[[keymap.global]]\nkeys = [\"ctrl-c\", \"q\", \"ctrl-z\"]\naction = \"help\"\n",
    )
    .unwrap();
    let mut pty = Pty::start(home.path(), &[], &[]);
    pty.wait_for("is reserved");
    pty.send(b"\x03");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 130, "{status:?}");
    pty.assert_cooked();
}

#[test]
fn a_panic_while_drawing_restores_the_terminal_first() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(home.path(), &[], &[("SPACEFILM_PANIC_IN_DRAW", "1")]);
    let status = pty.wait_exit();
    assert!(!status.success());
    pty.assert_screen_restored();
    pty.assert_cooked();
    let bytes = pty.bytes();
    let text = String::from_utf8_lossy(&bytes);
    let left = text.find("\x1b[?1049l").unwrap();
    let report = text.find("panicked").expect("the panic is reported");
    assert!(
        report > left,
        "the report comes after the terminal is restored"
    );
    // Restored once: leaving the alternate screen again would move the
    // cursor back over the report.
    assert_eq!(text.matches("\x1b[?1049l").count(), 1, "{text:?}");
    assert_eq!(text.matches("panicked").count(), 1);
}

/// The two app crashes of the shared cases, in the real binary: the facts
/// pane on French text with no-break spaces, and a search whose lower case
/// changes byte lengths.
#[test]
fn the_facts_pane_and_search_survive_what_crashed_them() {
    let home = tempfile::tempdir().unwrap();
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases/crash");
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt"] {
        std::fs::copy(
            cases.join("facts-pane-nbsp").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("c.txt"), "ẞȺ and İstanbul: ẞȺ again.\n").unwrap();
    let mut pty = Pty::start(home.path(), &[dir.path().to_str().unwrap()], &[]);
    pty.wait_for("Sources (3)");
    pty.send(b"F");
    pty.wait_for("Facts");
    pty.send(b"nnjn");
    pty.send(b"1");
    pty.send(b"hG\r/");
    pty.send("ß".as_bytes());
    pty.send(b"\r");
    // Twice in the body and twice in the title, which is searched too.
    pty.wait_for("match 1/4");
    pty.send(b"q");
    assert!(pty.wait_exit().success(), "{}", pty.screen());
    pty.assert_cooked();
}

#[test]
fn resizing_and_a_too_small_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(home.path(), &[], &[]);
    pty.wait_for("Sources (5)");
    for (cols, rows) in [(20, 5), (1, 1), (200, 60), (30, 8)] {
        pty.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        thread::sleep(Duration::from_millis(80));
    }
    // The emulator keeps its own size; read the notice from the byte stream.
    let start = Instant::now();
    while !String::from_utf8_lossy(&pty.bytes()).contains("Terminal too small") {
        assert!(start.elapsed() < PATIENCE, "no too-small notice");
        thread::sleep(Duration::from_millis(30));
    }
    pty.send(b"q");
    assert!(pty.wait_exit().success());
    pty.assert_cooked();
}

#[test]
fn frames_with_ambiguous_emoji_are_repainted_in_full() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Plain text only.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Flags 🇷🇺 and family 👨‍👩‍👧‍👦 here.\n").unwrap();
    let mut pty = Pty::start(home.path(), &[dir.path().to_str().unwrap()], &[]);
    pty.wait_for("Sources (2)");
    let clears = |pty: &Pty| {
        String::from_utf8_lossy(&pty.bytes())
            .matches("\x1b[2J")
            .count()
    };
    let before = clears(&pty);
    pty.send(b"j\r");
    pty.wait_for("Flags 🇷🇺 and family");
    // Some terminals draw these wider or narrower than ratatui counts: the
    // screen is cleared and every cell rewritten, in reading order.
    assert!(clears(&pty) > before, "no full repaint");
    let after_open = clears(&pty);
    pty.send(b"h");
    pty.send(b"k\r");
    pty.wait_for("Plain text only.");
    assert!(
        clears(&pty) > after_open,
        "the frame after is repainted too, clearing leftovers"
    );
    pty.send(b"q");
    assert!(pty.wait_exit().success());
}

#[test]
fn mark_two_diff_jump_between_changes_and_quit() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(home.path(), &[], &[]);
    pty.wait_for("Sources (5)");
    pty.send(b"jj ");
    pty.send(b"j ");
    pty.send(b"d");
    pty.wait_for("L The Moscow Times · Russia Races");
    pty.wait_for("R 003 · Sixty years after");
    pty.wait_for("similarity 0.66");
    pty.wait_for("Six decades after Soviet");
    // Many changes down, the first sentences have scrolled away and later
    // ones are in view; ]c and [c move too.
    for _ in 0..12 {
        pty.send(b"n");
    }
    pty.wait_for("Nor has The Call's");
    assert!(!pty.screen().contains("Six decades after Soviet"));
    pty.send(b"]c");
    pty.send(b"[c");
    pty.send(b"N");
    pty.send(b"q");
    assert!(pty.wait_exit().success());
    pty.assert_screen_restored();
    pty.assert_cooked();
    let state = std::fs::read_to_string(home.path().join("data/spacefilm-tui/state.toml")).unwrap();
    assert!(
        state.contains("compare = [\"002_f13625239639c7a3\", \"003_3d879c792c9c72a1\"]"),
        "{state}"
    );
}

#[test]
fn open_the_facts_pane_and_jump_to_a_conflict() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::start(home.path(), &[], &[]);
    pty.wait_for("Sources (5)");
    pty.send(b"F");
    pty.wait_for("in conflict of");
    pty.wait_for("age of Yulia Peresild");
    // The first fact is a conflict: 36 in most versions, 37 in 001.
    pty.send(b"n");
    pty.send(b"\r");
    pty.wait_for("001_68204c46c6310e18");
    pty.wait_for("actress Yulia Peressild");
    pty.wait_for("37, and director Klim Chipenko");
    pty.send(b"q");
    assert!(pty.wait_exit().success());
    pty.assert_screen_restored();
    pty.assert_cooked();
}

/// A folder is read behind the loading screen (`tui::view::loading` tests
/// its gauge) and the reader opens when it is done; a load that finds
/// nothing restores the terminal first, then says why, and exits 1.
#[test]
fn a_folder_loads_behind_a_progress_screen_and_nothing_to_read_exits_1() {
    let home = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    for k in 0..40 {
        std::fs::write(
            folder.path().join(format!("copy-{k:02}.txt")),
            format!("Copy number {k} of the story\n\nThe ferry left port at dawn with {k} passengers aboard.\n"),
        )
        .unwrap();
    }
    let mut pty = Pty::start(home.path(), &[folder.path().to_str().unwrap()], &[]);
    pty.wait_for("Sources (40)");
    pty.send(b"q");
    assert!(pty.wait_exit().success());
    pty.assert_screen_restored();

    let mut pty = Pty::start(home.path(), &["/nonexistent/spacefilm-folder"], &[]);
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 1);
    pty.assert_cooked();
    let text = String::from_utf8_lossy(&pty.bytes()).into_owned();
    let left = text
        .rfind("\x1b[?1049l")
        .expect("the alternate screen was left");
    let said = text.find("nothing to read").expect("the reason is printed");
    assert!(said > left, "{text:?}");
    assert!(text.contains("no such file or folder"), "{text:?}");
}
