//! A lesson file read into its parts: the front matter, the sections, and
//! in each the prose, the stepgrad commands and the exercises
//! (docs/lessons.md is the format). This module holds the lesson as read
//! and `parse_lesson`; `front_matter` reads the TOML between the `+++`
//! lines, `body` the sections and blocks, `exercise_block` each exercise.
//!
//! Invariant: a parsed `Lesson` is complete — a number, a title, at least
//! one objective, every command split into words, every exercise with a
//! question and a well-formed way to check its answer — and every mistake
//! in the file is reported at its line (and, in TOML, its column).

use super::body::Body;
use super::front_matter;
use super::source::Source;
use crate::i18n::Text;
use crate::{text, Error};

/// A lesson, ready to present.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    pub number: u32,
    pub title: String,
    pub objectives: Vec<String>,
    /// What comes before the first section.
    pub intro: Vec<Item>,
    pub sections: Vec<Section>,
}

/// A part of a lesson under a `## ` heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A `### ` heading.
    Heading(String),
    Paragraph(String),
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Quote(String),
    /// A fenced block of plain text.
    Verbatim(String),
    Commands(CommandBlock),
    Exercise(Exercise),
    /// A ```` ```claims ```` block: never shown, always checked.
    Claims(Claims),
}

/// A ```` ```claims ```` block: what the prose around it quotes from a
/// command's output, and the numbers it works out by hand
/// (docs/lessons.md).
#[derive(Clone, Debug, PartialEq)]
pub struct Claims {
    /// 1-based line of the opening fence.
    pub line: usize,
    /// Texts the output must contain.
    pub contains: Vec<Quoted>,
    /// The command whose output is checked, when it is not the stepgrad
    /// block before the claims.
    pub command: Option<CommandLine>,
    pub hand: Vec<HandClaim>,
}

/// A text of `contains`, with the line it is written on.
#[derive(Clone, Debug, PartialEq)]
pub struct Quoted {
    pub line: usize,
    pub text: String,
}

/// A number the prose works out itself, and the arithmetic that gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct HandClaim {
    pub line: usize,
    /// The number as the prose writes it (`0.3775`).
    pub number: String,
    pub arithmetic: String,
    /// The arithmetic's value.
    pub value: f64,
}

/// A ```` ```stepgrad ```` block.
#[derive(Clone, Debug, PartialEq)]
pub struct CommandBlock {
    pub commands: Vec<CommandLine>,
    /// The block shows a usage error on purpose.
    pub expect_error: bool,
}

/// One command of a block, as written and split into arguments (without
/// the word `stepgrad`).
#[derive(Clone, Debug, PartialEq)]
pub struct CommandLine {
    /// 1-based line in the lesson file.
    pub line: usize,
    pub text: String,
    pub args: Vec<String>,
}

/// A ```` ```exercise ```` block.
#[derive(Clone, Debug, PartialEq)]
pub struct Exercise {
    pub line: usize,
    pub question: String,
    pub kind: ExerciseKind,
    /// At most two.
    pub hints: Vec<String>,
    pub solution: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExerciseKind {
    /// The derivative of `expr` with respect to `wrt`, checked as `check`
    /// checks it.
    Derivative { expr: String, wrt: String },
    /// A number, right within `tolerance` relative to its size.
    Number { answer: f64, tolerance: f64 },
}

/// The relative tolerance of a numeric answer when none is given.
pub const DEFAULT_TOLERANCE: f64 = 1e-6;

/// An error about line `line` (1-based) of the lesson file `text`, in the
/// caller's words, written as they are in every language.
pub fn line_error(path: &str, text: &str, line: usize, message: Text, hint: Text) -> Error {
    Source::new(path, text).error_at(line, None, message, hint)
}

/// Reads a lesson file; `path` names it in errors.
pub fn parse_lesson(path: &str, text: &str) -> Result<Lesson, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = Source::new(path, text);
    let (front, body_start) = front_matter::read(&source)?;
    let mut body = Body::new(&source);
    body.read(body_start)?;
    if body.sections.is_empty() {
        return Err(source.error_at(
            source.lines.len().max(1),
            None,
            text!("lesson-no-section"),
            text!("lesson-no-section-hint"),
        ));
    }
    Ok(Lesson {
        number: front.number,
        title: front.title,
        objectives: front.objectives,
        intro: body.intro,
        sections: body.sections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "+++\nnumber = 3\ntitle = \"Gradient descent\"\nobjectives = [\n  \"Update a weight\",\n  \"Choose a rate\",\n]\n+++\n\nIntro text\nacross lines.\n\n## The rule\n\nA **bold** step.\n\n- one\n- two\n  continued\n\n```stepgrad\n# a comment\ndiff \"x^2\" --at x=3\nstepgrad epochs --samples 10 --batch-size 5 --epochs 1\n```\n\n```exercise\nquestion = \"\"\"New weight?\n  Think.\"\"\"\nanswer = 1.6\nhints = [\"w − α·g\"]\nsolution = '1.6, as \"w − α·g\" gives'\n```\n\n## Derivatives\n\n```exercise\nquestion = \"d/dx x^3?\"\nderivative = \"x^3\"\n```\n";

    #[test]
    fn a_whole_lesson() {
        let lesson = parse_lesson("sample.md", SAMPLE).unwrap();
        assert_eq!(lesson.number, 3);
        assert_eq!(lesson.title, "Gradient descent");
        assert_eq!(lesson.objectives, ["Update a weight", "Choose a rate"]);
        assert_eq!(
            lesson.intro,
            [Item::Paragraph("Intro text across lines.".into())]
        );
        assert_eq!(lesson.sections.len(), 2);
        let items = &lesson.sections[0].items;
        assert_eq!(items[0], Item::Paragraph("A **bold** step.".into()));
        assert_eq!(
            items[1],
            Item::List {
                ordered: false,
                items: vec!["one".into(), "two continued".into()]
            }
        );
        let Item::Commands(block) = &items[2] else {
            panic!("{:?}", items[2])
        };
        assert_eq!(block.commands.len(), 2);
        assert_eq!(block.commands[0].line, 23);
        assert_eq!(block.commands[0].args, ["diff", "x^2", "--at", "x=3"]);
        assert_eq!(block.commands[1].args[0], "epochs");
        let Item::Exercise(e) = &items[3] else {
            panic!("{:?}", items[3])
        };
        assert_eq!(e.line, 27);
        // Prose continues across lines as a paragraph does.
        assert_eq!(e.question, "New weight? Think.");
        assert_eq!(e.hints, ["w − α·g"]);
        assert_eq!(e.solution.as_deref(), Some("1.6, as \"w − α·g\" gives"));
        assert_eq!(
            e.kind,
            ExerciseKind::Number {
                answer: 1.6,
                tolerance: DEFAULT_TOLERANCE
            }
        );
        let Item::Exercise(e) = &lesson.sections[1].items[0] else {
            panic!("{:?}", lesson.sections[1].items[0])
        };
        assert_eq!(
            e.kind,
            ExerciseKind::Derivative {
                expr: "x^3".into(),
                wrt: "x".into()
            }
        );
    }

    #[test]
    fn line_endings_of_either_kind() {
        let crlf = SAMPLE.replace('\n', "\r\n");
        assert_eq!(
            parse_lesson("crlf.md", &crlf).unwrap(),
            parse_lesson("lf.md", SAMPLE).unwrap()
        );
    }
}
