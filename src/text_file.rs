//! Text as stepgrad reads it from files and standard input — the one path
//! every input takes: at most [`MAX_FILE_BYTES`](crate::limits::MAX_FILE_BYTES),
//! UTF-8, with a leading byte-order mark skipped. Editors on Windows save
//! UTF-8 with a BOM (U+FEFF) that no one sees; read as text it would be a
//! stray character before the first line of a problem file, a spec, a CSV
//! header or a lesson's front matter.
//!
//! Invariant: every text stepgrad reads comes through [`read`] or
//! [`read_limited`], so each meets the size limit and line 1 column 1 is the
//! first visible character.

use crate::i18n::{Lang, Text};
use crate::limits::MAX_FILE_BYTES;
use crate::text;
use std::io::Read;
use std::path::Path;

/// The byte-order mark, U+FEFF (EF BB BF in UTF-8).
pub const BYTE_ORDER_MARK: char = '\u{feff}';

/// Why a text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    NotFound,
    Folder,
    /// Larger than the limit (its size in bytes, when known).
    TooLarge {
        bytes: u64,
    },
    NotUtf8,
    Other(String),
}

impl ReadFailure {
    /// Why, in the catalogue's words.
    pub fn text(&self) -> Text {
        match self {
            ReadFailure::NotFound => text!("file-not-found"),
            ReadFailure::Folder => text!("file-is-folder"),
            ReadFailure::TooLarge { bytes } => text!(
                "file-too-large",
                megabytes = (bytes / (1024 * 1024)).to_string(),
                limit = (MAX_FILE_BYTES / (1024 * 1024)).to_string()
            ),
            ReadFailure::NotUtf8 => text!("file-not-utf8"),
            // The system's own words.
            ReadFailure::Other(message) => Text::Verbatim(message.clone()),
        }
    }
}

/// In English, as the command line writes it today.
impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().render(Lang::En))
    }
}

impl ReadFailure {
    fn of(e: &std::io::Error, path: &Path) -> ReadFailure {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadFailure::NotFound,
            _ if path.is_dir() => ReadFailure::Folder,
            _ => ReadFailure::Other(e.to_string()),
        }
    }
}

/// The text of the file at `path`.
pub fn read(path: &Path) -> Result<String, ReadFailure> {
    if path.is_dir() {
        return Err(ReadFailure::Folder);
    }
    let file = std::fs::File::open(path).map_err(|e| ReadFailure::of(&e, path))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(ReadFailure::TooLarge { bytes: size });
    }
    read_sized(file, size).map_err(|failure| match failure {
        ReadFailure::Other(_) if path.is_dir() => ReadFailure::Folder,
        other => other,
    })
}

/// The text read from `source` (standard input, which the command line
/// hands in), at most the limit: one byte more tells there was more.
pub fn read_limited(source: impl Read) -> Result<String, ReadFailure> {
    read_sized(source, 0)
}

/// `read_limited` into a buffer made for `expected` bytes (a file's size),
/// so that a large file is not copied again each time the buffer grows.
fn read_sized(source: impl Read, expected: u64) -> Result<String, ReadFailure> {
    let capacity = usize::try_from(expected.min(MAX_FILE_BYTES)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    source
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadFailure::Other(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadFailure::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    String::from_utf8(bytes)
        .map(without_bom)
        .map_err(|_| ReadFailure::NotUtf8)
}

/// `text` without a leading byte-order mark (one; a second one is text).
pub fn without_bom(mut text: String) -> String {
    if text.starts_with(BYTE_ORDER_MARK) {
        text.drain(..BYTE_ORDER_MARK.len_utf8());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_leading_mark_is_skipped() {
        assert_eq!(without_bom("\u{feff}x^2\n".into()), "x^2\n");
        assert_eq!(without_bom("x^2\n".into()), "x^2\n");
        assert_eq!(without_bom("\u{feff}\u{feff}x".into()), "\u{feff}x");
        assert_eq!(without_bom("a\u{feff}".into()), "a\u{feff}");
        assert_eq!(without_bom(String::new()), "");
    }

    #[test]
    fn what_cannot_be_read_says_why() {
        assert_eq!(read(Path::new("/no/such/file")), Err(ReadFailure::NotFound));
        assert_eq!(read(Path::new("/")), Err(ReadFailure::Folder));
        assert_eq!(read_limited(&[0xff, 0xfe][..]), Err(ReadFailure::NotUtf8));
        assert_eq!(read_limited("\u{feff}ok".as_bytes()), Ok("ok".to_string()));
    }

    #[test]
    fn why_in_either_language() {
        let large = ReadFailure::TooLarge {
            bytes: 300 * 1024 * 1024,
        };
        assert_eq!(
            large.to_string(),
            "the file has 300 MB; stepgrad reads files of at most 256 MB"
        );
        assert_eq!(
            large.text().render(Lang::Ko),
            "파일 크기가 300MB입니다. stepgrad는 256MB까지만 읽습니다"
        );
        assert_eq!(
            ReadFailure::Folder.to_string(),
            "this is a folder, not a file"
        );
        assert_eq!(
            ReadFailure::NotUtf8.text().render(Lang::Ko),
            "UTF-8 텍스트 파일이 아닙니다"
        );
    }
}
