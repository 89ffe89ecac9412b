//! Bytes → text: byte-order marks, UTF-16, UTF-8 with damage, legacy
//! encodings (guessed by chardetng), and refusal of binary files.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::article::Notice;

/// Text decoded from a file, with the encoding that was used and anything the
/// reader should know about how it was obtained.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub notices: Vec<Notice>,
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or a high density of control bytes: an image, an archive, …
    Binary,
}

/// How many leading bytes are inspected to recognise binary data and BOM-less
/// UTF-16. Enough to see past a header, small enough to stay instant.
const SNIFF_LEN: usize = 64 * 1024;

/// Decodes `bytes`. With `forced`, that encoding is used whatever the bytes
/// look like (a BOM of the same encoding is still removed). Valid UTF-8, the
/// common case, is taken over without a copy.
pub fn decode(bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = forced {
        let (text, had_errors) = encoding.decode_with_bom_removal(&bytes);
        let mut notices = vec![Notice::EncodingForced(encoding.name())];
        if had_errors {
            notices.push(Notice::BytesReplaced(count_replacements(&text)));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            notices,
        });
    }

    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        return Ok(decode_as(encoding, &bytes[bom_len..], Vec::new()));
    }

    let sniff = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sniff.contains(&0) {
        return match utf16_without_bom(sniff) {
            Some(encoding) => Ok(decode_as(
                encoding,
                &bytes,
                vec![Notice::EncodingGuessed(encoding.name())],
            )),
            None => Err(DecodeError::Binary),
        };
    }
    if looks_like_control_soup(sniff) {
        return Err(DecodeError::Binary);
    }

    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            notices: Vec::new(),
        }),
        Err(error) => {
            let bytes = error.as_bytes();
            if damaged_utf8(bytes) {
                return Ok(decode_as(UTF_8, bytes, Vec::new()));
            }
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = prefer_koi8_r(detector.guess(None, Utf8Detection::Deny), bytes);
            Ok(decode_as(
                encoding,
                bytes,
                vec![Notice::EncodingGuessed(encoding.name())],
            ))
        }
    }
}

fn decode_as(encoding: &'static Encoding, bytes: &[u8], mut notices: Vec<Notice>) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        notices.push(Notice::BytesReplaced(count_replacements(&text)));
    }
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        notices,
    }
}

/// chardetng reports KOI8-U for any KOI8 text. The two differ only in the
/// Ukrainian letters, so Russian text is reported as KOI8-R.
fn prefer_koi8_r(guess: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if guess != encoding_rs::KOI8_U {
        return guess;
    }
    let (text, _) = encoding_rs::KOI8_U.decode_without_bom_handling(bytes);
    if text.contains(['ґ', 'є', 'і', 'ї', 'Ґ', 'Є', 'І', 'Ї', 'ў', 'Ў']) {
        guess
    } else {
        encoding_rs::KOI8_R
    }
}

fn count_replacements(text: &str) -> usize {
    text.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// UTF-16 without a BOM shows itself as text whose every other byte is NUL.
fn utf16_without_bom(sniff: &[u8]) -> Option<&'static Encoding> {
    let pairs = sniff.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sniff.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    // Mostly-Latin UTF-16 has a NUL in nearly every code unit, on one side.
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd_nul) && rarely(even_nul) {
        Some(UTF_16LE)
    } else if mostly(even_nul) && rarely(odd_nul) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text files hold few control bytes besides newlines and tabs; ESC is left
/// out of the count because hostile text files are still text to be shown.
fn looks_like_control_soup(sniff: &[u8]) -> bool {
    if sniff.is_empty() {
        return false;
    }
    let controls = sniff
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    controls * 10 > sniff.len()
}

/// Tells UTF-8 with a few damaged sequences (a truncated tail, an overlong
/// form, an encoded surrogate) from text in a legacy 8-bit encoding. Damaged
/// UTF-8 keeps its shape, a lead byte followed by continuation bytes, while
/// legacy text puts high bytes next to ASCII or to other lead bytes.
fn damaged_utf8(bytes: &[u8]) -> bool {
    let (mut utf8_shaped, mut legacy_shaped) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let continuations = match b {
            0xC0..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF7 => 3,
            _ => 0,
        };
        if continuations == 0 {
            legacy_shaped += 1;
            i += 1;
            continue;
        }
        let tail = &bytes[i + 1..bytes.len().min(i + 1 + continuations)];
        let shaped = tail.iter().all(|&c| (0x80..=0xBF).contains(&c))
            && (tail.len() == continuations || i + 1 + tail.len() == bytes.len());
        if shaped {
            utf8_shaped += 1;
            i += 1 + tail.len();
        } else {
            legacy_shaped += 1;
            i += 1;
        }
    }
    utf8_shaped >= legacy_shaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes.to_vec(), None).expect("decodes").text
    }

    #[test]
    fn utf8_bom_is_removed() {
        let decoded = decode(b"\xEF\xBB\xBFhello".to_vec(), None).unwrap();
        assert_eq!(decoded.text, "hello");
        assert!(decoded.notices.is_empty());
    }

    #[test]
    fn utf16_with_bom_is_decoded_before_lines_are_split() {
        // 上 is U+4E0A: its UTF-16LE bytes are 0A 4E, a newline byte in disguise.
        let mut le = vec![0xFF, 0xFE];
        for unit in "上一\nx".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(text(&le), "上一\nx");
        let mut be = vec![0xFE, 0xFF];
        for unit in "上一\nx".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(text(&be), "上一\nx");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let mut le = Vec::new();
        for unit in "Plain text in UTF-16".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(le, None).unwrap();
        assert_eq!(decoded.text, "Plain text in UTF-16");
        assert_eq!(decoded.encoding, "UTF-16LE");
        assert!(matches!(decoded.notices[0], Notice::EncodingGuessed(_)));
    }

    #[test]
    fn damaged_utf8_is_replaced_and_flagged() {
        for bytes in [
            &b"caf\xC3\xA9 and a cut tail \xE2\x80"[..],
            b"overlong \xC0\xAF slash",
            b"surrogate \xED\xA0\x80 here",
        ] {
            let decoded = decode(bytes.to_vec(), None).unwrap();
            assert_eq!(decoded.encoding, "UTF-8", "{bytes:?}");
            assert!(decoded.text.contains('\u{FFFD}'), "{bytes:?}");
            assert!(
                decoded
                    .notices
                    .iter()
                    .any(|n| matches!(n, Notice::BytesReplaced(k) if *k > 0)),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn russian_legacy_encodings_are_detected() {
        let russian = "Российская актриса Юлия Пересильд и режиссёр Клим Шипенко \
                       отправились на Международную космическую станцию.";
        for label in ["windows-1251", "koi8-r"] {
            let encoding = Encoding::for_label(label.as_bytes()).unwrap();
            let (bytes, _, _) = encoding.encode(russian);
            let decoded = decode(bytes.to_vec(), None).unwrap();
            assert_eq!(decoded.text, russian, "{label}");
            assert_eq!(decoded.encoding, encoding.name());
        }
    }

    #[test]
    fn short_russian_is_detected_too() {
        for label in ["windows-1251", "koi8-r"] {
            let encoding = Encoding::for_label(label.as_bytes()).unwrap();
            let (bytes, _, _) = encoding.encode("Привет, мир! Как дела?");
            assert_eq!(text(&bytes), "Привет, мир! Как дела?", "{label}");
        }
    }

    #[test]
    fn forced_encoding_wins() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Привет");
        let koi = Encoding::for_label(b"koi8-r").unwrap();
        let decoded = decode(bytes.to_vec(), Some(koi)).unwrap();
        assert_eq!(decoded.encoding, "KOI8-R");
        assert_ne!(decoded.text, "Привет");
        assert!(matches!(
            decoded.notices[0],
            Notice::EncodingForced("KOI8-R")
        ));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), None).unwrap_err(),
            DecodeError::Binary
        );
        let soup: Vec<u8> = (0..4096u32).map(|i| (i % 31) as u8 + 1).collect();
        assert_eq!(decode(soup, None).unwrap_err(), DecodeError::Binary);
    }

    #[test]
    fn escape_sequences_are_still_text() {
        assert_eq!(
            text(b"a \x1b]52;c;SGVsbG8=\x07 b"),
            "a \x1b]52;c;SGVsbG8=\x07 b"
        );
    }
}
