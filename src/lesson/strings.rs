//! The words the lesson runner itself says, in English and Korean.

use crate::i18n::Lang;

/// The runner's phrases in one language.
pub struct Strings {
    pub lesson: &'static str,
    pub objectives: &'static str,
    pub exercise: &'static str,
    pub hint: &'static str,
    pub solution: &'static str,
    pub derivative_is: &'static str,
    pub list_title: &'static str,
    pub list_intro: &'static str,
    pub list_start: &'static str,
    pub list_other_language: &'static str,
    pub list_own_file: &'static str,
    pub section_of: &'static str,
    pub navigation: &'static str,
    pub navigation_last: &'static str,
    pub answer_prompt: &'static str,
    pub right: &'static str,
    pub not_yet: &'static str,
    pub too_large: &'static str,
    pub too_small: &'static str,
    pub your_value: &'static str,
    pub at_point: &'static str,
    pub likely_mistake: &'static str,
    pub needs_number: &'static str,
    pub no_more_hints: &'static str,
    pub undecided: &'static str,
    /// The value of an answer that is undefined at a point.
    pub undefined: &'static str,
    pub answered: &'static str,
    pub finished: &'static str,
    pub next_lesson: &'static str,
    pub command_failed: &'static str,
}

const ENGLISH: Strings = Strings {
    lesson: "Lesson",
    objectives: "In this lesson you will",
    exercise: "Exercise",
    hint: "Hint",
    solution: "Solution",
    derivative_is: "stepgrad's derivative",
    list_title: "stepgrad lessons",
    list_intro: "Nine lessons on how neural networks learn. Each idea is shown by running stepgrad on a worked example, and stepgrad checks your answers to the exercises. In a terminal a lesson goes one section at a time.",
    list_start: "Start the first lesson with: stepgrad lesson 1",
    list_other_language: "In Korean: stepgrad lesson 1 --lang ko",
    list_own_file:
        "Your own lesson file (docs/lessons.md has the format): stepgrad lesson my-lesson.md",
    section_of: "section {k} of {n}",
    navigation: "[Enter] next · [b] back · [q] quit",
    navigation_last: "[Enter] finish · [b] back · [q] quit",
    answer_prompt: "Your answer ([?] hint · [s] solution · [Enter] skip): ",
    right: "✓ Right.",
    not_yet: "✗ Not yet.",
    too_large: "It is too large.",
    too_small: "It is too small.",
    your_value: "Your answer gives {value}.",
    at_point: "At {point} the derivative is {expected}; your answer gives {answer}.",
    likely_mistake: "Likely mistake: {mistake}.",
    needs_number: "Answer with a number (or arithmetic such as 2 - 0.1*4).",
    no_more_hints: "No more hints: [s] shows the solution.",
    undecided: "stepgrad could not decide this answer: {reason}.",
    undefined: "undefined",
    answered: "(answered)",
    finished: "End of lesson {n}.",
    next_lesson: "Next: stepgrad lesson {n}",
    command_failed: "this command failed while the lesson ran",
};

const KOREAN: Strings = Strings {
    lesson: "레슨",
    objectives: "이 레슨에서 배울 것",
    exercise: "연습 문제",
    hint: "힌트",
    solution: "풀이",
    derivative_is: "stepgrad가 구한 도함수",
    list_title: "stepgrad 레슨",
    list_intro: "신경망이 어떻게 학습하는지 아홉 개의 레슨으로 배웁니다. 레슨마다 예제에 stepgrad 명령을 직접 실행해 보고, 연습 문제의 답은 stepgrad가 채점합니다. 터미널에서는 한 번에 한 절씩 진행합니다.",
    list_start: "첫 레슨 시작하기: stepgrad lesson 1",
    list_other_language: "영어로 보기: stepgrad lesson 1 --lang en",
    list_own_file:
        "직접 쓴 레슨 파일 실행하기 (형식은 docs/lessons.md): stepgrad lesson my-lesson.md",
    section_of: "{n}개 중 {k}번째 절",
    navigation: "[Enter] 다음 · [b] 이전 · [q] 끝내기",
    navigation_last: "[Enter] 마치기 · [b] 이전 · [q] 끝내기",
    answer_prompt: "답을 입력하세요 ([?] 힌트 · [s] 풀이 · [Enter] 건너뛰기): ",
    right: "✓ 맞았습니다.",
    not_yet: "✗ 아직 아닙니다.",
    too_large: "값이 너무 큽니다.",
    too_small: "값이 너무 작습니다.",
    your_value: "입력한 답의 값은 {value}입니다.",
    at_point: "{point}에서 도함수의 값은 {expected}인데, 입력한 답은 {answer}입니다.",
    likely_mistake: "흔한 실수: {mistake}.",
    needs_number: "숫자로 답하세요 (2 - 0.1*4 같은 계산식도 됩니다).",
    no_more_hints: "힌트는 여기까지입니다: [s]를 누르면 풀이를 봅니다.",
    undecided: "stepgrad가 이 답을 판정하지 못했습니다: {reason}.",
    undefined: "정의되지 않음",
    answered: "(답함)",
    finished: "레슨 {n}을 마쳤습니다.",
    next_lesson: "다음 레슨: stepgrad lesson {n}",
    command_failed: "레슨을 실행하는 중에 이 명령이 실패했습니다",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Ko => &KOREAN,
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
