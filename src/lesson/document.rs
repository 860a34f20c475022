//! A lesson file read into its parts: the front matter, the sections, and
//! in each the prose, the stepgrad commands and the exercises
//! (docs/lessons.md is the format).
//!
//! Invariant: a parsed `Lesson` is complete — a number, a title, at least
//! one objective, every command split into words, every exercise with a
//! question and a well-formed way to check its answer — and every mistake
//! in the file is reported at its line.

use super::words::split;
use crate::diagnostic::Location;
use crate::expr::{parse, Graph};
use crate::Error;

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

/// The lines of a file, with their byte ranges, for located errors.
struct Source<'a> {
    path: &'a str,
    text: &'a str,
    /// (start, text) of each line, without its line break.
    lines: Vec<(usize, &'a str)>,
}

impl<'a> Source<'a> {
    fn new(path: &'a str, text: &'a str) -> Source<'a> {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches('\n').trim_end_matches('\r');
            lines.push((start, content));
            start += line.len();
        }
        Source { path, text, lines }
    }

    /// An error at line `number` (1-based), underlining `column_range`
    /// bytes of it (the whole line when `None`).
    fn error_at(
        &self,
        number: usize,
        columns: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Error {
        let (start, line) = self
            .lines
            .get(number.saturating_sub(1))
            .copied()
            .unwrap_or((self.text.len(), ""));
        let range = columns.unwrap_or(0..line.len().max(1));
        let span = start + range.start..start + range.end.max(range.start + 1);
        Error::Located {
            location: Box::new(Location::of_span(self.path, self.text, &span)),
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

/// An error about line `line` (1-based) of the lesson file `text`.
pub fn line_error(
    path: &str,
    text: &str,
    line: usize,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Error {
    Source::new(path, text).error_at(line, None, message, hint)
}

/// Reads a lesson file; `path` names it in errors.
pub fn parse_lesson(path: &str, text: &str) -> Result<Lesson, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = Source::new(path, text);
    let (front, body_start) = front_matter(&source)?;
    let mut body = Body::new(&source);
    body.read(body_start)?;
    if body.sections.is_empty() {
        return Err(source.error_at(
            source.lines.len().max(1),
            None,
            "the lesson has no section",
            "divide the lesson into sections with '## ' headings",
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

struct FrontMatter {
    number: u32,
    title: String,
    objectives: Vec<String>,
}

/// Reads the front matter; returns it and the index of the first line after
/// it.
fn front_matter(source: &Source) -> Result<(FrontMatter, usize), Error> {
    let example =
        "start the file with\n---\nnumber: 1\ntitle: How a network learns\nobjectives:\n  - …\n---";
    if source.lines.first().map(|l| l.1.trim_end()) != Some("---") {
        return Err(source.error_at(
            1,
            None,
            "a lesson begins with its front matter between two '---' lines",
            example,
        ));
    }
    let end = source
        .lines
        .iter()
        .skip(1)
        .position(|l| l.1.trim_end() == "---")
        .map(|i| i + 1)
        .ok_or_else(|| {
            source.error_at(
                1,
                None,
                "the front matter is not closed",
                "end it with a line holding only '---'",
            )
        })?;
    let (mut number, mut title, mut objectives) = (None, None, None::<Vec<String>>);
    let mut in_objectives = false;
    for index in 1..end {
        let line_number = index + 1;
        let line = source.lines[index].1;
        if line.trim().is_empty() {
            continue;
        }
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            if !in_objectives || !line.starts_with(' ') {
                return Err(source.error_at(
                    line_number,
                    None,
                    "a list item outside 'objectives:'",
                    "list the objectives under 'objectives:', each on a line '  - …'",
                ));
            }
            let item = item.trim();
            if item.is_empty() {
                return Err(source.error_at(
                    line_number,
                    None,
                    "an empty objective",
                    "write what the student will be able to do",
                ));
            }
            objectives
                .get_or_insert_with(Vec::new)
                .push(item.to_string());
            continue;
        }
        in_objectives = false;
        let Some((key, value)) = line.split_once(':') else {
            return Err(source.error_at(
                line_number,
                None,
                "expected 'key: value'",
                "the front matter has number, title and objectives",
            ));
        };
        let value = value.trim();
        let key_span = Some(0..key.len());
        match key.trim() {
            "number" => {
                let n = value
                    .parse::<u32>()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| {
                        source.error_at(
                            line_number,
                            None,
                            format!("number: '{value}' is not a whole number of 1 or more"),
                            "for example number: 3",
                        )
                    })?;
                if number.replace(n).is_some() {
                    return Err(duplicate(source, line_number, "number"));
                }
            }
            "title" => {
                if value.is_empty() {
                    return Err(source.error_at(
                        line_number,
                        None,
                        "the title is empty",
                        "for example title: Gradient descent on one weight",
                    ));
                }
                if title.replace(value.to_string()).is_some() {
                    return Err(duplicate(source, line_number, "title"));
                }
            }
            "objectives" => {
                if !value.is_empty() {
                    return Err(source.error_at(
                        line_number,
                        None,
                        "objectives are a list, one per line",
                        "write 'objectives:' alone, then lines '  - …'",
                    ));
                }
                if objectives.is_some() {
                    return Err(duplicate(source, line_number, "objectives"));
                }
                objectives = Some(Vec::new());
                in_objectives = true;
            }
            other => {
                return Err(source.error_at(
                    line_number,
                    key_span,
                    format!("unknown front-matter key '{other}'"),
                    "the front matter has number, title and objectives",
                ))
            }
        }
    }
    let closing = end + 1;
    let missing = |what: &str, example: &str| {
        source.error_at(
            closing,
            None,
            format!("the front matter has no {what}"),
            format!("add a line {example}"),
        )
    };
    let number = number.ok_or_else(|| missing("number", "number: 1"))?;
    let title = title.ok_or_else(|| missing("title", "title: …"))?;
    let objectives = objectives
        .filter(|o| !o.is_empty())
        .ok_or_else(|| missing("objectives", "objectives: and under it '  - …'"))?;
    Ok((
        FrontMatter {
            number,
            title,
            objectives,
        },
        end + 1,
    ))
}

fn duplicate(source: &Source, line: usize, key: &str) -> Error {
    source.error_at(
        line,
        None,
        format!("'{key}' is given twice"),
        "give each front-matter key once",
    )
}

/// The reader of a lesson's body, collecting items into sections.
struct Body<'s, 'a> {
    source: &'s Source<'a>,
    intro: Vec<Item>,
    sections: Vec<Section>,
    /// Prose being gathered: (kind, lines).
    paragraph: Vec<String>,
    list: Option<(bool, Vec<String>)>,
    quote: Vec<String>,
}

impl<'s, 'a> Body<'s, 'a> {
    fn new(source: &'s Source<'a>) -> Body<'s, 'a> {
        Body {
            source,
            intro: Vec::new(),
            sections: Vec::new(),
            paragraph: Vec::new(),
            list: None,
            quote: Vec::new(),
        }
    }

    fn push(&mut self, item: Item) {
        match self.sections.last_mut() {
            Some(section) => section.items.push(item),
            None => self.intro.push(item),
        }
    }

    /// Ends the paragraph, list or quotation being gathered.
    fn flush(&mut self) {
        if !self.paragraph.is_empty() {
            let text = std::mem::take(&mut self.paragraph).join(" ");
            self.push(Item::Paragraph(text));
        }
        if let Some((ordered, items)) = self.list.take() {
            self.push(Item::List { ordered, items });
        }
        if !self.quote.is_empty() {
            let text = std::mem::take(&mut self.quote).join(" ");
            self.push(Item::Quote(text));
        }
    }

    fn read(&mut self, start: usize) -> Result<(), Error> {
        let source = self.source;
        let mut index = start;
        while index < source.lines.len() {
            let line_number = index + 1;
            let line = source.lines[index].1;
            let trimmed = line.trim_end();
            if let Some(info) = trimmed.strip_prefix("```") {
                self.flush();
                let closing = source.lines[index + 1..]
                    .iter()
                    .position(|l| l.1.trim() == "```")
                    .map(|i| index + 1 + i)
                    .ok_or_else(|| {
                        source.error_at(
                            line_number,
                            None,
                            "this fenced block is never closed",
                            "end it with a line holding only ```",
                        )
                    })?;
                let content: Vec<(usize, &str)> = (index + 1..closing)
                    .map(|i| (i + 1, source.lines[i].1))
                    .collect();
                let item = self.fenced(line_number, info.trim(), &content)?;
                self.push(item);
                index = closing + 1;
                continue;
            }
            if let Some(title) = trimmed.strip_prefix("## ") {
                self.flush();
                self.sections.push(Section {
                    title: title.trim().to_string(),
                    items: Vec::new(),
                });
            } else if let Some(title) = trimmed.strip_prefix("### ") {
                self.flush();
                self.push(Item::Heading(title.trim().to_string()));
            } else if trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with(' ') {
                return Err(source.error_at(
                    line_number,
                    None,
                    "only '## ' (a section) and '### ' headings belong in a lesson",
                    "the lesson's title is the front matter's title; start sections with '## '",
                ));
            } else if trimmed.trim().is_empty() {
                self.flush();
            } else if let Some(item) = list_item(trimmed) {
                if !self.paragraph.is_empty() || !self.quote.is_empty() {
                    self.flush();
                }
                let (ordered, text) = item;
                match &mut self.list {
                    Some((kind, items)) if *kind == ordered => items.push(text.to_string()),
                    _ => {
                        self.flush();
                        self.list = Some((ordered, vec![text.to_string()]));
                    }
                }
            } else if let Some(text) = trimmed.strip_prefix('>') {
                if !self.paragraph.is_empty() || self.list.is_some() {
                    self.flush();
                }
                self.quote.push(text.trim().to_string());
            } else if self.list.is_some() && line.starts_with("  ") {
                // A list item continued on an indented line.
                if let Some((_, items)) = &mut self.list {
                    if let Some(last) = items.last_mut() {
                        last.push(' ');
                        last.push_str(trimmed.trim());
                    }
                }
            } else {
                if self.list.is_some() || !self.quote.is_empty() {
                    self.flush();
                }
                self.paragraph.push(trimmed.trim().to_string());
            }
            index += 1;
        }
        self.flush();
        Ok(())
    }

    /// The item a fenced block stands for.
    fn fenced(&self, line: usize, info: &str, content: &[(usize, &str)]) -> Result<Item, Error> {
        let source = self.source;
        let mut words = info.split_whitespace();
        let language = words.next().unwrap_or("");
        let options: Vec<&str> = words.collect();
        match language {
            "stepgrad" => {
                let mut expect_error = false;
                for option in options {
                    if option == "expect-error" {
                        expect_error = true;
                    } else {
                        return Err(source.error_at(
                            line,
                            None,
                            format!("unknown option '{option}' of a stepgrad block"),
                            "the only option is expect-error: ```stepgrad expect-error",
                        ));
                    }
                }
                let mut commands = Vec::new();
                for &(number, text) in content {
                    let trimmed = text.trim();
                    if trimmed.is_empty() || trimmed.starts_with('#') {
                        continue;
                    }
                    let mut args = split(trimmed).map_err(|open| {
                        let at = text.len() - text.trim_start().len() + open.at;
                        source.error_at(
                            number,
                            Some(at..at + 1),
                            "this quote is never closed",
                            "close the quote on the same line",
                        )
                    })?;
                    if args.first().map(String::as_str) == Some("stepgrad") {
                        args.remove(0);
                    }
                    if args.is_empty() {
                        return Err(source.error_at(
                            number,
                            None,
                            "a line with 'stepgrad' and no command",
                            "write the command, e.g. diff \"x^2\"",
                        ));
                    }
                    commands.push(CommandLine {
                        line: number,
                        text: trimmed.to_string(),
                        args,
                    });
                }
                if commands.is_empty() {
                    return Err(source.error_at(
                        line,
                        None,
                        "this stepgrad block has no command",
                        "write one command a line, e.g. diff \"x^2\" --at x=3",
                    ));
                }
                Ok(Item::Commands(CommandBlock {
                    commands,
                    expect_error,
                }))
            }
            "exercise" => {
                if let Some(option) = options.first() {
                    return Err(source.error_at(
                        line,
                        None,
                        format!("unknown option '{option}' of an exercise block"),
                        "write the fence as ```exercise",
                    ));
                }
                exercise(source, line, content).map(Item::Exercise)
            }
            _ => Ok(Item::Verbatim(
                content
                    .iter()
                    .map(|(_, l)| *l)
                    .collect::<Vec<_>>()
                    .join("\n"),
            )),
        }
    }
}

/// A list item's kind (ordered?) and text.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(text) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, text.trim()));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(text) = line[digits..].strip_prefix(". ") {
            return Some((true, text.trim()));
        }
    }
    None
}

/// Reads an exercise block's `key: value` lines.
fn exercise(source: &Source, line: usize, content: &[(usize, &str)]) -> Result<Exercise, Error> {
    // (key, value, line) with continuation lines joined.
    let mut fields: Vec<(String, String, usize)> = Vec::new();
    for &(number, text) in content {
        if text.trim().is_empty() {
            continue;
        }
        if text.starts_with("  ") {
            match fields.last_mut() {
                Some(field) => {
                    field.1.push(' ');
                    field.1.push_str(text.trim());
                    continue;
                }
                None => {
                    return Err(source.error_at(
                        number,
                        None,
                        "an indented line before any key",
                        "start the exercise with 'question: …'",
                    ))
                }
            }
        }
        let Some((key, value)) = text.split_once(':') else {
            return Err(source.error_at(
                number,
                None,
                "expected 'key: value'",
                "the keys are question, derivative, wrt, answer, tolerance, hint and solution",
            ));
        };
        fields.push((key.trim().to_string(), value.trim().to_string(), number));
    }
    let mut question = None;
    let mut derivative: Option<(String, usize)> = None;
    let mut wrt: Option<(String, usize)> = None;
    let mut answer: Option<(String, usize)> = None;
    let mut tolerance: Option<(String, usize)> = None;
    let mut hints = Vec::new();
    let mut solution = None;
    for (key, value, number) in fields {
        if value.is_empty() {
            return Err(source.error_at(
                number,
                None,
                format!("'{key}' has no value"),
                "write the value after the colon",
            ));
        }
        let slot =
            match key.as_str() {
                "question" => &mut question,
                "solution" => &mut solution,
                "derivative" => {
                    set_once(source, &mut derivative, value, number, &key)?;
                    continue;
                }
                "wrt" => {
                    set_once(source, &mut wrt, value, number, &key)?;
                    continue;
                }
                "answer" => {
                    set_once(source, &mut answer, value, number, &key)?;
                    continue;
                }
                "tolerance" => {
                    set_once(source, &mut tolerance, value, number, &key)?;
                    continue;
                }
                "hint" => {
                    if hints.len() == 2 {
                        return Err(source.error_at(
                            number,
                            None,
                            "an exercise has at most two hints",
                            "fold the rest into the solution",
                        ));
                    }
                    hints.push(value);
                    continue;
                }
                other => return Err(source.error_at(
                    number,
                    Some(0..other.len()),
                    format!("unknown exercise key '{other}'"),
                    "the keys are question, derivative, wrt, answer, tolerance, hint and solution",
                )),
            };
        if slot.replace(value).is_some() {
            return Err(source.error_at(
                number,
                None,
                format!("'{key}' is given twice"),
                "give each key once (hint up to twice)",
            ));
        }
    }
    let question = question.ok_or_else(|| {
        source.error_at(
            line,
            None,
            "this exercise has no question",
            "add a line question: …",
        )
    })?;
    let kind = match (derivative, answer) {
        (Some(_), Some((_, number))) => {
            return Err(source.error_at(
                number,
                None,
                "an exercise asks for a derivative or for a number, not both",
                "keep either derivative: or answer:",
            ))
        }
        (None, None) => {
            return Err(source.error_at(
                line,
                None,
                "this exercise says neither what to differentiate nor the answer",
                "add derivative: EXPR (and wrt: V), or answer: NUMBER",
            ))
        }
        (Some((expr, number)), None) => {
            if let Some((_, at)) = tolerance {
                return Err(source.error_at(
                    at,
                    None,
                    "tolerance belongs to numeric answers",
                    "derivatives are checked exactly; remove the tolerance",
                ));
            }
            let mut graph = Graph::new();
            let root = parse(&mut graph, &expr).map_err(|e| {
                source.error_at(
                    number,
                    None,
                    format!("derivative: {}", e.message()),
                    "write the expression as for stepgrad diff",
                )
            })?;
            let variables = graph.variables(root);
            let wrt = match wrt {
                Some((v, at)) => {
                    if !variables.contains(&v) {
                        return Err(source.error_at(
                            at,
                            None,
                            format!("wrt: '{v}' does not occur in {expr}"),
                            format!(
                                "the variables are {}",
                                crate::diagnostic::name_list(&variables)
                            ),
                        ));
                    }
                    v
                }
                None if variables.len() == 1 => variables[0].clone(),
                None => {
                    return Err(source.error_at(
                        number,
                        None,
                        format!("{expr} has {} variables, so say which one", variables.len()),
                        "add a line wrt: V",
                    ))
                }
            };
            ExerciseKind::Derivative { expr, wrt }
        }
        (None, Some((text, number))) => {
            if let Some((_, at)) = wrt {
                return Err(source.error_at(
                    at,
                    None,
                    "wrt belongs to derivative exercises",
                    "remove it, or ask for a derivative",
                ));
            }
            let answer = text
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    source.error_at(
                        number,
                        None,
                        format!("answer: '{text}' is not a number"),
                        "write the number, e.g. answer: 1.6",
                    )
                })?;
            let tolerance = match tolerance {
                None => DEFAULT_TOLERANCE,
                Some((t, at)) => t
                    .parse::<f64>()
                    .ok()
                    .filter(|v| *v > 0.0 && *v < 1.0)
                    .ok_or_else(|| {
                        source.error_at(
                            at,
                            None,
                            format!("tolerance: '{t}' is not a number between 0 and 1"),
                            "for example tolerance: 1e-3 (relative to the answer)",
                        )
                    })?,
            };
            ExerciseKind::Number { answer, tolerance }
        }
    };
    Ok(Exercise {
        line,
        question,
        kind,
        hints,
        solution,
    })
}

fn set_once(
    source: &Source,
    slot: &mut Option<(String, usize)>,
    value: String,
    number: usize,
    key: &str,
) -> Result<(), Error> {
    if slot.replace((value, number)).is_some() {
        return Err(source.error_at(
            number,
            None,
            format!("'{key}' is given twice"),
            "give each key once (hint up to twice)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "---\nnumber: 3\ntitle: Gradient descent\nobjectives:\n  - Update a weight\n  - Choose a rate\n---\n\nIntro text\nacross lines.\n\n## The rule\n\nA **bold** step.\n\n- one\n- two\n  continued\n\n```stepgrad\n# a comment\ndiff \"x^2\" --at x=3\nstepgrad epochs --samples 10 --batch-size 5 --epochs 1\n```\n\n```exercise\nquestion: New weight?\n  Think.\nanswer: 1.6\nhint: w − α·g\nsolution: 1.6\n```\n\n## Derivatives\n\n```exercise\nquestion: d/dx x^3?\nderivative: x^3\n```\n";

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
        assert_eq!(block.commands[0].line, 22);
        assert_eq!(block.commands[0].args, ["diff", "x^2", "--at", "x=3"]);
        assert_eq!(block.commands[1].args[0], "epochs");
        let Item::Exercise(e) = &items[3] else {
            panic!()
        };
        assert_eq!(e.question, "New weight? Think.");
        assert_eq!(
            e.kind,
            ExerciseKind::Number {
                answer: 1.6,
                tolerance: DEFAULT_TOLERANCE
            }
        );
        let Item::Exercise(e) = &lesson.sections[1].items[0] else {
            panic!()
        };
        assert_eq!(
            e.kind,
            ExerciseKind::Derivative {
                expr: "x^3".into(),
                wrt: "x".into()
            }
        );
    }

    fn error_line(text: &str) -> (usize, String) {
        match parse_lesson("bad.md", text) {
            Err(Error::Located {
                location, message, ..
            }) => (location.line, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mistakes_are_found_at_their_line() {
        let head = "---\nnumber: 1\ntitle: T\nobjectives:\n  - o\n---\n## S\n";
        assert_eq!(error_line("# Title\n").0, 1);
        assert_eq!(error_line("---\nnumber: x\n---\n").0, 2);
        assert_eq!(error_line("---\nnumber: 1\ncolour: red\n---\n").0, 3);
        assert_eq!(error_line("---\nnumber: 1\ntitle: T\n---\n## S\n").0, 4);
        assert_eq!(error_line("---\nnumber: 1\n").0, 1);
        let (line, message) = error_line(&format!("{head}```stepgrad\ndiff \"x^2\n```\n"));
        assert_eq!((line, message.as_str()), (9, "this quote is never closed"));
        assert_eq!(error_line(&format!("{head}```stepgrad\ndiff x\n")).0, 8);
        assert_eq!(
            error_line(&format!("{head}```exercise\nanswer: 2\n```\n")).0,
            8
        );
        assert_eq!(
            error_line(&format!(
                "{head}```exercise\nquestion: q\nanswer: two\n```\n"
            ))
            .0,
            10
        );
        assert_eq!(
            error_line(&format!(
                "{head}```exercise\nquestion: q\nderivative: x*y\n```\n"
            ))
            .0,
            10
        );
        assert_eq!(
            error_line(&format!(
                "{head}```exercise\nquestion: q\nderivative: x^\n```\n"
            ))
            .0,
            10
        );
        assert_eq!(
            error_line(&format!(
                "{head}```exercise\nquestion: q\nanswer: 1\nhint: a\nhint: b\nhint: c\n```\n"
            ))
            .0,
            13
        );
        assert_eq!(
            error_line(&format!("{head}```exercise\nquestion: q\nanswr: 1\n```\n")).0,
            10
        );
        assert_eq!(error_line(&format!("{head}# Not a section\n")).0, 8);
        assert_eq!(
            error_line(&format!("{head}```stepgrad wrong\ndiff x\n```\n")).0,
            8
        );
        assert_eq!(
            error_line("---\nnumber: 1\ntitle: T\nobjectives:\n  - o\n---\nno sections\n").0,
            7
        );
    }
}
