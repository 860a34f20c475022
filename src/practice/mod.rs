//! Practice sheets (`stepgrad practice`): exercises over the whole course,
//! generated from a seed — derivatives by rule, partial derivatives and
//! gradients, a gradient-descent step, the arithmetic of epochs, a cell of
//! a 2-2-1 network's backpropagation, an optimizer's steps — each with the
//! data that defines it, its question and its answers.
//!
//! A sheet is data: `report::practice` writes it (questions first, the
//! answer key after them) and `lesson::practice` judges a student's answer
//! to one of its questions. The level sets the size of what is asked, not
//! only the numbers: one rule, one partial, one step, one weight at level
//! 1; nested chains, three variables, two steps, a hidden layer's δ at
//! level 3.
//!
//! Invariant: the same request gives the same sheet, number for number
//! (one ChaCha8 stream from the seed); every answer is computed from the
//! exercise's own data.

mod generate;
mod network;

use crate::expr::{ascii, latex, parse, unicode, Graph};
use crate::Error;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// What a practice sheet covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Derivative,
    Gradient,
    Descent,
    Epochs,
    Backprop,
    Optimizer,
}

impl Topic {
    /// Every topic, in the order of the course.
    pub const ALL: [Topic; 6] = [
        Topic::Derivative,
        Topic::Gradient,
        Topic::Descent,
        Topic::Epochs,
        Topic::Backprop,
        Topic::Optimizer,
    ];

    /// The topic's name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Derivative => "derivative",
            Topic::Gradient => "gradient",
            Topic::Descent => "descent",
            Topic::Epochs => "epochs",
            Topic::Backprop => "backprop",
            Topic::Optimizer => "optimizer",
        }
    }

    /// The topic a name gives, or an error naming the closest one.
    pub fn from_name(name: &str) -> Result<Topic, Error> {
        let wanted = name.trim().to_ascii_lowercase();
        if let Some(topic) = Topic::ALL.into_iter().find(|t| t.name() == wanted) {
            return Ok(topic);
        }
        let names: Vec<&str> = Topic::ALL.iter().map(|t| t.name()).collect();
        let closest = Topic::ALL
            .into_iter()
            .min_by_key(|t| strsim::osa_distance(t.name(), &wanted))
            .map_or("derivative", Topic::name);
        Err(Error::told(
            crate::text!("practice-unknown-topic", topic = name, closest = closest),
            crate::text!("practice-topics", topics = names.join(", ")),
        ))
    }
}

/// A sheet asked for, as the command line gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// One topic, or every topic in turn.
    pub topic: Option<String>,
    pub count: u64,
    pub level: u64,
    pub seed: u64,
}

/// A formula in the three ways stepgrad writes one: ASCII (which parses
/// back), Unicode and LaTeX.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    pub ascii: String,
    pub unicode: String,
    pub latex: String,
}

impl Formula {
    /// A formula written the same way in all three (a name, a number).
    pub fn plain(text: &str) -> Formula {
        Formula::new(text, text, text)
    }

    pub fn new(ascii: &str, unicode: &str, latex: &str) -> Formula {
        Formula {
            ascii: ascii.to_string(),
            unicode: unicode.to_string(),
            latex: latex.to_string(),
        }
    }

    /// An expression in stepgrad's syntax, printed by stepgrad's printers.
    pub fn of_expression(text: &str) -> Formula {
        let mut graph = Graph::new();
        match parse(&mut graph, text) {
            Ok(root) => Formula {
                ascii: ascii(&graph, root),
                unicode: unicode(&graph, root),
                latex: latex(&graph, root),
            },
            // The generators write only expressions in the plain syntax;
            // were one refused, the sheet would still show it as written.
            Err(_) => Formula::plain(text),
        }
    }
}

/// What a datum or an answer holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Count(u64),
    /// A formula (a function, or a derivative as an answer): `of` is the
    /// function it is the derivative of, in ASCII, and `wrt` the variable.
    Formula {
        formula: Formula,
        derivative_of: Option<(String, String)>,
    },
    /// A word of the data (an optimizer's name), the same in every language.
    Word(String),
}

/// One named value: a datum the exercise gives, or an answer it asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// The key in JSON: `x0`, `dE/dw5`.
    pub key: String,
    /// The name as the sheet writes it: x₀, ∂E/∂w₅.
    pub name: Formula,
    /// A name in words instead, as a table header's English (the key of
    /// headers.ftl, translated by the report).
    pub header: Option<&'static str>,
    pub value: Value,
}

/// A question as a catalogue message and its arguments (formulas and
/// plain values), so each format and language writes it its own way.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: &'static str,
    pub args: Vec<(&'static str, Formula)>,
}

/// One exercise of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Exercise {
    pub topic: Topic,
    pub level: u8,
    /// What kind within the topic: the rule (`chain`), the optimizer (`adam`).
    pub kind: &'static str,
    pub question: Question,
    /// The data that defines the exercise; `shown` ones are listed under
    /// the question (the others are in the question itself).
    pub data: Vec<Named>,
    pub shown: usize,
    pub answers: Vec<Named>,
}

/// A sheet: the request it answers and its exercises.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub topic: Option<Topic>,
    pub level: u8,
    pub seed: u64,
    pub exercises: Vec<Exercise>,
}

/// The relative precision numeric answers are judged at: four
/// significant digits.
pub const RELATIVE_PRECISION: f64 = 5e-4;

/// Checks a request and generates its sheet.
pub fn generate(request: &Request) -> Result<Sheet, Error> {
    let topic = request.topic.as_deref().map(Topic::from_name).transpose()?;
    let count = checked_count(request.count)?;
    let level = checked_level(request.level)?;
    let mut rng = ChaCha8Rng::seed_from_u64(request.seed);
    let exercises = (0..count)
        .map(|k| {
            let topic = topic.unwrap_or(Topic::ALL[k % Topic::ALL.len()]);
            generate::exercise(topic, level, &mut rng)
        })
        .collect();
    Ok(Sheet {
        topic,
        level,
        seed: request.seed,
        exercises,
    })
}

fn checked_count(count: u64) -> Result<usize, Error> {
    let limit = crate::limits::MAX_PRACTICE_EXERCISES;
    match usize::try_from(count) {
        Ok(n) if (1..=limit).contains(&n) => Ok(n),
        _ => Err(Error::told(
            crate::text!("practice-count", count = count.to_string(), limit = limit),
            crate::text!("practice-count-hint", limit = limit),
        )),
    }
}

fn checked_level(level: u64) -> Result<u8, Error> {
    match level {
        1..=3 => Ok(level as u8),
        _ => Err(Error::told(
            crate::text!("practice-level", level = level.to_string()),
            crate::text!("practice-level-hint"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(topic: Option<&str>, count: u64, level: u64) -> Request {
        Request {
            topic: topic.map(str::to_string),
            count,
            level,
            seed: 7,
        }
    }

    #[test]
    fn every_topic_in_turn_without_one() {
        let sheet = generate(&request(None, 12, 2)).unwrap();
        let topics: Vec<Topic> = sheet.exercises.iter().map(|e| e.topic).collect();
        assert_eq!(&topics[..6], &Topic::ALL);
        assert_eq!(&topics[6..], &Topic::ALL);
    }

    #[test]
    fn bad_requests_are_refused() {
        assert!(generate(&request(Some("derivatve"), 3, 1)).is_err());
        assert!(generate(&request(None, 0, 1)).is_err());
        assert!(generate(&request(None, 100_000, 1)).is_err());
        assert!(generate(&request(None, 3, 4)).is_err());
        assert!(generate(&request(None, 3, 0)).is_err());
    }
}
