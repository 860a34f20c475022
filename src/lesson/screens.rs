//! A page cut into screens no taller than the terminal, for the
//! interactive session: a page that fits is one screen, as it is; a taller
//! one is cut, at a blank line where one is near, and every screen after
//! the first begins with the page's heading marked continued and, when it
//! continues a command's output, the command line — so the heading and
//! the command stay in sight.
//!
//! A screen's rows are counted as the terminal shows them: a line wider
//! than the terminal takes several rows. Besides the page's rows, each
//! screen has a blank line above it and the prompt below it, and an
//! exercise is given room under its question for the answer and verdict.
//!
//! Invariant: the screens hold every line of the page once, in order, and
//! every exercise once; only continuation headings are added.

use super::document::Exercise;
use super::present::Piece;

/// The terminal's size, in rows and columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenSize {
    pub rows: usize,
    pub columns: usize,
}

impl Default for ScreenSize {
    /// 40 rows and 80 columns: a terminal that does not say its size.
    fn default() -> Self {
        ScreenSize {
            rows: 40,
            columns: 80,
        }
    }
}

/// Rows of a screen that are not the page's: the blank line before it and
/// the prompt under it.
pub const FRAME_ROWS: usize = 2;

/// Rows an exercise is given under its question: the answer prompt, a
/// verdict, and a solution of two lines.
pub const EXERCISE_ROWS: usize = 4;

/// The fewest rows a screen's page part has, however small the terminal.
const LEAST_ROWS: usize = 8;

/// How the session writes what `screens` arranges: the rows a question
/// takes, and the heading that begins a continued screen.
pub(super) trait Layout {
    /// The question of `exercise` as asked.
    fn question(&self, exercise: &Exercise) -> String;
    /// The page's heading marked continued, with the blank line under it.
    fn continued_heading(&self) -> String;
}

/// A line of the page, or an exercise.
enum Unit<'l> {
    Line {
        text: String,
        /// The command (index into the page's commands) whose output the
        /// line is, if any.
        command: Option<usize>,
        /// A blank line the screen may end at.
        breakable: bool,
    },
    Exercise(&'l Exercise),
}

/// The rows `text` takes in a terminal `columns` wide.
pub fn rows_of(text: &str, columns: usize) -> usize {
    text.split('\n')
        .map(|line| {
            let width = crate::wrap::visible_columns(line);
            width.div_ceil(columns.max(1)).max(1)
        })
        .sum()
}

/// The page's pieces as units, with the command lines they continue.
fn units<'l>(pieces: Vec<Piece<'l>>) -> (Vec<Unit<'l>>, Vec<String>) {
    let mut units = Vec::new();
    let mut commands = Vec::new();
    let lines = |text: &str| -> Vec<String> {
        let text = text.strip_suffix('\n').unwrap_or(text);
        text.split('\n').map(String::from).collect()
    };
    for piece in pieces {
        match piece {
            Piece::Text(text) => units.extend(lines(&text).into_iter().map(|text| Unit::Line {
                breakable: text.is_empty(),
                text,
                command: None,
            })),
            Piece::Command { line, output } => {
                units.extend(lines(&line).into_iter().map(|text| Unit::Line {
                    text,
                    command: None,
                    breakable: false,
                }));
                // The blank line under the command keeps it with its output.
                units.push(Unit::Line {
                    text: String::new(),
                    command: None,
                    breakable: false,
                });
                let k = commands.len();
                units.extend(lines(&output).into_iter().map(|text| Unit::Line {
                    breakable: text.is_empty(),
                    text,
                    command: Some(k),
                }));
                commands.push(line);
            }
            Piece::Exercise(e) => units.push(Unit::Exercise(e)),
        }
    }
    (units, commands)
}

/// The page's pieces cut into screens of at most `size.rows` rows (with
/// the blank line above and the prompt below each).
pub(super) fn screens<'l>(
    pieces: Vec<Piece<'l>>,
    layout: &dyn Layout,
    size: ScreenSize,
) -> Vec<Vec<Piece<'l>>> {
    let budget = size.rows.saturating_sub(FRAME_ROWS).max(LEAST_ROWS);
    let (units, commands) = units(pieces.clone());
    let rows = |unit: &Unit| match unit {
        Unit::Line { text, .. } => rows_of(text, size.columns),
        Unit::Exercise(e) => rows_of(layout.question(e).trim_end(), size.columns) + EXERCISE_ROWS,
    };
    if units.iter().map(rows).sum::<usize>() <= budget {
        return vec![pieces];
    }
    let mut screens: Vec<Vec<Unit>> = Vec::new();
    let mut current: Vec<Unit> = Vec::new();
    // Rows of `current`, and how many of its units are its heading.
    let (mut used, mut heading) = (0, 0);
    for unit in units {
        let needed = rows(&unit);
        if used + needed > budget && current.len() > heading {
            let carried = carry_from(&current, heading);
            let mut next: Vec<Unit> = current.drain(carried..).collect();
            screens.push(std::mem::take(&mut current));
            while matches!(next.first(), Some(Unit::Line { text, .. }) if text.is_empty()) {
                next.remove(0);
            }
            let first = next.first().unwrap_or(&unit);
            let header = continuation(layout, first, &commands);
            heading = header.len();
            current = header;
            current.extend(next);
            used = current.iter().map(rows).sum();
        }
        used += needed;
        current.push(unit);
    }
    screens.push(current);
    screens.into_iter().map(pieces_of).collect()
}

/// Where to end a full screen: after its last blank line in its second
/// half, else at its end.
fn carry_from(current: &[Unit], heading: usize) -> usize {
    let content = current.len() - heading;
    let half = heading + content / 2;
    current
        .iter()
        .enumerate()
        .rev()
        .take_while(|&(k, _)| k > half)
        .find(|(_, unit)| {
            matches!(
                unit,
                Unit::Line {
                    breakable: true,
                    ..
                }
            )
        })
        .map_or(current.len(), |(k, _)| k + 1)
}

/// The heading of a screen that begins with `first`: the page's heading
/// marked continued, then the command line when `first` is its output.
fn continuation<'l>(layout: &dyn Layout, first: &Unit, commands: &[String]) -> Vec<Unit<'l>> {
    let mut text = layout.continued_heading();
    if let Unit::Line {
        command: Some(k), ..
    } = first
    {
        text.push_str(&commands[*k]);
        text.push('\n');
    }
    let text = text.strip_suffix('\n').unwrap_or(&text);
    text.split('\n')
        .map(|line| Unit::Line {
            text: line.to_string(),
            command: None,
            breakable: false,
        })
        .collect()
}

/// A screen's units as pieces: runs of lines as one text.
fn pieces_of(units: Vec<Unit>) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    for unit in units {
        match unit {
            Unit::Line { text: line, .. } => {
                text.push_str(&line);
                text.push('\n');
            }
            Unit::Exercise(e) => {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Exercise(e));
            }
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain;

    impl Layout for Plain {
        fn question(&self, e: &Exercise) -> String {
            format!("? {}\n", e.question)
        }
        fn continued_heading(&self) -> String {
            "== Page (continued)\n\n".into()
        }
    }

    fn text(screen: &[Piece]) -> String {
        screen
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                _ => "[exercise]\n".into(),
            })
            .collect()
    }

    #[test]
    fn a_page_that_fits_is_one_screen_as_it_is() {
        let pieces = vec![Piece::Text("== Page\n\nshort\n".into())];
        let cut = screens(pieces, &Plain, ScreenSize::default());
        assert_eq!(cut.len(), 1);
        assert_eq!(text(&cut[0]), "== Page\n\nshort\n");
    }

    #[test]
    fn a_long_output_continues_under_the_heading_and_its_command() {
        let output: String = (1..=100).map(|k| format!("row {k}\n")).collect();
        let pieces = vec![
            Piece::Text("== Page\n\nProse.\n\n".into()),
            Piece::Command {
                line: "$ stepgrad net mazur\n".into(),
                output,
            },
        ];
        let size = ScreenSize {
            rows: 40,
            columns: 80,
        };
        let cut = screens(pieces, &Plain, size);
        assert_eq!(cut.len(), 3);
        for (k, screen) in cut.iter().enumerate() {
            let shown = text(screen);
            assert!(rows_of(shown.trim_end(), 80) + FRAME_ROWS <= 40, "{shown}");
            if k > 0 {
                assert!(
                    shown.starts_with("== Page (continued)\n\n$ stepgrad net mazur\nrow "),
                    "{shown}"
                );
            }
        }
        let all: String = cut.iter().map(|s| text(s)).collect();
        for k in 1..=100 {
            assert_eq!(all.matches(&format!("row {k}\n")).count(), 1, "row {k}");
        }
    }

    #[test]
    fn wide_lines_take_several_rows() {
        assert_eq!(rows_of(&"x".repeat(81), 80), 2);
        assert_eq!(rows_of("a\n\nb", 80), 3);
        assert_eq!(rows_of("\x1b[1mbold\x1b[0m", 4), 1);
    }
}
