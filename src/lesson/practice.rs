//! A practice sheet worked through at a prompt: each exercise shown, each
//! answer it asks for read and judged — a derivative as `check` judges it
//! (with the likely mistake), a number at four significant digits, a count
//! exactly — with up to two hints before the answer is shown.
//!
//! The input and output are handed in (the terminal in the binary,
//! buffers in tests), so the library never touches the process's streams.
//!
//! Invariant: an answer counts as right only when the lesson's judge says
//! so; an unreadable answer is neither right nor wrong.

use super::document::{Exercise as LessonExercise, ExerciseKind};
use super::exercise::{judge, Verdict};
use crate::i18n::Lang;
use crate::practice::{Exercise, Named, Sheet, Topic, Value, RELATIVE_PRECISION};
use crate::report::practice::{answer_text, render_exercise};
use crate::report::Style;
use crate::{msg, text, Error};
use std::io::{BufRead, Write};

/// How many answers were right, of how many asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub right: usize,
    pub asked: usize,
}

/// Judges `input` as the answer `answer` asks for.
pub fn judge_answer(answer: &Named, input: &str, lang: Lang) -> Verdict {
    let kind = match &answer.value {
        Value::Formula {
            derivative_of: Some((expr, wrt)),
            ..
        } => ExerciseKind::Derivative {
            expr: expr.clone(),
            wrt: wrt.clone(),
        },
        Value::Number(v) => ExerciseKind::Number {
            answer: *v,
            tolerance: RELATIVE_PRECISION,
        },
        Value::Count(n) => ExerciseKind::Number {
            answer: *n as f64,
            tolerance: 0.0,
        },
        Value::Formula { .. } | Value::Word(_) => {
            return Verdict::Unreadable(msg!(lang, "lesson-needs-number"))
        }
    };
    let exercise = LessonExercise {
        line: 0,
        question: String::new(),
        kind,
        hints: Vec::new(),
        solution: None,
    };
    judge(&exercise, input, lang)
}

/// The two hints of a topic.
pub fn hints(topic: Topic, lang: Lang) -> [String; 2] {
    match topic {
        Topic::Derivative => [
            msg!(lang, "practice-hint-derivative-1"),
            msg!(lang, "practice-hint-derivative-2"),
        ],
        Topic::Gradient => [
            msg!(lang, "practice-hint-gradient-1"),
            msg!(lang, "practice-hint-gradient-2"),
        ],
        Topic::Descent => [
            msg!(lang, "practice-hint-descent-1"),
            msg!(lang, "practice-hint-descent-2"),
        ],
        Topic::Epochs => [
            msg!(lang, "practice-hint-epochs-1"),
            msg!(lang, "practice-hint-epochs-2"),
        ],
        Topic::Backprop => [
            msg!(lang, "practice-hint-backprop-1"),
            msg!(lang, "practice-hint-backprop-2"),
        ],
        Topic::Optimizer => [
            msg!(lang, "practice-hint-optimizer-1"),
            msg!(lang, "practice-hint-optimizer-2"),
        ],
    }
}

/// What the student did with one answer.
enum Ending {
    Right,
    Shown,
    Quit,
}

/// Works through the sheet until its end or the end of the input.
pub fn practise(
    sheet: &Sheet,
    style: &Style,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> Result<Score, Error> {
    let terminal_failed = |e: std::io::Error| Error::Told {
        message: text!("lesson-terminal-failed", error = e.to_string()),
        hint: None,
        location: None,
        code: 2,
    };
    let mut score = Score::default();
    'sheet: for (k, exercise) in sheet.exercises.iter().enumerate() {
        write!(output, "{}", render_exercise(k + 1, exercise, style)).map_err(terminal_failed)?;
        for answer in &exercise.answers {
            score.asked += 1;
            match ask(exercise, answer, style, input, output).map_err(terminal_failed)? {
                Ending::Right => score.right += 1,
                Ending::Shown => {}
                Ending::Quit => break 'sheet,
            }
        }
    }
    let lang = style.lang;
    writeln!(
        output,
        "\n{}",
        msg!(
            lang,
            "practice-score",
            right = score.right,
            asked = score.asked
        )
    )
    .map_err(terminal_failed)?;
    Ok(score)
}

fn read_line(input: &mut dyn BufRead) -> std::io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

/// Asks for one answer until it is right, shown or skipped.
fn ask(
    exercise: &Exercise,
    answer: &Named,
    style: &Style,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> std::io::Result<Ending> {
    let lang = style.lang;
    let hints = hints(exercise.topic, lang);
    let mut shown_hints = 0;
    let name = match answer.header {
        Some(english) => crate::i18n::header(lang, english).to_string(),
        None => answer.name.unicode.clone(),
    };
    loop {
        write!(output, "{name} — {}", msg!(lang, "lesson-answer-prompt"))?;
        output.flush()?;
        let Some(line) = read_line(input)? else {
            return Ok(Ending::Quit);
        };
        match line.as_str() {
            "" | "s" => {
                writeln!(output, "{}\n", answer_text(answer, style))?;
                return Ok(Ending::Shown);
            }
            "?" => match hints.get(shown_hints) {
                Some(hint) => {
                    shown_hints += 1;
                    writeln!(
                        output,
                        "{}: {hint}",
                        msg!(lang, "lesson-hint", number = shown_hints)
                    )?;
                }
                None => writeln!(output, "{}", msg!(lang, "lesson-no-more-hints"))?,
            },
            typed => match judge_answer(answer, typed, lang) {
                Verdict::Right => {
                    writeln!(output, "{}\n", msg!(lang, "lesson-right"))?;
                    return Ok(Ending::Right);
                }
                Verdict::Wrong(message)
                | Verdict::Unreadable(message)
                | Verdict::Close(message) => {
                    writeln!(output, "{message}")?;
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::{generate, Request};

    fn sheet(topic: &str, level: u64) -> Sheet {
        generate(&Request {
            topic: Some(topic.into()),
            count: 1,
            level,
            seed: 3,
        })
        .unwrap()
    }

    #[test]
    fn derivatives_are_judged_with_the_likely_mistake() {
        let s = sheet("derivative", 2);
        let answer = &s.exercises[0].answers[0];
        let Value::Formula { formula, .. } = &answer.value else {
            panic!()
        };
        assert_eq!(
            judge_answer(answer, &formula.ascii, Lang::En),
            Verdict::Right
        );
        assert!(matches!(
            judge_answer(answer, "2*x", Lang::En),
            Verdict::Wrong(_)
        ));
        assert!(matches!(
            judge_answer(answer, "2*(x", Lang::En),
            Verdict::Unreadable(_)
        ));
    }

    #[test]
    fn numbers_at_four_significant_digits_and_counts_exactly() {
        let s = sheet("optimizer", 1);
        let answer = &s.exercises[0].answers[0];
        let Value::Number(v) = answer.value else {
            panic!()
        };
        let rounded = format!("{v:.4e}");
        assert_eq!(judge_answer(answer, &rounded, Lang::En), Verdict::Right);
        let off = format!("{}", v * 1.01 + 0.01);
        assert!(matches!(
            judge_answer(answer, &off, Lang::En),
            Verdict::Wrong(_)
        ));
        let s = sheet("epochs", 1);
        let answer = &s.exercises[0].answers[0];
        let Value::Count(n) = answer.value else {
            panic!()
        };
        assert_eq!(
            judge_answer(answer, &n.to_string(), Lang::En),
            Verdict::Right
        );
        assert!(matches!(
            judge_answer(answer, &(n + 1).to_string(), Lang::En),
            Verdict::Wrong(_)
        ));
    }

    #[test]
    fn a_session_with_hints_a_wrong_and_a_right_answer() {
        let s = sheet("epochs", 1);
        let Value::Count(n) = s.exercises[0].answers[0].value else {
            panic!()
        };
        let typed = format!("?\n{}\n{n}\n", n + 1);
        let mut output = Vec::new();
        let style = Style::plain(6);
        let score = practise(&s, &style, &mut typed.as_bytes(), &mut output).unwrap();
        assert_eq!(score, Score { right: 1, asked: 1 });
        let output = String::from_utf8(output).unwrap();
        assert!(output.contains("Hint 1:"), "{output}");
        assert!(output.contains("Not yet"), "{output}");
        assert!(output.contains("Right"), "{output}");
    }
}
